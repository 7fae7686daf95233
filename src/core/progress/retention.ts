/**
 * True retention: how often the user actually recalls mature cards, to set beside the desired retention
 * the scheduler aims for. Formula (shown in the Progress view's help):
 *
 *   true retention = mature reviews not rated Again / mature reviews, over the last 30 days
 *   a review is "mature" when at least 21 days passed since the same card's previous review
 *
 * The review log stores when each review happened, not the interval the scheduler had set, so the
 * interval before a review is measured as the time since the card's previous review. For reviews done on
 * time the two agree; a card reviewed late counts by the time it actually went without review, which is
 * what the recall was tested against. First reviews and (re)learning steps are never mature.
 */

import { DAY_MS } from '../time';

/** Days since the card's previous review from which a review counts as mature (as for "mastered"). */
export const MATURE_DAYS = 21;
/** The window true retention looks back over. */
export const RETENTION_WINDOW_DAYS = 30;

/** True retention over the window, next to the desired retention. */
export interface TrueRetention {
  /** Mature reviews in the window. */
  readonly matureReviews: number;
  /** Of those, the ones not rated Again. */
  readonly recalled: number;
  /** recalled / matureReviews, 0-1; undefined when there were no mature reviews to measure. */
  readonly retention: number | undefined;
  /** The desired retention setting, 0-1. */
  readonly desired: number;
  readonly windowDays: number;
  /** E.g. "True retention 87% (131 of 150 mature reviews in the last 30 days recalled); target 90%." */
  readonly summary: string;
}

/**
 * Counts mature reviews one review at a time, newest first: each review in the window waits for the
 * same card's previous review, which comes later in the scan. Only waiting reviews are kept, so the scan
 * over older history does one lookup in a small map per review. Feed it the whole history, then call
 * `result`.
 */
export class RetentionCounter {
  private readonly waiting = new Map<string, { readonly at: number; readonly rating: number }>();
  private readonly since: number;
  private mature = 0;
  private recalled = 0;

  constructor(private readonly now: number) {
    this.since = now - RETENTION_WINDOW_DAYS * DAY_MS;
  }

  /** Adds one review; `at` is its epoch ms. Reviews must come newest first. */
  addNewestFirst(cardId: string, at: number, rating: number): void {
    if (this.waiting.size) {
      const later = this.waiting.get(cardId);
      if (later) {
        this.waiting.delete(cardId);
        if (later.at - at >= MATURE_DAYS * DAY_MS) {
          this.mature++;
          if (later.rating !== 1) this.recalled++;
        }
      }
    }
    if (at > this.since && at <= this.now) this.waiting.set(cardId, { at, rating });
  }

  /** Adds mature reviews counted elsewhere (a compacted history's day rows, progress/history.ts). */
  addCounted(mature: number, recalled: number): void {
    this.mature += mature;
    this.recalled += recalled;
  }

  result(desired: number): TrueRetention {
    const retention = this.mature ? this.recalled / this.mature : undefined;
    const target = `target ${Math.round(desired * 100)}%`;
    const summary =
      retention === undefined
        ? `True retention: no mature reviews in the last ${RETENTION_WINDOW_DAYS} days yet; ${target}.`
        : `True retention ${Math.round(retention * 100)}% (${this.recalled} of ${this.mature} mature reviews in the last ${RETENTION_WINDOW_DAYS} days recalled); ${target}.`;
    return { matureReviews: this.mature, recalled: this.recalled, retention, desired, windowDays: RETENTION_WINDOW_DAYS, summary };
  }
}
