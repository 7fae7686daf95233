/** The drill's view of the review state (core/drill/controller.ts `DrillBackend`), built by StateService. */
import type { ContentIndex } from '../../core/content/types';
import type { DrillBackend } from '../../core/drill/controller';
import { createScheduler, type Scheduler } from '../../core/review/scheduler';
import type { ReviewInput } from '../../core/review/storeApi';
import type { CardState } from '../../core/review/types';

/** What the backend needs from StateService: reads by current id, writes that follow aliases. */
export interface DrillState {
  /** The store's scheduler; undefined before the store opens. */
  scheduler(): Scheduler | undefined;
  card(cardId: string): CardState | undefined;
  cards(): ReadonlyMap<string, CardState>;
  record(input: ReviewInput, answer?: string): Promise<void>;
  undoLast(expectedCardId: string): Promise<string | undefined>;
}

export function drillBackend(content: () => ContentIndex, state: DrillState): DrillBackend {
  return {
    content,
    preview: (cardId, now) => (state.scheduler() ?? createScheduler()).preview(state.card(cardId)?.card, now),
    record: (r) => state.record({ cardId: r.cardId, rating: r.rating, now: r.at, durationMs: r.durationMs, correct: r.correct, xp: r.xp }, r.answer),
    undoLast: (expectedCardId) => state.undoLast(expectedCardId),
    card: (cardId) => state.card(cardId)?.card,
    nextDue: (now) => {
      let best: Date | undefined;
      for (const s of state.cards().values()) {
        if (!s.card || s.suspended) continue;
        if (s.card.due.getTime() > now.getTime() && (!best || s.card.due < best)) best = s.card.due;
      }
      return best;
    },
  };
}
