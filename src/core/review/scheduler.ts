/**
 * The scheduler: a thin, camelCase wrapper over ts-fsrs (FSRS-6). It never reads the clock; every call
 * takes `now`. A new card is `undefined` in and out of this API, so callers never build empty cards.
 */
import { computeDecayFactor, createEmptyCard, fsrs, generatorParameters, State } from 'ts-fsrs';
import type { Card, FSRS, Grade } from 'ts-fsrs';
import { RATINGS } from './types';
import type { CardPhase, Rating, ReviewCard } from './types';
import { DAY_MS, MINUTE_MS } from '../time';

/** The desired-retention range the settings UI offers; values outside it are clamped. */
export const MIN_RETENTION = 0.7;
/** Upper bound of the desired-retention setting. */
export const MAX_RETENTION = 0.97;
/** The desired retention when none (or nonsense) is given. */
export const DEFAULT_RETENTION = 0.9;

/** Options for `createScheduler`. */
export interface SchedulerOptions {
  /** Target probability of recall at the due date, clamped to 0.70-0.97. Default 0.9. */
  readonly desiredRetention?: number;
  /** Spread intervals of 3 days and more by a few percent so cards learned together do not stay together. Default true. */
  readonly enableFuzz?: boolean;
}

/** What pressing one rating button would do. */
export interface RatingPreview {
  readonly rating: Rating;
  readonly due: Date;
  /** `due - now`. */
  readonly intervalMs: number;
  /** Short label for the button: "1m", "10m", "5h", "1d", "3d", "2.1mo", "1.5y". */
  readonly label: string;
}

/** What a rating did, for the caller's own records (the store keeps its own review log). */
export interface RateLog {
  readonly rating: Rating;
  readonly reviewedAt: Date;
  /** 'new' when the card had never been reviewed. */
  readonly previousPhase: CardPhase | 'new';
  /** Whole days since the previous review (0 for a new card). */
  readonly elapsedDays: number;
  readonly scheduledDays: number;
}

/** The card after a rating, and what happened. */
export interface RateResult {
  readonly card: ReviewCard;
  readonly log: RateLog;
}

/** FSRS scheduling with a fixed retention and fuzz setting. */
export interface Scheduler {
  /** The clamped retention in use. */
  readonly desiredRetention: number;
  readonly enableFuzz: boolean;
  /** The outcome of each rating, Again to Easy; dues never decrease along the list. */
  preview(card: ReviewCard | undefined, now: Date): readonly RatingPreview[];
  /**
   * Applies one rating. Deterministic: the fuzz is seeded from the card and `now`. `cap`, when given,
   * bounds the due date FSRS chose (the interview caps, core/interview/caps.ts).
   */
  rate(card: ReviewCard | undefined, rating: Rating, now: Date, cap?: Date): RateResult;
  /** Probability of recall at `now`, 0-1; 0 for a new card. */
  retrievability(card: ReviewCard | undefined, now: Date): number;
}

const PHASES: Readonly<Record<number, CardPhase>> = { [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const STATES: Readonly<Record<CardPhase, State>> = { learning: State.Learning, review: State.Review, relearning: State.Relearning };

/** Clamps a retention setting into 0.70-0.97; anything that is not a finite number gives the default 0.9. */
export function clampRetention(value: number | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_RETENTION;
  return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, value));
}

/** Creates a scheduler. Cheap; make a new one when the retention setting changes. */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const desiredRetention = clampRetention(options.desiredRetention);
  const enableFuzz = options.enableFuzz ?? true;
  const engine: FSRS = fsrs(generatorParameters({ request_retention: desiredRetention, enable_fuzz: enableFuzz }));
  return {
    desiredRetention,
    enableFuzz,
    preview(card, now) {
      const outcomes = engine.repeat(toFsrsCard(card, now), now);
      return RATINGS.map((rating) => {
        const due = outcomes[rating as Grade].card.due;
        const intervalMs = due.getTime() - now.getTime();
        return { rating, due, intervalMs, label: intervalLabel(intervalMs) };
      });
    },
    rate(card, rating, now, cap) {
      const { card: next, log } = engine.next(toFsrsCard(card, now), now, rating as Grade);
      return {
        card: capCard(fromFsrsCard(next), cap),
        log: {
          rating,
          reviewedAt: now,
          previousPhase: card ? card.phase : 'new',
          elapsedDays: log.elapsed_days,
          scheduledDays: next.scheduled_days,
        },
      };
    },
    retrievability,
  };
}

/**
 * The card with its due date no later than `cap` (unchanged when it already is, or without a cap);
 * `scheduledDays` follows the shorter interval in whole days.
 */
export function capCard(card: ReviewCard, cap: Date | undefined): ReviewCard {
  if (!cap || !(card.due.getTime() > cap.getTime())) return card;
  const scheduledDays = Math.max(0, Math.floor((cap.getTime() - card.lastReview.getTime()) / DAY_MS));
  return { ...card, due: new Date(cap.getTime()), scheduledDays: Math.min(card.scheduledDays, scheduledDays) };
}

const { decay, factor } = computeDecayFactor(generatorParameters().w);

/**
 * Probability of recall at `now` under the FSRS forgetting curve, 0-1; 0 for a new card. It does not
 * depend on the desired retention, so the session builder can use it without a scheduler. Elapsed time
 * is fractional days, so cards reviewed on the same day still rank by the hour.
 */
export function retrievability(card: ReviewCard | undefined, now: Date): number {
  if (!card || !(card.stability > 0)) return 0;
  const elapsedDays = Math.max(0, now.getTime() - card.lastReview.getTime()) / DAY_MS;
  return Math.pow(1 + (factor * elapsedDays) / card.stability, decay);
}

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A short human interval: minutes under an hour, hours under a day, days under a month, then months and years. */
export function intervalLabel(ms: number): string {
  const minutes = Math.max(0, ms) / MINUTE_MS;
  if (Math.round(minutes) < 60) return `${Math.max(1, Math.round(minutes))}m`;
  const hours = minutes / 60;
  if (Math.round(hours) < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (Math.round(days) < 30) return `${Math.round(days)}d`;
  const months = days / 30;
  if (Math.round(months * 10) < 120) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(days / 365)}y`;
}

function toFsrsCard(card: ReviewCard | undefined, now: Date): Card {
  if (!card) return createEmptyCard(now);
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES[card.phase],
    last_review: card.lastReview,
  };
}

function fromFsrsCard(card: Card): ReviewCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    // A rated card is never New; 'learning' is the safe reading if ts-fsrs ever says otherwise.
    phase: PHASES[card.state] ?? 'learning',
    lastReview: card.last_review ?? card.due,
  };
}
