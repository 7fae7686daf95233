/**
 * The alias view of review state (core/review/resolved.ts) against a real ReviewStore: a card renamed
 * through `aliases` keeps its history, and the Study Plan's status, the Progress model and the drill's
 * card state agree on it.
 */
import * as assert from 'assert';
import { catalogOf } from '../../../src/core/content/catalog';
import type { ContentIndex, Question } from '../../../src/core/content/types';
import { computeProgress } from '../../../src/core/progress/progress';
import { cardStatus } from '../../../src/core/progress/topics';
import { MemoryMemento, ReviewStore } from '../../../src/core/review';
import { ResolvedReviews } from '../../../src/core/review/resolved';
import { bank, lesson, question } from '../progress/helpers';

const T0 = new Date('2026-03-10T12:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** The bank, with `evals-1` renamed to `evals-renamed` (old id kept under `aliases`). */
function renamedBank(): ContentIndex {
  const b = bank();
  const questions: Question[] = b.questions.map((q) => (q.id === 'evals-1' ? { ...question('evals-renamed', 'evals'), aliases: ['evals-1'] } : q));
  return {
    ...b,
    questions,
    lessons: b.lessons.map((l) => (l.id === 'what-is-new' ? { ...lesson('whats-new', l.title, l.order), aliases: ['what-is-new'] } : l)),
  };
}

async function storeWithHistory(): Promise<ReviewStore> {
  const store = await ReviewStore.open(new MemoryMemento(), { now: T0, writerId: 'aaaa' });
  await store.recordReview({ cardId: 'evals-1', rating: 3, now: T0, durationMs: 1000, xp: 5 });
  await store.recordReview({ cardId: 'evals-1', rating: 3, now: minutes(12), durationMs: 1000, xp: 5 });
  await store.completeLesson('what-is-new', T0);
  return store;
}

const progressOf = (index: ContentIndex, reads: { reviews: ReviewStore['reviews']; cards: ReviewStore['cards'] }, lessons: ReadonlyMap<string, Date>) =>
  computeProgress(
    {
      index,
      roleId: 'product-ai',
      reviews: reads.reviews(),
      cards: reads.cards(),
      reads: lessons,
      casePractices: [],
      desiredRetention: 0.9,
      offsetAt: () => 0,
    },
    minutes(20),
  );

describe('review state under renamed ids', () => {
  it('shows a renamed card with its history in the Study Plan status, the Progress model and the drill alike', async () => {
    const store = await storeWithHistory();
    const index = renamedBank();
    const view = new ResolvedReviews(store, catalogOf(index));
    const status = cardStatus(view.card('evals-renamed'), minutes(20));
    assert.strictEqual(status, 'learning', 'the Study Plan shows the history under the alias');
    assert.deepStrictEqual(view.card('evals-renamed'), store.card('evals-1'), 'the drill sees the same schedule');
    const evals = progressOf(index, view, view.reads()).topics.find((t) => t.topicId === 'evals')!;
    assert.strictEqual(evals.seen, 1, 'Progress counts the renamed card as seen');
    assert.strictEqual(evals.counts.learning, 1, 'and in the same status as the Study Plan');
    assert.ok(evals.mastery > 0, 'with its recall');
    // What Progress showed when it read the store's own maps: the renamed card as new, with 0 recall.
    const raw = progressOf(index, store, store.lessons()).topics.find((t) => t.topicId === 'evals')!;
    assert.strictEqual(raw.seen, 0);
    assert.strictEqual(raw.mastery, 0);
  });

  it("maps ids both ways, and a card's reviews under every id it had", async () => {
    const store = await storeWithHistory();
    const view = new ResolvedReviews(store, catalogOf(renamedBank()));
    assert.strictEqual(view.currentId('evals-1'), 'evals-renamed');
    assert.strictEqual(view.currentId('gone-card'), 'gone-card');
    assert.strictEqual(view.storageId('evals-renamed'), 'evals-1');
    assert.strictEqual(view.storageId('evals-1'), 'evals-1');
    assert.strictEqual(view.storageId('evals-2'), 'evals-2', 'a new card is stored under its own id');
    assert.deepStrictEqual([...view.cards().keys()], ['evals-renamed']);
    assert.deepStrictEqual(
      view.reviews('evals-renamed').map((r) => [r.cardId, r.id]),
      store.reviews('evals-1').map((r) => ['evals-renamed', r.id]),
      'review ids stay as stored',
    );
    assert.deepStrictEqual(
      view.reviews().map((r) => r.cardId),
      ['evals-renamed', 'evals-renamed'],
    );
    assert.deepStrictEqual([...view.reads().keys()], ['whats-new'], 'a renamed lesson stays complete');
    assert.deepStrictEqual(view.readIds('whats-new'), ['whats-new', 'what-is-new']);
  });

  it("prefers the state under the card's own id when both ids hold some, and merges their reviews in time order", async () => {
    const store = await storeWithHistory();
    await store.recordReview({ cardId: 'evals-renamed', rating: 1, now: minutes(5), durationMs: 1000, xp: 0 });
    const view = new ResolvedReviews(store, catalogOf(renamedBank()));
    assert.strictEqual(view.storageId('evals-renamed'), 'evals-renamed');
    assert.deepStrictEqual(view.card('evals-renamed'), store.card('evals-renamed'));
    assert.deepStrictEqual([...view.cards().entries()], [['evals-renamed', store.card('evals-renamed')]], 'one entry, the one the Study Plan shows');
    assert.deepStrictEqual(
      view.reviews('evals-renamed').map((r) => r.reviewedAt.getTime()),
      [T0, minutes(5), minutes(12)].map((d) => d.getTime()),
    );
    assert.deepStrictEqual(
      view.reviews('evals-1').map((r) => r.rating),
      [3, 1, 3],
      'the old id reads the same history',
    );
  });

  it("returns the store's own maps and lists when nothing is renamed", async () => {
    const store = await storeWithHistory();
    const view = new ResolvedReviews(store, catalogOf(bank()));
    assert.strictEqual(view.cards(), store.cards());
    assert.strictEqual(view.reads().size, 1);
    assert.deepStrictEqual(view.reviews('evals-1'), store.reviews('evals-1'));
    assert.strictEqual(new ResolvedReviews(store, undefined).card('evals-1'), store.card('evals-1'), 'before content loads');
  });
});
