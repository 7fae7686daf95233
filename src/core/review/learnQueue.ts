/**
 * The order of one drill session once it is running: the built session's cards, plus the cards that come
 * back because a rating left them in learning steps due within the learn-ahead window (as in Anki).
 * Pure and immutable: every function takes the current time and returns a new queue, which is plain JSON
 * so a window reload can keep it (see `parseLearnQueue`). Scheduling stays ts-fsrs's: the due times come
 * from the scheduler; this only decides what the session does with them.
 *
 * Which card is next, at `now`:
 *   1. a card that came back and is due, earliest due first;
 *   2. otherwise the next card of the built session;
 *   3. when those are used up, the earliest card that came back, even before it is due (learn ahead).
 * A card never follows itself while any other card is waiting. The session ends when nothing is left.
 */
import * as z from 'zod/mini';
import { inLearningSteps } from './due';
import type { ReviewCard } from './types';

/** A card waiting to come back, due at `due` (epoch ms). */
export interface Requeued {
  readonly cardId: string;
  readonly due: number;
}

/** The card on screen. `due` is set when it is a card that came back (it was a `Requeued`). */
export interface Shown {
  readonly cardId: string;
  readonly due?: number;
}

/** One rating in this session: what was shown, and the due time of the copy it queued, if any. */
export interface RatedStep {
  readonly shown: Shown;
  readonly requeuedDue?: number;
}

/** A running session. Build one with `createLearnQueue`; never edit it in place. */
export interface LearnQueue {
  /** Cards of the built session not shown yet, in order. */
  readonly upcoming: readonly string[];
  /** Cards that come back, in the order they were queued. At most one per card. */
  readonly again: readonly Requeued[];
  /** The card on screen; undefined before `pickNext` and once the session is over. */
  readonly current: Shown | undefined;
  /** Every rating so far, oldest first (undo takes the last). */
  readonly rated: readonly RatedStep[];
}

/** How far a session is, for the progress bar: "12 / 18 · 3 again". */
export interface QueueProgress {
  /** 1-based number of the card on screen (the total once the session is over). */
  readonly position: number;
  /** Cards shown and still to show, returning cards included. */
  readonly total: number;
  /** Of `total`, how many are cards coming back. */
  readonly again: number;
}

/** A new session over the built session's card ids (duplicates are shown once). */
export function createLearnQueue(cardIds: readonly string[]): LearnQueue {
  return { upcoming: [...new Set(cardIds)], again: [], current: undefined, rated: [] };
}

/** True once nothing is on screen and nothing is left to show. */
export function isFinished(q: LearnQueue): boolean {
  return !q.current && !q.upcoming.length && !q.again.length;
}

const byDue = (a: Requeued, b: Requeued): number => a.due - b.due;

/**
 * Puts the next card on screen (see the module comment for the order); a queue with a card on screen is
 * returned as it is. When nothing is left, `current` stays undefined.
 */
export function pickNext(q: LearnQueue, now: Date): LearnQueue {
  if (q.current) return q;
  const t = now.getTime();
  const due = q.again.filter((e) => e.due <= t).sort(byDue);
  const later = q.again.filter((e) => e.due > t).sort(byDue);
  type Option = { readonly cardId: string; readonly entry?: Requeued };
  const options: Option[] = [...due.map((entry) => ({ cardId: entry.cardId, entry }))];
  if (q.upcoming.length) options.push({ cardId: q.upcoming[0] });
  else options.push(...later.map((entry) => ({ cardId: entry.cardId, entry })));
  if (!options.length) return q;
  const last = q.rated[q.rated.length - 1]?.shown.cardId;
  const choice = options.find((o) => o.cardId !== last) ?? options[0];
  if (choice.entry) {
    const entry = choice.entry;
    return { ...q, again: q.again.filter((e) => e !== entry), current: { cardId: entry.cardId, due: entry.due } };
  }
  return { ...q, upcoming: q.upcoming.slice(1), current: { cardId: choice.cardId } };
}

/**
 * Whether a card just rated comes back in this session: it is in learning steps and due within the
 * learn-ahead window from `now`. A window of 0 (or less) turns returning off.
 */
export function comesBack(card: ReviewCard | undefined, now: Date, learnAheadMs: number): boolean {
  return learnAheadMs > 0 && inLearningSteps(card) && card.due.getTime() - now.getTime() <= learnAheadMs;
}

/**
 * Records the rating of the card on screen, whose state after the rating is `card`, and queues it again
 * when `comesBack`. Returns undefined when `cardId` is not the card on screen (a stale message).
 */
export function afterRating(q: LearnQueue, cardId: string, card: ReviewCard | undefined, now: Date, learnAheadMs: number): LearnQueue | undefined {
  if (!q.current || q.current.cardId !== cardId) return undefined;
  if (card && comesBack(card, now, learnAheadMs)) {
    const due = card.due.getTime();
    return {
      ...q,
      again: [...q.again.filter((e) => e.cardId !== cardId), { cardId, due }],
      current: undefined,
      rated: [...q.rated, { shown: q.current, requeuedDue: due }],
    };
  }
  return { ...q, current: undefined, rated: [...q.rated, { shown: q.current }] };
}

/**
 * Takes back the last rating: the card it queued again is removed (also when that copy is already on
 * screen), the card on screen goes back where it came from, and the rated card is on screen again.
 * Returns undefined when nothing was rated.
 */
export function undoRating(q: LearnQueue): LearnQueue | undefined {
  const step = q.rated[q.rated.length - 1];
  if (!step) return undefined;
  const copy = (cardId: string, due: number | undefined): boolean => step.requeuedDue !== undefined && cardId === step.shown.cardId && due === step.requeuedDue;
  let upcoming = q.upcoming;
  let again = q.again.filter((e) => !copy(e.cardId, e.due));
  const cur = q.current;
  if (cur && !copy(cur.cardId, cur.due)) {
    if (cur.due === undefined) upcoming = [cur.cardId, ...upcoming];
    else again = [...again, { cardId: cur.cardId, due: cur.due }];
  }
  return { upcoming, again, current: step.shown, rated: q.rated.slice(0, -1) };
}

/** Puts cards back into a session (for "Continue now"): each comes back at its due time, or at once at the end. */
export function requeue(q: LearnQueue, cards: readonly Requeued[]): LearnQueue {
  const ids = new Set(cards.map((c) => c.cardId));
  if (q.current) ids.delete(q.current.cardId);
  const kept = q.again.filter((e) => !ids.has(e.cardId));
  return { ...q, upcoming: q.upcoming.filter((id) => !ids.has(id)), again: [...kept, ...cards.filter((c) => ids.has(c.cardId))] };
}

/** Counts for the progress bar. */
export function queueProgress(q: LearnQueue): QueueProgress {
  const onScreen = q.current ? 1 : 0;
  const total = q.rated.length + onScreen + q.upcoming.length + q.again.length;
  const again = q.rated.filter((s) => s.shown.due !== undefined).length + (q.current?.due !== undefined ? 1 : 0) + q.again.length;
  return { position: Math.min(q.rated.length + 1, total), total, again };
}

/** Drops cards the session can no longer show (a removed pack), wherever they are in the queue. */
export function keepCards(q: LearnQueue, known: (cardId: string) => boolean): LearnQueue {
  return {
    upcoming: q.upcoming.filter(known),
    again: q.again.filter((e) => known(e.cardId)),
    current: q.current && known(q.current.cardId) ? q.current : undefined,
    rated: q.rated,
  };
}

const cardId = z.string().check(z.minLength(1), z.maxLength(200));
const instant = z.number().check(z.int(), z.nonnegative());
const shownSchema = z.object({ cardId, due: z.optional(instant) });
const queueSchema = z.object({
  upcoming: z.array(cardId).check(z.maxLength(10_000)),
  again: z.array(z.object({ cardId, due: instant })).check(z.maxLength(10_000)),
  current: z.optional(shownSchema),
  rated: z.array(z.object({ shown: shownSchema, requeuedDue: z.optional(instant) })).check(z.maxLength(10_000)),
});

/**
 * Reads a queue back from storage: undefined for anything that is not a well-formed queue. Duplicate
 * copies of a card are dropped, so a hand-edited value cannot show a card twice at once.
 */
export function parseLearnQueue(raw: unknown): LearnQueue | undefined {
  const parsed = queueSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const v = parsed.data;
  const seen = new Set<string>(v.current ? [v.current.cardId] : []);
  const again = v.again.filter((e) => !seen.has(e.cardId) && !!seen.add(e.cardId));
  const upcoming = [...new Set(v.upcoming)].filter((id) => !seen.has(id));
  const strip = (s: { cardId: string; due?: number }): Shown => (s.due === undefined ? { cardId: s.cardId } : { cardId: s.cardId, due: s.due });
  return {
    upcoming,
    again,
    current: v.current ? strip(v.current) : undefined,
    rated: v.rated.map((s) => (s.requeuedDue === undefined ? { shown: strip(s.shown) } : { shown: strip(s.shown), requeuedDue: s.requeuedDue })),
  };
}
