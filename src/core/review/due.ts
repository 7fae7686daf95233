/**
 * When a card counts as due, with learn-ahead. The one definition the session builder, the Study Plan,
 * the status bar and the Progress view share, so their counts agree.
 *
 * A card in its (re)learning steps counts as due from `learnAheadMs` before its due time: a card failed a
 * minute ago, due again in a minute, is due now for every count, as it is for the drill that will show it
 * again. A card in review counts from its due time. Burying postpones both; suspended and new cards are
 * never due.
 */
import type { CardState, ReviewCard } from './types';
import { MINUTE_MS } from '../time';

/** The learn-ahead window unless the user sets otherwise (`loopPrep.learnAheadMinutes`), as in Anki. */
export const DEFAULT_LEARN_AHEAD_MINUTES = 20;
/** The largest window the setting accepts. */
export const MAX_LEARN_AHEAD_MINUTES = 240;

/** Minutes from the setting to milliseconds: anything that is not a number gives the default; clamped to 0-240. */
export function learnAheadMs(minutes: unknown): number {
  const m = typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : DEFAULT_LEARN_AHEAD_MINUTES;
  return Math.round(Math.min(MAX_LEARN_AHEAD_MINUTES, Math.max(0, m)) * MINUTE_MS);
}

/** True for a card in its learning or relearning steps (minutes apart, not days). */
export function inLearningSteps(card: ReviewCard | undefined): card is ReviewCard {
  return !!card && (card.phase === 'learning' || card.phase === 'relearning');
}

/**
 * The instant (epoch ms) from which a card counts as due: its due time, `learnAheadMs` earlier while in
 * learning steps, and never before the end of a burial. Undefined for new and suspended cards.
 */
export function countsDueFrom(state: CardState | undefined, learnAheadMs: number): number | undefined {
  const card = state?.card;
  if (!card || state.suspended) return undefined;
  const ahead = inLearningSteps(card) ? Math.max(0, learnAheadMs) : 0;
  return Math.max(card.due.getTime() - ahead, state.buriedUntil?.getTime() ?? -Infinity);
}

/** Whether a card counts as due at `now`, with learn-ahead (see `countsDueFrom`). */
export function isDue(state: CardState | undefined, now: Date, learnAheadMs: number): boolean {
  const from = countsDueFrom(state, learnAheadMs);
  return from !== undefined && from <= now.getTime();
}
