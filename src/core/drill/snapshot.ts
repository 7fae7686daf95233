/**
 * A running drill session as plain JSON, so a window reload resumes it where it was: the queue (with the
 * cards that come back), the ratings given so far for the summary, and when it started. Pure (no vscode):
 * the panel's host stores it in workspace state; `parseDrillSnapshot` validates whatever comes back.
 */
import * as z from 'zod/mini';
import { parseLearnQueue, type LearnQueue } from '../review/learnQueue';
import type { Rating } from '../../shared/drill';
import { HOUR_MS, MINUTE_MS } from '../time';

/** One rating of the session, for the summary. */
export interface AnsweredCard {
  readonly cardId: string;
  /** null for flashcards: the user judged their own recall. */
  readonly correct: boolean | null;
  readonly rating: Rating;
  readonly xp: number;
}

export interface DrillSnapshot {
  readonly version: 1;
  /** When it was written (epoch ms): an old snapshot is not resumed. */
  readonly savedAt: number;
  readonly startedAt: number;
  readonly modeLabel: string;
  /** True after Esc: the summary is on screen, and "Continue now" resumes the queue. */
  readonly ended: boolean;
  readonly queue: LearnQueue;
  readonly answered: readonly AnsweredCard[];
}

/** A session this old (by its last write) starts afresh after a reload instead of resuming. */
export const RESUME_WITHIN_MS = 6 * HOUR_MS;

const instant = z.number().check(z.int(), z.nonnegative());
const snapshotSchema = z.object({
  version: z.literal(1),
  savedAt: instant,
  startedAt: instant,
  modeLabel: z.string().check(z.maxLength(200)),
  ended: z.boolean(),
  queue: z.unknown(),
  answered: z
    .array(
      z.object({
        cardId: z.string().check(z.minLength(1), z.maxLength(200)),
        correct: z.nullable(z.boolean()),
        rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        xp: z.number().check(z.nonnegative(), z.maximum(1e6)),
      }),
    )
    .check(z.maxLength(10_000)),
});

/**
 * The snapshot in `raw` when it is well-formed and was written within `RESUME_WITHIN_MS` before `now`;
 * otherwise undefined, and the reason in `why` (for the log). Never throws.
 */
export function parseDrillSnapshot(raw: unknown, now: Date): { snapshot?: DrillSnapshot; why?: string } {
  if (raw === undefined || raw === null) return { why: 'no session was saved' };
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success)
    return { why: `the saved session is not readable (${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.code}`).join('; ')})` };
  const queue = parseLearnQueue(parsed.data.queue);
  if (!queue) return { why: 'the saved session queue is not readable' };
  const age = now.getTime() - parsed.data.savedAt;
  if (age > RESUME_WITHIN_MS || age < -MINUTE_MS)
    return { why: `the saved session is from ${new Date(parsed.data.savedAt).toISOString()}, too long ago to resume` };
  return { snapshot: { ...parsed.data, queue, answered: parsed.data.answered.map((a) => ({ ...a })) } };
}
