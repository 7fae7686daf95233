/**
 * Any id is safe in stored state: names of Object.prototype members as card, lesson and case ids must
 * never find inherited members, from a rating through a reload, a merge, an export and an import.
 */
import * as assert from 'assert';
import { buildExport, parseImport, planImport } from '../../../src/core/progress';
import { MemoryMemento, REVIEW_PROGRESS_KEY, REVIEW_SHARD_KEYS, ReviewStore, shardOf } from '../../../src/core/review';
import { dict, dictOf, own, withEntry } from '../../../src/core/review/dict';
import type { StoredCard } from '../../../src/core/review/format';
import { mergeShard } from '../../../src/core/review/merge';
import { newFindings } from '../../../src/core/review/validate';
import { readProgress, readShard } from '../../../src/core/review/validate';
import { T0, minutes } from './helpers';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('any id is safe in stored state', () => {
  it('rates, undoes, reloads and merges a card whose id is "constructor"', async () => {
    const memento = new MemoryMemento();
    const a = await ReviewStore.open(memento, { now: T0, writerId: 'aaaa' });
    const b = await ReviewStore.open(memento, { now: T0, writerId: 'bbbb' });
    const first = await a.recordReview({ cardId: 'constructor', rating: 3, now: T0, durationMs: 1000, xp: 10 });
    assert.strictEqual(first.previous, undefined, 'a new card must not find Object.prototype.constructor');
    assert.strictEqual(first.state.card?.reps, 1);
    await b.recordReview({ cardId: 'constructor', rating: 4, now: minutes(1), durationMs: 1000 });
    await a.refresh(minutes(2));
    assert.strictEqual(a.reviews('constructor').length, 2);
    assert.ok((await a.undoLast(minutes(3))) === undefined || a.reviews('constructor').length === 1);
    const reopened = await ReviewStore.open(memento, { now: minutes(4), writerId: 'cccc' });
    assert.deepStrictEqual(reopened.problems, []);
    assert.ok(reopened.card('constructor')?.card);
    assert.strictEqual(reopened.card('tostring'), undefined);
  });

  it('completes a lesson and practises a case whose id is "constructor"', async () => {
    const memento = new MemoryMemento();
    const store = await ReviewStore.open(memento, { now: T0, writerId: 'aaaa' });
    assert.strictEqual(store.lessons().size, 0);
    await store.completeLesson('constructor', T0);
    await store.uncompleteLesson('constructor', minutes(1));
    await store.completeLesson('constructor', minutes(2));
    await store.recordCasePractice({ caseId: 'constructor', score: 1, maxScore: 2, missed: [], now: minutes(3) });
    const reopened = await ReviewStore.open(memento, { now: minutes(4), writerId: 'bbbb' });
    assert.deepStrictEqual([...reopened.lessons().keys()], ['constructor']);
    assert.strictEqual(reopened.casePractices()[0].caseId, 'constructor');
  });

  it('exports and imports a "constructor" card, lesson and case into an empty store', async () => {
    const source = await ReviewStore.open(new MemoryMemento(), { now: T0, writerId: 'aaaa' });
    await source.recordReview({ cardId: 'constructor', rating: 3, now: T0, durationMs: 1000, xp: 10 });
    await source.completeLesson('constructor', minutes(1));
    await source.recordCasePractice({ caseId: 'constructor', score: 1, maxScore: 2, missed: [], now: minutes(2) });
    const file = buildExport(
      {
        reviews: source.reviews(),
        cards: source.cards(),
        reads: source.lessons(),
        casePractices: source.casePractices(),
        settings: { role: null, desiredRetention: 0.9, newCardsPerDay: 10, sessionSize: 20 },
      },
      minutes(3),
    );
    const parsed = parseImport(JSON.stringify(file), { now: minutes(4), knownCardIds: new Set(['constructor']) });
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    const target = await ReviewStore.open(new MemoryMemento(), { now: minutes(4), writerId: 'bbbb' });
    const plan = planImport(
      {
        reviews: target.reviews(),
        cards: target.cards(),
        reads: target.lessons(),
        readsUndone: target.uncompletedLessons(),
        casePractices: target.casePractices(),
      },
      parsed,
    );
    const tally = await target.applyImport(plan, minutes(5));
    assert.deepStrictEqual(tally, { reviews: 1, cardStates: 1, reads: 1, casePractices: 1 });
    assert.strictEqual(target.reviews('constructor').length, 1);
    assert.ok(target.lessons().has('constructor'));
  });

  it('reading stored keys never finds inherited members, and drops "__proto__" entries into quarantine', () => {
    for (const name of PROTO_NAMES) {
      const findings = newFindings(T0.getTime());
      const i = shardOf(name);
      const raw = JSON.parse(`{"v":2,"rev":1,"w":"zzzz","c":{"${name}":[0,[["x1",3,1,0]]]}}`);
      const shard = readShard(raw, i, REVIEW_SHARD_KEYS[i], findings, 'aaaa');
      assert.strictEqual(Object.getPrototypeOf(shard.c), null);
      if (name === 'constructor') assert.ok(own(shard.c, name));
      else {
        assert.strictEqual(own(shard.c, name), undefined);
        assert.ok(
          findings.problems.some((p) => p.includes(`"${name}"`)),
          `${name}: ${findings.problems.join('; ')}`,
        );
      }
      const progress = readProgress(JSON.parse(`{"v":2,"rev":1,"w":"zzzz","l":{"${name}":[1,1]},"p":[]}`), REVIEW_PROGRESS_KEY, findings, 'aaaa');
      assert.strictEqual(Object.getPrototypeOf(progress.l), null);
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    }
  });

  it('merges shards without mistaking inherited members for cards', () => {
    const empty = readShard(undefined, 0, REVIEW_SHARD_KEYS[0], newFindings(0), 'aaaa');
    const theirs = { ...empty, rev: 1, w: 'bbbb', c: withEntry<StoredCard>(empty.c, 'constructor', [0, [['b1', 3, 5, 0]]]) };
    const merged = mergeShard(empty, theirs);
    assert.deepStrictEqual(merged.changed, ['constructor']);
    const back = mergeShard(theirs, empty);
    assert.ok(back.oursAdded);
    assert.strictEqual(Object.getPrototypeOf(back.value.c), null);
  });

  it('dict helpers keep "__proto__" as an own key and never change a prototype', () => {
    const d = withEntry(dict<number>(), '__proto__', 1);
    assert.deepStrictEqual(Object.keys(d), ['__proto__']);
    assert.strictEqual(own(dictOf(d), '__proto__'), 1);
    assert.strictEqual(own(d, 'toString'), undefined);
    assert.strictEqual(JSON.stringify(d), '{"__proto__":1}');
  });
});
