/**
 * Streaks in the user's local time. Each activity carries the UTC offset in force when it happened, so
 * its calendar day never moves when the user later travels or the clocks change.
 *
 * A day counts when it has at least one activity (a review, a lesson completed, a case practised). Two
 * activity days are consecutive when they are adjacent dates, or when the single date between them
 * lasted less than 16 hours for the user: flying east can shorten or skip a date, and that must not break
 * a streak. A DST change alters a day by an hour only, so a truly missed day (23 or 25 hours) still counts
 * as missed.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, localDayOf } from '../time';

export interface Activity {
  /** Epoch milliseconds. */
  readonly at: number;
  /** Minutes east of UTC at that moment: -new Date().getTimezoneOffset(). */
  readonly offsetMinutes: number;
}

export interface Streaks {
  readonly current: number;
  readonly longest: number;
  readonly activeToday: boolean;
}

const SHORT_DAY = 16 * HOUR_MS;

/** The local calendar day of an activity, as days since 1970-01-01. */
export function localDay(a: Activity): number {
  return localDayOf(a.at, a.offsetMinutes);
}

interface DaySpan {
  readonly day: number;
  /** UTC instants at which this local day started and ended, in the offset its activities used. */
  readonly startUtc: number;
  readonly endUtc: number;
}

function spans(activities: readonly Activity[]): DaySpan[] {
  const byDay = new Map<number, DaySpan>();
  for (const a of activities) {
    if (!Number.isFinite(a.at) || !Number.isFinite(a.offsetMinutes)) continue;
    const day = localDay(a);
    const offset = a.offsetMinutes * MINUTE_MS;
    const start = day * DAY_MS - offset;
    const prev = byDay.get(day);
    // Several offsets on one day (a flight): the day spans from its earliest start to its latest end.
    byDay.set(day, { day, startUtc: Math.min(prev?.startUtc ?? start, start), endUtc: Math.max(prev?.endUtc ?? start + DAY_MS, start + DAY_MS) });
  }
  return [...byDay.values()].sort((x, y) => x.day - y.day);
}

function consecutive(a: DaySpan, b: DaySpan): boolean {
  if (b.day - a.day === 1) return true;
  if (b.day - a.day === 2) return b.startUtc - a.endUtc < SHORT_DAY;
  return false;
}

/** Current and longest streaks as of `now` (whose offset is the user's offset now). */
export function computeStreaks(activities: readonly Activity[], now: Activity): Streaks {
  const days = spans(activities);
  if (!days.length) return { current: 0, longest: 0, activeToday: false };
  let longest = 1;
  let run = 1;
  for (let i = 1; i < days.length; i++) {
    run = consecutive(days[i - 1], days[i]) ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const today = localDay(now);
  const last = days[days.length - 1];
  const todaySpan: DaySpan = {
    day: today,
    startUtc: today * DAY_MS - now.offsetMinutes * MINUTE_MS,
    endUtc: (today + 1) * DAY_MS - now.offsetMinutes * MINUTE_MS,
  };
  const activeToday = last.day >= today;
  // The streak is alive if the last active day is today, or it is consecutive with today (today not over).
  const alive = activeToday || consecutive(last, todaySpan);
  return { current: alive ? run : 0, longest, activeToday };
}
