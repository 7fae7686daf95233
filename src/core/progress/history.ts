/**
 * Compacted review history: reviews older than a cut-off folded into per-day aggregates, so a heavy
 * user's Progress view (streak, XP, heatmap, true retention) no longer needs every raw review. The full
 * history stays in the journal; this is what the hot path reads instead.
 *
 *   StoredHistory  { v: 1, before, d: StoredDay[], c: { [cardId]: StoredCardHistory } }
 *   StoredDay      [localDay, offsetMinutes, reviews, xp, again, hard, good, easy]
 *   StoredCardHistory [folded reviews, first reviewedAt, last reviewedAt]
 *
 * One day entry per (local day, UTC offset) pair, so streaks see the same day spans as from the raw log
 * (a flight can put two offsets on one day). `before` is the cut-off: every folded review happened before
 * it, every raw review the caller keeps at or after it.
 *
 * True retention stays exact as long as `before` is at least RETENTION_WINDOW_DAYS + MATURE_DAYS days
 * before the instant the view is computed for: then a review in the window whose previous review was
 * folded is mature whatever that previous review's exact time, and only whether the card had one counts.
 * `compactBefore` clamps the cut-off to keep that true.
 */
import * as z from 'zod/mini';
import { DAY_MS, MINUTE_MS, localDayOf } from '../time';
import { hasOwn } from '../review/dict';
import type { ReviewEntry } from '../review/types';
import type { OffsetAt } from './calendar';
import { OffsetProbe } from './calendar';
import { MATURE_DAYS, RETENTION_WINDOW_DAYS } from './retention';

export const HISTORY_VERSION = 1;
/** Raw reviews younger than this many days are kept as they are. */
export const KEEP_RAW_DAYS = 90;

export type StoredDay = [day: number, offsetMinutes: number, reviews: number, xp: number, again: number, hard: number, good: number, easy: number];
export type StoredCardHistory = [reviews: number, firstAt: number, lastAt: number];
export interface StoredHistory {
  v: typeof HISTORY_VERSION;
  /** Epoch ms: every folded review happened before it. */
  before: number;
  /** Sorted by day, then offset. */
  d: StoredDay[];
  /** Null-prototype: any card id is an own key or absent. */
  c: Record<string, StoredCardHistory>;
}

/** An empty history with cut-off 0 (nothing folded). */
export function emptyHistory(): StoredHistory {
  return { v: HISTORY_VERSION, before: 0, d: [], c: Object.create(null) as Record<string, StoredCardHistory> };
}

/** The cut-off to compact at `now`: KEEP_RAW_DAYS back, never later than true retention allows. */
export function compactBefore(now: number, keepDays = KEEP_RAW_DAYS): number {
  return now - Math.max(keepDays, RETENTION_WINDOW_DAYS + MATURE_DAYS) * DAY_MS;
}

function dayKey(day: number, offset: number): string {
  return `${day}/${offset}`;
}

/**
 * Folds the reviews in `reviews` that happened before `before` into `history` (not mutated) and returns
 * the new history with the reviews kept raw. Reviews may come in any order; `history.before` must not be
 * later than `before`, or the folded reviews would overlap the raw ones (a RangeError says so).
 */
export function compactReviews(history: StoredHistory, reviews: readonly ReviewEntry[], before: number, offsetAt: OffsetAt): { history: StoredHistory; recent: ReviewEntry[] } {
  if (!Number.isFinite(before) || before < history.before) throw new RangeError(`cut-off ${before} is before the history's ${history.before}`);
  const days = new Map<string, StoredDay>(history.d.map((d) => [dayKey(d[0], d[1]), [...d] as StoredDay]));
  const cards: Record<string, StoredCardHistory> = Object.create(null) as Record<string, StoredCardHistory>;
  for (const id of Object.keys(history.c)) cards[id] = [...history.c[id]] as StoredCardHistory;
  const probe = new OffsetProbe(offsetAt);
  const recent: ReviewEntry[] = [];
  for (const r of reviews) {
    const at = r.reviewedAt.getTime();
    if (at >= before) {
      recent.push(r);
      continue;
    }
    const offset = probe.at(r.reviewedAt, at);
    const day = localDayOf(at, offset);
    const key = dayKey(day, offset);
    const entry = days.get(key) ?? [day, offset, 0, 0, 0, 0, 0, 0];
    entry[2]++;
    entry[3] += r.xp ?? 0;
    entry[3 + r.rating]++;
    days.set(key, entry);
    const card = hasOwn(cards, r.cardId) ? cards[r.cardId] : undefined;
    cards[r.cardId] = card ? [card[0] + 1, Math.min(card[1], at), Math.max(card[2], at)] : [1, at, at];
  }
  const d = [...days.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { history: { v: HISTORY_VERSION, before, d, c: cards }, recent };
}

/** What the review pass of the Progress view adds from a compacted history (progress.ts). */
export interface HistoryTotals {
  readonly xp: number;
  /** Streak activities: one per stored day, at the start of that local day in its offset. */
  readonly activities: { at: number; offsetMinutes: number }[];
}

/** Per-day counts for the heatmap, XP and streak activities of a history. */
export function historyTotals(history: StoredHistory, addDay: (day: number, reviews: number) => void): HistoryTotals {
  let xp = 0;
  const activities: { at: number; offsetMinutes: number }[] = [];
  for (const [day, offset, reviews, dayXp] of history.d) {
    xp += dayXp;
    addDay(day, reviews);
    activities.push({ at: day * DAY_MS - offset * MINUTE_MS, offsetMinutes: offset });
  }
  return { xp, activities };
}

const count = z.number().check(z.gte(0), z.lte(1e9));
const ms = z.number().check(z.gte(0), z.lte(8.64e15));
const daySchema = z.tuple([z.number().check(z.gte(-1e6), z.lte(1e6)), z.number().check(z.gte(-1440), z.lte(1440)), count, z.number().check(z.gte(-1e9), z.lte(1e9)), count, count, count, count]);
const cardSchema = z.tuple([count, ms, ms]);
const historySchema = z.object({ v: z.literal(HISTORY_VERSION), before: ms, d: z.array(daySchema), c: z.record(z.string().check(z.minLength(1), z.maxLength(200)), cardSchema) });

/**
 * Reads a stored history. Undefined (never compacted) gives the empty history; anything else that does
 * not validate, or whose counts do not add up, gives `problem` (what and where) and the empty history, so
 * the caller can quarantine the value and rebuild the aggregates from the journal.
 */
export function parseHistory(value: unknown): { history: StoredHistory; problem?: string } {
  if (value === undefined) return { history: emptyHistory() };
  const parsed = historySchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at [${first.path.map(String).join('.')}]` : '';
    return { history: emptyHistory(), problem: `compacted history: ${first?.message ?? 'invalid'}${where}` };
  }
  const { before, d, c } = parsed.data;
  const cards: Record<string, StoredCardHistory> = Object.create(null) as Record<string, StoredCardHistory>;
  let folded = 0;
  for (const [id, card] of Object.entries(c)) {
    if (card[1] > card[2] || card[2] >= before || card[0] < 1) return { history: emptyHistory(), problem: `compacted history: card ${JSON.stringify(id.slice(0, 80))} has impossible times or count` };
    cards[id] = [card[0], card[1], card[2]];
    folded += card[0];
  }
  let reviews = 0;
  for (const day of d) {
    if (day[4] + day[5] + day[6] + day[7] !== day[2]) return { history: emptyHistory(), problem: `compacted history: day ${day[0]} ratings do not add up to its ${day[2]} reviews` };
    reviews += day[2];
  }
  if (reviews !== folded) return { history: emptyHistory(), problem: `compacted history: ${reviews} reviews by day but ${folded} by card` };
  return { history: { v: HISTORY_VERSION, before, d: d.map((x) => [...x] as StoredDay), c: cards } };
}
