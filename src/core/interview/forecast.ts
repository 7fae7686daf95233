/**
 * The forecast of recall on interview day, per core topic, at the current pace. Per card:
 *
 *   reviewed card due before the interview: you review it when due, and the caps (caps.ts) bring its
 *       last review to the day before the interview; recall on the day is then at least FSRS
 *       retrievability with its current stability over that last day (a successful review only raises
 *       stability, so this errs low)
 *   reviewed card due after the interview: retrievability at the start of the interview day
 *   unseen card: learned at your current pace (the plan's average of new cards a day, over its days to
 *       learn, in topic order) and then held near the desired retention; otherwise 0
 *   suspended card: as it stands (it is not reviewed)
 *
 *   topic recall on the day = sum over its cards / its cards
 *   expected readiness on the day = readiness's formula (progress/readiness.ts) with those topic
 *       recalls as mastery, and lessons and case practice as they are today
 */
import type { ContentIndex, Role } from '../content/types';
import { roleReadiness } from '../progress/readiness';
import type { ReadinessContext } from '../progress/readiness';
import { topicStats } from '../progress/topics';
import type { TopicStats } from '../progress/topics';
import { retrievability } from '../review/scheduler';
import type { CardState } from '../review/types';
import type { InterviewPlan } from './plan';

/** One core topic's forecast. */
export interface TopicForecast {
  readonly topicId: string;
  readonly title: string;
  /** Recall now, 0-1 (the mastery bar's value). */
  readonly now: number;
  /** Predicted recall on the day, 0-1. */
  readonly onDay: number;
  readonly cards: number;
  /** Unseen cards your current pace learns by the day. */
  readonly learnedAtPace: number;
}

/** The forecast for the nearest interview. */
export interface InterviewForecast {
  readonly topics: readonly TopicForecast[];
  /** 0-100, rounded: readiness on the day. */
  readonly readinessOnDay: number;
  /** 0-100, rounded: readiness today, for comparison. */
  readonly readinessNow: number;
  /** "Expected readiness on the day: 72% (today 41%)". */
  readonly summary: string;
}

/** What the forecast reads besides the plan. */
export interface ForecastInput {
  readonly index: ContentIndex;
  readonly role: Role;
  readonly cards: ReadonlyMap<string, CardState>;
  readonly reads: ReadinessContext['reads'];
  readonly bestScores: ReadinessContext['bestScores'];
  readonly now: Date;
  /** The start of the interview day and of the day before (the cap). */
  readonly interviewStart: Date;
  readonly dayBefore: Date;
  readonly desiredRetention: number;
  /** Stats at now, when the caller has them already (computeProgress does); computed otherwise. */
  readonly statsNow?: ReadonlyMap<string, TopicStats>;
}

/** Computes the forecast. O(questions). */
export function computeForecast(plan: InterviewPlan, input: ForecastInput): InterviewForecast {
  const { index, cards, interviewStart, dayBefore } = input;
  const core = plan.topics.filter((t) => t.weight === 'core');
  let budget = Math.max(0, plan.averageNew) * plan.learnDays;
  const learnQuota = new Map<string, number>();
  for (const t of core) {
    const n = Math.min(t.unseen, budget);
    learnQuota.set(t.topicId, n);
    budget -= n;
  }
  const planned = new Map(learnQuota);
  const sums = new Map<string, number>(core.map((t) => [t.topicId, 0]));
  const day = interviewStart.getTime();
  const capMs = Math.max(input.now.getTime(), dayBefore.getTime());
  for (const q of index.questions) {
    const sum = sums.get(q.topic);
    if (sum === undefined) continue;
    const state = cards.get(q.id);
    const card = state?.card;
    let r = 0;
    if (card && !state.suspended && card.due.getTime() < day) {
      r = retrievability({ ...card, lastReview: new Date(capMs) }, interviewStart);
    } else if (card) r = retrievability(card, interviewStart);
    else if (!state?.suspended) {
      const left = learnQuota.get(q.topic) ?? 0;
      if (left > 0) {
        learnQuota.set(q.topic, left - 1);
        r = input.desiredRetention;
      }
    }
    sums.set(q.topic, sum + r);
  }
  const statsNow = input.statsNow ?? topicStats(index, cards, input.now);
  const onDayStats = new Map(statsNow);
  const topics = core.map((t): TopicForecast => {
    const s = statsNow.get(t.topicId);
    const recall = sums.get(t.topicId) ?? 0;
    const onDay = t.cards ? recall / t.cards : 0;
    if (s) onDayStats.set(t.topicId, { ...s, recall, mastery: onDay });
    const learnedAtPace = (planned.get(t.topicId) ?? 0) - (learnQuota.get(t.topicId) ?? 0);
    return { topicId: t.topicId, title: t.title, now: s?.mastery ?? 0, onDay, cards: t.cards, learnedAtPace };
  });
  const base = { index, reads: input.reads, bestScores: input.bestScores };
  const readinessOnDay = roleReadiness(input.role, { ...base, stats: onDayStats }).percent;
  const readinessNow = roleReadiness(input.role, { ...base, stats: statsNow }).percent;
  return { topics, readinessOnDay, readinessNow, summary: `Expected readiness on the day: ${readinessOnDay}% (today ${readinessNow}%)` };
}
