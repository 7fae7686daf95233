import * as assert from 'assert';
import {
  MemoryMemento,
  REVIEW_KEYS,
  REVIEW_PROGRESS_KEY,
  REVIEW_QUARANTINE_KEY,
  REVIEW_ROOT_KEY,
  REVIEW_SHARD_KEYS,
  ReviewStore,
  shardOf,
} from '../../../src/core/review';
import type { QuarantineItem, StoreProblem, StoredV1 } from '../../../src/core/review';
import { buildHistory } from './fixture';
import { SharedStorage, T0, days, minutes } from './helpers';

function openReporting(memento: MemoryMemento, writerId = 'aaaa') {
  const problems: StoreProblem[] = [];
  return ReviewStore.open(memento, { now: T0, writerId, onProblem: (p) => problems.push(p) }).then((store) => ({ store, problems }));
}

const quarantine = (memento: MemoryMemento) => (memento.get(REVIEW_QUARANTINE_KEY) ?? []) as QuarantineItem[];

function v1Value(): StoredV1 {
  return {
    version: 1,
    cards: {
      'evals-judge-bias': {
        due: '2026-03-05T09:00:00.000Z',
        stability: 8.5,
        difficulty: 4.2,
        elapsed_days: 3,
        scheduled_days: 6,
        reps: 3,
        lapses: 0,
        state: 2,
        last_review: '2026-02-27T09:00:00.000Z',
      },
      'rag-chunking': {
        due: '2026-03-01T09:10:00.000Z',
        stability: 0.4,
        difficulty: 7.1,
        elapsed_days: 0,
        scheduled_days: 0,
        reps: 1,
        lapses: 0,
        state: 1,
        suspended: true,
      },
      'prompt-few-shot': { due: '2026-03-01T09:00:00.000Z', stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, reps: 0, lapses: 0, state: 0 },
    },
    log: [
      { cardId: 'evals-judge-bias', rating: 3, review: '2026-02-20T09:00:00.000Z', durationMs: 9000 },
      { cardId: 'evals-judge-bias', rating: 3, review: '2026-02-27T09:00:00.000Z', durationMs: 7000, correct: true },
      { cardId: 'rag-chunking', rating: 1, review: '2026-03-01T09:00:00.000Z', correct: false },
    ],
    lessons: { 'lesson-evals-basics': '2026-02-20T10:00:00.000Z' },
  };
}

describe('review storage: format, migration, corruption', () => {
  it('migrates v1 to the current format: cards, log, lessons, suspension', async () => {
    const memento = new MemoryMemento({ [REVIEW_ROOT_KEY]: v1Value() });
    const { store, problems } = await openReporting(memento);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(memento.get(REVIEW_ROOT_KEY), { version: 2 });
    const judged = store.card('evals-judge-bias')?.card;
    assert.deepStrictEqual(judged, {
      due: new Date('2026-03-05T09:00:00Z'),
      stability: 8.5,
      difficulty: 4.2,
      scheduledDays: 6,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      phase: 'review',
      lastReview: new Date('2026-02-27T09:00:00Z'),
    });
    assert.strictEqual(store.card('rag-chunking')?.suspended, true);
    assert.strictEqual(store.card('rag-chunking')?.card?.lastReview.getTime(), T0.getTime(), 'last review taken from the log');
    assert.strictEqual(store.card('prompt-few-shot')?.card, undefined);
    assert.deepStrictEqual(
      store.reviews().map((r) => [r.id, r.rating, r.durationMs, r.correct]),
      [
        ['evals-judge-bias#m0', 3, 9000, undefined],
        ['evals-judge-bias#m1', 3, 7000, true],
        ['rag-chunking#m2', 1, 0, false],
      ],
    );
    assert.deepStrictEqual(store.lessons(), new Map([['lesson-evals-basics', new Date('2026-02-20T10:00:00Z')]]));
    const reopened = await openReporting(memento, 'bbbb');
    assert.deepStrictEqual(reopened.store.cards(), store.cards());
    assert.deepStrictEqual(reopened.problems, []);
    await reopened.store.recordReview({ cardId: 'evals-judge-bias', rating: 3, now: days(4), durationMs: 1 });
    assert.strictEqual(reopened.store.reviews('evals-judge-bias').length, 3);
  });

  it('migrates the same v1 value in two windows at once without duplicating reviews', async () => {
    const shared = new SharedStorage();
    shared.committed.set(REVIEW_ROOT_KEY, v1Value());
    const [wa, wb] = [shared.window(), shared.window()];
    const opening = Promise.all([ReviewStore.open(wa, { now: T0, writerId: 'wina' }), ReviewStore.open(wb, { now: T0, writerId: 'winb' })]);
    shared.commitAll();
    const [a, b] = await opening;
    for (const store of [a, b, a]) {
      const refreshed = store.refresh(minutes(1));
      shared.commitAll();
      await refreshed;
    }
    const fresh = await ReviewStore.open(shared.window(), { now: T0, writerId: 'winc' });
    for (const store of [a, b, fresh])
      assert.deepStrictEqual(
        store.reviews().map((r) => r.id),
        ['evals-judge-bias#m0', 'evals-judge-bias#m1', 'rag-chunking#m2'],
      );
    assert.deepStrictEqual(fresh.cards(), a.cards());
  });

  it('drops bad v1 entries one by one, reports once and quarantines them', async () => {
    const value = v1Value() as unknown as { cards: Record<string, unknown>; log: unknown[]; lessons: Record<string, unknown> };
    value.cards['bad-card'] = { due: 'yesterday', stability: -1 };
    value.log.push({ cardId: 'evals-judge-bias', rating: 7, review: '2026-02-28T09:00:00.000Z' });
    value.lessons['lesson-x'] = 12;
    const memento = new MemoryMemento({ [REVIEW_ROOT_KEY]: value });
    const { store, problems } = await openReporting(memento);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].kind, 'corrupt');
    assert.match(problems[0].details, /bad-card/);
    assert.strictEqual(problems[0].details.split('\n').length, 3);
    assert.strictEqual(store.cards().size, 3);
    assert.strictEqual(store.reviews().length, 3);
    assert.deepStrictEqual(
      quarantine(memento).map((q) => q.value),
      [value.log[3], { 'bad-card': { due: 'yesterday', stability: -1 } }, { 'lesson-x': 12 }],
    );
  });

  it('quarantines an unreadable value, starts empty, and reports it once', async () => {
    for (const garbage of ['not json at all', 42, { version: 'two' }, [1, 2, 3], { version: 1, cards: 'nope' }]) {
      const memento = new MemoryMemento({ [REVIEW_ROOT_KEY]: garbage });
      const { store, problems } = await openReporting(memento);
      assert.strictEqual(problems.length, 1, JSON.stringify(garbage));
      assert.strictEqual(problems[0].kind, 'corrupt');
      assert.strictEqual(problems[0].quarantineKey, REVIEW_QUARANTINE_KEY);
      assert.deepStrictEqual(
        quarantine(memento).map((q) => q.value),
        [garbage],
      );
      assert.strictEqual(quarantine(memento)[0].at, T0.getTime());
      assert.strictEqual(store.cards().size, 0);
      assert.deepStrictEqual(memento.get(REVIEW_ROOT_KEY), { version: 2 });
      await store.recordReview({ cardId: 'evals-a', rating: 3, now: T0, durationMs: 1 });
      const again = await openReporting(memento, 'bbbb');
      assert.deepStrictEqual(again.problems, [], 'reported again on the next open');
      assert.strictEqual(again.store.reviews().length, 1);
      assert.strictEqual(quarantine(memento).length, 1);
    }
  });

  it('keeps a newer format in quarantine and starts empty, reporting a future version', async () => {
    const root = { version: 3, extra: 'from the future' };
    const shard = { v: 3, whatever: [1, 2, 3] };
    const memento = new MemoryMemento({ [REVIEW_ROOT_KEY]: root, [REVIEW_SHARD_KEYS[5]]: shard, [REVIEW_PROGRESS_KEY]: { v: 3 } });
    const { store, problems } = await openReporting(memento);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].kind, 'future-version');
    assert.match(problems[0].details, /format 3/);
    assert.deepStrictEqual(
      quarantine(memento).map((q) => [q.kind, q.key, q.value]),
      [
        ['future-version', REVIEW_ROOT_KEY, root],
        ['future-version', REVIEW_SHARD_KEYS[5], shard],
        ['future-version', REVIEW_PROGRESS_KEY, { v: 3 }],
      ],
    );
    assert.strictEqual(store.cards().size, 0);
    assert.strictEqual(memento.get(REVIEW_SHARD_KEYS[5]), undefined);
    await store.recordReview({ cardId: 'evals-a', rating: 3, now: T0, durationMs: 1 });
    assert.deepStrictEqual((await openReporting(memento, 'bbbb')).problems, []);
  });

  it('reports a future-version shard under a current root and keeps the other shards', async () => {
    const memento = new MemoryMemento();
    const writer = (await openReporting(memento)).store;
    await writer.recordReview({ cardId: 'evals-a', rating: 3, now: T0, durationMs: 1 });
    const other = REVIEW_SHARD_KEYS.findIndex((_, i) => i !== shardOf('evals-a'));
    await memento.update(REVIEW_SHARD_KEYS[other], { v: 9, c: {} });
    const { store, problems } = await openReporting(memento, 'bbbb');
    assert.deepStrictEqual(
      problems.map((p) => p.kind),
      ['future-version'],
    );
    assert.strictEqual(store.reviews().length, 1);
  });

  it('drops partially corrupt entries individually, keeps the rest, and cleans the stored value', async () => {
    const memento = new MemoryMemento();
    const writer = (await openReporting(memento)).store;
    const ids = Array.from({ length: 40 }, (_, i) => `evals-card-${i}`);
    for (const [i, cardId] of ids.entries()) await writer.recordReview({ cardId, rating: 3, now: minutes(i), durationMs: 1000 });
    await writer.completeLesson('lesson-a', T0);
    await writer.recordCasePractice({ caseId: 'case-a', score: 1, maxScore: 2, missed: ['p'], now: T0 });
    const key = REVIEW_SHARD_KEYS[shardOf(ids[0])];
    const shard = memento.get(key) as { c: Record<string, unknown[]> };
    const sibling = ids.find((id) => id !== ids[0] && shardOf(id) === shardOf(ids[0]))!;
    const wrongShard = ids.find((id) => shardOf(id) !== shardOf(ids[0]))!;
    const damaged = { ...shard, c: { ...shard.c, [ids[0]]: 'garbage', [sibling]: [shard.c[sibling][0], [['x', 9, -1, 0]]], [wrongShard]: [0, []] } };
    await memento.update(key, damaged);
    const progress = memento.get(REVIEW_PROGRESS_KEY) as { l: object; p: unknown[] };
    await memento.update(REVIEW_PROGRESS_KEY, {
      ...progress,
      l: { ...progress.l, 'Bad Lesson': [0, 1] },
      p: [...progress.p, ['id', 'case-b', 'when', 1, 2, []]],
    });

    const { store, problems } = await openReporting(memento, 'bbbb');
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].kind, 'corrupt');
    assert.strictEqual(problems[0].details.split('\n').length, 5, problems[0].details);
    assert.strictEqual(store.card(ids[0]), undefined);
    assert.ok(store.card(sibling)?.card, 'a card with a bad review keeps its state');
    assert.strictEqual(store.reviews(sibling).length, 0);
    assert.strictEqual(store.cards().size, 39);
    assert.strictEqual(store.reviews().length, 38);
    assert.strictEqual(store.lessons().size, 1);
    assert.strictEqual(store.casePractices().length, 1);
    assert.strictEqual(quarantine(memento).length, 5);
    assert.deepStrictEqual(quarantine(memento)[0].value, { [ids[0]]: 'garbage' });
    assert.deepStrictEqual((await openReporting(memento, 'cccc')).problems, [], 'the cleaned value was written back');
  });

  it('reports at most once per open, and quarantines later bad writes from elsewhere', async () => {
    const memento = new MemoryMemento({ [REVIEW_ROOT_KEY]: 'garbage' });
    const { store, problems } = await openReporting(memento);
    await store.recordReview({ cardId: 'evals-a', rating: 3, now: T0, durationMs: 1 });
    const key = REVIEW_SHARD_KEYS[shardOf('evals-a')];
    const stored = memento.get(key) as { c: object; rev: number };
    await memento.update(key, { ...stored, rev: stored.rev + 1, w: 'zzzz', c: { ...stored.c, 'evals-b': 'bad' } });
    await store.recordReview({ cardId: 'evals-a', rating: 3, now: minutes(10), durationMs: 1 });
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(store.problems.length, 2);
    assert.strictEqual(quarantine(memento).length, 2);
    assert.strictEqual(store.reviews('evals-a').length, 2);
  });

  it('keeps a quarantine that is not a list inside the new one', async () => {
    const memento = new MemoryMemento({ [REVIEW_ROOT_KEY]: 'garbage', [REVIEW_QUARANTINE_KEY]: 'odd' });
    await openReporting(memento);
    assert.deepStrictEqual(
      quarantine(memento).map((q) => q.value),
      ['odd', 'garbage'],
    );
  });

  it('stores 10,000 cards with five reviews each in under 3 MB, and reads them back', async function () {
    this.timeout(30_000);
    const { memento, cards } = buildHistory(10_000, 5);
    const bytes = memento.storedLength(REVIEW_KEYS);
    assert.ok(bytes < 3_000_000, `${bytes} bytes`);
    const { store, problems } = await openReporting(memento);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(store.cards().size, 10_000);
    assert.strictEqual(store.reviews().length, 50_000);
    const [id, card] = [...cards][1234];
    assert.strictEqual(store.card(id)?.card?.due.getTime(), card.due.getTime());
    assert.ok(Math.abs(store.card(id)!.card!.stability - card.stability) < 1e-4);
  });
});

describe('review storage: values that would break the scheduler or overwrite history', () => {
  it('keeps format-2 data aside when a format-1 root appears next to it, and reports it', async () => {
    const memento = new MemoryMemento();
    const first = await ReviewStore.open(memento, { now: T0, writerId: 'aaaa' });
    await first.recordReview({ cardId: 'metrics-pr-auc', rating: 3, now: T0, durationMs: 1000 });
    await first.completeLesson('what-is-new', T0);
    await memento.update(REVIEW_ROOT_KEY, v1Value());
    const { store, problems } = await openReporting(memento, 'bbbb');
    assert.strictEqual(problems.length, 1, 'reported once');
    assert.ok(store.card('evals-judge-bias'), 'the format-1 data was migrated');
    const kept = JSON.stringify(quarantine(memento).map((q) => q.value));
    assert.ok(kept.includes('metrics-pr-auc'), 'the format-2 review is kept in the quarantine');
    assert.ok(kept.includes('what-is-new'), 'the format-2 lesson is kept in the quarantine');
  });

  it('quarantines a card whose stability or difficulty ts-fsrs would reject', async () => {
    const memento = new MemoryMemento();
    const store = await ReviewStore.open(memento, { now: T0, writerId: 'aaaa' });
    await store.recordReview({ cardId: 'metrics-pr-auc', rating: 3, now: T0, durationMs: 1000 });
    const key = REVIEW_SHARD_KEYS[shardOf('metrics-pr-auc')];
    const shard = memento.get(key) as { c: Record<string, [number[], unknown[]]> };
    shard.c['metrics-pr-auc'][0][2] = 0.5; // difficulty below 1
    await memento.update(key, shard);
    const { store: reopened, problems } = await openReporting(memento, 'bbbb');
    assert.strictEqual(problems.length, 1);
    assert.ok(!reopened.card('metrics-pr-auc')?.card, 'the bad schedule is not used');
    assert.doesNotThrow(() => reopened.scheduler.preview(reopened.card('metrics-pr-auc')?.card, T0));
    assert.ok(quarantine(memento).length > 0);
  });
});
