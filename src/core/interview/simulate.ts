/**
 * "Help me decide": simulates the next N days of reviews with ts-fsrs's memory model (FSRSAlgorithm:
 * stability, difficulty, forgetting curve and intervals, the same FSRS-6 weights as review/scheduler.ts)
 * for a few desired-retention values, to compare the daily workload with the recall it buys.
 *
 * Model, per retention value, from the same seed (so the rows differ only by the retention):
 *   - each day at the same hour as now, every card due by the end of that day is reviewed once:
 *     recalled (Good) with probability = its FSRS retrievability then, drawn from core/random.ts;
 *     forgotten (Again) otherwise, followed by one Good relearning step the same day
 *   - then `newPerDay` unseen cards are learned: Good, and Good again at the learning step
 *   - core cards' dues are capped by `capAt` when given (the interview caps)
 *   reviews/day = every rating counted / N; recall at the end = mean retrievability of the core cards
 *   (unseen ones counting 0) at the end of day N.
 */
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import type { FSRSState } from 'ts-fsrs';
import { clampRetention } from '../review/scheduler';
import type { ReviewCard } from '../review/types';
import { seededRandom } from '../random';
import { DAY_MS, MINUTE_MS } from '../time';

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

interface SimState {
  s: number;
  d: number;
  last: number;
  due: number;
  seen: boolean;
  readonly core: boolean;
}

function simulateOne(input: SimulationInput, days: number, retention: number): SimulationRow {
  // ts-fsrs's own memory model (FSRS-6 default weights), on plain numbers: the scheduler's Date and
  // learning-step handling is not needed for whole-day simulation and would cost ten times as much.
  const algo = new FSRSAlgorithm(generatorParameters({ request_retention: clampRetention(retention), enable_fuzz: false }));
  const random = seededRandom(input.seed);
  const cards: SimState[] = input.cards.map((c) =>
    c.card
      ? { s: c.card.stability, d: c.card.difficulty, last: c.card.lastReview.getTime(), due: c.card.due.getTime(), seen: true, core: c.core }
      : { s: 0, d: 0, last: 0, due: Infinity, seen: false, core: c.core },
  );
  const unseen = cards.filter((c) => !c.seen);
  const start = input.now.getTime();
  const newPerDay = Math.max(0, Math.floor(input.newPerDay));
  let nextNew = 0;
  let reviews = 0;
  const schedule = (c: SimState, state: FSRSState, at: Date, elapsed: number): void => {
    c.s = state.stability;
    c.d = state.difficulty;
    c.last = at.getTime();
    c.seen = true;
    let due = at.getTime() + algo.next_interval(state.stability, elapsed) * DAY_MS;
    const cap = c.core && input.capAt ? input.capAt(at) : undefined;
    if (cap && due > cap.getTime()) due = Math.max(cap.getTime(), at.getTime() + MINUTE_MS);
    c.due = due;
  };
  for (let d = 0; d < days; d++) {
    const at = new Date(start + d * DAY_MS);
    const endOfDay = at.getTime() + DAY_MS;
    for (const c of cards) {
      if (!c.seen || c.due >= endOfDay) continue;
      const elapsed = Math.max(0, (at.getTime() - c.last) / DAY_MS);
      const recalled = random() < algo.forgetting_curve(elapsed, c.s);
      let state = algo.next_state({ stability: c.s, difficulty: c.d }, elapsed, recalled ? 3 : 1);
      reviews++;
      if (!recalled) {
        // The relearning step, the same day.
        state = algo.next_state(state, 0, 3);
        reviews++;
      }
      schedule(c, state, at, elapsed);
    }
    for (let i = 0; i < newPerDay && nextNew < unseen.length; i++, nextNew++) {
      // Learned: Good, then Good again at the learning step, the same day.
      const state = algo.next_state(algo.next_state(null, 0, 3), 0, 3);
      reviews += 2;
      schedule(unseen[nextNew], state, at, 0);
    }
  }
  const end = start + days * DAY_MS;
  let sum = 0;
  let core = 0;
  for (const c of cards) {
    if (!c.core) continue;
    core++;
    if (c.seen && c.s > 0) sum += algo.forgetting_curve(Math.max(0, (end - c.last) / DAY_MS), c.s);
  }
  return { retention, reviewsPerDay: Math.round((reviews / days) * 10) / 10, recallAtEnd: core ? sum / core : 0 };
}
