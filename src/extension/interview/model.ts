/**
 * The interview plan as of now, from the stored interviews, the review state and the settings: which
 * interview drives the plan, its plan, forecast and caps. Pure reads; the feature's index.ts wires them
 * into the drill, the status bar and the Progress view.
 */
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex, Role } from '../../core/content/types';
import {
  capFor,
  computeForecast,
  computePlan,
  dayOfDate,
  dayStart,
  lastPassed,
  nearestInterview,
  preInterviewOrder,
  simulateRetentions,
} from '../../core/interview';
import type { Interview, InterviewForecast, InterviewPlan, SimulationRow, InterviewState } from '../../core/interview';
import { DEFAULT_SIMULATION_DAYS } from '../../core/interview/simulate';
import type { OffsetAt } from '../../core/progress/calendar';
import { bestCaseScores } from '../../core/progress/readiness';
import { localDayOf } from '../../core/time';
import type { StateService } from '../state/stateService';
import { desiredRetention, newCardsPerDay } from '../config';

/** The user's UTC offset at any instant, from the machine's time zone. */
export const offsetAt: OffsetAt = (d) => -d.getTimezoneOffset();

/** Today's local day number. */
export function today(now: Date): number {
  return localDayOf(now.getTime(), offsetAt(now));
}

/** The interview driving the plan, with its role; undefined without one (or when its role is gone). */
export interface Active {
  readonly interview: Interview;
  readonly role: Role;
  readonly day: number;
}

export function activeInterview(state: InterviewState, index: ContentIndex, now: Date): Active | undefined {
  const interview = nearestInterview(state.interviews, today(now));
  const role = interview && catalogOf(index).get('role', interview.roleId);
  if (!interview || !role) return undefined;
  return { interview, role, day: dayOfDate(interview.date) ?? today(now) };
}

/** The passed interview whose "how did it go?" prompt has not been shown; undefined otherwise. */
export function unaskedPassed(state: InterviewState, now: Date): Interview | undefined {
  const passed = lastPassed(state.interviews, today(now));
  return passed && !state.asked.includes(passed.id) ? passed : undefined;
}

export function planFor(active: Active, index: ContentIndex, state: StateService, now: Date): InterviewPlan {
  return computePlan({
    index,
    role: active.role,
    interview: active.interview,
    cards: state.cards(),
    reviews: state.reviews(),
    folded: state.history()?.c,
    reads: state.reads(),
    casePractices: state.casePractices(),
    now,
    offsetAt,
    maxNewPerDay: newCardsPerDay(),
  });
}

export function forecastFor(active: Active, plan: InterviewPlan, index: ContentIndex, state: StateService, now: Date): InterviewForecast {
  return computeForecast(plan, {
    index,
    role: active.role,
    cards: state.cards(),
    reads: state.reads(),
    bestScores: bestCaseScores(state.casePractices()),
    now,
    interviewStart: dayStart(active.day, offsetAt),
    dayBefore: dayStart(active.day - 1, offsetAt),
    desiredRetention: desiredRetention(),
  });
}

/** The core topic ids of the role, in its order. */
export function coreTopics(role: Role): Set<string> {
  return new Set(role.topics.filter((t) => t.weight === 'core').map((t) => t.id));
}

/** The cap for a card rated now: only core cards of the active interview's role, and only before the day. */
export function capForCard(active: Active | undefined, index: ContentIndex, cardId: string, now: Date): Date | undefined {
  if (!active) return undefined;
  const q = catalogOf(index).get('question', cardId);
  if (!q || !coreTopics(active.role).has(q.topic)) return undefined;
  return capFor(active.day, now, offsetAt);
}

/** The Pre-interview review's cards: core then supporting topics, lowest recall on the day first. */
export function preInterviewCards(active: Active, index: ContentIndex, state: StateService, limit: number): string[] {
  const topics = [...active.role.topics.filter((t) => t.weight === 'core'), ...active.role.topics.filter((t) => t.weight === 'supporting')].map((t) => t.id);
  return preInterviewOrder(index, state.cards(), topics, dayStart(active.day, offsetAt))
    .slice(0, limit)
    .map((c) => c.cardId);
}

/** The retention comparison: N = days to the interview (at least 1), or 30 without one. */
export function simulationFor(
  active: Active | undefined,
  plan: InterviewPlan | undefined,
  index: ContentIndex,
  state: StateService,
  now: Date,
): SimulationRow[] {
  const cards = state.cards();
  const core = active ? coreTopics(active.role) : undefined;
  const sim = index.questions.filter((q) => !cards.get(q.id)?.suspended).map((q) => ({ card: cards.get(q.id)?.card, core: core ? core.has(q.topic) : true }));
  const days = active ? Math.max(1, active.day - today(now)) : DEFAULT_SIMULATION_DAYS;
  const capAt = active ? (at: Date) => capFor(active.day, at, offsetAt) : undefined;
  return simulateRetentions({ cards: sim, now, days, newPerDay: plan ? plan.newPerDay : newCardsPerDay(), seed: 20_260_301, capAt });
}
