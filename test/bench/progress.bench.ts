/**
 * Progress figures for `npm run bench`: `computeProgress` over 50,000 reviews of 2,000 cards (budget
 * 30 ms), and export / import of the same history (not budgeted; they run once per user action). The
 * history is synthetic: 25 reviews per card over the two years before NOW, random ratings and XP, and a
 * card state per card; three roles over 25 topics, as in the built-in bank.
 */
import type { ContentIndex, TopicWeight } from '../../src/core/content/types';
import { buildExport, computeProgress, parseImport, planImport } from '../../src/core/progress';
import type { ProgressInput } from '../../src/core/progress';
import type { CardState, Rating, ReviewEntry } from '../../src/core/review/types';
import { NOW, bank, caseStudy, lesson, question, role, topic } from '../unit/progress/helpers';
import { seeded } from '../unit/review/helpers';
import { time } from './timing';

const CARDS = 2_000;
const REVIEWS_PER_CARD = 25;
const TOPICS = 25;
const DAY = 86_400_000;

function syntheticIndex(): ContentIndex {
  const topicIds = Array.from({ length: TOPICS }, (_, i) => `topic-${i}`);
  const weights = (shift: number): [string, TopicWeight][] =>
    topicIds.map((id, i) => [id, (['core', 'supporting', 'supporting', 'skip'] as const)[(i + shift) % 4]]);
  return {
    ...bank(),
    roles: [
      role('product-ai', 'Product AI engineer', weights(0)),
      role('applied-ml', 'Applied ML engineer', weights(1)),
      role('ml-infra', 'ML infra engineer', weights(2)),
    ],
    topics: topicIds.map((id) => topic(id, id)),
    questions: Array.from({ length: CARDS }, (_, i) => question(`topic-${i % TOPICS}-card-${i}`, `topic-${i % TOPICS}`)),
    lessons: Array.from({ length: 7 }, (_, i) => lesson(`lesson-${i}`, `Lesson ${i}`, i)),
    cases: Array.from({ length: 6 }, (_, i) =>
      caseStudy(`case-${i}`, `Case ${i}`, ['product-ai', 'applied-ml', 'ml-infra'].slice(0, 1 + (i % 3)), [`topic-${i}`]),
    ),
  };
}

/**
 * 25 reviews per card on days spread over the two years before NOW, each inside one of two daily
 * sessions (08:00 and 20:30 UTC, 40 minutes long) as people study; `scattered` instead puts every
 * review at a random minute of its day, the worst case for `OffsetProbe`.
 */
function syntheticInput(index: ContentIndex, scattered = false): ProgressInput {
  const random = seeded(7);
  const reviews: ReviewEntry[] = [];
  const cards = new Map<string, CardState>();
  const firstDay = Math.floor(NOW.getTime() / DAY) - 730;
  for (const q of index.questions) {
    let day = firstDay + Math.floor(random() * 120);
    let t = 0;
    for (let r = 0; r < REVIEWS_PER_CARD; r++) {
      const minute = scattered ? random() * 1440 : (random() < 0.6 ? 480 : 1230) + random() * 40;
      t = Math.min(NOW.getTime() - 3_600_000, day * DAY + minute * 60_000);
      const rating = (random() < 0.12 ? 1 : random() < 0.2 ? 2 : random() < 0.9 ? 3 : 4) as Rating;
      reviews.push({
        id: `${q.id}#w${r.toString(36)}`,
        cardId: q.id,
        rating,
        reviewedAt: new Date(t),
        correct: undefined,
        durationMs: 8000,
        xp: 5 + Math.floor(random() * 20),
      });
      day += 1 + Math.floor(random() * 44);
    }
    const stability = 1 + random() * 120;
    const lastReview = new Date(t);
    const card = {
      due: new Date(t + stability * DAY),
      stability,
      difficulty: 5,
      scheduledDays: Math.round(stability),
      learningSteps: 0,
      reps: REVIEWS_PER_CARD,
      lapses: 2,
      phase: 'review' as const,
      lastReview,
    };
    cards.set(q.id, { card, suspended: random() < 0.02, buriedUntil: undefined });
  }
  reviews.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  return {
    index,
    roleId: 'product-ai',
    reviews,
    cards,
    reads: new Map(index.lessons.slice(0, 4).map((l, i) => [l.id, new Date(NOW.getTime() - i * DAY)])),
    casePractices: index.cases.map((c, i) => ({
      id: `p${i}`,
      caseId: c.id,
      practicedAt: new Date(NOW.getTime() - i * DAY),
      score: 10 + i,
      maxScore: 20,
      missed: [],
    })),
    desiredRetention: 0.9,
    offsetAt: (d) => -d.getTimezoneOffset(),
  };
}

const round = (x: number, digits = 2): number => +x.toFixed(digits);

/** The figures, one JSON object; `budgetMs` is the budget for `computeProgress50kReviewsMedianMs`. */
export async function bench(): Promise<Record<string, number>> {
  const index = syntheticIndex();
  const input = syntheticInput(index);
  const computeProgress50kReviewsMedianMs = time(31, () => computeProgress(input, NOW));
  const scattered = syntheticInput(index, true);
  const scatteredReviewsMs = time(7, () => computeProgress(scattered, NOW));
  const unsorted = { ...input, reviews: [...input.reviews].reverse() };
  const unsortedLogMs = time(7, () => computeProgress(unsorted, NOW));

  const exportInput = { ...input, settings: { role: 'product-ai', desiredRetention: 0.9, newCardsPerDay: 15, sessionSize: 20 } };
  const buildExportMs = time(5, () => buildExport(exportInput, NOW));
  const text = JSON.stringify(buildExport(exportInput, NOW));
  const knownCardIds = new Set(index.questions.map((q) => q.id));
  const parseImportMs = time(5, () => parseImport(text, { now: NOW, knownCardIds }));
  const parsed = parseImport(text, { now: NOW, knownCardIds });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const empty = { reviews: [], cards: new Map(), reads: new Map(), casePractices: [] };
  const planIntoEmptyMs = time(5, () => planImport(empty, parsed));
  const planSameStateMs = time(5, () => planImport(input, parsed));

  return {
    reviews: input.reviews.length,
    cards: CARDS,
    computeProgress50kReviewsMedianMs: round(computeProgress50kReviewsMedianMs),
    budgetMs: 30,
    scatteredReviewsMs: round(scatteredReviewsMs),
    unsortedLogMs: round(unsortedLogMs),
    buildExportMs: round(buildExportMs, 1),
    exportBytes: text.length,
    parseImportMs: round(parseImportMs, 1),
    planIntoEmptyMs: round(planIntoEmptyMs, 1),
    planSameStateMs: round(planSameStateMs, 1),
  };
}
