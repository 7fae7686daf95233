/**
 * Review figures for `npm run bench`, on 10,000 cards with five reviews each: building a session,
 * recording one review (scheduling, merge check, serializing and writing to a memento that JSON-copies
 * like VS Code's), opening the store, and the stored size. Next to each, the same work done by calling
 * ts-fsrs directly, and what one key holding the whole state would cost per review (why the state is
 * sharded). Budgets: session 20 ms, review 2 ms, stored size 3 MB.
 */
import { fsrs } from 'ts-fsrs';
import type { Card } from 'ts-fsrs';
import { REVIEW_KEYS, ReviewStore, buildSession, createScheduler } from '../../src/core/review';
import type { Rating, ReviewCard } from '../../src/core/review';
import { MemoryMemento } from '../../src/core/review/memoryMemento';
import { TOPICS, buildHistory } from '../unit/review/fixture';
import { T0, seeded } from '../unit/review/helpers';

const CARDS = 10_000;
const REVIEWS_PER_CARD = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, f: (i: number) => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f(i);
    samples.push(performance.now() - t);
  }
  return median(samples);
}

function toFsrs(c: ReviewCard): Card {
  const state = { learning: 1, review: 2, relearning: 3 }[c.phase];
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: 0,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state,
    last_review: c.lastReview,
  };
}

const round = (x: number, digits = 3): number => +x.toFixed(digits);

export async function bench(): Promise<Record<string, number>> {
  const fixture = buildHistory(CARDS, REVIEWS_PER_CARD);
  const memento = fixture.memento;
  const storedBytes = memento.storedLength(REVIEW_KEYS);
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await ReviewStore.open(memento, { now: T0, writerId: `bnc${i}` });
    opens.push(performance.now() - t);
  }
  const openMs = median(opens);
  const store = await ReviewStore.open(memento, { now: T0, writerId: 'bncz' });
  const questions = fixture.questions;
  const priority = { order: TOPICS, skip: TOPICS.slice(-3) };

  // With the default learn-ahead window, as the extension builds sessions.
  const learnAheadMs = 20 * 60_000;
  time(5, () => buildSession({ questions, cards: store.cards(), now: T0, priority, learnAheadMs }));
  const buildSessionMs = time(21, () => buildSession({ questions, cards: store.cards(), now: T0, priority, learnAheadMs }));
  const weakSessionMs = time(21, () => buildSession({ questions, cards: store.cards(), now: T0, priority, mode: { kind: 'weak' } }));

  const engine = fsrs({ enable_fuzz: true });
  const direct = [...fixture.cards.values()].map(toFsrs);
  const fsrsRetrievabilitySortMs = time(7, () => {
    const due = direct.filter((c) => c.due <= T0).map((c) => ({ c, r: engine.get_retrievability(c, T0, false) }));
    due.sort((a, b) => a.r - b.r);
  });
  const fsrsRepeatAllMs = time(3, () => {
    for (const c of direct) engine.repeat(c, T0);
  });

  const random = seeded(3);
  const ids = questions.map((q) => q.id);
  const picks = Array.from({ length: 300 }, () => ids[Math.floor(random() * ids.length)]);
  const ratings = picks.map(() => (1 + Math.floor(random() * 4)) as Rating);
  const at = (i: number) => new Date(T0.getTime() + i * 20_000);
  for (let i = 0; i < 20; i++) await store.recordReview({ cardId: picks[i], rating: ratings[i], now: at(i), durationMs: 9000 });
  const reviewSamples: number[] = [];
  for (let i = 20; i < picks.length; i++) {
    const t = performance.now();
    const written = store.recordReview({ cardId: picks[i], rating: ratings[i], now: at(i), durationMs: 9000, correct: true, xp: 10 });
    reviewSamples.push(performance.now() - t);
    await written;
  }
  const recordReviewMs = median(reviewSamples);
  const fsrsCards = picks.map((id) => toFsrs(fixture.cards.get(id)!));
  const fsrsNextMs = time(picks.length, (i) => engine.next(fsrsCards[i], at(i), ratings[i]));
  const scheduler = createScheduler();
  const wrapperRateMs = time(picks.length, (i) => scheduler.rate(fixture.cards.get(picks[i]), ratings[i], at(i)));

  const whole = Object.fromEntries(REVIEW_KEYS.map((k) => [k, memento.get(k)]));
  const single = new MemoryMemento();
  const singleKeyWriteMs = time(5, () => void single.update('everything', whole));

  return {
    cards: CARDS,
    reviews: CARDS * REVIEWS_PER_CARD,
    storedBytes,
    storedBudgetBytes: 3_000_000,
    largestShardBytes: Math.max(...REVIEW_KEYS.map((k) => memento.storedLength([k]))),
    openStoreMs: round(openMs, 1),
    buildSessionMs: round(buildSessionMs),
    buildSessionBudgetMs: 20,
    weakSessionMs: round(weakSessionMs),
    fsrsRetrievabilitySortMs: round(fsrsRetrievabilitySortMs),
    fsrsRepeatAllMs: round(fsrsRepeatAllMs, 1),
    buildSessionVsFsrsSort: round(buildSessionMs / fsrsRetrievabilitySortMs, 2),
    buildSessionVsFsrsRepeatAll: round(buildSessionMs / fsrsRepeatAllMs, 3),
    recordReviewMs: round(recordReviewMs),
    recordReviewBudgetMs: 2,
    fsrsNextMs: round(fsrsNextMs, 4),
    wrapperRateMs: round(wrapperRateMs, 4),
    recordReviewVsFsrsNext: round(recordReviewMs / fsrsNextMs, 1),
    singleKeyWriteMs: round(singleKeyWriteMs, 1),
  };
}
