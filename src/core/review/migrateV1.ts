/**
 * Format v1 and its migration to v2. v1 was the first, simple shape: the whole state in one key
 * (`loopPrep.review`), ts-fsrs card objects as they come (snake_case, ISO date strings), an array log
 * without review ids, no case practices and no undo:
 *
 *   { version: 1,
 *     cards:   { [cardId]: { due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses,
 *                            state: 0-3, last_review?, suspended? } },
 *     log:     [{ cardId, rating: 1-4, review, durationMs?, correct? }],
 *     lessons: { [lessonId]: completedAt } }
 *
 * Review ids are derived from the log position ("m0", "m1", ...), so two windows migrating the same v1
 * value at once produce the same ids and their merge keeps one copy of each review.
 */
import * as z from 'zod/mini';
import { isContentId } from '../ids';
import { FORMAT_VERSION, emptyProgress, emptyShard, encodeLog, packCard } from './format';
import type { StoredCard, StoredLog, StoredProgress, StoredSched, StoredShard } from './format';
import { REVIEW_ROOT_KEY, REVIEW_SHARD_COUNT, shardOf } from './keys';
import type { Findings } from './validate';
import { reject } from './validate';
import type { Rating } from './types';

/** The v1 value, as written by Loop Prep before format v2. */
export interface StoredV1 {
  version: 1;
  cards: Record<
    string,
    {
      due: string;
      stability: number;
      difficulty: number;
      elapsed_days: number;
      scheduled_days: number;
      reps: number;
      lapses: number;
      state: 0 | 1 | 2 | 3;
      last_review?: string;
      suspended?: boolean;
    }
  >;
  log: { cardId: string; rating: Rating; review: string; durationMs?: number; correct?: boolean }[];
  lessons: Record<string, string>;
}

const isoDate = z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'not a date'));
const count = z.int().check(z.gte(0));
const envelope = z.object({
  version: z.literal(1),
  cards: z.record(z.string(), z.unknown()),
  log: z.array(z.unknown()),
  lessons: z.record(z.string(), z.unknown()),
});
const cardV1 = z.object({
  due: isoDate,
  stability: z.number().check(z.gte(0)),
  difficulty: z.number().check(z.gte(0), z.lte(10)),
  elapsed_days: z.number(),
  scheduled_days: count,
  reps: count,
  lapses: count,
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  last_review: z.optional(isoDate),
  suspended: z.optional(z.boolean()),
});
const logV1 = z.object({
  cardId: z.string().check(z.refine(isContentId, 'not a content id')),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  review: isoDate,
  durationMs: z.optional(z.number().check(z.gte(0))),
  correct: z.optional(z.boolean()),
});

/** True when the root value claims to be v1 (it may still be corrupt inside). */
export function isV1(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1;
}

/** Converts a v1 value into v2 shards and progress; bad entries are dropped one by one into `findings`. */
export function migrateV1(raw: unknown, writer: string, findings: Findings): { shards: StoredShard[]; progress: StoredProgress } {
  const shards = Array.from({ length: REVIEW_SHARD_COUNT }, () => emptyShard(writer));
  const progress = emptyProgress(writer);
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) {
    reject(findings, REVIEW_ROOT_KEY, 'format 1 value unreadable, started empty', raw);
    return { shards, progress };
  }
  const logs = new Map<string, StoredLog[]>();
  parsed.data.log.forEach((value, i) => {
    const entry = logV1.safeParse(value);
    if (!entry.success) return reject(findings, REVIEW_ROOT_KEY, `format 1 review #${i} dropped`, value);
    const e = entry.data;
    const list = logs.get(e.cardId) ?? [];
    list.push(encodeLog(`m${i.toString(36)}`, e.rating, Date.parse(e.review), e.durationMs ?? 0, e.correct, undefined));
    logs.set(e.cardId, list);
  });
  const scheds = new Map<string, { sched: StoredSched | 0; suspended: boolean }>();
  for (const [id, value] of Object.entries(parsed.data.cards)) {
    const card = cardV1.safeParse(value);
    if (!card.success || !isContentId(id)) {
      reject(findings, REVIEW_ROOT_KEY, `format 1 card "${id}" dropped`, { [id]: value });
      continue;
    }
    const c = card.data;
    const lastLogged = logs.get(id)?.reduce((latest, e) => Math.max(latest, e[2]), 0) || undefined;
    const lastReview = c.last_review ? Date.parse(c.last_review) : (lastLogged ?? Date.parse(c.due));
    const sched: StoredSched | 0 =
      c.state === 0 ? 0 : [Date.parse(c.due), c.stability, c.difficulty, c.scheduled_days, 0, c.reps, c.lapses, c.state, lastReview];
    scheds.set(id, { sched, suspended: c.suspended === true });
  }
  for (const id of new Set([...scheds.keys(), ...logs.keys()])) {
    const { sched, suspended } = scheds.get(id) ?? { sched: 0 as const, suspended: false };
    const log = (logs.get(id) ?? []).sort((a, b) => a[2] - b[2]);
    const record: StoredCard = packCard({ sched, log, schedAt: sched === 0 ? 0 : sched[8], flags: suspended ? [1, 0, 0] : 0, undone: [] });
    shards[shardOf(id)].c[id] = record; // c is null-prototype (emptyShard)
  }
  for (const [id, value] of Object.entries(parsed.data.lessons)) {
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    if (isContentId(id) && Number.isFinite(at) && at >= 0) progress.l[id] = [at, 1];
    else reject(findings, REVIEW_ROOT_KEY, `format 1 lesson "${id}" dropped`, { [id]: value });
  }
  return { shards, progress };
}

/** The v2 root marker written after a migration. */
export function rootMarker(): { version: typeof FORMAT_VERSION } {
  return { version: FORMAT_VERSION };
}
