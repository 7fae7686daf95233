/**
 * Readiness for a role, and the checklist of what is still missing. The formula (READINESS_FORMULA holds
 * the same text for the Progress view's help):
 *
 *   readiness = 100 x (0.60 x mastery + 0.15 x lessons + 0.25 x cases)
 *     mastery = the mean of the role's core topics' mastery (topics.ts: mean FSRS recall of each topic's
 *               cards, unseen cards counting 0); supporting and skip topics do not count
 *     lessons = lessons for the role marked complete / lessons for the role
 *     cases   = the mean, over the role's case studies, of the best rubric score (score / max) of any
 *               practice of that case; a case never practised counts 0
 *   A part with nothing to measure (no core cards, no lessons or no cases for the role) is left out and
 *   the weights of the others are scaled up to sum to 1.
 *
 * Each checklist item carries the readiness points it can add (`impact`), computed with the same formula
 * assuming the action succeeds (a reviewed or learned card recalled at 100%, a case scored in full):
 *   drillDue     100 x w_mastery x sum over due cards of (1 - R) / (topic cards x core topics)
 *   drill        100 x w_mastery x new cards / (topic cards x core topics)
 *   openLesson   100 x w_lessons / lessons for the role
 *   practiseCase 100 x w_cases x (1 - best score) / cases for the role
 * Items are ordered by impact, largest first; ties keep the order drillDue, openLesson, practiseCase,
 * drill, then the role's own order of topics, lessons and cases.
 */
import type { CaseStudy, ContentIndex, Lesson, Role } from '../content/types';
import type { CasePractice } from '../review/types';
import type { TopicStats } from './topics';
import { plural } from '../text';

/** The nominal weight of each part of readiness. */
export const READINESS_WEIGHTS = { mastery: 0.6, lessons: 0.15, cases: 0.25 } as const;
export type ReadinessPartKey = keyof typeof READINESS_WEIGHTS;

/** The formula in words, one line each, for the Progress view's help. */
export const READINESS_FORMULA: readonly string[] = [
  'Readiness = 60% core topic mastery + 15% lessons + 25% case practice.',
  'Core topic mastery: the average of your core topics; a topic is the average chance (FSRS) that you recall each of its cards today, counting cards you have not seen as 0.',
  'Lessons: the share of the lessons for your role that you have completed.',
  "Case practice: the average over your role's case studies of your best rubric score on each; a case not practised counts 0.",
  'A part with nothing to measure is left out and the others are scaled up.',
];

/** A machine-readable checklist action; the owner maps each kind to a command. */
export type ChecklistAction =
  /** Review the cards now due in a core topic (a topic drill shows due cards first). */
  | { readonly kind: 'drillDue'; readonly topicId: string }
  /** Learn the core topic's new cards (a topic drill). */
  | { readonly kind: 'drill'; readonly topicId: string }
  | { readonly kind: 'openLesson'; readonly lessonId: string }
  | { readonly kind: 'practiseCase'; readonly caseId: string };

/** One line of the checklist. */
export interface ChecklistItem {
  readonly action: ChecklistAction;
  /** "Review 12 due cards in Evals", "Learn 30 new cards in Metrics", "Read: What is new in AI systems". */
  readonly label: string;
  /** Readiness points (0-100 scale) the action can add; see the file comment. */
  readonly impact: number;
  readonly part: ReadinessPartKey;
}

/** One part of readiness, as the view shows it. */
export interface ReadinessPart {
  readonly key: ReadinessPartKey;
  readonly label: string;
  /** The nominal weight, 0-1. */
  readonly weight: number;
  /** The weight actually applied after leaving out unmeasured parts; 0 for an unmeasured part. */
  readonly effectiveWeight: number;
  /** 0-1; undefined when there is nothing to measure. */
  readonly value: number | undefined;
  /** Readiness points this part contributes: 100 x effectiveWeight x value. */
  readonly points: number;
  /** "Mean of 9 core topics", "4 of 7 lessons complete", "2 of 3 cases practised, best scores average 48%". */
  readonly detail: string;
}

/** Readiness for one role. */
export interface RoleReadiness {
  readonly roleId: string;
  readonly roleName: string;
  /** 0-1, unrounded. */
  readonly score: number;
  /** 0-100, rounded. */
  readonly percent: number;
  readonly parts: readonly ReadinessPart[];
  readonly checklist: readonly ChecklistItem[];
  /** "Readiness for Applied ML engineer: 42%: core topic mastery 35%, lessons 4 of 7, case practice 30%." */
  readonly summary: string;
}

/** What readiness reads besides the role: shared by all roles, computed once. */
export interface ReadinessContext {
  readonly index: ContentIndex;
  readonly stats: ReadonlyMap<string, TopicStats>;
  /** Completed reads (lessons and case walkthroughs) by id. */
  readonly reads: ReadonlyMap<string, Date>;
  /** Best rubric score (0-1) per case id, from `bestCaseScores`. */
  readonly bestScores: ReadonlyMap<string, number>;
}

/** The best score / maxScore per case id (0-1). */
export function bestCaseScores(practices: readonly CasePractice[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const p of practices) {
    const score = p.maxScore > 0 ? Math.min(1, Math.max(0, p.score / p.maxScore)) : 0;
    if (score > (best.get(p.caseId) ?? -1)) best.set(p.caseId, score);
  }
  return best;
}

/** The lessons that apply to a role (a lesson naming no roles applies to all), in reading order. */
export function lessonsForRole(index: ContentIndex, roleId: string): Lesson[] {
  return index.lessons.filter((l) => l.roles.length === 0 || l.roles.includes(roleId)).sort((a, b) => a.order - b.order);
}

/** The case studies for a role, in bank order. */
export function casesForRole(index: ContentIndex, roleId: string): CaseStudy[] {
  return index.cases.filter((c) => c.roles.includes(roleId));
}

const KIND_RANK: Readonly<Record<ChecklistAction['kind'], number>> = { drillDue: 0, openLesson: 1, practiseCase: 2, drill: 3 };

/** Readiness, its parts and the checklist for one role. O(role's topics + lessons + cases). */
export function roleReadiness(role: Role, ctx: ReadinessContext): RoleReadiness {
  const coreIds = [...new Set(role.topics.filter((t) => t.weight === 'core').map((t) => t.id))];
  const core = coreIds.map((id) => ctx.stats.get(id)).filter((s): s is TopicStats => !!s && s.cards > 0);
  const lessons = lessonsForRole(ctx.index, role.id);
  const cases = casesForRole(ctx.index, role.id);
  const lessonsDone = lessons.filter((l) => ctx.reads.has(l.id)).length;
  const practised = cases.filter((c) => ctx.bestScores.has(c.id)).length;

  const values: Record<ReadinessPartKey, number | undefined> = {
    mastery: core.length ? core.reduce((sum, s) => sum + s.mastery, 0) / core.length : undefined,
    lessons: lessons.length ? lessonsDone / lessons.length : undefined,
    cases: cases.length ? cases.reduce((sum, c) => sum + (ctx.bestScores.get(c.id) ?? 0), 0) / cases.length : undefined,
  };
  const keys = Object.keys(READINESS_WEIGHTS) as ReadinessPartKey[];
  const measured = keys.reduce((sum, k) => sum + (values[k] === undefined ? 0 : READINESS_WEIGHTS[k]), 0);
  const w = (k: ReadinessPartKey): number => (values[k] === undefined || measured === 0 ? 0 : READINESS_WEIGHTS[k] / measured);
  const pct = (x: number | undefined): string => `${Math.round((x ?? 0) * 100)}%`;
  const details: Record<ReadinessPartKey, string> = {
    mastery: core.length ? `Mean of ${plural(core.length, 'core topic')}` : 'No core topic has cards',
    lessons: lessons.length ? `${lessonsDone} of ${plural(lessons.length, 'lesson')} complete` : 'No lessons for this role',
    cases: cases.length
      ? `${practised} of ${plural(cases.length, 'case')} practised, best scores average ${pct(values.cases)}`
      : 'No case studies for this role',
  };
  const labels: Record<ReadinessPartKey, string> = { mastery: 'Core topic mastery', lessons: 'Lessons', cases: 'Case practice' };
  const parts = keys.map((key): ReadinessPart => ({
    key,
    label: labels[key],
    weight: READINESS_WEIGHTS[key],
    effectiveWeight: w(key),
    value: values[key],
    points: 100 * w(key) * (values[key] ?? 0),
    detail: details[key],
  }));
  const score = parts.reduce((sum, p) => sum + p.points, 0) / 100;

  const items: ChecklistItem[] = [];
  for (const s of core) {
    const share = (100 * w('mastery')) / (s.cards * core.length);
    if (s.counts.due)
      items.push({
        action: { kind: 'drillDue', topicId: s.topicId },
        label: `Review ${plural(s.counts.due, 'due card')} in ${s.title}`,
        impact: share * s.dueGap,
        part: 'mastery',
      });
    if (s.counts.new)
      items.push({
        action: { kind: 'drill', topicId: s.topicId },
        label: `Learn ${plural(s.counts.new, 'new card')} in ${s.title}`,
        impact: share * s.counts.new,
        part: 'mastery',
      });
  }
  for (const l of lessons) {
    if (!ctx.reads.has(l.id))
      items.push({ action: { kind: 'openLesson', lessonId: l.id }, label: `Read: ${l.title}`, impact: (100 * w('lessons')) / lessons.length, part: 'lessons' });
  }
  for (const c of cases) {
    const best = ctx.bestScores.get(c.id);
    if (best !== undefined && best >= 1) continue;
    const label = best === undefined ? `Practise the case "${c.title}"` : `Practise the case "${c.title}" again (best so far ${pct(best)})`;
    items.push({ action: { kind: 'practiseCase', caseId: c.id }, label, impact: (100 * w('cases') * (1 - (best ?? 0))) / cases.length, part: 'cases' });
  }
  const checklist = items.sort((a, b) => b.impact - a.impact || KIND_RANK[a.action.kind] - KIND_RANK[b.action.kind]);

  const percent = Math.round(score * 100);
  const summary = `Readiness for ${role.name}: ${percent}%: core topic mastery ${pct(values.mastery)}, lessons ${lessonsDone} of ${lessons.length}, case practice ${pct(values.cases)}.`;
  return { roleId: role.id, roleName: role.name, score, percent, parts, checklist, summary };
}
