/**
 * "Help me decide": simulates the next N days of reviews with ts-fsrs (through review/scheduler.ts) for a
 * few desired-retention values, to compare the daily workload with the recall it buys.
 *
 * Model, per retention value, from the same seed (so the rows differ only by the retention):
 *   - each day at the same local hour as now, every card due by the end of that day is reviewed once:
 *     recalled (Good) with probability = its FSRS retrievability then, drawn from core/random.ts;
 *     forgotten (Again) otherwise, followed by one Good relearning step ten minutes later
 *   - then `newPerDay` unseen cards are learned: Good, and Good again after ten minutes
 *   - core cards' dues are capped by `capAt` when given (the interview caps)
 *   reviews/day = every rating counted / N; recall at the end = mean retrievability of the core cards
 *   (unseen ones counting 0) at the end of day N.
 */
import { createScheduler } from '../review/scheduler';
import type { ReviewCard } from '../review/types';
import { seededRandom } from '../random';
import { DAY_MS, MINUTE_MS } from '../time';
import { applyCap } from './caps';

/** The retention values compared. */
export const SIMULATED_RETENTIONS: readonly number[] = [0.8, 0.85, 0.9, 0.95];
/** Days simulated when no interview is set. */
export const DEFAULT_SIMULATION_DAYS = 30;

/** One card going into the simulation. */
export interface SimCard {
  /** Undefined for an unseen card. */
  readonly card: ReviewCard | undefined;
  readonly core: boolean;
}

export interface SimulationInput {
  readonly cards: readonly SimCard[];
  readonly now: Date;
  /** 1-366 days. */
  readonly days: number;
  readonly newPerDay: number;
  readonly seed: number;
  readonly retentions?: readonly number[];
  /** The cap for a core card rated at an instant; undefined for none. */
  readonly capAt?: (at: Date) => Date | undefined;
}

/** One row of the comparison table. */
export interface SimulationRow {
  readonly retention: number;
  /** Mean ratings a day, one decimal. */
  readonly reviewsPerDay: number;
  /** Mean recall of the core cards at the end, 0-1. */
  readonly recallAtEnd: number;
}

/** Runs the simulation for every retention value. Deterministic for a given input and seed. */
export function simulateRetentions(input: SimulationInput): SimulationRow[] {
  const days = Math.max(1, Math.min(366, Math.floor(input.days)));
  return (input.retentions ?? SIMULATED_RETENTIONS).map((retention) => simulateOne(input, days, retention));
}

function simulateOne(input: SimulationInput, days: number, retention: number): SimulationRow {
  const scheduler = createScheduler({ desiredRetention: retention, enableFuzz: false });
  const random = seededRandom(input.seed);
  const cards = input.cards.map((c) => ({ card: c.card, core: c.core }));
  const unseen = cards.filter((c) => !c.card);
  const start = input.now.getTime();
  const newPerDay = Math.max(0, Math.floor(input.newPerDay));
  let nextNew = 0;
  let reviews = 0;
  const rate = (c: { card: ReviewCard | undefined; core: boolean }, rating: 1 | 3, at: Date): void => {
    const next = scheduler.rate(c.card, rating, at).card;
    c.card = c.core && input.capAt ? applyCap(next, input.capAt(at)) : next;
    reviews++;
  };
  for (let d = 0; d < days; d++) {
    const at = new Date(start + d * DAY_MS);
    const later = new Date(at.getTime() + 10 * MINUTE_MS);
    const endOfDay = at.getTime() + DAY_MS;
    for (const c of cards) {
      if (!c.card || c.card.due.getTime() >= endOfDay) continue;
      if (random() < scheduler.retrievability(c.card, at)) rate(c, 3, at);
      else {
        rate(c, 1, at);
        rate(c, 3, later);
      }
    }
    for (let i = 0; i < newPerDay && nextNew < unseen.length; i++, nextNew++) {
      const c = unseen[nextNew];
      rate(c, 3, at);
      rate(c, 3, later);
    }
  }
  const end = new Date(start + days * DAY_MS);
  let sum = 0;
  let core = 0;
  for (const c of cards) {
    if (!c.core) continue;
    core++;
    sum += scheduler.retrievability(c.card, end);
  }
  return { retention, reviewsPerDay: Math.round((reviews / days) * 10) / 10, recallAtEnd: core ? sum / core : 0 };
}
