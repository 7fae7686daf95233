/**
 * A fast path in front of validate.ts's zod schemas, for the values that are read by the hundred
 * thousand: a journal line per review, a card per shard entry. Each check accepts only what the schema
 * accepts (it may refuse more: a refused value goes through the full zod path, which then keeps it or says
 * exactly what is wrong), so the fast path can change speed, never a result.
 */
import type { StoredCard } from './format';
import { isContentId } from '../ids';
import { packCard, unpackCard } from './format';

const MAX_MS = 8.64e15;

function isMs(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= MAX_MS;
}
function isCount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && Number.isFinite(v);
}
function isLocalId(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= 64;
}

/** schedSchema, exactly nine elements. */
export function quickSched(v: unknown): boolean {
  if (!Array.isArray(v) || v.length !== 9) return false;
  const [due, stability, difficulty, scheduledDays, steps, reps, lapses, phase, last] = v as unknown[];
  return (
    isMs(due) &&
    typeof stability === 'number' &&
    stability >= 0.001 &&
    stability <= 1e6 &&
    typeof difficulty === 'number' &&
    difficulty >= 1 &&
    difficulty <= 10 &&
    isCount(scheduledDays) &&
    isCount(steps) &&
    isCount(reps) &&
    isCount(lapses) &&
    (phase === 1 || phase === 2 || phase === 3) &&
    isMs(last)
  );
}

function quickFlags(v: unknown): boolean {
  return v === undefined || v === 0 || (Array.isArray(v) && v.length === 3 && (v[0] === 0 || v[0] === 1) && isMs(v[1]) && isMs(v[2]));
}

function quickLog(v: unknown): boolean {
  if (!Array.isArray(v) || v.length < 4 || v.length > 6) return false;
  const [id, rating, at, duration, correct, xp] = v as unknown[];
  return (
    isLocalId(id) &&
    (rating === 1 || rating === 2 || rating === 3 || rating === 4) &&
    isMs(at) &&
    isCount(duration) &&
    (v.length < 5 || correct === null || correct === 0 || correct === 1) &&
    (v.length < 6 || xp === null || (typeof xp === 'number' && Number.isFinite(xp)))
  );
}

/**
 * The card `readCard` would return, when `raw` is a well-formed card whose log is sorted, without
 * duplicates and without undone entries; undefined otherwise (then call `readCard`).
 */
export function quickCard(raw: unknown): StoredCard | undefined {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 5) return undefined;
  const [sched, log, schedAt, flags, undone] = raw as unknown[];
  if (!(sched === 0 || quickSched(sched)) || !Array.isArray(log)) return undefined;
  if (raw.length >= 3 && !isMs(schedAt)) return undefined;
  if (!quickFlags(flags)) return undefined;
  if (raw.length === 5 && !(Array.isArray(undone) && undone.every(isLocalId))) return undefined;
  const undoneIds = raw.length === 5 ? (undone as string[]) : [];
  let previous: unknown[] | undefined;
  const seen = log.length > 1 ? new Set<string>() : undefined;
  for (const entry of log as unknown[]) {
    if (!quickLog(entry)) return undefined;
    const e = entry as [string, number, number];
    if (undoneIds.length && undoneIds.includes(e[0])) return undefined;
    if (seen) {
      if (seen.has(e[0])) return undefined;
      seen.add(e[0]);
    }
    // Sorted by time, then id (merge.ts's byTimeThenId).
    if (previous && (previous[2] as number) > e[2]) return undefined;
    if (previous && previous[2] === e[2] && (previous[0] as string) >= e[0]) return undefined;
    previous = entry as unknown[];
  }
  return packCard(unpackCard(raw as StoredCard));
}

const CARD_LINE_KINDS: ReadonlySet<unknown> = new Set(['r', 'u', 's', 'i', 'b']);

/**
 * cardLineSchema's (or, with an answer, reviewLineSchema's) result for a well-formed card line, without
 * zod: the journal holds a line per review. Undefined for anything else, which the schemas then read.
 */
export function quickCardLine(
  value: unknown,
  answerMax: number,
): { success: true; data: [string, number, string, unknown] | [string, number, string, unknown, { a?: string }] } | undefined {
  if (!Array.isArray(value) || (value.length !== 4 && value.length !== 5)) return undefined;
  const [kind, at, id, , extra] = value as unknown[];
  if (!CARD_LINE_KINDS.has(kind) || typeof at !== 'number' || !(at >= 0 && at <= 8.64e15) || !isContentId(id)) return undefined;
  if (value.length === 5) {
    if (kind !== 'r' || typeof extra !== 'object' || extra === null || Array.isArray(extra)) return undefined;
    const keys = Object.keys(extra);
    const a = (extra as { a?: unknown }).a;
    if (keys.length > 1 || (keys.length === 1 && keys[0] !== 'a') || (a !== undefined && !(typeof a === 'string' && a.length <= answerMax))) return undefined;
  }
  return { success: true, data: value as [string, number, string, unknown] };
}
