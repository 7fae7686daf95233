/**
 * Folding old reviews into the history key (core/review/fold.ts): the migration from full v2 logs, which
 * folds only what the journal holds; merging two windows without counting a review twice; quarantine of
 * a bad history and its rebuild from the journal. "Lost" is checked against the journal plus globalState:
 * every review ever recorded must be in one of them, and counted exactly once by the history plus the raw log.
 */
import * as assert from 'assert';
import { MemoryMemento, REVIEW_SHARD_KEYS, ReviewStore, shardOf } from '../../../src/core/review';
import type { MementoLike, Rating } from '../../../src/core/review';
import { foldedCount } from '../../../src/core/review/fold';
import { packCard } from '../../../src/core/review/format';
import type { StoredCard, StoredLog, StoredSched } from '../../../src/core/review/format';
import { mergeCard } from '../../../src/core/review/merge';
import { journalCovers } from '../../../src/core/review/reconcile';
import { REVIEW_HISTORY_KEY } from '../../../src/core/review/keys';
import { readJournal, reviewCount } from '../../../src/core/review/journal';
import { JournalWriter } from '../../../src/core/review/journalWriter';
import { buildHistory } from './fixture';
import { MemoryJournalFs, SharedStorage, T0, minutes, seeded } from './helpers';

const FOLD = { fold: true } as const;
const CARDS = ['evals-judge-bias', 'rag-chunking', 'constructor', 'prompt-few-shot', 'gpu-memory', 'to-string'];

async function open(memento: MementoLike, fs: MemoryJournalFs, writerId: string, now = T0) {
  const journal = new JournalWriter(fs, writerId, now.getTime(), () => undefined);
  const store = await ReviewStore.open(memento, { now, writerId, journal });
  return { store, journal };
}

/** Opens, compares with the journal (which folds), and waits for every journal write. */
async function openAndCheck(memento: MementoLike, fs: MemoryJournalFs, writerId: string, now = T0) {
  const w = await open(memento, fs, writerId, now);
  const restored = await w.store.reconcileJournal(await readJournal(fs), now, FOLD);
  await w.journal.whenWritten();
  return { ...w, restored };
}

/** Review ids in the journal and in globalState's raw logs together. */
async function everyId(store: ReviewStore, fs: MemoryJournalFs): Promise<Set<string>> {
  const journal = await readJournal(fs);
  const ids = new Set(store.reviews().map((r) => r.id));
  for (const [id, card] of journal.cards) for (const e of card[1]) ids.add(`${id}#${e[0]}`);
  return ids;
}

/** Reviews counted by the state: folded plus raw. */
function counted(store: ReviewStore): number {
  return foldedCount(store.history()) + store.reviews().length;
}

/** Awaits an operation whose writes land only as the shared storage commits them. */
async function settled<T>(shared: SharedStorage, op: Promise<T>): Promise<T> {
  let done = false;
  const result = op.finally(() => (done = true));
  while (!done) {
    shared.commitAll();
    await new Promise((r) => setTimeout(r, 0));
  }
  return result;
}

/** Two windows over one shared globalState and journal, after `n` reviews made in a third. */
async function twoWindows(n: number) {
  const shared = new SharedStorage();
  const fs = new MemoryJournalFs();
  const seed = await settled(shared, open(shared.window(), fs, 'seed'));
  const made: string[] = [];
  for (let i = 0; i < n; i++) made.push(await settled(shared, review(seed.store, CARDS[i % CARDS.length], minutes(i))));
  await seed.journal.whenWritten();
  const a = await settled(shared, open(shared.window(), fs, 'wina'));
  const b = await settled(shared, open(shared.window(), fs, 'winb'));
  return { shared, fs, made, a, b };
}

async function review(store: ReviewStore, cardId: string, at: Date, rating: Rating = 3): Promise<string> {
  return (await store.recordReview({ cardId, rating, now: at, durationMs: 1000, xp: 5 })).entry.id;
}

describe('review store: folding old reviews into the history', () => {
  it('migrates full v2 logs in two opens: the journal first takes them, then they fold, and none is lost', async () => {
    const fixture = buildHistory(120, 12, 5);
    const memento = fixture.memento;
    const before = await ReviewStore.open(memento, { now: T0, writerId: 'orig' });
    const all = new Set(before.reviews().map((r) => r.id));
    const fs = new MemoryJournalFs();
    // First open: the journal is empty, so nothing folds; every review goes to the journal as a base line.
    const first = await openAndCheck(memento, fs, 'one1');
    assert.strictEqual(foldedCount(first.store.history()), 0);
    assert.strictEqual(first.store.reviews().length, all.size);
    assert.strictEqual(reviewCount(await readJournal(fs)), all.size);
    // Second open: now the journal holds them, so all but each card's newest fold.
    const second = await openAndCheck(memento, fs, 'two2');
    assert.strictEqual(second.restored.reviews, 0, 'folded reviews are not "restored"');
    assert.strictEqual(second.store.reviews().length, 120);
    for (const [id] of second.store.cards()) assert.strictEqual(second.store.reviews(id).length, 1, id);
    assert.strictEqual(counted(second.store), all.size);
    assert.deepStrictEqual(await everyId(second.store, fs), all);
    // Idempotent: more opens change nothing, and a fresh open reads the same state.
    const snapshot = JSON.stringify([...REVIEW_SHARD_KEYS, REVIEW_HISTORY_KEY].map((k) => memento.get(k)));
    const third = await openAndCheck(memento, fs, 'thr3');
    assert.strictEqual(third.restored.reviews, 0);
    assert.strictEqual(JSON.stringify([...REVIEW_SHARD_KEYS, REVIEW_HISTORY_KEY].map((k) => memento.get(k))).length, snapshot.length);
    assert.strictEqual(counted(third.store), all.size);
    assert.strictEqual(third.store.introducedSince(new Date(0)), 120, 'first reviews come from the fold');
    // Export reads the journal too: every review is there, once.
    const exported = third.store.reviewsWith(await readJournal(fs)).map((r) => r.id);
    assert.strictEqual(exported.length, all.size);
    assert.deepStrictEqual(new Set(exported), all);
  });

  it('hands a raw entry under a watermark to the journal before dropping it (a late copy synced in)', async () => {
    const memento = new MemoryMemento();
    const fs = new MemoryJournalFs();
    const w = await open(memento, fs, 'wrtl');
    for (let i = 0; i < 60; i++) await review(w.store, CARDS[i % 2], minutes(i));
    for (let i = 0; i < 50; i++) await review(w.store, CARDS[2], minutes(100 + i));
    await w.journal.whenWritten();
    await w.store.reconcileJournal(await readJournal(fs), minutes(200), FOLD);
    const fold = w.store.history().c[CARDS[0]];
    assert.ok(fold && fold[0] > 5);
    // Another machine's review from before the watermark arrives in the shard, with no local journal line.
    const key = REVIEW_SHARD_KEYS[shardOf(CARDS[0])];
    const shard = JSON.parse(JSON.stringify(memento.get(key))) as { rev: number; c: Record<string, [unknown, unknown[][]]> };
    shard.c[CARDS[0]][1].unshift(['othr0', 3, minutes(1).getTime() + 1, 1000]);
    await memento.update(key, { ...shard, rev: shard.rev + 1, w: 'othr' });
    const next = await open(memento, fs, 'nxtl', minutes(300));
    await next.journal.whenWritten();
    assert.ok(!next.store.reviews(CARDS[0]).some((r) => r.id.endsWith('#othr0')), 'under the watermark, so out of the raw log');
    const journal = await readJournal(fs);
    assert.ok(
      journal.cards.get(CARDS[0])![1].some((e) => e[0] === 'othr0'),
      'but in the journal, so not lost',
    );
  });

  it('keeps raw every review the journal lacks, the newest of each card and the undo stack', async () => {
    const memento = new MemoryMemento();
    const fs = new MemoryJournalFs();
    const w = await open(memento, fs, 'wrta');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await review(w.store, CARDS[i % 3], minutes(i * 60)));
    await w.journal.whenWritten();
    // A review the journal never got: written straight to globalState by a window with no journal.
    const other = await ReviewStore.open(memento, { now: T0, writerId: 'nojr' });
    const unjournaled = await review(other, CARDS[0], minutes(13 * 60));
    const journal = await readJournal(fs);
    const later = minutes(60 * 24 * 3);
    const checked = await open(memento, fs, 'chk1', later);
    for (let i = 0; i < 3; i++) ids.push(await review(checked.store, CARDS[3], minutes(60 * 24 * 3 + i)));
    await checked.store.reconcileJournal(journal, later, FOLD);
    // CARDS[0]: its reviews before the unjournaled one fold; that one and the newest stay.
    const raw0 = checked.store.reviews(CARDS[0]).map((r) => r.id);
    assert.ok(raw0.includes(unjournaled), 'a review only globalState holds is never folded');
    // CARDS[3]: all three are on the undo stack, so none folds.
    assert.strictEqual(checked.store.reviews(CARDS[3]).length, 3);
    assert.strictEqual(counted(checked.store), ids.length + 1);
    assert.ok((await checked.store.undoLast(later))?.reviewId === ids[ids.length - 1], 'undo still takes back the newest');
  });

  it('never reuses a folded review id for a new review of the same writer', async () => {
    const memento = new MemoryMemento();
    const fs = new MemoryJournalFs();
    const w = await open(memento, fs, 'same');
    for (let i = 0; i < 60; i++) await review(w.store, CARDS[1], minutes(i));
    await w.journal.whenWritten();
    await w.store.reconcileJournal(await readJournal(fs), minutes(100), FOLD);
    // Push the earlier reviews off the undo stack by reviewing other cards, then fold again.
    for (let i = 0; i < 55; i++) await review(w.store, CARDS[2], minutes(200 + i));
    await w.journal.whenWritten();
    await w.store.reconcileJournal(await readJournal(fs), minutes(300), FOLD);
    assert.ok(foldedCount(w.store.history()) > 0);
    const next = await review(w.store, CARDS[1], minutes(400));
    await w.journal.whenWritten();
    assert.strictEqual(reviewCount(await readJournal(fs)), 116, `new id ${next} collided with a folded one`);
    assert.strictEqual(counted(w.store), 116);
  });

  it('two windows, one folding while the other still holds the full logs: no review counted twice or lost', async () => {
    const { shared, fs, made, a, b } = await twoWindows(100);
    // A folds; B has not seen it and reviews every card, merging A's folded shards into its full ones.
    const journal = await readJournal(fs);
    await settled(shared, a.store.reconcileJournal(journal, minutes(100), FOLD));
    assert.ok(foldedCount(a.store.history()) >= 30);
    for (let i = 0; i < CARDS.length; i++) made.push(await settled(shared, review(b.store, CARDS[i], minutes(200 + i))));
    await settled(shared, Promise.all([a.store.refresh(minutes(300)), b.store.refresh(minutes(300))]));
    await Promise.all([a.journal.whenWritten(), b.journal.whenWritten()]);
    const fresh = await settled(shared, ReviewStore.open(shared.window(), { now: minutes(400), writerId: 'frsh' }));
    for (const s of [fresh, a.store, b.store]) assert.strictEqual(counted(s), made.length, `${s.writerId} counts ${counted(s)} of ${made.length}`);
    assert.deepStrictEqual(await everyId(fresh, fs), new Set(made));
    assert.deepStrictEqual(fresh.history(), a.store.history());
    for (const id of CARDS)
      assert.ok(
        fresh.reviews(id).some((r) => r.reviewedAt.getTime() >= minutes(200).getTime()),
        id,
      );
  });

  it('a stale window flushing its full logs over a fold: merged back without counting twice', async () => {
    const { shared, fs, made, a, b } = await twoWindows(100);
    const journal = await readJournal(fs);
    // A folds and B reviews before either write lands; B's flush lands first with its full logs, and A's
    // flush then carries B's copy (its cache was replaced), so only A's memory holds the fold.
    const folding = a.store.reconcileJournal(journal, minutes(100), FOLD);
    const reviewing = review(b.store, CARDS[0], minutes(150));
    shared.commit(shared.pending - 1);
    shared.commitAll();
    await folding;
    made.push(await reviewing);
    assert.ok(foldedCount(a.store.history()) >= 30);
    await settled(shared, a.store.refresh(minutes(300)));
    assert.strictEqual(counted(a.store), made.length, `A merged B's full logs: ${counted(a.store)} of ${made.length}`);
    await settled(shared, b.store.refresh(minutes(301)));
    await settled(shared, a.store.refresh(minutes(302)));
    const fresh = await settled(shared, ReviewStore.open(shared.window(), { now: minutes(400), writerId: 'frsh' }));
    for (const s of [fresh, a.store, b.store]) assert.strictEqual(counted(s), made.length, `${s.writerId} counts ${counted(s)} of ${made.length}`);
    await Promise.all([a.journal.whenWritten(), b.journal.whenWritten()]);
    assert.deepStrictEqual(await everyId(fresh, fs), new Set(made));
  });

  it('two windows folding at once from the same state pick one history, never the sum', async () => {
    const { shared, fs, a, b } = await twoWindows(80);
    const journal = await readJournal(fs);
    // Both fold before either sees the other's writes.
    const both = Promise.all([a.store.reconcileJournal(journal, minutes(100), FOLD), b.store.reconcileJournal(journal, minutes(101), FOLD)]);
    await settled(shared, both);
    assert.notStrictEqual(a.store.history().g, b.store.history().g);
    assert.ok(foldedCount(a.store.history()) > 0);
    await settled(shared, Promise.all([a.store.refresh(minutes(300)), b.store.refresh(minutes(300))]));
    await settled(shared, Promise.all([a.store.refresh(minutes(301)), b.store.refresh(minutes(301))]));
    const fresh = await settled(shared, ReviewStore.open(shared.window(), { now: minutes(400), writerId: 'frsh' }));
    for (const s of [fresh, a.store, b.store]) assert.strictEqual(counted(s), 80, s.writerId);
    assert.strictEqual(a.store.history().g, b.store.history().g, 'both windows settle on one fold');
  });

  it('quarantines a corrupt history and rebuilds it from the journal, counting each review once', async () => {
    const memento = new MemoryMemento();
    const fs = new MemoryJournalFs();
    const w = await open(memento, fs, 'wrtq');
    for (let i = 0; i < 80; i++) await review(w.store, CARDS[i % CARDS.length], minutes(i));
    await w.journal.whenWritten();
    await w.store.reconcileJournal(await readJournal(fs), minutes(100), FOLD);
    const good = memento.get(REVIEW_HISTORY_KEY) as { d: number[][] };
    const raw = w.store.reviews().map((r) => r.id);
    assert.ok(foldedCount(w.store.history()) > 0 && raw.length < 80);
    for (const bad of ['not json', { ...good, d: [[1, 0, 5, 0, 1, 1, 1, 1, 0, 0]] }]) {
      await memento.update(REVIEW_HISTORY_KEY, bad);
      const problems: string[] = [];
      const kept: unknown[] = [];
      const store = await ReviewStore.open(memento, {
        now: minutes(200),
        writerId: 'rdqq',
        onProblem: (p) => problems.push(p.details),
        quarantine: { where: 'q', keep: async (items) => void kept.push(...items) },
      });
      assert.match(problems.join('\n'), /loopPrep\.review\.history: compacted history unreadable/);
      assert.deepStrictEqual(
        kept.map((k) => (k as { value: unknown }).value),
        [bad],
      );
      assert.strictEqual(foldedCount(store.history()), 0);
      const restored = await store.reconcileJournal(await readJournal(fs), minutes(200), FOLD);
      assert.ok(restored.reviews > 0, 'the folded reviews come back from the journal');
      assert.strictEqual(counted(store), 80);
      assert.deepStrictEqual(
        store.reviews().map((r) => r.id),
        raw,
        'and fold again at once, as before',
      );
    }
  });

  it('rebuilds empty globalState from the journal straight into the compact form', async () => {
    const memento = new MemoryMemento();
    const fs = new MemoryJournalFs();
    const w = await open(memento, fs, 'wrtr');
    for (let i = 0; i < 90; i++) await review(w.store, CARDS[i % CARDS.length], minutes(i), ((i % 4) + 1) as Rating);
    await w.journal.whenWritten();
    const rebuilt = await openAndCheck(new MemoryMemento(), fs, 'rbld', minutes(500));
    assert.strictEqual(rebuilt.restored.reviews, 90);
    assert.strictEqual(rebuilt.store.reviews().length, CARDS.length);
    assert.strictEqual(counted(rebuilt.store), 90);
    const xp = rebuilt.store.history().d.reduce((n, d) => n + d[3], 0) + rebuilt.store.reviews().reduce((n, r) => n + (r.xp ?? 0), 0);
    assert.strictEqual(xp, 90 * 5);
    for (const id of CARDS) assert.deepStrictEqual(rebuilt.store.card(id), w.store.card(id));
  });
});

describe('review journal: whether the journal already covers a card', () => {
  it('agrees with merging the card into the journal and comparing, on random pairs', () => {
    const random = seeded(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const entries: StoredLog[] = Array.from({ length: 6 }, (_, i) => [`ab${i}`, (1 + (i % 4)) as Rating, 1000 + i * 10, 500]);
    const scheds: (StoredSched | 0)[] = [0, [5000, 3, 5, 2, 0, 3, 0, 2, 1040], [6000, 4, 5, 3, 0, 4, 0, 2, 1050]];
    const card = (): StoredCard => {
      const undone = entries.filter(() => random() < 0.15).map((e) => e[0]);
      const log = entries.filter((e) => random() < 0.5 && !undone.includes(e[0]));
      const sched = pick(scheds);
      return packCard({
        sched,
        log,
        schedAt: sched === 0 ? pick([0, 1045]) : sched[8] + pick([0, 5]),
        flags: pick([0, [1, 0, 1030], [0, 0, 1060]] as const) as StoredCard[3] & object,
        undone: undone.sort(),
      });
    };
    let covered = 0;
    for (let i = 0; i < 3000; i++) {
      const theirs = mergeCard(card(), card());
      const mine = random() < 0.3 ? mergeCard(theirs, card()) : card();
      const expected = JSON.stringify(mergeCard(theirs, mine)) === JSON.stringify(theirs);
      if (expected) covered++;
      assert.strictEqual(journalCovers(theirs, mine), expected, JSON.stringify({ theirs, mine }));
    }
    assert.ok(covered > 100 && covered < 2900, `${covered} of 3000 covered`);
  });
});
