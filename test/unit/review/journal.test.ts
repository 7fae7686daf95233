/**
 * The review journal: lines written by the store, segments per writer, concurrent appends, a torn
 * last line, and the rebuild of globalState from the journal.
 */
import * as assert from 'assert';
import { MemoryMemento, REVIEW_SHARD_KEYS, ReviewStore, shardOf } from '../../../src/core/review';
import { JournalFolder, SEGMENT_NAME, readJournal, reviewCount } from '../../../src/core/review/journal';
import type { JournalFs } from '../../../src/core/review/journal';
import { JournalWriter, SEGMENT_BYTES } from '../../../src/core/review/journalWriter';
import { T0, minutes, seeded } from './helpers';

/** An in-memory journal folder; writes resolve after a random delay, so they overlap like real I/O. */
export class FakeJournalFs implements JournalFs {
  readonly files = new Map<string, string>();
  writes = 0;
  constructor(private readonly random: () => number = () => 0) {}
  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }
  async read(name: string): Promise<string> {
    const text = this.files.get(name);
    if (text === undefined) throw new Error(`ENOENT ${name}`);
    return text;
  }
  async write(name: string, text: string): Promise<void> {
    this.writes++;
    const delay = Math.floor(this.random() * 3);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    this.files.set(name, text);
  }
}

const CARDS = ['evals-judge-bias', 'rag-chunking', 'constructor', 'prompt-few-shot', 'gpu-memory'];

async function windowWith(memento: MemoryMemento, fs: JournalFs, writerId: string, errors: string[] = []) {
  const journal = new JournalWriter(fs, writerId, T0.getTime(), (m) => errors.push(m));
  const store = await ReviewStore.open(memento, { now: T0, writerId, journal });
  return { store, journal };
}

function logsOf(store: ReviewStore): string[] {
  return store
    .reviews()
    .map((r) => `${r.id}@${r.reviewedAt.getTime()}`)
    .sort();
}

describe('review journal', () => {
  it('two windows appending at once lose nothing: every review is in some segment, each writer in its own files', async () => {
    const random = seeded(7);
    const fs = new FakeJournalFs(random);
    const memento = new MemoryMemento();
    const a = await windowWith(memento, fs, 'aaaa');
    const b = await windowWith(memento, fs, 'bbbb');
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const w = i % 2 ? a : b;
      pending.push(w.store.recordReview({ cardId: CARDS[Math.floor(random() * CARDS.length)], rating: 3, now: minutes(i), durationMs: 1000, xp: 5 }));
      if (i % 17 === 0) pending.push(w.store.undoLast(minutes(i)));
    }
    await Promise.all(pending);
    await Promise.all([a.journal.whenWritten(), b.journal.whenWritten()]);
    await a.store.refresh(minutes(300));
    await b.store.refresh(minutes(300));
    const journal = await readJournal(fs);
    assert.deepStrictEqual(journal.problems, []);
    const names = [...fs.files.keys()];
    assert.ok(
      names.every((n) => SEGMENT_NAME.test(n)),
      names.join(),
    );
    assert.ok(names.some((n) => n.includes('-aaaa-')) && names.some((n) => n.includes('-bbbb-')));
    const fromJournal = [...journal.cards.values()].flatMap((c) => c[1]).length;
    assert.strictEqual(fromJournal, a.store.reviews().length, 'the journal holds exactly the reviews globalState holds');
    const reopened = await ReviewStore.open(new MemoryMemento(), { now: minutes(301), writerId: 'cccc' });
    await reopened.reconcileJournal(journal, minutes(301));
    assert.deepStrictEqual(logsOf(reopened), logsOf(a.store));
    for (const id of CARDS) assert.deepStrictEqual(reopened.card(id), a.store.card(id), id);
  });

  it('skips and reports a torn last line, keeping every whole line', async () => {
    const fs = new FakeJournalFs();
    const { store, journal } = await windowWith(new MemoryMemento(), fs, 'aaaa');
    for (let i = 0; i < 3; i++) await store.recordReview({ cardId: CARDS[i], rating: 3, now: minutes(i), durationMs: 1000 });
    await journal.whenWritten();
    const [name, text] = [...fs.files.entries()][0];
    fs.files.set(name, text.slice(0, text.length - 15));
    const state = await readJournal(fs);
    assert.strictEqual(reviewCount(state), 2);
    assert.strictEqual(state.problems.length, 1);
    assert.match(state.problems[0], new RegExp(`^${name}, line 4: torn last line`));
  });

  it('reports a bad line in the middle and a segment from a newer format, and reads the rest', () => {
    const folder = new JournalFolder();
    folder.addSegment('seg-a-aaaa-0.jsonl', '["h",1,"aaaa",0]\n{oops\n["l",5,"lesson-one",[5,1]]\n');
    folder.addSegment('seg-b-bbbb-0.jsonl', '["h",2,"bbbb",0]\n["l",5,"lesson-two",[5,1]]\n');
    folder.addSegment('seg-c-cccc-0.jsonl', '["h",1,"cccc",0]\n["r",5,"Not An Id",[0,[]]]\n');
    const state = folder.result();
    assert.deepStrictEqual([...state.lessons.keys()], ['lesson-one']);
    assert.match(state.problems[0], /seg-a-aaaa-0\.jsonl, line 2: not JSON; skipped/);
    assert.match(state.problems[1], /seg-b-bbbb-0\.jsonl: written by a newer Loop Prep \(journal format 2\)/);
    assert.match(state.problems[2], /seg-c-cccc-0\.jsonl, line 2: unreadable line/);
  });

  it('rebuilds lost globalState: reviews, undo, suspension, lessons and case practices come back, once', async () => {
    const fs = new FakeJournalFs();
    const memento = new MemoryMemento();
    const { store, journal } = await windowWith(memento, fs, 'aaaa');
    for (let i = 0; i < 12; i++)
      await store.recordReview({ cardId: CARDS[i % CARDS.length], rating: ((i % 4) + 1) as 1 | 2 | 3 | 4, now: minutes(i * 10), durationMs: 900, xp: 3 });
    await store.undoLast(minutes(200));
    await store.suspend(['rag-chunking'], minutes(201));
    await store.reset(['gpu-memory'], minutes(202));
    await store.completeLesson('lesson-evals-basics', minutes(203));
    await store.recordCasePractice({ caseId: 'support-assistant', score: 3, maxScore: 4, missed: ['evals-1'], now: minutes(204) });
    await journal.whenWritten();

    const lost = new MemoryMemento();
    const fresh = await windowWith(lost, fs, 'bbbb');
    const restored = await fresh.store.reconcileJournal(await readJournal(fs), minutes(300));
    assert.strictEqual(restored.reviews, 11);
    assert.ok(restored.progress);
    assert.deepStrictEqual(logsOf(fresh.store), logsOf(store));
    for (const id of CARDS) assert.deepStrictEqual(fresh.store.card(id), store.card(id), id);
    assert.deepStrictEqual(fresh.store.lessons(), store.lessons());
    assert.deepStrictEqual(fresh.store.casePractices(), store.casePractices());
    assert.ok(lost.get(REVIEW_SHARD_KEYS[shardOf('evals-judge-bias')]), 'written back to globalState');
    const again = await fresh.store.reconcileJournal(await readJournal(fs), minutes(301));
    assert.deepStrictEqual(again, { reviews: 0, cardIds: [], progress: false });
    await fresh.journal.whenWritten();
    assert.strictEqual(fresh.journal.appended, 0, 'nothing globalState holds is missing from the journal');
  });

  it('rebuilds a shard that was unreadable (quarantined) from the journal', async () => {
    const fs = new FakeJournalFs();
    const memento = new MemoryMemento();
    const { store, journal } = await windowWith(memento, fs, 'aaaa');
    await store.recordReview({ cardId: 'rag-chunking', rating: 3, now: T0, durationMs: 1 });
    await journal.whenWritten();
    await memento.update(REVIEW_SHARD_KEYS[shardOf('rag-chunking')], 'not a shard');
    const problems: string[] = [];
    const next = await ReviewStore.open(memento, { now: minutes(1), writerId: 'bbbb', onProblem: (p) => problems.push(p.details) });
    assert.strictEqual(next.card('rag-chunking'), undefined);
    const restored = await next.reconcileJournal(await readJournal(fs), minutes(2));
    assert.strictEqual(restored.reviews, 1);
    assert.deepStrictEqual(next.card('rag-chunking'), store.card('rag-chunking'));
    assert.strictEqual(problems.length, 1);
  });

  it('copies history from before the journal into it, so the journal alone rebuilds everything', async () => {
    const memento = new MemoryMemento();
    const old = await ReviewStore.open(memento, { now: T0, writerId: 'aaaa' });
    for (let i = 0; i < 5; i++) await old.recordReview({ cardId: CARDS[i], rating: 3, now: minutes(i), durationMs: 1 });
    await old.completeLesson('lesson-evals-basics', minutes(6));
    const fs = new FakeJournalFs();
    const { store, journal } = await windowWith(memento, fs, 'bbbb');
    const restored = await store.reconcileJournal(await readJournal(fs), minutes(7));
    assert.strictEqual(restored.reviews, 0);
    await journal.whenWritten();
    assert.strictEqual(journal.appended, 6);
    const rebuilt = await ReviewStore.open(new MemoryMemento(), { now: minutes(8), writerId: 'cccc' });
    assert.strictEqual((await rebuilt.reconcileJournal(await readJournal(fs), minutes(8))).reviews, 5);
    assert.deepStrictEqual(logsOf(rebuilt), logsOf(old));
  });

  it('starts a new segment past SEGMENT_BYTES, so an append never rewrites more than one segment', async () => {
    const fs = new FakeJournalFs();
    const writer = new JournalWriter(fs, 'aaaa', 0, () => undefined);
    const line = JSON.stringify(['l', 1, 'lesson-x', [1, 1]]);
    for (let i = 0; i < 4000; i++) void writer.append([line]);
    await writer.whenWritten();
    assert.ok(fs.files.size >= 2, `${fs.files.size} segments`);
    for (const text of fs.files.values()) assert.ok(text.length < SEGMENT_BYTES + line.length + 2);
    const folder = new JournalFolder();
    for (const [n, t] of fs.files) folder.addSegment(n, t);
    assert.strictEqual(folder.result().lines, 4000);
  });

  it('keeps lines whose write failed and writes them with the next append, reporting once', async () => {
    const fs = new FakeJournalFs();
    let fail = true;
    const write = fs.write.bind(fs);
    fs.write = async (n, t) => (fail ? Promise.reject(new Error('disk full')) : write(n, t));
    const errors: string[] = [];
    const writer = new JournalWriter(fs, 'aaaa', 0, (m) => errors.push(m));
    await writer.append([JSON.stringify(['l', 1, 'lesson-a', [1, 1]])]);
    await writer.append([JSON.stringify(['l', 2, 'lesson-b', [2, 1]])]);
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /disk full/);
    fail = false;
    await writer.append([JSON.stringify(['l', 3, 'lesson-c', [3, 1]])]);
    assert.deepStrictEqual([...(await readJournal(fs)).lessons.keys()], ['lesson-a', 'lesson-b', 'lesson-c']);
  });
});

describe('quarantine sink', () => {
  it('keeps unreadable values in the sink, never in globalState, so its size cannot slow a rating', async () => {
    const memento = new MemoryMemento({ [REVIEW_SHARD_KEYS[3]]: 'not a shard' });
    const kept: unknown[] = [];
    const problems: string[] = [];
    let updates = 0;
    const update = memento.update.bind(memento);
    memento.update = (key, value) => {
      updates++;
      assert.notStrictEqual(key, 'loopPrep.review.quarantine', 'nothing is written to the quarantine key');
      return update(key, value);
    };
    const store = await ReviewStore.open(memento, {
      now: T0,
      writerId: 'aaaa',
      onProblem: (p) => problems.push(p.quarantineKey),
      quarantine: { where: '/storage/quarantine', keep: async (items) => void kept.push(...items) },
    });
    assert.deepStrictEqual(problems, ['/storage/quarantine']);
    assert.strictEqual(kept.length, 1);
    assert.strictEqual((kept[0] as { value: unknown }).value, 'not a shard');
    const before = updates;
    await store.recordReview({ cardId: 'rag-chunking', rating: 3, now: T0, durationMs: 1 });
    assert.strictEqual(memento.get('loopPrep.review.quarantine'), undefined);
    assert.ok(updates - before <= 2, 'a rating writes its shard and the undo stack, nothing else');
  });
});
