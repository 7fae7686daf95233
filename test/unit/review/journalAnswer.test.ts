/** Typed answers in the review journal: carried on the review line, read back, and old lines still read. */
import * as assert from 'assert';
import { MemoryMemento, ReviewStore } from '../../../src/core/review';
import { JOURNAL_ANSWER_MAX, JournalFolder, readJournal, withAnswer } from '../../../src/core/review/journal';
import { JournalWriter } from '../../../src/core/review/journalWriter';
import { FakeJournalFs } from './journal.test';
import { T0, minutes } from './helpers';

async function open(fs: FakeJournalFs, memento = new MemoryMemento()) {
  const journal = new JournalWriter(fs, 'aaaa', T0.getTime(), () => undefined);
  const store = await ReviewStore.open(memento, { now: T0, writerId: 'aaaa', journal });
  return { store, journal, memento };
}

describe('typed answers in the review journal', () => {
  it('the review line of the card carries the answer, once; other lines and later reviews do not', async () => {
    const fs = new FakeJournalFs();
    const { store, journal } = await open(fs);
    journal.attachAnswer('rag-chunking', minutes(1).getTime(), 'Chunk by headings, 512 tokens, overlap 64.');
    await store.recordReview({ cardId: 'rag-chunking', rating: 3, now: minutes(1), durationMs: 1000 });
    await store.recordReview({ cardId: 'rag-chunking', rating: 2, now: minutes(2), durationMs: 1000 });
    await store.suspend(['rag-chunking'], minutes(3));
    await journal.whenWritten();
    const lines = [...fs.files.values()]
      .join('')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l) as unknown[]);
    assert.deepStrictEqual(
      lines.map((l) => [l[0], l.length]),
      [
        ['r', 5],
        ['r', 4],
        ['s', 4],
      ],
    );
    assert.deepStrictEqual(lines[0][4], { a: 'Chunk by headings, 512 tokens, overlap 64.' });
    const state = await readJournal(fs);
    assert.deepStrictEqual(state.problems, []);
    assert.strictEqual(state.cards.get('rag-chunking')?.[1].length, 2, 'both reviews fold as before');
    assert.deepStrictEqual(state.answers?.get('rag-chunking'), { at: minutes(1).getTime(), text: 'Chunk by headings, 512 tokens, overlap 64.' });
  });

  it('an answer meant for one review never lands on another review, of this card or another', async () => {
    const fs = new FakeJournalFs();
    const { store, journal } = await open(fs);
    journal.attachAnswer('rag-chunking', minutes(1).getTime(), 'mine');
    await store.recordReview({ cardId: 'rag-chunking', rating: 3, now: minutes(2), durationMs: 1000 });
    await store.recordReview({ cardId: 'gpu-memory', rating: 3, now: minutes(1), durationMs: 1000 });
    await journal.whenWritten();
    assert.strictEqual((await readJournal(fs)).answers?.size, 0);
  });

  it('reads journals written before answers existed, and rejects a malformed extra', async () => {
    const fs = new FakeJournalFs();
    const { store, journal } = await open(fs);
    await store.recordReview({ cardId: 'rag-chunking', rating: 3, now: minutes(1), durationMs: 1000 });
    await journal.whenWritten();
    const [name, text] = [...fs.files.entries()][0];
    const [header, review] = text.trim().split('\n');
    assert.strictEqual((JSON.parse(review) as unknown[]).length, 4, 'a line without an answer has the old shape');
    const old = new JournalFolder();
    old.addSegment(name, text);
    assert.deepStrictEqual(old.result().problems, [], 'an old line reads');
    assert.strictEqual(old.result().cards.get('rag-chunking')?.[1].length, 1);
    const bad = new JournalFolder();
    bad.addSegment(name, `${header}\n${JSON.stringify([...(JSON.parse(review) as unknown[]), { a: 42 }])}\n`);
    assert.match(bad.result().problems.join('\n'), /line 2: unreadable line; skipped/);
  });

  it('cuts a long answer to the bound and leaves non-review lines alone', () => {
    const line = JSON.stringify(['r', 1, 'c', 'x']);
    const tagged = JSON.parse(withAnswer(line, 'c', 1, 'a'.repeat(JOURNAL_ANSWER_MAX + 50))) as unknown[];
    assert.strictEqual((tagged[4] as { a: string }).a.length, JOURNAL_ANSWER_MAX);
    const lesson = JSON.stringify(['l', 1, 'c', [1, 1]]);
    assert.strictEqual(withAnswer(lesson, 'c', 1, 'a'), lesson);
  });
});
