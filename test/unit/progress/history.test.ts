import * as assert from 'assert';
import { compactBefore, compactReviews, computeProgress, emptyHistory, parseHistory } from '../../../src/core/progress';
import type { ProgressInput, StoredHistory } from '../../../src/core/progress';
import { ReviewStore } from '../../../src/core/review';
import type { ReviewEntry } from '../../../src/core/review/types';
import { DAY_MS } from '../../../src/core/time';
import { TOPICS, buildHistory } from '../review/fixture';
import { T0 } from '../review/helpers';
import { bank, newYork, question, role, topic } from './helpers';

async function heavy(): Promise<{ input: ProgressInput; reviews: ReviewEntry[] }> {
  const fixture = buildHistory(150, 30, 7);
  const store = await ReviewStore.open(fixture.memento, { now: T0, writerId: 'hist' });
  const index = { ...bank(), roles: [role('product-ai', 'Product AI engineer', TOPICS.map((t, i) => [t, i % 3 ? 'supporting' : 'core'] as const))], topics: TOPICS.map((t) => topic(t, t)), questions: fixture.questions.map((q) => question(q.id, q.topic)) };
  const reviews = store.reviews();
  return { reviews, input: { index, roleId: 'product-ai', reviews, cards: store.cards(), reads: new Map(), casePractices: [], desiredRetention: 0.9, offsetAt: newYork } };
}

describe('progress: compacted history', () => {
  it('gives the same streak, XP, heatmap, retention and forecast as the full log', async () => {
    const { input, reviews } = await heavy();
    const before = compactBefore(T0.getTime());
    const { history, recent } = compactReviews(emptyHistory(), reviews, before, newYork);
    // The fixture spans about six months, so many reviews fold and the heatmap reaches into the folded part.
    assert.ok(reviews.length - recent.length > 1000 && recent.length > 0, `${recent.length} of ${reviews.length} kept raw`);
    assert.strictEqual(history.d.reduce((n, d) => n + d[2], 0) + recent.length, reviews.length);
    const full = computeProgress(input, T0);
    const compacted = computeProgress({ ...input, reviews: recent, history }, T0);
    assert.ok(full.retention.matureReviews > 0 && full.streak.longest > 1 && full.xp.reviews > 0);
    assert.ok(full.heatmap.weeks.flat().some((c) => c.count > 0 && Date.parse(c.date) < before - DAY_MS));
    assert.deepStrictEqual(compacted, full);
  });

  it('folding in two steps equals folding once, and the result survives JSON', async () => {
    const { input, reviews } = await heavy();
    const late = compactBefore(T0.getTime());
    const once = compactReviews(emptyHistory(), reviews, late, newYork);
    const first = compactReviews(emptyHistory(), reviews, late - 20 * DAY_MS, newYork);
    const twice = compactReviews(first.history, first.recent, late, newYork);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(twice.history)), JSON.parse(JSON.stringify(once.history)));
    assert.deepStrictEqual(twice.recent, once.recent);
    const stored = parseHistory(JSON.parse(JSON.stringify(once.history)));
    assert.strictEqual(stored.problem, undefined);
    assert.deepStrictEqual(computeProgress({ ...input, reviews: once.recent, history: stored.history }, T0), computeProgress(input, T0));
    assert.throws(() => compactReviews(once.history, once.recent, late - DAY_MS, newYork), /before the history/);
  });

  it('is far smaller than the raw log it replaces', async () => {
    const { reviews } = await heavy();
    const before = compactBefore(T0.getTime());
    const { history } = compactReviews(emptyHistory(), reviews, before, newYork);
    const raw = JSON.stringify(reviews.filter((r) => r.reviewedAt.getTime() < before).map((r) => [r.id.slice(r.cardId.length + 1), r.rating, r.reviewedAt.getTime(), r.durationMs, r.correct ? 1 : 0, r.xp])).length;
    assert.ok(JSON.stringify(history).length * 3 < raw, `${JSON.stringify(history).length} bytes against ${raw} raw`);
  });

  it('reads no value as empty, and rejects corrupt or inconsistent values with where and what', () => {
    assert.deepStrictEqual(parseHistory(undefined), { history: emptyHistory() });
    const good: StoredHistory = { v: 1, before: 1000 * DAY_MS, d: [[900, -300, 2, 15, 1, 0, 1, 0]], c: Object.assign(Object.create(null) as Record<string, [number, number, number]>, { constructor: [2, 900 * DAY_MS, 900 * DAY_MS + 5] }) };
    const ok = parseHistory(JSON.parse(JSON.stringify(good)));
    assert.strictEqual(ok.problem, undefined);
    assert.deepStrictEqual(ok.history.c.constructor, [2, 900 * DAY_MS, 900 * DAY_MS + 5]);
    const bad = (value: unknown, pattern: RegExp) => {
      const r = parseHistory(value);
      assert.match(r.problem ?? '', pattern);
      assert.deepStrictEqual(r.history, emptyHistory());
    };
    bad('not json', /compacted history/);
    bad({ ...good, v: 2 }, /compacted history/);
    bad({ ...good, d: [[900, -300, 'x', 15, 1, 0, 1, 0]] }, /at \[d\.0\.2\]/);
    bad({ ...good, d: [[900, -300, 3, 15, 1, 0, 1, 0]] }, /day 900 ratings do not add up/);
    bad({ ...good, c: { a: [2, 5, 4] } }, /card "a" has impossible times/);
    bad({ ...good, c: { a: [3, 1, 4] } }, /2 reviews by day but 3 by card/);
  });
});
