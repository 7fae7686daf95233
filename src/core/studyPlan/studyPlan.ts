/**
 * The study plan for a role: its topics in priority order with card counts, the "only if your role needs
 * it" topics last, and the state of each card. Pure: card states come in through `statusOf`.
 */
import { catalogOf } from '../content/catalog';
import type { ContentIndex, Difficulty, Question, Role, Topic, TopicWeight } from '../content/types';

export type CardStatus = 'new' | 'learning' | 'due' | 'mastered' | 'suspended';
export const CARD_STATUSES: readonly CardStatus[] = ['due', 'learning', 'new', 'mastered', 'suspended'];

export interface TopicSummary {
  readonly topic: Topic;
  readonly weight: TopicWeight | undefined;
  readonly total: number;
  readonly counts: Readonly<Record<CardStatus, number>>;
  /** Mastered cards as a share of all the topic's cards, 0-100, rounded. */
  readonly masteryPct: number;
}

export interface StudyPlan {
  /** The chosen role, when the id names a known role. */
  readonly role: Role | undefined;
  /** Topics to study, in the role's order (all topics, by title, when there is no valid role). */
  readonly topics: readonly TopicSummary[];
  /** Topics the role marks "skip": ranked last and collapsed. */
  readonly skipped: readonly TopicSummary[];
}

export interface PlanFilter {
  readonly difficulties?: readonly Difficulty[];
  readonly statuses?: readonly CardStatus[];
}

/** Orders the index's topics for a role. Topics the role does not list go after its listed ones. */
export function orderTopics(
  index: ContentIndex,
  role: Role | undefined,
): { ordered: { topic: Topic; weight: TopicWeight | undefined }[]; skipped: { topic: Topic; weight: TopicWeight }[] } {
  const byId = new Map(index.topics.map((t) => [t.id, t]));
  if (!role) return { ordered: [...index.topics].sort((a, b) => a.title.localeCompare(b.title)).map((topic) => ({ topic, weight: undefined })), skipped: [] };
  const ordered: { topic: Topic; weight: TopicWeight | undefined }[] = [];
  const skipped: { topic: Topic; weight: TopicWeight }[] = [];
  const listed = new Set<string>();
  const rank: Record<TopicWeight, number> = { core: 0, supporting: 1, skip: 2 };
  const entries = role.topics.map((t, i) => ({ ...t, i })).sort((a, b) => rank[a.weight] - rank[b.weight] || a.i - b.i);
  for (const entry of entries) {
    const topic = byId.get(entry.id);
    if (!topic || listed.has(topic.id)) continue;
    listed.add(topic.id);
    if (entry.weight === 'skip') skipped.push({ topic, weight: 'skip' });
    else ordered.push({ topic, weight: entry.weight });
  }
  for (const topic of index.topics) if (!listed.has(topic.id)) ordered.push({ topic, weight: undefined });
  return { ordered, skipped };
}

/** Groups questions by topic once, so building the plan is linear in the number of cards. */
export function questionsByTopic(index: ContentIndex): Map<string, Question[]> {
  const map = new Map<string, Question[]>();
  for (const q of index.questions) {
    const list = map.get(q.topic);
    if (list) list.push(q);
    else map.set(q.topic, [q]);
  }
  return map;
}

export function summarizeTopic(
  topic: Topic,
  weight: TopicWeight | undefined,
  questions: readonly Question[],
  statusOf: (q: Question) => CardStatus,
): TopicSummary {
  const counts: Record<CardStatus, number> = { new: 0, learning: 0, due: 0, mastered: 0, suspended: 0 };
  for (const q of questions) counts[statusOf(q)]++;
  return { topic, weight, total: questions.length, counts, masteryPct: questions.length ? Math.round((counts.mastered / questions.length) * 100) : 0 };
}

export function buildStudyPlan(
  index: ContentIndex,
  roleId: string | undefined,
  statusOf: (q: Question) => CardStatus,
  byTopic = questionsByTopic(index),
): StudyPlan {
  const role = roleId ? catalogOf(index).get('role', roleId) : undefined;
  const { ordered, skipped } = orderTopics(index, role);
  return {
    role,
    topics: ordered.map(({ topic, weight }) => summarizeTopic(topic, weight, byTopic.get(topic.id) ?? [], statusOf)),
    skipped: skipped.map(({ topic, weight }) => summarizeTopic(topic, weight, byTopic.get(topic.id) ?? [], statusOf)),
  };
}

/** "8 due · 24 new · 40% mastered": the topic's description in the tree. */
export function describeCounts(s: TopicSummary): string {
  const parts: string[] = [];
  if (s.counts.due) parts.push(`${s.counts.due} due`);
  if (s.counts.new) parts.push(`${s.counts.new} new`);
  parts.push(`${s.masteryPct}% mastered`);
  return parts.join(' · ');
}

/** The tooltip that explains the numbers. */
export function explainCounts(s: TopicSummary): string {
  return [
    `${s.topic.title}: ${s.total} cards`,
    `${s.counts.due} due now: scheduled for review today or earlier`,
    `${s.counts.learning} learning: reviewed, not yet due, not yet mastered`,
    `${s.counts.new} new: never reviewed`,
    `${s.counts.mastered} mastered (${s.masteryPct}%): remembered well enough that the next review is 3 weeks or more away`,
    s.counts.suspended ? `${s.counts.suspended} suspended: left out of drills until you unsuspend them` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The topic's tooltip as plain text. A pack's title and summary are never Markdown here: a tooltip that
 * rendered them could show a remote image, which the hover would fetch, or a link that runs a command.
 */
export function topicTooltip(s: TopicSummary, maxSummary = 400): string {
  const summary = s.topic.summary.length > maxSummary ? `${s.topic.summary.slice(0, maxSummary - 1)}…` : s.topic.summary;
  return [
    `${s.topic.title}${s.weight ? ` · ${s.weight}` : ''}`,
    summary,
    explainCounts(s)
      .split('\n')
      .map((l) => `• ${l}`)
      .join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function matchesFilter(q: Question, status: CardStatus, filter: PlanFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.difficulties?.length && !filter.difficulties.includes(q.difficulty)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(status)) return false;
  return true;
}
