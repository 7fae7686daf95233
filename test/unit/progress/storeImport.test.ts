/**
 * Export and import end to end with real `ReviewStore`s. `applyToMemento` does what the proposed
 * `ReviewStore.applyImport` does (importApply.ts), on the stored values as another window would write
 * them; the store then reads them back through its own validation and merge.
 */
import * as assert from 'assert';
import { applyCardImport, applyProgressImport, buildExport, emptyImportTally, parseImport, planImport } from '../../../src/core/progress';
import type { CardImport, ImportPlan, ImportTally, ParsedImport } from '../../../src/core/progress';
import { MemoryMemento, REVIEW_KEYS, REVIEW_PROGRESS_KEY, REVIEW_SHARD_KEYS, ReviewStore, shardOf } from '../../../src/core/review';
import { emptyProgress, emptyShard, packCard, unpackCard } from '../../../src/core/review/format';
import type { StoredProgress, StoredShard } from '../../../src/core/review/format';
import { emptyParts } from '../../../src/core/review/storeParts';
import { NOW, bank, daysAgo } from './helpers';

const KNOWN = new Set(bank().questions.map((q) => q.id));

async function applyToMemento(memento: MemoryMemento, plan: ImportPlan, now: Date): Promise<ImportTally> {
  const t = now.getTime();
  const tally = emptyImportTally();
  const byShard = new Map<number, CardImport[]>();
  for (const c of plan.cards) byShard.set(shardOf(c.cardId), [...(byShard.get(shardOf(c.cardId)) ?? []), c]);
  for (const [i, changes] of byShard) {
    const shard = (memento.get(REVIEW_SHARD_KEYS[i]) as StoredShard | undefined) ?? emptyShard('impt');
    const c = { ...shard.c };
    let changed = false;
    for (const change of changes) {
      const next = applyCardImport(c[change.cardId] ? unpackCard(c[change.cardId]) : emptyParts(), change, t, tally);
      if (next) [c[change.cardId], changed] = [packCard(next), true];
    }
    if (changed) await memento.update(REVIEW_SHARD_KEYS[i], { ...shard, c, rev: shard.rev + 1, w: 'impt' });
  }
  const progress = (memento.get(REVIEW_PROGRESS_KEY) as StoredProgress | undefined) ?? emptyProgress('impt');
  const next = applyProgressImport(progress, plan, tally);
  if (next !== progress) await memento.update(REVIEW_PROGRESS_KEY, { ...next, rev: next.rev + 1, w: 'impt' });
  return tally;
}

/** The import command's flow: parse, stop on a refusal, else plan against the store and apply. */
async function importFile(memento: MemoryMemento, text: string, store: ReviewStore, maxBytes?: number): Promise<string> {
  const result = parseImport(text, { now: NOW, knownCardIds: KNOWN, maxBytes });
  if (!result.ok) return result.error.kind;
  await applyToMemento(memento, planImport(currentOf(store), result), NOW);
  return 'imported';
}

const currentOf = (store: ReviewStore) => ({ reviews: store.reviews(), cards: store.cards(), reads: store.lessons(), casePractices: store.casePractices() });
const settings = { role: 'product-ai', desiredRetention: 0.9, newCardsPerDay: 15, sessionSize: 20 };
const exportText = (store: ReviewStore, now = NOW) => JSON.stringify(buildExport({ ...currentOf(store), settings }, now));
const dump = (memento: MemoryMemento) => JSON.stringify(REVIEW_KEYS.map((k) => memento.get(k)));

function parsed(text: string): ParsedImport {
  const result = parseImport(text, { now: NOW, knownCardIds: KNOWN });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

/** Machine A: reviews evals-1 and evals-2 three days ago, reads a lesson, practises a case. */
async function laptop(): Promise<ReviewStore> {
  const store = await ReviewStore.open(new MemoryMemento(), { now: daysAgo(4), writerId: 'aaaa' });
  await store.recordReview({ cardId: 'evals-1', rating: 3, now: daysAgo(3), durationMs: 9000, xp: 8 });
  await store.recordReview({ cardId: 'evals-2', rating: 1, now: daysAgo(3), durationMs: 4000, correct: false });
  await store.completeLesson('what-is-new', daysAgo(3));
  await store.recordCasePractice({ caseId: 'support-assistant', score: 12, maxScore: 20, missed: ['evals-2'], now: daysAgo(3) });
  return store;
}

/** Machine B: reviews evals-1 later (one day ago) and rag-1, reads another lesson. */
async function desktop(memento = new MemoryMemento()): Promise<ReviewStore> {
  const store = await ReviewStore.open(memento, { now: daysAgo(4), writerId: 'bbbb' });
  await store.recordReview({ cardId: 'evals-1', rating: 4, now: daysAgo(1), durationMs: 5000 });
  await store.recordReview({ cardId: 'rag-1', rating: 3, now: daysAgo(2), durationMs: 5000 });
  await store.completeLesson('choose-your-role', daysAgo(2));
  return store;
}

describe('progress: import into a real review store', () => {
  it('merges by review id, keeps newer local card states, and the store reads the result back', async () => {
    const a = await laptop();
    const memento = new MemoryMemento();
    const b = await desktop(memento);
    const bEvals1 = b.card('evals-1');
    const plan = planImport(currentOf(b), parsed(exportText(a)));
    assert.deepStrictEqual(
      plan.summary.newReviewIds,
      a
        .reviews()
        .map((r) => r.id)
        .sort(),
    );
    assert.deepStrictEqual(plan.summary.changedCardIds, ['evals-2']);
    assert.deepStrictEqual(
      plan.summary.cardStateConflicts.map((c) => c.cardId),
      ['evals-1'],
      'B reviewed evals-1 later',
    );
    const tally = await applyToMemento(memento, plan, NOW);
    assert.deepStrictEqual(tally, { reviews: 2, cardStates: 1, reads: 1, casePractices: 1 });

    const reopened = await ReviewStore.open(memento, { now: NOW, writerId: 'cccc' });
    assert.deepStrictEqual(reopened.problems, [], "the stored values pass the store's validation");
    assert.deepStrictEqual(
      reopened
        .reviews()
        .map((r) => r.id)
        .sort(),
      [...a.reviews(), ...b.reviews()].map((r) => r.id).sort(),
    );
    assert.deepStrictEqual(reopened.card('evals-1'), bEvals1);
    assert.deepStrictEqual(reopened.card('evals-2'), a.card('evals-2'));
    assert.deepStrictEqual([...reopened.lessons().keys()].sort(), ['choose-your-role', 'what-is-new']);
    assert.deepStrictEqual(reopened.casePractices(), a.casePractices());

    await b.refresh(NOW);
    assert.strictEqual(b.reviews().length, 4, 'an open window merges the import in');
    assert.deepStrictEqual(b.card('evals-2'), a.card('evals-2'));
  });

  it('is idempotent: importing the same file twice changes nothing the second time', async () => {
    const text = exportText(await laptop());
    const memento = new MemoryMemento();
    await desktop(memento);
    await applyToMemento(memento, planImport(currentOf(await ReviewStore.open(memento, { now: NOW, writerId: 'cccc' })), parsed(text)), NOW);
    const once = dump(memento);
    const second = planImport(currentOf(await ReviewStore.open(memento, { now: NOW, writerId: 'dddd' })), parsed(text));
    assert.strictEqual(second.summary.empty, true);
    assert.deepStrictEqual(second.summary.lines, [
      'Adds no reviews.',
      'Keeps your schedule for 1 card where your history is as new or newer.', // evals-1, reviewed later here: said each time
      'Nothing new: everything in the file is already here.',
    ]);
    assert.deepStrictEqual(await applyToMemento(memento, second, NOW), emptyImportTally());
    assert.strictEqual(dump(memento), once);
  });

  it('round-trips: a fresh machine that imports an export exports the same data', async () => {
    const bMemento = new MemoryMemento();
    await importFile(bMemento, exportText(await laptop()), await desktop(bMemento));
    const b = await ReviewStore.open(bMemento, { now: NOW, writerId: 'gggg' });
    const memento = new MemoryMemento();
    await importFile(memento, exportText(b), await ReviewStore.open(memento, { now: NOW, writerId: 'eeee' }));
    const copy = await ReviewStore.open(memento, { now: NOW, writerId: 'ffff' });
    assert.strictEqual(copy.reviews().length, 4);
    assert.strictEqual(exportText(copy), exportText(b));
  });

  it('leaves the store untouched on every refusal', async () => {
    const memento = new MemoryMemento();
    const store = await desktop(memento);
    const before = dump(memento);
    const good = exportText(await laptop());
    const bad = [
      'x'.repeat(3000),
      good.slice(0, -1),
      JSON.stringify({ app: 'loop-prep', formatVersion: 1, reviews: [] }),
      good.replace('"formatVersion":1', '"formatVersion":9'),
      good.replace(/"reviewedAt":"[^"]+"/, '"reviewedAt":"2030-01-01T00:00:00.000Z"'),
    ];
    const kinds: string[] = [];
    for (const text of bad) kinds.push(await importFile(memento, text, store, text.startsWith('x') ? 2000 : undefined));
    assert.deepStrictEqual(kinds, ['tooLarge', 'notJson', 'wrongShape', 'futureVersion', 'futureTimestamp']);
    assert.strictEqual(dump(memento), before);
    assert.strictEqual(await importFile(memento, good, store), 'imported');
    assert.notStrictEqual(dump(memento), before, 'the same flow does import a good file');
  });
});
