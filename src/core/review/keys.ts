/**
 * Every globalState key the review store uses, in one place. The extension passes `REVIEW_SYNC_KEYS` to
 * `context.globalState.setKeysForSync`. See format.ts for what each key holds.
 */

/** Format marker (`{ version }`). In format v1 this key held the whole state. */
export const REVIEW_ROOT_KEY = 'loopPrep.review';

/**
 * Card states and their review logs are split over this many keys by a hash of the card id, so that a
 * review rewrites about 1/64 of the data (see storage.ts for why). Part of the stored format: changing
 * it needs a migration.
 */
export const REVIEW_SHARD_COUNT = 64;

/** `loopPrep.review.cards.0` to `loopPrep.review.cards.63`. */
export const REVIEW_SHARD_KEYS: readonly string[] = Array.from({ length: REVIEW_SHARD_COUNT }, (_, i) => `loopPrep.review.cards.${i}`);

/** Completed lessons and case practices. */
export const REVIEW_PROGRESS_KEY = 'loopPrep.review.progress';

/** The undo stack: the card state before each of the last 50 reviews. */
export const REVIEW_UNDO_KEY = 'loopPrep.review.undo';

/** Reviews folded out of the card logs into per-day aggregates (fold.ts): what Progress shows of old history. */
export const REVIEW_HISTORY_KEY = 'loopPrep.review.history';

/** Raw values that could not be read (corrupt, or from a newer version), kept instead of dropped. */
export const REVIEW_QUARANTINE_KEY = 'loopPrep.review.quarantine';

/** Interview dates and the plan's mode, beside the review state (core/interview/storage.ts). */
export const INTERVIEW_KEY = 'loopPrep.interview';

/** Keys worth syncing between machines: everything except the quarantine, which is local forensics. */
export const REVIEW_SYNC_KEYS: readonly string[] = [REVIEW_ROOT_KEY, ...REVIEW_SHARD_KEYS, REVIEW_PROGRESS_KEY, REVIEW_UNDO_KEY, REVIEW_HISTORY_KEY];

/** Every key the store reads or writes. */
export const REVIEW_KEYS: readonly string[] = [...REVIEW_SYNC_KEYS, REVIEW_QUARANTINE_KEY];

/**
 * The shard that holds a card: FNV-1a of the id, modulo the shard count. Stable forever, since stored
 * data depends on it.
 */
export function shardOf(cardId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) {
    hash ^= cardId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % REVIEW_SHARD_COUNT;
}

/**
 * Workspace state, not the review store: the running drill session (its queue and ratings so far), so a
 * window reload resumes it. Written by the drill panel's host; see src/extension/drill/snapshot.ts.
 */
export const DRILL_SESSION_KEY = 'loopPrep.drill.session';

/** The chat models the user allowed Loop Prep to send text to (`vendor/id` strings); see core/ai/consent.ts. Not synced: consent is per machine. */
export const AI_CONSENT_KEY = 'loopPrep.ai.consent';

/** The answer last typed for each card (core/drill/lastAnswers.ts), so a drill can show it next time. Not synced: it can hold a few hundred KB. */
export const LAST_ANSWERS_KEY = 'loopPrep.drill.lastAnswers';
