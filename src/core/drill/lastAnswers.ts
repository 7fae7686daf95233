/**
 * The answer the user last typed for each card, so the next drill of that card can show "What you wrote
 * last time". Kept in one small globalState key of its own (keys.ts `LAST_ANSWERS_KEY`), bounded: each
 * answer is cut to `LAST_ANSWER_MAX` characters and the whole value to `LAST_ANSWERS_TOTAL`, oldest
 * dropped first, since VS Code rewrites an extension's whole globalState on every update. A stored value
 * that does not read is treated as empty (the answers are a convenience; the reviews hold the history).
 */
import * as z from 'zod/mini';

export const LAST_ANSWER_MAX = 4000;
/** Characters across all cards: about 400 typical answers. */
export const LAST_ANSWERS_TOTAL = 200_000;

export interface LastAnswer {
  readonly text: string;
  /** When it was typed (ms since the epoch). */
  readonly at: number;
}

/** The stored value: `{ v: 1, a: { [cardId]: [at, text] } }`. */
export interface StoredLastAnswers {
  readonly v: 1;
  readonly a: Record<string, [number, string]>;
}

const entry = z.tuple([z.number().check(z.gte(0), z.lte(8.64e15)), z.string().check(z.maxLength(LAST_ANSWER_MAX))]);
const stored = z.object({ v: z.literal(1), a: z.record(z.string().check(z.minLength(1), z.maxLength(200)), entry) });

/** The stored value read and checked; anything unreadable reads as no answers. */
export function readLastAnswers(raw: unknown): Map<string, LastAnswer> {
  const parsed = stored.safeParse(raw);
  const out = new Map<string, LastAnswer>();
  if (!parsed.success) return out;
  for (const [id, [at, text]] of Object.entries(parsed.data.a)) out.set(id, { at, text });
  return out;
}

/** The value with `text` as `cardId`'s last answer (an empty answer removes it), within the bounds. */
export function withLastAnswer(current: ReadonlyMap<string, LastAnswer>, cardId: string, text: string, at: number): StoredLastAnswers {
  const next = new Map(current);
  next.delete(cardId);
  const trimmed = text.trim().slice(0, LAST_ANSWER_MAX);
  if (trimmed) next.set(cardId, { text: trimmed, at });
  const newestFirst = [...next.entries()].sort((a, b) => b[1].at - a[1].at || (a[0] < b[0] ? -1 : 1));
  const a: Record<string, [number, string]> = Object.create(null);
  let total = 0;
  for (const [id, answer] of newestFirst) {
    total += answer.text.length;
    if (total > LAST_ANSWERS_TOTAL) break;
    a[id] = [answer.at, answer.text];
  }
  return { v: 1, a };
}

/** When an answer was typed, for "What you wrote last time (…)": "today", "yesterday", "5 days ago", a date. */
export function describeAnswerAge(at: number, now: Date): string {
  const days = Math.floor((now.getTime() - at) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return `on ${new Date(at).toISOString().slice(0, 10)}`;
}
