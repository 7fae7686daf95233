/**
 * Case rubrics as the self-review and the review queue use them: stable point ids, the self-review model
 * with pre-ticks from the doc's text, and review cards made from missed points. Pure (no VS Code), so
 * unit tests cover it all; the content index is immutable JSON, so cards are built as extra Question
 * objects that the ContentService merges in.
 */
import type { CaseSectionKey, CaseStudy, Question } from '../content/types';
import { CASE_SECTIONS } from '../content/types';
import { matchRubricEvidence, sectionInfo } from '../designDoc';
import { isContentId } from '../ids';
import type { SelfReview, SelfReviewSection } from '../../shared/selfReview';
import { escapeHtml } from '../text';

/** One rubric point of a case, with the ids it is stored and drilled under. */
export interface RubricPointRef {
  readonly caseId: string;
  readonly section: CaseSectionKey;
  readonly index: number;
  readonly point: string;
}

/** The id a case practice stores for a missed point: `${caseId}-${sectionKey}-${index}`. */
export function rubricPointId(caseId: string, section: CaseSectionKey, index: number): string {
  return `${caseId}-${section}-${index}`;
}

/** The id of the review card for a point: `${caseId}-rubric-${sectionKey}-${index}`, a valid content id for valid case ids. */
export function rubricCardId(caseId: string, section: CaseSectionKey, index: number): string {
  return `${caseId}-rubric-${section}-${index}`;
}

const SECTION_KEYS = CASE_SECTIONS.map((s) => s.key);
/** Longest first, so a key that ends another (none today) could not shadow it. */
const KEYS_BY_LENGTH = [...SECTION_KEYS].sort((a, b) => b.length - a.length);

/**
 * Reads a stored point id back into section and index. Section keys contain hyphens ("failure-modes"),
 * so the key is matched against the known keys rather than split on "-".
 */
export function parseRubricPointId(caseId: string, pointId: string): { section: CaseSectionKey; index: number } | undefined {
  const prefix = `${caseId}-`;
  if (!pointId.startsWith(prefix)) return undefined;
  const rest = pointId.slice(prefix.length);
  for (const key of KEYS_BY_LENGTH) {
    if (!rest.startsWith(`${key}-`)) continue;
    const n = rest.slice(key.length + 1);
    if (/^(?:0|[1-9]\d{0,3})$/.test(n)) return { section: key, index: Number(n) };
  }
  return undefined;
}

/** Every point of a case's rubric, in syllabus order. */
export function rubricPoints(c: CaseStudy): RubricPointRef[] {
  return SECTION_KEYS.flatMap((section) => (c.rubric[section] ?? []).map((p, index) => ({ caseId: c.id, section, index, point: p.point })));
}

/**
 * The self-review for a practice of `c` whose doc says `docText`: every rubric point by section,
 * pre-ticked where the doc shows evidence of it.
 */
export function buildSelfReview(c: CaseStudy, docText: string, info: Pick<SelfReview, 'reviewId' | 'reason' | 'elapsed' | 'note'>): SelfReview {
  const evidence = matchRubricEvidence(docText, c.rubric);
  const sections: SelfReviewSection[] = [];
  for (const key of SECTION_KEYS) {
    const points = evidence
      .filter((e) => e.section === key)
      .map((e) => ({ id: rubricPointId(c.id, key, e.index), text: e.point, evidenced: e.evidenced, found: e.found }));
    if (points.length) sections.push({ key, heading: sectionInfo(key).heading, points });
  }
  return { ...info, caseId: c.id, caseTitle: c.title, sections };
}

/** Score and missed ids for a confirmed review: ids the webview sent that the review lacks are ignored. */
export function scoreSelfReview(review: SelfReview, ticked: readonly string[]): { score: number; maxScore: number; missed: string[] } {
  const tickedSet = new Set(ticked);
  const all = review.sections.flatMap((s) => s.points.map((p) => p.id));
  const missed = all.filter((id) => !tickedSet.has(id));
  return { score: all.length - missed.length, maxScore: all.length, missed };
}

/**
 * A flashcard for one missed rubric point, linked to its case. Undefined when the point no longer exists
 * (the case changed), the case has no topic to file the card under, or the id would not be a content id.
 */
export function buildRubricCard(c: CaseStudy, section: CaseSectionKey, index: number): Question | undefined {
  const point = c.rubric[section]?.[index];
  const topic = c.topics[0];
  const id = rubricCardId(c.id, section, index);
  if (!point || !topic || !isContentId(id)) return undefined;
  const info = sectionInfo(section);
  const promptText = `What does a strong answer say about ${info.heading} for "${c.title}"?`;
  const explanationText =
    `Interviewers look for this under ${info.heading} because a strong answer ${info.strongAnswer}. ` +
    `You left it out when you practised this case, so it comes back as a card until you can say it unprompted.`;
  return {
    kind: 'question',
    id,
    aliases: [],
    source: c.source,
    topic,
    roles: c.roles,
    difficulty: 'medium',
    type: 'flashcard',
    promptHtml: `<p>What does a strong answer say about <strong>${escapeHtml(info.heading)}</strong> for <em>${escapeHtml(c.title)}</em>?</p>`,
    promptText,
    answerHtml: `<p>${escapeHtml(point.point)}</p>`,
    explanationHtml: `<p>${escapeHtml(explanationText)}</p>`,
    explanationText,
    tags: ['rubric', `case:${c.id}`, `section:${section}`],
    caseId: c.id,
  };
}

/** The card id for a stored point id, when it parses and names a card that can exist. */
export function cardIdForPoint(caseId: string, pointId: string): string | undefined {
  const parsed = parseRubricPointId(caseId, pointId);
  if (!parsed) return undefined;
  const id = rubricCardId(caseId, parsed.section, parsed.index);
  return isContentId(id) ? id : undefined;
}

/**
 * Every rubric card the user's practices call for: one per point missed in any practice of a case the
 * index still has, deduplicated, in the order first missed. This is how cards survive reloads: they are
 * derived from the stored practices, not stored themselves.
 */
export function rubricCardsFromPractices(
  cases: readonly CaseStudy[],
  practices: readonly { readonly caseId: string; readonly missed: readonly string[] }[],
): Question[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const cards = new Map<string, Question>();
  for (const p of practices) {
    const c = byId.get(p.caseId);
    if (!c) continue;
    for (const pointId of p.missed) {
      const parsed = parseRubricPointId(c.id, pointId);
      if (!parsed) continue;
      const id = rubricCardId(c.id, parsed.section, parsed.index);
      if (cards.has(id)) continue;
      const card = buildRubricCard(c, parsed.section, parsed.index);
      if (card) cards.set(id, card);
    }
  }
  return [...cards.values()];
}

/** A cheap fingerprint of a card list, to skip re-publishing an unchanged set. */
export function cardsKey(cards: readonly Question[]): string {
  return cards.map((q) => `${q.id}\u0000${q.answerHtml ?? ''}\u0000${q.promptHtml}`).join('\u0001');
}
