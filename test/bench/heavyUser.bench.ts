/**
 * A heavy user for `npm run bench`: 3,000 cards and about 200,000 reviews (67 per card, over the months
 * before T0). Budgets (issue "Nothing lost"): globalState at most 1.5 MB, opening the state 50 ms,
 * recording a review with its journal append 2 ms, computing the Progress view 30 ms, rebuilding from
 * the journal 2 s. Also what a 20 MB quarantine costs a rating when it sits in globalState (VS Code
 * writes an extension's whole globalState after each update; modelled by `FlushAllMemento`) against kept
 * in a file, as the extension now does.
 */
import { computeProgress } from '../../src/core/progress';
import { foldedCount } from '../../src/core/review/fold';
import type { ContentIndex } from '../../src/core/content/types';
import { MemoryMemento, REVIEW_KEYS, REVIEW_QUARANTINE_KEY, ReviewStore } from '../../src/core/review';
import { cardLine, readJournal } from '../../src/core/review/journal';
import { JournalWriter } from '../../src/core/review/journalWriter';
import type { StoredCard } from '../../src/core/review/format';
import type { Rating } from '../../src/core/review/types';
import { bank, question, role, topic } from '../unit/progress/helpers';
import { TOPICS, buildHistory } from '../unit/review/fixture';
import { MemoryJournalFs, T0, seeded } from '../unit/review/helpers';

const CARDS = 3_000;
const REVIEWS_PER_CARD = 67;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (x: number, digits = 2): number => +x.toFixed(digits);

/** VS Code's globalState as it costs: every update serialises all of the extension's keys. */
class FlushAllMemento extends MemoryMemento {
  override update(key: string, value: unknown): Promise<void> {
    const done = super.update(key, value);
    JSON.stringify(Object.fromEntries(this.keys().map((k) => [k, this.get(k)])));
    return done;
  }
}

/** The Progress view as the extension computes it, median of 7: raw reviews plus the folded history. */
function progressMs(index: ContentIndex, store: ReviewStore): number {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    computeProgress(
      {
        index,
        roleId: 'product-ai',
        reviews: store.reviews(),
        history: store.history(),
        cards: store.cards(),
        reads: store.lessons(),
        casePractices: store.casePractices(),
        desiredRetention: 0.9,
        offsetAt: () => 0,
      },
      T0,
    );
    samples.push(performance.now() - t);
  }
  return median(samples);
}

async function ratingMs(store: ReviewStore, ids: readonly string[], from: number): Promise<number> {
  const random = seeded(from);
  const samples: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await store.recordReview({
      cardId: ids[Math.floor(random() * ids.length)],
      rating: (1 + Math.floor(random() * 4)) as Rating,
      now: new Date(T0.getTime() + (from + i) * 60_000),
      durationMs: 5000,
      xp: 8,
    });
    samples.push(performance.now() - t);
  }
  return median(samples.slice(5));
}

export async function bench(): Promise<Record<string, number | string>> {
  const fixture = buildHistory(CARDS, REVIEWS_PER_CARD, 11);
  const memento = fixture.memento;
  const index: ContentIndex = {
    ...bank(),
    roles: [
      role(
        'product-ai',
        'Product AI engineer',
        TOPICS.map((t, i) => [t, i % 3 ? 'supporting' : 'core']),
      ),
    ],
    topics: TOPICS.map((t) => topic(t, t)),
    questions: fixture.questions.map((q) => question(q.id, q.topic)),
  };
  const ids = fixture.questions.map((q) => q.id);

  // Before folding: the full v2 logs in globalState, as the fixture writes them.
  const v2GlobalStateBytes = memento.storedLength(REVIEW_KEYS);
  const v2Opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await ReviewStore.open(memento, { now: T0, writerId: `hvo${i}` });
    v2Opens.push(performance.now() - t);
  }
  const v2 = await ReviewStore.open(memento, { now: T0, writerId: 'hvv2' });
  const totalReviews = v2.reviews().length;
  const v2ProgressMs = progressMs(index, v2);

  // The journal as the store writes it, one line per review.
  const full = new MemoryJournalFs();
  const writer = new JournalWriter(full, 'hvyj', 0, () => undefined);
  const lines: string[] = [];
  for (const r of v2.reviews()) {
    const patch: StoredCard = [
      0,
      [[r.id.slice(r.cardId.length + 1), r.rating, r.reviewedAt.getTime(), r.durationMs, null, r.xp ?? null]],
      r.reviewedAt.getTime(),
    ];
    lines.push(cardLine('r', r.reviewedAt.getTime(), r.cardId, patch));
  }
  await writer.append(lines);
  const journalBytes = [...full.files.values()].reduce((n, t) => n + t.length, 0);

  // The migration: the journal check after open folds everything the journal holds (once per user).
  const tm = performance.now();
  const migrating = await ReviewStore.open(memento, { now: T0, writerId: 'hvym' });
  await migrating.reconcileJournal(await readJournal(full), T0, { fold: true });
  const migrationMs = performance.now() - tm;
  const globalStateBytes = memento.storedLength(REVIEW_KEYS);

  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await ReviewStore.open(memento, { now: T0, writerId: `hvp${i}` });
    opens.push(performance.now() - t);
  }

  // Recording, with the journal append awaited.
  const fs = new MemoryJournalFs();
  const journal = new JournalWriter(fs, 'hvyr', T0.getTime(), () => undefined);
  const store = await ReviewStore.open(memento, { now: T0, writerId: 'hvyr', journal });
  const recordReviewWithJournalMs = await ratingMs(store, ids, 0);
  const progressViewMs = progressMs(index, store);

  // A rebuild into empty globalState, straight into the compact form.
  const t0 = performance.now();
  const rebuiltMemento = new MemoryMemento();
  const rebuilt = await ReviewStore.open(rebuiltMemento, { now: T0, writerId: 'hvyb' });
  const journalState = await readJournal(full);
  const readJournalMs = performance.now() - t0;
  const restored = await rebuilt.reconcileJournal(journalState, T0, { fold: true });
  const rebuildFromJournalMs = performance.now() - t0;

  // A 20 MB quarantine: under the old globalState key, against kept out of globalState.
  const big = Array.from({ length: 2000 }, (_, i) => ({ at: 0, kind: 'corrupt', key: `k${i}`, details: 'x', value: 'y'.repeat(10_000) }));
  const small = buildHistory(300, 5, 3);
  const flushWith = new FlushAllMemento(Object.fromEntries(REVIEW_KEYS.map((k) => [k, small.memento.get(k)]).filter(([, v]) => v !== undefined)));
  await flushWith.update(REVIEW_QUARANTINE_KEY, big);
  const withQuarantineInGlobalStateMs = await ratingMs(
    await ReviewStore.open(flushWith, { now: T0, writerId: 'hvq1' }),
    small.questions.map((q) => q.id),
    100,
  );
  await flushWith.update(REVIEW_QUARANTINE_KEY, undefined);
  const withQuarantineInFileMs = await ratingMs(
    await ReviewStore.open(flushWith, { now: T0, writerId: 'hvq2', quarantine: { where: 'file', keep: async () => undefined } }),
    small.questions.map((q) => q.id),
    200,
  );

  return {
    cards: CARDS,
    reviews: totalReviews,
    foldedReviews: foldedCount(store.history()),
    rawReviews: store.reviews().length,
    v2GlobalStateBytes,
    globalStateBytes,
    globalStateBudgetBytes: 1_500_000,
    v2OpenStateMs: round(median(v2Opens), 1),
    openStateMs: round(median(opens), 1),
    openStateBudgetMs: 50,
    migrationMs: round(migrationMs, 0),
    recordReviewWithJournalMs: round(recordReviewWithJournalMs),
    recordReviewBudgetMs: 2,
    v2ProgressViewMs: round(v2ProgressMs, 1),
    progressViewMs: round(progressViewMs, 1),
    progressViewBudgetMs: 30,
    journalBytes,
    journalSegments: full.files.size,
    rebuildFromJournalMs: round(rebuildFromJournalMs, 0),
    rebuildReadJournalMs: round(readJournalMs, 0),
    rebuildBudgetMs: 2000,
    rebuiltReviews: restored.reviews,
    rebuiltGlobalStateBytes: rebuiltMemento.storedLength(REVIEW_KEYS),
    quarantine20MbRatingInGlobalStateMs: round(withQuarantineInGlobalStateMs, 1),
    quarantine20MbRatingInFileMs: round(withQuarantineInFileMs, 2),
  };
}
