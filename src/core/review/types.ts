/**
 * The review model shared by the scheduler, the session builder and the store. Everything here is plain
 * data with camelCase names; ts-fsrs types stay inside scheduler.ts. Dates are `Date` objects in memory
 * and epoch milliseconds in storage (see format.ts).
 */

/** FSRS ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

/** The four ratings in button order. */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** Button labels for the ratings. */
export const RATING_NAMES: Readonly<Record<Rating, 'Again' | 'Hard' | 'Good' | 'Easy'>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** True for 1, 2, 3 and 4. */
export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * The FSRS phase of a card that has been reviewed at least once. A never-reviewed ("new") card has no
 * `ReviewCard` at all: APIs take and return `undefined` for it.
 */
export type CardPhase = 'learning' | 'review' | 'relearning';

/** The scheduling state of a reviewed card: ts-fsrs's `Card`, camelCased, minus the deprecated fields. */
export interface ReviewCard {
  readonly due: Date;
  /** Days until retrievability falls to 90%. */
  readonly stability: number;
  /** 1 (easy) to 10 (hard). */
  readonly difficulty: number;
  /** Whole days between the last review and `due`; 0 while in (re)learning steps. */
  readonly scheduledDays: number;
  /** Index of the current (re)learning step. */
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly phase: CardPhase;
  readonly lastReview: Date;
}

/** Everything the store knows about one card. */
export interface CardState {
  /** Undefined for a new card: never reviewed, or reset. */
  readonly card: ReviewCard | undefined;
  /** Suspended cards never appear in sessions until unsuspended. */
  readonly suspended: boolean;
  /** The card stays out of sessions while `now` is before this date. */
  readonly buriedUntil: Date | undefined;
}

/** One answered card in the review log. */
export interface ReviewEntry {
  /** Unique across all reviews: `<cardId>#<local id>`. */
  readonly id: string;
  readonly cardId: string;
  readonly rating: Rating;
  readonly reviewedAt: Date;
  /** Whether the answer was right, for question types that can tell; undefined for flashcards. */
  readonly correct: boolean | undefined;
  readonly durationMs: number;
  readonly xp: number | undefined;
}

/** One attempt at a case study, scored against its rubric. */
export interface CasePractice {
  readonly id: string;
  readonly caseId: string;
  readonly practicedAt: Date;
  readonly score: number;
  readonly maxScore: number;
  /** Rubric point ids the user missed (cards may be made from them). */
  readonly missed: readonly string[];
}

/**
 * The slice of `vscode.Memento` the store needs; `context.globalState` satisfies it, and so does
 * `MemoryMemento` in tests. `update` should behave like VS Code's: later `get`s see the new value at once.
 */
export interface MementoLike {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** A problem found in stored state. Reported once per `ReviewStore.open` through `onProblem`. */
export interface StoreProblem {
  /** 'future-version' when a newer Loop Prep wrote the state; 'corrupt' for anything unreadable. */
  readonly kind: 'corrupt' | 'future-version';
  /** What was wrong and what was kept, one finding per line, for the log channel. */
  readonly details: string;
  /** Where the unreadable raw values were kept: the quarantine key, or the extension's quarantine file. */
  readonly quarantineKey: string;
}

/** Something that can be stopped; matches `vscode.Disposable`. */
export interface DisposableLike {
  dispose(): void;
}
