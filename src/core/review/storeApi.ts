/**
 * The store's inputs, outputs and argument checks. Bad arguments are programmer errors: the store rejects
 * them with a RangeError rather than write something it could not read back.
 */
import { isContentId } from '../ids';
import type { JournalSink } from './journalWriter';
import type { OffsetAt } from '../progress/calendar';
import type { Scheduler } from './scheduler';
import type { QuarantineItem } from './format';
import type { CardState, Rating, ReviewCard, ReviewEntry, StoreProblem } from './types';

/** Options for `ReviewStore.open`. */
export interface OpenOptions {
  /** When the store is opened: stamps anything put in quarantine. */
  readonly now: Date;
  /** Default: `createScheduler()`. Replace it later with `store.scheduler = ...`. */
  readonly scheduler?: Scheduler;
  /**
   * Four lowercase letters or digits, different for every open store (each window, each reload); random
   * by default (1.7 million values). It stamps this store's writes and prefixes its review ids.
   */
  readonly writerId?: string;
  /**
   * Called at most once per open store when stored data had to be dropped or set aside: during `open`,
   * or later if another window writes something unreadable. Everything found is in `store.problems`.
   */
  readonly onProblem?: (problem: StoreProblem) => void;
  /**
   * Where unreadable values are kept. Default: the quarantine key in the memento. The extension keeps
   * them in a file instead: VS Code rewrites an extension's whole globalState on every update, so a large
   * quarantine there would slow every rating.
   */
  readonly quarantine?: QuarantineSink;
  /** Where every change is also appended, one line per event (journal.ts); none by default. */
  readonly journal?: JournalSink;
}

/** Options for `ReviewStore.reconcileJournal`. */
export interface ReconcileOptions {
  /** Fold every review the journal holds into the history key (fold.ts), but each card's newest. */
  readonly fold?: boolean;
  /** The user's UTC offset at an instant, for the history's local days; default UTC. */
  readonly offsetAt?: OffsetAt;
}

/** Keeps quarantined values; `where` names the place for messages. */
export interface QuarantineSink {
  readonly where: string;
  keep(items: readonly QuarantineItem[]): PromiseLike<void>;
}

/** One answered card. */
export interface ReviewInput {
  readonly cardId: string;
  readonly rating: Rating;
  readonly now: Date;
  readonly durationMs: number;
  readonly correct?: boolean;
  readonly xp?: number;
  /** The latest due date the new schedule may have (the interview caps); none by default. */
  readonly cap?: Date;
}

/** What `recordReview` did. */
export interface RecordedReview {
  readonly entry: ReviewEntry;
  readonly state: CardState;
  /** The card before the review; undefined when it was new. */
  readonly previous: ReviewCard | undefined;
}

/** The review `undoLast` took back, and the card's restored state. */
export interface UndoneReview {
  readonly reviewId: string;
  readonly cardId: string;
  readonly state: CardState;
}

/** A scored case attempt. */
export interface CasePracticeInput {
  readonly caseId: string;
  readonly score: number;
  readonly maxScore: number;
  readonly missed: readonly string[];
  readonly now: Date;
}

/** What changed. `external` marks changes merged in from another window's writes. */
export interface ReviewStoreChange {
  readonly cardIds: readonly string[];
  readonly progress: boolean;
  readonly external: boolean;
}

/** Epoch ms of a valid, non-negative date; throws otherwise. */
export function ms(date: Date, what: string): number {
  const t = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(t) || t < 0) throw new RangeError(`${what} must be a valid date`);
  return t;
}

/** Throws unless every id is a content id (what storage accepts on read). */
export function checkIds(ids: readonly string[]): void {
  for (const id of ids) if (!isContentId(id)) throw new RangeError(`"${id}" is not a content id`);
}

/** Resolves when every write has. */
export function allWritten(writes: PromiseLike<void>[]): Promise<void> {
  return Promise.all(writes).then(() => undefined);
}

/** Writer ids: four lowercase letters or digits, a fixed length so ids built from them never run together. */
export const WRITER_ID = /^[a-z0-9]{4}$/;
