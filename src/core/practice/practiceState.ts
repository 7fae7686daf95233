/**
 * A timed practice as it is kept in workspace state, so a window reload resumes it: the countdown's
 * state (running time goes on counting while the window reloads, as an interviewer's clock would), the
 * design doc it belongs to and, once the time is up, the self-review being ticked. No 'vscode' import:
 * the controller hands in a Memento-like store, and tests an in-memory one.
 */
import * as z from 'zod/mini';
import { isContentId } from '../ids';
import type { SelfReview } from '../../shared/selfReview';
import { PHASE_KEYS } from './phases';
import type { TimerState } from './timer';

/** The workspace-state key. One practice per window at a time, as the controller allows. */
export const PRACTICE_STATE_KEY = 'loopPrep.practice';

export interface PersistedPractice {
  readonly v: 1;
  readonly id: string;
  readonly caseId: string;
  readonly documentUri: string;
  readonly timer: TimerState;
  readonly review?: SelfReview;
}

/** The slice of vscode.Memento this needs. */
export interface PracticeMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

const ms = z.number().check(z.gte(0), z.lte(8.64e15));
const text = (max: number) => z.string().check(z.maxLength(max));
const phase = z.object({ key: z.enum(PHASE_KEYS), label: text(100), seconds: z.number().check(z.gt(0), z.lte(240 * 60)) });
const timer = z.object({
  phases: z.array(phase).check(z.minLength(1), z.maxLength(PHASE_KEYS.length)),
  status: z.enum(['running', 'paused', 'finished', 'stopped']),
  elapsedBeforeMs: ms,
  runningSince: z.optional(ms),
});
const point = z.object({
  id: text(200),
  text: text(2000),
  evidenced: z.boolean(),
  found: z.array(text(500)).check(z.maxLength(100)),
  reason: z.optional(text(500)),
});
const review = z.object({
  reviewId: text(300),
  caseId: text(80),
  caseTitle: text(300),
  reason: z.enum(['time-up', 'finished']),
  elapsed: text(40),
  note: z.optional(text(500)),
  preTickedBy: z.optional(text(200)),
  sections: z.array(z.object({ key: text(80), heading: text(200), points: z.array(point).check(z.maxLength(100)) })).check(z.maxLength(20)),
});
const persisted = z.object({
  v: z.literal(1),
  id: text(300).check(z.minLength(1)),
  caseId: z.string().check(z.refine(isContentId, 'not a content id')),
  documentUri: text(4000),
  timer,
  review: z.optional(review),
});

/** The stored practice, or undefined when there is none or it is not one this version wrote. Never throws. */
export function readPractice(memento: PracticeMemento): PersistedPractice | undefined {
  let raw: unknown;
  try {
    raw = memento.get(PRACTICE_STATE_KEY);
  } catch {
    return undefined;
  }
  if (raw === undefined) return undefined;
  const parsed = persisted.safeParse(raw);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  // A running timer has a start; a stopped practice is over and is not resumed.
  if (p.timer.status === 'stopped' || (p.timer.status === 'running') !== (p.timer.runningSince !== undefined)) return undefined;
  if (p.review && (p.review.reviewId !== p.id || p.review.caseId !== p.caseId)) return undefined;
  return p as PersistedPractice;
}

/** Saves the practice, or clears it when `practice` is undefined. */
export function writePractice(memento: PracticeMemento, practice: PersistedPractice | undefined): PromiseLike<void> {
  return memento.update(PRACTICE_STATE_KEY, practice);
}
