/**
 * Per-topic card statistics, computed in one pass over the bank's questions and shared by the mastery
 * bars, readiness for every role and the checklist.
 *
 *   card recall R  = FSRS retrievability at now (scheduler.ts), 0 for a card never reviewed (or reset)
 *   topic mastery  = sum of R over the topic's cards / number of the topic's cards
 *
 * So unseen cards count as not known, and suspended cards count like any other (suspending a card does
 * not make you know it). Card statuses are the Study Plan's (StateService.statusOf uses `cardStatus`): due
 * when due now with learn-ahead (review/due.ts) and not buried; mastered when in review with a scheduled
 * interval of 21 days or more.
 */
import type { ContentIndex, Role, Topic, TopicWeight } from '../content/types';
import type { CardStatus } from '../studyPlan/studyPlan';
import { orderTopics } from '../studyPlan/studyPlan';
import { isDue } from '../review/due';
import { retrievability } from '../review/scheduler';
import type { CardState } from '../review/types';

/** A card is mastered once its next review is at least this many days away (the Study Plan's rule). */
export const MASTERED_DAYS = 21;

/**
 * What the Study Plan shows for a card; `state` undefined means never touched. `learnAheadMs` is the
 * learn-ahead window: a card in learning steps due within it is 'due' already (see review/due.ts).
 */
export function cardStatus(state: CardState | undefined, now: Date, learnAheadMs = 0): CardStatus {
  if (!state) return 'new';
  if (state.suspended) return 'suspended';
  if (!state.card) return 'new';
  if (isDue(state, now, learnAheadMs)) return 'due';
  if (state.card.phase === 'review' && state.card.scheduledDays >= MASTERED_DAYS) return 'mastered';
  return 'learning';
}

/** One topic's cards, by status, with their summed recall. */
export interface TopicStats {
  readonly topicId: string;
  readonly title: string;
  /** Every card (question) in the topic. */
  readonly cards: number;
  /** Cards reviewed at least once and not reset. */
  readonly seen: number;
  readonly counts: Readonly<Record<CardStatus, number>>;
  /** Sum of R over the topic's cards. */
  readonly recall: number;
  /** Sum of (1 - R) over the due cards: the recall a review of each would restore. */
  readonly dueGap: number;
  /** recall / cards, 0-1 (0 for a topic without cards). */
  readonly mastery: number;
}

interface MutableStats {
  topicId: string;
  title: string;
  cards: number;
  seen: number;
  counts: Record<CardStatus, number>;
  recall: number;
  dueGap: number;
  mastery: number;
}

/**
 * Stats for every topic that has questions, plus empty stats for listed topics without any. O(questions).
 * `learnAheadMs` as in `cardStatus`.
 */
export function topicStats(index: ContentIndex, cards: ReadonlyMap<string, CardState>, now: Date, learnAheadMs = 0): Map<string, TopicStats> {
  const titles = new Map(index.topics.map((t) => [t.id, t.title]));
  const out = new Map<string, MutableStats>();
  const statsOf = (topicId: string): MutableStats => {
    let s = out.get(topicId);
    if (!s) {
      s = {
        topicId,
        title: titles.get(topicId) ?? topicId,
        cards: 0,
        seen: 0,
        counts: { new: 0, learning: 0, due: 0, mastered: 0, suspended: 0 },
        recall: 0,
        dueGap: 0,
        mastery: 0,
      };
      out.set(topicId, s);
    }
    return s;
  };
  for (const t of index.topics) statsOf(t.id);
  for (const q of index.questions) {
    const s = statsOf(q.topic);
    const state = cards.get(q.id);
    const status = cardStatus(state, now, learnAheadMs);
    const r = retrievability(state?.card, now);
    s.cards++;
    if (state?.card) s.seen++;
    s.counts[status]++;
    s.recall += r;
    if (status === 'due') s.dueGap += 1 - r;
  }
  for (const s of out.values()) s.mastery = s.cards ? s.recall / s.cards : 0;
  return out;
}

/** One mastery bar of the Progress view. */
export interface TopicMasteryBar {
  readonly topicId: string;
  readonly title: string;
  /** The role's weight for the topic; undefined when the role does not list it (or there is no role). */
  readonly weight: TopicWeight | undefined;
  /** Topic mastery, 0-1, and rounded to a percentage. */
  readonly mastery: number;
  readonly masteryPct: number;
  readonly cards: number;
  readonly seen: number;
  readonly counts: Readonly<Record<CardStatus, number>>;
  /** "Evals (core): 45% mastery; 12 of 40 cards seen, 3 due, 5 mastered." */
  readonly label: string;
}

/**
 * The mastery bars in Study Plan order for `role`: core, supporting, unlisted, then the role's skip topics
 * last (every topic by title when there is no role).
 */
export function masteryBars(index: ContentIndex, role: Role | undefined, stats: ReadonlyMap<string, TopicStats>): TopicMasteryBar[] {
  const { ordered, skipped } = orderTopics(index, role);
  const rows: { topic: Topic; weight: TopicWeight | undefined }[] = [...ordered, ...skipped];
  return rows.map(({ topic, weight }) => {
    const s = stats.get(topic.id);
    const mastery = s?.mastery ?? 0;
    const masteryPct = Math.round(mastery * 100);
    const counts = s?.counts ?? { new: 0, learning: 0, due: 0, mastered: 0, suspended: 0 };
    const cards = s?.cards ?? 0;
    const seen = s?.seen ?? 0;
    const label = `${topic.title}${weight ? ` (${weight})` : ''}: ${masteryPct}% mastery; ${seen} of ${cards} cards seen, ${counts.due} due, ${counts.mastered} mastered.`;
    return { topicId: topic.id, title: topic.title, weight, mastery, masteryPct, cards, seen, counts, label };
  });
}
