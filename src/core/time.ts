/**
 * Time constants and local-day maths, in one place. A local day is a whole number of days since
 * 1970-01-01 in the user's time zone at that instant. The zone is always a parameter (minutes east of
 * UTC, `-date.getTimezoneOffset()` on the extension side), so core never reads the clock or the zone.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** Milliseconds in a UTC day; a local day can be an hour shorter or longer across a DST change. */
export const DAY_MS = 24 * HOUR_MS;

/** The local day of `ms` (epoch ms) at `offsetMinutes` east of UTC, as days since 1970-01-01. */
export function localDayOf(ms: number, offsetMinutes: number): number {
  return Math.floor((ms + offsetMinutes * MINUTE_MS) / DAY_MS);
}

/** "2026-03-08" for a day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
