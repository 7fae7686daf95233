/**
 * Interview dates: what is stored, how a typed date is checked, and which interview drives the plan.
 * A date is a local calendar date ("2026-03-20"), kept as text so that it never moves when the clocks
 * change or the user travels; it becomes an instant only through `dayStart`, with the user's offset at
 * that day. Today is always a parameter (a local day number, see core/time.ts).
 */
import { DAY_MS, MINUTE_MS, dayLabel } from '../time';
import type { OffsetAt } from '../progress/calendar';
import { safeOffset } from '../progress/calendar';

/** One upcoming (or past) interview. */
export interface Interview {
  /** Unique among the stored interviews; made by the caller (ids are parameters in core). */
  readonly id: string;
  /** Local calendar date, YYYY-MM-DD. */
  readonly date: string;
  /** The role the interview is for: a role id of the bank. */
  readonly roleId: string;
  /** When it was set (epoch ms): the start of the plan, for "cards behind". */
  readonly createdAt: number;
}

/** An interview date that passed or a failed check: the message says what and why. */
export type DateCheck = { readonly ok: true; readonly day: number } | { readonly ok: false; readonly message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates further out than this are almost certainly a typo (2062 for 2026). */
export const MAX_DAYS_AHEAD = 730;

/** The day number of a YYYY-MM-DD date, or undefined when it is not a real calendar date. */
export function dayOfDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(t / DAY_MS);
}

/**
 * Checks a typed interview date against today (a local day number). Today is allowed (the plan then
 * says there is no time left to learn new cards); past dates, dates more than two years ahead and
 * anything that is not a real YYYY-MM-DD date are refused.
 */
export function checkInterviewDate(text: string, today: number): DateCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'Enter the interview date as YYYY-MM-DD, for example ' + dayLabel(today + 14) + '.' };
  const day = dayOfDate(trimmed);
  if (day === undefined) return { ok: false, message: `"${trimmed.slice(0, 40)}" is not a date: use YYYY-MM-DD, for example ${dayLabel(today + 14)}.` };
  if (day < today) return { ok: false, message: `${dayLabel(day)} is in the past (today is ${dayLabel(today)}).` };
  if (day - today > MAX_DAYS_AHEAD) return { ok: false, message: `${dayLabel(day)} is more than two years away; check the year.` };
  return { ok: true, day };
}

/** Checks a role id against the bank's roles; the message names the roles that exist. */
export function checkRole(roleId: string, roles: readonly { readonly id: string; readonly name: string }[]): string | undefined {
  if (roles.some((r) => r.id === roleId)) return undefined;
  const known = roles.map((r) => r.id).join(', ') || 'none';
  return `"${roleId.slice(0, 60)}" is not a role of the question bank (roles: ${known}).`;
}

/** Days from today to the interview: 0 on the day, 1 the day before, negative once it has passed. */
export function daysUntil(interview: Pick<Interview, 'date'>, today: number): number {
  const day = dayOfDate(interview.date);
  return day === undefined ? Number.NaN : day - today;
}

/** The interviews still to come (today included), nearest first; ties by id. */
export function upcoming(interviews: readonly Interview[], today: number): Interview[] {
  return interviews
    .filter((i) => daysUntil(i, today) >= 0)
    .sort((a, b) => daysUntil(a, today) - daysUntil(b, today) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The interview that drives the plan: the nearest upcoming one. */
export function nearestInterview(interviews: readonly Interview[], today: number): Interview | undefined {
  return upcoming(interviews, today)[0];
}

/** The most recent interview whose date has passed, for the post-interview prompt. */
export function lastPassed(interviews: readonly Interview[], today: number): Interview | undefined {
  return interviews.filter((i) => daysUntil(i, today) < 0).sort((a, b) => daysUntil(b, today) - daysUntil(a, today))[0];
}

/**
 * The instant local day `day` starts, in the offset in force then (DST-safe: the offset is asked at
 * that day, not today). Two refinements settle the offset even when the change falls near midnight.
 */
export function dayStart(day: number, offsetAt: OffsetAt): Date {
  let t = day * DAY_MS;
  for (let i = 0; i < 2; i++) t = day * DAY_MS - safeOffset(offsetAt(new Date(t))) * MINUTE_MS;
  return new Date(t);
}

/** "in 12 days", "tomorrow", "today", "2 days ago". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  return days === -1 ? 'yesterday' : `${-days} days ago`;
}
