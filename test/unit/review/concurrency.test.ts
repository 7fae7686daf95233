import * as assert from 'assert';
import { MemoryMemento, ReviewStore, shardOf } from '../../../src/core/review';
import type { MementoLike, Rating, ReviewStoreChange } from '../../../src/core/review';
import { SharedStorage, T0, minutes, seeded } from './helpers';

const CARD_POOL = Array.from({ length: 30 }, (_, i) => `evals-card-${i}`);

/** Runs an operation whose writes only land when the shared storage commits them. */
async function committed<T>(shared: SharedStorage, op: Promise<T>): Promise<T> {
  shared.commitAll();
  return op;
}

/** What every window must agree on at the end: every review kept, each card scheduled by its latest review. */
function assertConsistent(stores: readonly ReviewStore[], expectedIds: ReadonlySet<string>): void {
  const [reference, ...others] = stores;
  const ids = reference.reviews().map((r) => r.id);
  assert.strictEqual(ids.length, expectedIds.size, 'reviews lost or duplicated');
  assert.deepStrictEqual(new Set(ids), expectedIds);
  for (const [cardId, state] of reference.cards()) {
    const latest = Math.max(...reference.reviews(cardId).map((r) => r.reviewedAt.getTime()));
    assert.strictEqual(state.card?.lastReview.getTime(), latest, `${cardId} is not scheduled from its latest review`);
  }
  for (const store of others) {
    assert.deepStrictEqual(store.reviews(), reference.reviews());
    assert.deepStrictEqual(store.cards(), reference.cards());
  }
}

function sameShardPair(): [string, string] {
  const first = CARD_POOL[0];
  return [first, CARD_POOL.find((id) => id !== first && shardOf(id) === shardOf(first)) ?? CARD_POOL[1]];
}

describe('review store: two windows at once', () => {
  it('keeps every review when two stores interleave writes on one shared memento', async () => {
    const memento = new MemoryMemento();
    const a = await ReviewStore.open(memento, { now: T0, writerId: 'wina' });
    const b = await ReviewStore.open(memento, { now: T0, writerId: 'winb' });
    const random = seeded(11);
    const ids = new Set<string>();
    const inFlight: Promise<void>[] = [];
    for (let step = 0; step < 300; step++) {
      const store = random() < 0.5 ? a : b;
      const cardId = CARD_POOL[Math.floor(random() * CARD_POOL.length)];
      const op = store
        .recordReview({ cardId, rating: (1 + Math.floor(random() * 4)) as Rating, now: minutes(step), durationMs: 1000 })
        .then((r) => void ids.add(r.entry.id));
      if (random() < 0.5) await op;
      else inFlight.push(op);
    }
    await Promise.all(inFlight);
    await Promise.all([a.refresh(minutes(400)), b.refresh(minutes(400))]);
    const fresh = await ReviewStore.open(memento, { now: T0, writerId: 'winc' });
    assertConsistent([fresh, a, b], ids);
  });

  it('loses nothing when both windows read before either write lands', async () => {
    const shared = new SharedStorage();
    const opening = Promise.all([
      ReviewStore.open(shared.window(), { now: T0, writerId: 'wina' }),
      ReviewStore.open(shared.window(), { now: T0, writerId: 'winb' }),
    ]);
    const [a, b] = await committed(shared, opening);
    const [x, y] = sameShardPair();
    const ra = a.recordReview({ cardId: x, rating: 3, now: minutes(1), durationMs: 1 });
    const rb = b.recordReview({ cardId: y, rating: 3, now: minutes(2), durationMs: 1 });
    const rbSame = b.recordReview({ cardId: x, rating: 1, now: minutes(3), durationMs: 1 });
    shared.commit(0);
    shared.commitAll();
    const results = await Promise.all([ra, rb, rbSame]);
    const ids = new Set(results.map((r) => r.entry.id));
    assert.ok(shared.committed.size > 0);
    for (const store of [a, b, a]) await committed(shared, store.refresh(minutes(10)));
    const fresh = await ReviewStore.open(shared.window(), { now: T0, writerId: 'winc' });
    assertConsistent([fresh, a, b], ids);
    assert.deepStrictEqual(fresh.card(x), results[2].state, 'the later review decides the state');
  });

  it('converges after many random interleavings of writes, flushes and refreshes', async function () {
    this.timeout(20_000);
    for (let seed = 1; seed <= 12; seed++) {
      const shared = new SharedStorage();
      const windows: MementoLike[] = [shared.window(), shared.window()];
      const stores = await committed(shared, Promise.all(windows.map((w, i) => ReviewStore.open(w, { now: T0, writerId: `win${i}` }))));
      const random = seeded(seed);
      const ids = new Set<string>();
      const ops: Promise<unknown>[] = [];
      for (let step = 0; step < 250; step++) {
        const r = random();
        const store = stores[Math.floor(random() * stores.length)];
        const now = minutes(step);
        if (r < 0.55) {
          const cardId = CARD_POOL[Math.floor(random() * CARD_POOL.length)];
          ops.push(store.recordReview({ cardId, rating: (1 + Math.floor(random() * 4)) as Rating, now, durationMs: step }).then((x) => ids.add(x.entry.id)));
        } else if (r < 0.9 && shared.pending) shared.commit(Math.floor(random() * shared.pending));
        else if (r < 0.95) ops.push(store.refresh(now));
        else ops.push(store.completeLesson(`lesson-${step % 5}`, now));
      }
      await committed(shared, Promise.all(ops));
      for (const store of [...stores, ...stores]) await committed(shared, store.refresh(minutes(1000)));
      const fresh = await ReviewStore.open(shared.window(), { now: T0, writerId: 'winz' });
      assertConsistent([fresh, ...stores], ids);
      assert.deepStrictEqual(fresh.lessons(), stores[0].lessons());
      assert.deepStrictEqual(fresh.lessons(), stores[1].lessons());
    }
  });

  it('never brings an undone review back, whichever window wrote last', async () => {
    const shared = new SharedStorage();
    const [a, b] = await committed(
      shared,
      Promise.all([ReviewStore.open(shared.window(), { now: T0, writerId: 'wina' }), ReviewStore.open(shared.window(), { now: T0, writerId: 'winb' })]),
    );
    const [x, y] = sameShardPair();
    await committed(shared, a.recordReview({ cardId: x, rating: 3, now: minutes(1), durationMs: 1 }));
    await committed(shared, b.refresh(minutes(2)));
    assert.strictEqual(b.reviews(x).length, 1);
    const undo = a.undoLast(minutes(3));
    const stale = b.recordReview({ cardId: y, rating: 3, now: minutes(4), durationMs: 1 });
    shared.commit(0);
    shared.commitAll();
    assert.strictEqual((await undo)?.cardId, x);
    await stale;
    for (const store of [a, b, a]) await committed(shared, store.refresh(minutes(5)));
    const fresh = await ReviewStore.open(shared.window(), { now: T0, writerId: 'winc' });
    for (const store of [a, b, fresh]) {
      assert.deepStrictEqual(store.reviews(x), []);
      assert.strictEqual(store.card(x)?.card, undefined);
      assert.strictEqual(store.reviews(y).length, 1);
    }
  });

  it("tells a window's listeners about reviews merged in from the other window", async () => {
    const memento = new MemoryMemento();
    const a = await ReviewStore.open(memento, { now: T0, writerId: 'wina' });
    const b = await ReviewStore.open(memento, { now: T0, writerId: 'winb' });
    const seen: ReviewStoreChange[] = [];
    b.onDidChange((c) => seen.push(c));
    await a.recordReview({ cardId: 'evals-a', rating: 3, now: T0, durationMs: 1 });
    await a.completeLesson('lesson-a', T0);
    assert.strictEqual(await b.refresh(minutes(1)), true);
    assert.deepStrictEqual(seen, [
      { cardIds: ['evals-a'], progress: false, external: true },
      { cardIds: [], progress: true, external: true },
    ]);
    assert.strictEqual(await b.refresh(minutes(2)), false);
    assert.strictEqual(b.card('evals-a')?.card?.reps, 1);
  });
});
