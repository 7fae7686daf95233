import * as assert from 'assert';
import {
  MemoryMemento,
  REVIEW_KEYS,
  REVIEW_ROOT_KEY,
  REVIEW_SHARD_KEYS,
  REVIEW_SYNC_KEYS,
  REVIEW_UNDO_KEY,
  ReviewStore,
  UNDO_DEPTH,
  buildSession,
  createScheduler,
  shardOf,
} from '../../../src/core/review';
import type { Memento } from 'vscode';
import type { MementoLike, ReviewStoreChange } from '../../../src/core/review';
import { T0, days, minutes } from './helpers';

const open = (memento: MemoryMemento, writerId = 'aaaa') => ReviewStore.open(memento, { now: T0, writerId });

async function seededStore(memento = new MemoryMemento()): Promise<ReviewStore> {
  const store = await open(memento);
  await store.recordReview({ cardId: 'evals-judge-bias', rating: 3, now: T0, durationMs: 8000, correct: true, xp: 10 });
  await store.recordReview({ cardId: 'evals-judge-bias', rating: 4, now: minutes(10), durationMs: 4000, correct: true, xp: 12 });
  await store.recordReview({ cardId: 'rag-chunking', rating: 1, now: minutes(11), durationMs: 20000, correct: false });
  await store.recordReview({ cardId: 'prompt-few-shot', rating: 2, now: minutes(12), durationMs: 3000 });
  await store.suspend(['rag-chunking'], minutes(13));
  await store.bury(['prompt-few-shot'], days(1), minutes(14));
  await store.completeLesson('lesson-evals-basics', minutes(15));
  await store.recordCasePractice({ caseId: 'support-assistant', score: 7, maxScore: 10, missed: ['evals-1', 'cost-2'], now: minutes(16) });
  return store;
}

describe('review store', () => {
  it('opens empty storage as an empty state and marks the format', async () => {
    const memento = new MemoryMemento();
    const store = await open(memento);
    assert.strictEqual(store.cards().size, 0);
    assert.deepStrictEqual(store.reviews(), []);
    assert.deepStrictEqual(memento.get(REVIEW_ROOT_KEY), { version: 2 });
    assert.ok(REVIEW_KEYS.includes(REVIEW_ROOT_KEY) && REVIEW_SYNC_KEYS.every((k) => REVIEW_KEYS.includes(k)));
    assert.strictEqual(new Set(REVIEW_KEYS).size, REVIEW_KEYS.length);
  });

  it('records a review: schedules it, logs it, and writes before the promise settles', async () => {
    const memento = new MemoryMemento();
    const store = await open(memento);
    const pending = store.recordReview({ cardId: 'evals-judge-bias', rating: 3, now: T0, durationMs: 8123.4, correct: true, xp: 10 });
    const stored = memento.get(REVIEW_SHARD_KEYS[shardOf('evals-judge-bias')]) as { c: Record<string, unknown> };
    assert.ok(stored.c['evals-judge-bias'], 'not written synchronously');
    const { entry, state, previous } = await pending;
    assert.strictEqual(previous, undefined);
    const expected = createScheduler().rate(undefined, 3, T0).card;
    assert.strictEqual(state.card?.due.getTime(), expected.due.getTime());
    assert.strictEqual(state.card?.phase, 'learning');
    assert.deepStrictEqual(
      { ...entry, id: undefined },
      { id: undefined, cardId: 'evals-judge-bias', rating: 3, reviewedAt: T0, correct: true, durationMs: 8123, xp: 10 },
    );
    assert.match(entry.id, /^evals-judge-bias#aaaa0$/);
    assert.deepStrictEqual(store.reviews('evals-judge-bias'), [entry]);
  });

  it('round-trips everything through a reopen, as plain JSON with epoch-ms dates', async () => {
    const memento = new MemoryMemento();
    const store = await seededStore(memento);
    const again = await open(memento, 'bbbb');
    assert.deepStrictEqual(again.cards(), store.cards());
    assert.deepStrictEqual(again.reviews(), store.reviews());
    assert.deepStrictEqual(again.lessons(), new Map([['lesson-evals-basics', minutes(15)]]));
    assert.deepStrictEqual(again.casePractices(), store.casePractices());
    assert.deepStrictEqual(again.casePractices()[0].missed, ['evals-1', 'cost-2']);
    assert.strictEqual(again.undoDepth, 4);
    for (const key of memento.keys()) {
      assert.ok(REVIEW_KEYS.includes(key), key);
      const value = memento.get(key);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(value)), value);
    }
    const shard = memento.get(REVIEW_SHARD_KEYS[shardOf('rag-chunking')]) as { v: number; c: Record<string, unknown[]> };
    assert.strictEqual(shard.v, 2);
    assert.strictEqual(typeof (shard.c['rag-chunking'][0] as number[])[0], 'number');
    assert.strictEqual(store.reviews().length, 4);
    assert.ok(new Set(store.reviews().map((r) => r.id)).size === 4);
  });

  it('keeps every review of a panel closed mid-session: nothing waits for a flush', async () => {
    const memento = new MemoryMemento();
    const store = await open(memento);
    const ids = ['evals-a', 'evals-b', 'evals-c', 'evals-d', 'evals-e'];
    ids.forEach((cardId, i) => void store.recordReview({ cardId, rating: 3, now: minutes(i), durationMs: 1000 }));
    const reloaded = await open(memento, 'bbbb');
    assert.deepStrictEqual([...reloaded.cards().keys()].sort(), ids);
    assert.strictEqual(reloaded.reviews().length, 5);
    assert.strictEqual(reloaded.undoDepth, 5);
  });

  it('undoes the last reviews one by one, restoring states and the log, also after a reload', async () => {
    const memento = new MemoryMemento();
    const store = await seededStore(memento);
    const beforeLast = store.card('prompt-few-shot');
    const reloaded = await open(memento, 'bbbb');
    const undone = await reloaded.undoLast(minutes(20));
    assert.strictEqual(undone?.cardId, 'prompt-few-shot');
    assert.strictEqual(undone?.state.card, undefined, 'the card was new before');
    assert.ok(beforeLast?.card);
    assert.strictEqual(reloaded.reviews('prompt-few-shot').length, 0);
    assert.strictEqual(reloaded.card('prompt-few-shot')?.buriedUntil?.getTime(), days(1).getTime(), 'flags are not part of undo');
    await reloaded.undoLast(minutes(21));
    const second = await reloaded.undoLast(minutes(22));
    assert.strictEqual(second?.cardId, 'evals-judge-bias');
    const afterFirst = createScheduler().rate(undefined, 3, T0).card;
    assert.strictEqual(reloaded.card('evals-judge-bias')?.card?.due.getTime(), afterFirst.due.getTime());
    assert.strictEqual(reloaded.reviews('evals-judge-bias').length, 1);
    await reloaded.undoLast(minutes(23));
    assert.strictEqual(await reloaded.undoLast(minutes(24)), undefined);
    assert.strictEqual(reloaded.reviews().length, 0);
    const third = await open(memento, 'cccc');
    assert.strictEqual(third.reviews().length, 0);
    assert.strictEqual(third.card('evals-judge-bias')?.card, undefined);
  });

  it(`keeps the undo stack at ${UNDO_DEPTH} reviews`, async () => {
    const memento = new MemoryMemento();
    const store = await open(memento);
    for (let i = 0; i < UNDO_DEPTH + 10; i++) await store.recordReview({ cardId: `card-${i % 7}`, rating: 3, now: minutes(i), durationMs: 1 });
    assert.strictEqual(store.undoDepth, UNDO_DEPTH);
    assert.strictEqual((memento.get(REVIEW_UNDO_KEY) as { u: unknown[] }).u.length, UNDO_DEPTH);
    let n = 0;
    while (await store.undoLast(minutes(100 + n))) n++;
    assert.strictEqual(n, UNDO_DEPTH);
    assert.strictEqual(store.reviews().length, 10);
  });

  it('suspends and unsuspends; buries until a date', async () => {
    const store = await open(new MemoryMemento());
    await store.suspend(['evals-a', 'evals-b'], T0);
    assert.strictEqual(store.card('evals-a')?.suspended, true);
    assert.strictEqual(store.card('evals-a')?.card, undefined);
    await store.unsuspend(['evals-a'], minutes(1));
    assert.strictEqual(store.card('evals-a')?.suspended, false);
    assert.strictEqual(store.card('evals-b')?.suspended, true);
    await store.bury(['evals-c'], days(1), minutes(2));
    assert.strictEqual(store.card('evals-c')?.buriedUntil?.getTime(), days(1).getTime());
    const questions = ['evals-a', 'evals-b', 'evals-c'].map((id) => ({ id, topic: 'evals', difficulty: 'easy' as const }));
    const at = (now: Date) => buildSession({ questions, cards: store.cards(), now, priority: { order: [] } }).items.map((i) => i.id);
    assert.deepStrictEqual(at(minutes(3)), ['evals-a']);
    assert.deepStrictEqual(at(days(1)), ['evals-a', 'evals-c']);
  });

  it('resets cards: scheduling and bury cleared, log and suspension kept, older undo skipped', async () => {
    const store = await seededStore();
    await store.bury(['evals-judge-bias'], days(3), minutes(30));
    await store.reset(['evals-judge-bias', 'rag-chunking'], minutes(31));
    assert.deepStrictEqual(store.card('evals-judge-bias'), { card: undefined, suspended: false, buriedUntil: undefined });
    assert.deepStrictEqual(store.card('rag-chunking'), { card: undefined, suspended: true, buriedUntil: undefined });
    assert.strictEqual(store.reviews('evals-judge-bias').length, 2);
    const undone = await store.undoLast(minutes(32));
    assert.strictEqual(undone?.cardId, 'prompt-few-shot');
    assert.strictEqual(await store.undoLast(minutes(33)), undefined, 'undo must not bring back pre-reset states');
    assert.strictEqual(store.reviews().length, 3);
  });

  it('completes and uncompletes lessons; records case practices', async () => {
    const store = await open(new MemoryMemento());
    await store.completeLesson('lesson-a', T0);
    await store.completeLesson('lesson-b', minutes(1));
    await store.uncompleteLesson('lesson-a', minutes(2));
    assert.deepStrictEqual(store.lessons(), new Map([['lesson-b', minutes(1)]]));
    const first = await store.recordCasePractice({ caseId: 'case-x', score: 3, maxScore: 5, missed: ['p1'], now: T0 });
    const second = await store.recordCasePractice({ caseId: 'case-x', score: 5, maxScore: 5, missed: [], now: minutes(5) });
    assert.notStrictEqual(first.id, second.id);
    assert.deepStrictEqual(store.casePractices(), [first, second]);
    assert.deepStrictEqual(second, { id: second.id, caseId: 'case-x', practicedAt: minutes(5), score: 5, maxScore: 5, missed: [] });
  });

  it('rejects arguments it could not read back', async () => {
    const store = await open(new MemoryMemento());
    await assert.rejects(store.recordReview({ cardId: 'Not An Id', rating: 3, now: T0, durationMs: 1 }), RangeError);
    await assert.rejects(store.recordReview({ cardId: 'ok-id', rating: 5 as 3, now: T0, durationMs: 1 }), RangeError);
    await assert.rejects(store.recordReview({ cardId: 'ok-id', rating: 3, now: new Date(NaN), durationMs: 1 }), RangeError);
    await assert.rejects(store.recordReview({ cardId: 'ok-id', rating: 3, now: T0, durationMs: -1 }), RangeError);
    await assert.rejects(store.recordCasePractice({ caseId: 'case-x', score: 6, maxScore: 5, missed: [], now: T0 }), RangeError);
    await assert.rejects(store.suspend(['ok', 'BAD'], T0), RangeError);
    await assert.rejects(ReviewStore.open(new MemoryMemento(), { now: T0, writerId: 'WINDOW-1' }), RangeError);
    assert.strictEqual(store.cards().size, 0);
  });

  it('tells listeners what changed, until disposed', async () => {
    const store = await open(new MemoryMemento());
    const seen: ReviewStoreChange[] = [];
    const listener = store.onDidChange((c) => seen.push(c));
    await store.recordReview({ cardId: 'evals-a', rating: 3, now: T0, durationMs: 1 });
    await store.suspend(['evals-b', 'evals-c'], T0);
    await store.completeLesson('lesson-a', T0);
    assert.deepStrictEqual(seen, [
      { cardIds: ['evals-a'], progress: false, external: false },
      { cardIds: ['evals-b', 'evals-c'], progress: false, external: false },
      { cardIds: [], progress: true, external: false },
    ]);
    listener.dispose();
    await store.reset(['evals-a'], T0);
    assert.strictEqual(seen.length, 3);
  });

  it('counts cards introduced since a time, and uses a replaced scheduler', async () => {
    const store = await open(new MemoryMemento());
    await store.recordReview({ cardId: 'old-card', rating: 3, now: days(-2), durationMs: 1 });
    await store.recordReview({ cardId: 'old-card', rating: 3, now: T0, durationMs: 1 });
    await store.recordReview({ cardId: 'new-card', rating: 3, now: minutes(5), durationMs: 1 });
    assert.strictEqual(store.introducedSince(T0), 1);
    assert.strictEqual(store.introducedSince(days(-3)), 2);
    store.scheduler = createScheduler({ desiredRetention: 0.7, enableFuzz: false });
    const mature = (await store.recordReview({ cardId: 'easy-card', rating: 4, now: T0, durationMs: 1 })).state.card!;
    const expected = createScheduler({ desiredRetention: 0.7, enableFuzz: false }).rate(undefined, 4, T0).card;
    assert.strictEqual(mature.due.getTime(), expected.due.getTime());
  });

  it("takes VS Code's globalState as its memento (checked when type-checking)", () => {
    const accepts = (memento: Memento): MementoLike => memento;
    assert.strictEqual(typeof accepts, 'function');
  });
});
