/**
 * The review core's public API: the FSRS scheduler wrapper, the session builder, and the review store
 * with its storage keys. Everything is pure TypeScript; time is always passed in.
 *
 * Wiring in the extension (sketch):
 *   context.globalState.setKeysForSync([...REVIEW_SYNC_KEYS]);
 *   const store = await ReviewStore.open(context.globalState, { now: new Date(), onProblem: (p) => log.warn(p.details) });
 *   const session = buildSession({ questions, cards: store.cards(), now, priority: priorityFromRole(role),
 *     newIntroducedToday: store.introducedSince(startOfToday) });
 *   await store.recordReview({ cardId, rating, now: new Date(), durationMs });
 */
export { RATINGS, RATING_NAMES, isRating } from './types';
export type { CardPhase, CardState, CasePractice, DisposableLike, MementoLike, Rating, ReviewCard, ReviewEntry, StoreProblem } from './types';
export { DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION, clampRetention, createScheduler, intervalLabel, retrievability } from './scheduler';
export type { RateLog, RateResult, RatingPreview, Scheduler, SchedulerOptions } from './scheduler';
export { DEFAULT_NEW_CARDS_PER_DAY, DEFAULT_SESSION_SIZE, buildSession, priorityFromRole } from './session';
export type { Session, SessionInput, SessionItem, SessionMode, SessionQuestion, SessionReason, TopicPriority } from './session';
export { interleaveByTopic } from './interleave';
export { DEFAULT_LEARN_AHEAD_MINUTES, MAX_LEARN_AHEAD_MINUTES, countsDueFrom, inLearningSteps, isDue, learnAheadMs } from './due';
export { afterRating, comesBack, createLearnQueue, isFinished, parseLearnQueue, pickNext, queueProgress, requeue, undoRating } from './learnQueue';
export type { LearnQueue, QueueProgress, RatedStep, Requeued, Shown } from './learnQueue';
export {
  DRILL_SESSION_KEY,
  REVIEW_KEYS,
  REVIEW_PROGRESS_KEY,
  REVIEW_QUARANTINE_KEY,
  REVIEW_ROOT_KEY,
  REVIEW_SHARD_COUNT,
  REVIEW_SHARD_KEYS,
  REVIEW_SYNC_KEYS,
  REVIEW_UNDO_KEY,
  shardOf,
} from './keys';
export { FORMAT_VERSION } from './format';
export type { QuarantineItem } from './format';
export type { StoredV1 } from './migrateV1';
export { ReviewStore } from './store';
export type { CasePracticeInput, OpenOptions, RecordedReview, ReviewInput, ReviewStoreChange, UndoneReview } from './storeApi';
export { UNDO_DEPTH } from './merge';
export { MemoryMemento } from './memoryMemento';
