/**
 * The Progress view's side of the compacted history (core/review/fold.ts): a heavy user's old reviews
 * are folded into per-day aggregates, and each card keeps only its newest review raw. `computeProgress`
 * adds the aggregates to what it scans of the raw reviews, and gets the same streak, XP and heatmap as
 * from the full log.
 *
 * True retention counts a folded review's maturity when it is folded (the card's previous review is
 * known then), per local day. The raw scan sees each card's last folded review as the previous review of
 * its first raw one, so that one counts exactly. Folded days count whole: a day row counts when its local
 * day ends after the window's start, so the window's first day counts all of that day's reviews.
 */
import type { StoredHistory } from '../review/fold';
import { DAY_MS, MINUTE_MS } from '../time';
import type { RetentionCounter } from './retention';
import { RETENTION_WINDOW_DAYS } from './retention';

/** What the review pass of the Progress view adds from a compacted history (progress.ts). */
export interface HistoryTotals {
  readonly xp: number;
  /** Streak activities: one per stored day, at the start of that local day in its offset. */
  readonly activities: { at: number; offsetMinutes: number }[];
}

/**
 * Adds a history to the heatmap (`addDay`) and to true retention, and returns its XP and streak
 * activities. `now` is the instant the view is computed for.
 */
export function historyTotals(history: StoredHistory, now: number, retention: RetentionCounter, addDay: (day: number, reviews: number) => void): HistoryTotals {
  let xp = 0;
  const since = now - RETENTION_WINDOW_DAYS * DAY_MS;
  const activities: { at: number; offsetMinutes: number }[] = [];
  for (const [day, offset, reviews, dayXp, , , , , mature, recalled] of history.d) {
    xp += dayXp;
    addDay(day, reviews);
    const start = day * DAY_MS - offset * MINUTE_MS;
    activities.push({ at: start, offsetMinutes: offset });
    if (mature && start + DAY_MS > since && start <= now) retention.addCounted(mature, recalled);
  }
  // Folded reviews are all older than every raw one of the same card, so each card's last folded review
  // comes next in the newest-first retention scan.
  for (const cardId of Object.keys(history.c)) retention.addNewestFirst(cardId, history.c[cardId][2], 0);
  return { xp, activities };
}
