import * as assert from 'assert';
import { computeProgress } from '../../../src/core/progress';
import { cardStatus, topicStats } from '../../../src/core/progress/topics';
import { countsDueFrom, isDue, learnAheadMs } from '../../../src/core/review/due';
import { createScheduler } from '../../../src/core/review/scheduler';
import { buildSession } from '../../../src/core/review/session';
import type { CardState } from '../../../src/core/review/types';
import { NOW, bank, reviewCard, state, utc } from '../progress/helpers';

const WINDOW = 20 * 60_000;
const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);

describe('due with learn-ahead', () => {
  it('counts a card in learning steps as due within the window, a review card only at its due time', () => {
    const learning = state(reviewCard(NOW, 0.5, { due: later(15 * 60_000), phase: 'learning', scheduledDays: 0 }));
    const relearning = state(reviewCard(NOW, 0.5, { due: later(10 * 60_000), phase: 'relearning', scheduledDays: 0 }));
    const review = state(reviewCard(NOW, 3, { due: later(10 * 60_000) }));
    assert.strictEqual(isDue(learning, NOW, WINDOW), true);
    assert.strictEqual(isDue(relearning, NOW, WINDOW), true);
    assert.strictEqual(isDue(review, NOW, WINDOW), false, 'no learning ahead of review cards');
    assert.strictEqual(isDue(review, later(10 * 60_000), WINDOW), true);
    assert.strictEqual(isDue(learning, NOW, 0), false, 'window 0: due at its due time only');
    assert.strictEqual(isDue(learning, NOW, 10 * 60_000), false, 'due beyond a 10-minute window');
    assert.strictEqual(countsDueFrom(learning, WINDOW), later(-5 * 60_000).getTime());
  });

  it('never counts new, suspended or buried cards', () => {
    const card = reviewCard(NOW, 0.5, { due: later(60_000), phase: 'learning', scheduledDays: 0 });
    assert.strictEqual(isDue(undefined, NOW, WINDOW), false);
    assert.strictEqual(isDue(state(undefined), NOW, WINDOW), false);
    assert.strictEqual(isDue(state(card, { suspended: true }), later(120_000), WINDOW), false);
    const buried = state(card, { buriedUntil: later(3_600_000) });
    assert.strictEqual(isDue(buried, later(120_000), WINDOW), false);
    assert.strictEqual(isDue(buried, later(3_600_000), WINDOW), true);
  });

  it('reads the setting safely: default 20 minutes, 0 off, clamped', () => {
    assert.strictEqual(learnAheadMs(undefined), WINDOW);
    assert.strictEqual(learnAheadMs('ten'), WINDOW);
    assert.strictEqual(learnAheadMs(0), 0);
    assert.strictEqual(learnAheadMs(-5), 0);
    assert.strictEqual(learnAheadMs(1e9), 240 * 60_000);
  });

  it('gives the same count in the Study Plan, the status bar, the due drill and the Progress view a minute after every card was failed', () => {
    const index = bank();
    const scheduler = createScheduler({ enableFuzz: false });
    const cards = new Map<string, CardState>(index.questions.map((q) => [q.id, state(scheduler.rate(undefined, 1, NOW).card)]));
    const all = index.questions.length;
    for (const [window, expected] of [
      [WINDOW, all],
      [0, 0],
    ] as const) {
      const now = later(1000); // due again in a minute: not due yet without learn-ahead
      const plan = index.questions.filter((q) => cardStatus(cards.get(q.id), now, window) === 'due').length;
      const session = buildSession({ questions: index.questions, cards, now, priority: { order: [] }, mode: { kind: 'due' }, learnAheadMs: window });
      const stats = [...topicStats(index, cards, now, window).values()].reduce((n, s) => n + s.counts.due, 0);
      const progress = computeProgress(
        { index, roleId: undefined, reviews: [], cards, reads: new Map(), casePractices: [], desiredRetention: 0.9, offsetAt: utc, learnAheadMs: window },
        now,
      );
      const bars = progress.topics.reduce((n, t) => n + t.counts.due, 0);
      assert.deepStrictEqual(
        [plan, session.dueCount, session.items.length, stats, bars],
        [expected, expected, expected, expected, expected],
        `window ${window}`,
      );
      assert.strictEqual(progress.forecast.days[0].count, all, 'the forecast counts them today either way');
      assert.strictEqual(progress.forecast.days[0].overdue, 0);
    }
  });

  it('counts a learning card due just after midnight as due today when it is within the window', () => {
    const index = bank();
    const late = new Date('2026-03-10T23:50:00Z');
    const card = reviewCard(late, 0.5, { due: new Date('2026-03-11T00:05:00Z'), phase: 'learning', scheduledDays: 0 });
    const cards = new Map<string, CardState>([[index.questions[0].id, state(card)]]);
    const base = { index, roleId: undefined, reviews: [], cards, reads: new Map(), casePractices: [], desiredRetention: 0.9, offsetAt: utc };
    const ahead = computeProgress({ ...base, learnAheadMs: WINDOW }, late).forecast;
    assert.deepStrictEqual([ahead.days[0].count, ahead.days[1].count], [1, 0]);
    const off = computeProgress({ ...base, learnAheadMs: 0 }, late).forecast;
    assert.deepStrictEqual([off.days[0].count, off.days[1].count], [0, 1]);
  });
});
