/**
 * The Pre-interview review order: the cards you would most likely forget by the interview come first.
 * Predicted recall is FSRS retrievability at the start of the interview day, from each card's current
 * state (no further reviews assumed). Only reviewed, unsuspended cards take part: a card never seen has
 * nothing to review. Ties keep the role's topic order, then card id, so the order is stable.
 */
import type { ContentIndex } from '../content/types';
import { retrievability } from '../review/scheduler';
import type { CardState } from '../review/types';

/** One card of the order, with its predicted recall on the day. */
export interface PreInterviewCard {
  readonly cardId: string;
  readonly topicId: string;
  /** 0-1. */
  readonly recallOnDay: number;
}

/** The cards of `topicIds` (in priority order) that have been reviewed, lowest recall at `at` first. */
export function preInterviewOrder(index: ContentIndex, cards: ReadonlyMap<string, CardState>, topicIds: readonly string[], at: Date): PreInterviewCard[] {
  const rank = new Map<string, number>();
  topicIds.forEach((id, i) => {
    if (!rank.has(id)) rank.set(id, i);
  });
  const out: (PreInterviewCard & { rank: number })[] = [];
  for (const q of index.questions) {
    const r = rank.get(q.topic);
    if (r === undefined) continue;
    const state = cards.get(q.id);
    if (!state?.card || state.suspended) continue;
    out.push({ cardId: q.id, topicId: q.topic, recallOnDay: retrievability(state.card, at), rank: r });
  }
  out.sort((a, b) => a.recallOnDay - b.recallOnDay || a.rank - b.rank || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  return out.map(({ rank: _r, ...c }) => c);
}
