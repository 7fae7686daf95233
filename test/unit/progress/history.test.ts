import * as assert from 'assert';
import { computeProgress } from '../../../src/core/progress';
import type { ProgressInput } from '../../../src/core/progress';
import { ReviewStore } from '../../../src/core/review';
import { foldedCount } from '../../../src/core/review/fold';
import { cardLine, readJournal } from '../../../src/core/review/journal';
import { JournalWriter } from '../../../src/core/review/journalWriter';
import { TOPICS, buildHistory } from '../review/fixture';
import { MemoryJournalFs, T0 } from '../review/helpers';
import { bank, newYork, question, role, topic } from './helpers';

/** The fixture's full log as Progress reads it, and the same state folded by the store. */
async function fullAndFolded(): Promise<{ input: ProgressInput; folded: ReviewStore }> {
  const fixture = buildHistory(150, 30, 7);
  const full = await ReviewStore.open(fixture.memento, { now: T0, writerId: 'hist' });
  const index = {
    ...bank(),
    roles: [
      role(
        'product-ai',
        'Product AI engineer',
        TOPICS.map((t, i) => [t, i % 3 ? 'supporting' : 'core'] as const),
      ),
    ],
    topics: TOPICS.map((t) => topic(t, t)),
    questions: fixture.questions.map((q) => question(q.id, q.topic)),
  };
  const input: ProgressInput = {
    index,
    roleId: 'product-ai',
    reviews: full.reviews(),
    cards: full.cards(),
    reads: new Map(),
    casePractices: [],
    desiredRetention: 0.9,
    offsetAt: newYork,
  };
  // The journal holds every review, so the store folds all but each card's newest.
  const fs = new MemoryJournalFs();
  const writer = new JournalWriter(fs, 'jrnl', 0, () => undefined);
  await writer.append(
    full
      .reviews()
      .map((r) =>
        cardLine('b', r.reviewedAt.getTime(), r.cardId, [
          0,
          [[r.id.slice(r.cardId.length + 1), r.rating, r.reviewedAt.getTime(), r.durationMs, r.correct === undefined ? null : r.correct ? 1 : 0, r.xp ?? null]],
        ]),
      ),
  );
  const folded = await ReviewStore.open(fixture.memento, { now: T0, writerId: 'fold' });
  await folded.reconcileJournal(await readJournal(fs), T0, { fold: true, offsetAt: newYork });
  return { input, folded };
}

describe('progress: from the compacted history', () => {
  it('gives the same streak, XP, heatmap, retention and forecast as the full log', async () => {
    const { input, folded } = await fullAndFolded();
    assert.strictEqual(folded.reviews().length, 150);
    assert.strictEqual(foldedCount(folded.history()) + 150, input.reviews.length);
    const full = computeProgress(input, T0);
    const compacted = computeProgress({ ...input, reviews: folded.reviews(), history: folded.history() }, T0);
    assert.ok(full.retention.matureReviews > 0 && full.streak.longest > 1 && full.xp.reviews > 0);
    assert.deepStrictEqual(compacted, full);
  });

  it('counts nothing twice: without the history the view shows only the raw reviews', async () => {
    const { input, folded } = await fullAndFolded();
    const rawOnly = computeProgress({ ...input, reviews: folded.reviews() }, T0);
    const full = computeProgress(input, T0);
    const rawXp = folded.reviews().reduce((n, r) => n + (r.xp ?? 0), 0);
    assert.strictEqual(rawOnly.xp.reviews, rawXp);
    assert.ok(rawXp < full.xp.reviews);
    assert.strictEqual(
      folded.history().d.reduce((n, d) => n + d[3], 0),
      full.xp.reviews - rawXp,
    );
  });
});
