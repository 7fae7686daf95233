/**
 * Interview plan figures for `npm run bench`, over 3,000 cards and 50,000 reviews: the plan and the
 * forecast together (budget 20 ms: they are computed for every Progress view refresh while a date is
 * set), and the 30-day retention simulation for the four retention values (budget 300 ms: computed with
 * the Progress view). Synthetic history: 2,500 cards seen, 20 reviews each over the last two years, with
 * dues from five days overdue to two months ahead; 500 cards still new; 25 topics, a third of them core.
 */
import type { ContentIndex, TopicWeight } from '../../src/core/content/types';
import { capFor, computeForecast, computePlan, dayOfDate, dayStart, simulateRetentions } from '../../src/core/interview';
import type { SimCard } from '../../src/core/interview';
import type { CardState, Rating, ReviewEntry } from '../../src/core/review/types';
import { NOW, bank, lesson, question, role, topic } from '../unit/progress/helpers';
import { seeded } from '../unit/review/helpers';
import { time } from './timing';

const CARDS = 3_000;
const SEEN = 2_500;
const REVIEWS_PER_CARD = 20;
const TOPICS = 25;
const DAY = 86_400_000;
const utc = (): number => 0;

function syntheticIndex(): ContentIndex {
  const ids = Array.from({ length: TOPICS }, (_, i) => `topic-${i}`);
  const weights: [string, TopicWeight][] = ids.map((id, i) => [id, (['core', 'supporting', 'skip'] as const)[i % 3]]);
  return {
    ...bank(),
    roles: [role('product-ai', 'Product AI engineer', weights)],
    topics: ids.map((id) => topic(id, id)),
    questions: Array.from({ length: CARDS }, (_, i) => question(`topic-${i % TOPICS}-card-${i}`, `topic-${i % TOPICS}`)),
    lessons: Array.from({ length: 7 }, (_, i) => lesson(`lesson-${i}`, `Lesson ${i}`, i)),
    cases: [],
  };
}

function history(index: ContentIndex): { cards: Map<string, CardState>; reviews: ReviewEntry[] } {
  const random = seeded(11);
  const cards = new Map<string, CardState>();
  const reviews: ReviewEntry[] = [];
  index.questions.slice(0, SEEN).forEach((q) => {
    for (let r = 0; r < REVIEWS_PER_CARD; r++) {
      const at = new Date(NOW.getTime() - Math.floor(random() * 730) * DAY);
      reviews.push({
        id: `${q.id}#b${r}`,
        cardId: q.id,
        rating: (1 + Math.floor(random() * 4)) as Rating,
        reviewedAt: at,
        correct: undefined,
        durationMs: 8000,
        xp: 5,
      });
    }
    const stability = 1 + random() * 60;
    const due = new Date(NOW.getTime() + (random() * 65 - 5) * DAY);
    const lastReview = new Date(Math.min(NOW.getTime(), due.getTime() - stability * DAY * 0.5));
    cards.set(q.id, {
      card: {
        due,
        stability,
        difficulty: 5,
        scheduledDays: Math.round(stability),
        learningSteps: 0,
        reps: REVIEWS_PER_CARD,
        lapses: 1,
        phase: 'review',
        lastReview,
      },
      suspended: false,
      buriedUntil: undefined,
    });
  });
  return { cards, reviews };
}

const round = (x: number, digits = 2): number => +x.toFixed(digits);

export async function bench(): Promise<Record<string, number>> {
  const index = syntheticIndex();
  const { cards, reviews } = history(index);
  const r = index.roles[0];
  const date = '2026-04-09';
  const day = dayOfDate(date)!;
  const interview = { id: 'b1', date, roleId: r.id, createdAt: NOW.getTime() - 10 * DAY };
  const planInput = { index, role: r, interview, cards, reviews, reads: new Map(), casePractices: [], now: NOW, offsetAt: utc, maxNewPerDay: 40 };
  const forecastInput = {
    index,
    role: r,
    cards,
    reads: new Map<string, Date>(),
    bestScores: new Map<string, number>(),
    now: NOW,
    interviewStart: dayStart(day, utc),
    dayBefore: dayStart(day - 1, utc),
    desiredRetention: 0.9,
  };
  const planAndForecastMedianMs = time(41, () => computeForecast(computePlan(planInput), forecastInput));
  const plan = computePlan(planInput);
  const planMedianMs = time(21, () => computePlan(planInput));
  const forecastMedianMs = time(21, () => computeForecast(plan, forecastInput));
  const core = new Set(r.topics.filter((t) => t.weight === 'core').map((t) => t.id));
  const sim: SimCard[] = index.questions.map((q) => ({ card: cards.get(q.id)?.card, core: core.has(q.topic) }));
  let reviewsPerDayAt90 = 0;
  const simulation30Days4RetentionsMs = time(5, () => {
    const rows = simulateRetentions({ cards: sim, now: NOW, days: 30, newPerDay: plan.newPerDay, seed: 1, capAt: (at) => capFor(day, at, utc) });
    reviewsPerDayAt90 = rows[2].reviewsPerDay;
  });
  return {
    cards: CARDS,
    reviews: reviews.length,
    planNewPerDay: plan.newPerDay,
    planAndForecastMedianMs: round(planAndForecastMedianMs),
    planAndForecastBudgetMs: 20,
    planMedianMs: round(planMedianMs),
    forecastMedianMs: round(forecastMedianMs),
    simulation30Days4RetentionsMs: round(simulation30Days4RetentionsMs, 1),
    simulationBudgetMs: 300,
    simulatedReviewsPerDayAt90: reviewsPerDayAt90,
  };
}
