/**
 * Interval caps toward an interview. FSRS schedules for retention, not for a date: a card learned three
 * weeks before the interview can be due three weeks after it. With a date set, a core card's next review
 * is capped so that it never falls after the interview and the last one lands close to it:
 *
 *   latest  = the start of the day before the interview (local time): "at least one day before"
 *   window  = the final 15% of the time left: [interview - 0.15 x (interview - now), interview]
 *   due     = min(FSRS due, latest)
 *
 * A due earlier than the window is kept: that review is capped again when it happens, so every card's
 * last review before the date is in the window (once the time left is over about a week, `latest` is
 * inside it; nearer the date, "one day before" wins). When `latest` has already started (the day before
 * the interview), the cap is the start of the interview day. On or after the interview day: no cap.
 */
import type { ReviewCard } from '../review/types';
import { capCard } from '../review/scheduler';
import type { OffsetAt } from '../progress/calendar';
import { dayStart } from './dates';

/** The share of the time left in which the last review before the interview falls. */
export const FINAL_WINDOW = 0.15;

/** The cap for a core card rated at `now`, or undefined when none applies (interview day or later). */
export function capFor(interviewDay: number, now: Date, offsetAt: OffsetAt): Date | undefined {
  const start = dayStart(interviewDay, offsetAt);
  if (now.getTime() >= start.getTime()) return undefined;
  const latest = dayStart(interviewDay - 1, offsetAt);
  return latest.getTime() > now.getTime() ? latest : start;
}

/** The start of the final window: the earliest instant the last review may take place. */
export function finalWindowStart(interviewDay: number, now: Date, offsetAt: OffsetAt): Date {
  const start = dayStart(interviewDay, offsetAt).getTime();
  return new Date(start - FINAL_WINDOW * Math.max(0, start - now.getTime()));
}

/**
 * The card with its due date capped: unchanged when FSRS's due is already no later than `cap`.
 * `scheduledDays` follows the capped interval (whole days, as FSRS counts them).
 */
export function applyCap(card: ReviewCard, cap: Date | undefined): ReviewCard {
  return capCard(card, cap);
}
