/**
 * A heavy user for `npm run bench`: 3,000 cards and about 200,000 reviews (67 per card, over the months
 * before T0). Budgets (issue "Nothing lost"): globalState at most 1.5 MB, opening the state 50 ms,
 * recording a review with its journal append 2 ms, computing the Progress view 30 ms, rebuilding from
 * the journal 2 s. Also what a 20 MB quarantine costs a rating when it sits in globalState (VS Code
 * writes an extension's whole globalState after each update; modelled by `FlushAllMemento`) against kept
 * in a file, as the extension now does.
 */
import { compactBefore, compactReviews, computeProgress, emptyHistory } from '../../src/core/progress';
import type { StoredHistory } from '../../src/core/progress';
import type { ContentIndex } from '../../src/core/content/types';
import { MemoryMemento, REVIEW_KEYS, REVIEW_QUARANTINE_KEY, ReviewStore } from '../../src/core/review';
import { cardLine, readJournal } from '../../src/core/review/journal';
import type { JournalFs } from '../../src/core/review/journal';
import { JournalWriter } from '../../src/core/review/journalWriter';
import type { StoredCard, StoredShard } from '../../src/core/review/format';
import type { Rating } from '../../src/core/review/types';
import { bank, question, role, topic } from '../unit/progress/helpers';
import { TOPICS, buildHistory } from '../unit/review/fixture';
import { T0, seeded } from '../unit/review/helpers';

const CARDS = 3_000;
const REVIEWS_PER_CARD = 67;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (x: number, digits = 2): number => +x.toFixed(digits);

/** A journal folder in memory. */
class MemoryFs implements JournalFs {
  readonly files = new Map<string, string>();
  async list() {
    return [...this.files.keys()];
  }
  async read(name: string) {
    return this.files.get(name) ?? '';
  }
  async write(name: string, text: string) {
    this.files.set(name, text);
  }
}

/** VS Code's globalState as it costs: every update serialises all of the extension's keys. */
class FlushAllMemento extends MemoryMemento {
  override update(key: string, value: unknown): Promise<void> {
    const done = super.update(key, value);
    JSON.stringify(Object.fromEntries(this.keys().map((k) => [k, this.get(k)])));
    return done;
  }
}

/** globalState's size with reviews before `before` taken out of the card logs and `history` added. */
function compactedStateBytes(memento: MemoryMemento, before: number, history: StoredHistory): number {
  let n = JSON.stringify(history).length;
  for (const key of REVIEW_KEYS) {
    const value = memento.get(key);
    if (value === undefined) continue;
    const shard = value as Partial<StoredShard>;
    const kept = shard.c ? { ...shard, c: Object.fromEntries(Object.entries(shard.c).map(([id, card]) => [id, [card[0], card[1].filter((e) => e[2] >= before), ...card.slice(2)]])) } : value;
    n += JSON.stringify(kept).length;
  }
  return n;
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
  const globalStateBytes = memento.storedLength(REVIEW_KEYS);
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await ReviewStore.open(memento, { now: T0, writerId: `hvo${i}` });
    opens.push(performance.now() - t);
  }

  // Recording, with the journal append awaited.
  const fs = new MemoryFs();
  const journal = new JournalWriter(fs, 'hvyr', T0.getTime(), () => undefined);
  const store = await ReviewStore.open(memento, { now: T0, writerId: 'hvyr', journal });
  const ids = fixture.questions.map((q) => q.id);
  const recordReviewWithJournalMs = await ratingMs(store, ids, 0);

  // The Progress view, as the extension computes it: the decoded log, then the model.
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
  const progressSamples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    computeProgress(
      {
        index,
        roleId: 'product-ai',
        reviews: store.reviews(),
        cards: store.cards(),
        reads: store.lessons(),
        casePractices: store.casePractices(),
        desiredRetention: 0.9,
        offsetAt: () => 0,
      },
      T0,
    );
    progressSamples.push(performance.now() - t);
  }

  // The same view from a compacted history (progress/history.ts): raw reviews of the last 90 days plus
  // per-day aggregates, and what globalState would hold with the folded reviews out of the card logs.
  // The store does not compact yet; these two figures show what it will cost once it does.
  const before = compactBefore(T0.getTime());
  const compacted = compactReviews(emptyHistory(), store.reviews(), before, () => 0);
  const compactedSamples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    computeProgress({ index, roleId: 'product-ai', reviews: compacted.recent, history: compacted.history, cards: store.cards(), reads: store.lessons(), casePractices: store.casePractices(), desiredRetention: 0.9, offsetAt: () => 0 }, T0);
    compactedSamples.push(performance.now() - t);
  }
  const compactedBytes = compactedStateBytes(memento, before, compacted.history);

  // A journal as the store writes it, one line per review, then a rebuild into empty globalState.
  const full = new MemoryFs();
  const writer = new JournalWriter(full, 'hvyj', 0, () => undefined);
  const lines: string[] = [];
  for (const [id, state] of store.cards()) {
    for (const r of store.reviews(id)) {
      const patch: StoredCard = [0, [[r.id.slice(id.length + 1), r.rating, r.reviewedAt.getTime(), r.durationMs, null, r.xp ?? null]], r.reviewedAt.getTime()];
      lines.push(cardLine('r', r.reviewedAt.getTime(), id, patch));
    }
    void state;
  }
  await writer.append(lines);
  const journalBytes = [...full.files.values()].reduce((n, t) => n + t.length, 0);
  const t0 = performance.now();
  const rebuilt = await ReviewStore.open(new MemoryMemento(), { now: T0, writerId: 'hvyb' });
  const restored = await rebuilt.reconcileJournal(await readJournal(full), T0);
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
    reviews: store.reviews().length,
    globalStateBytes,
    globalStateBudgetBytes: 1_500_000,
    openStateMs: round(median(opens), 1),
    openStateBudgetMs: 50,
    recordReviewWithJournalMs: round(recordReviewWithJournalMs),
    recordReviewBudgetMs: 2,
    progressViewMs: round(median(progressSamples), 1),
    progressViewBudgetMs: 30,
    progressViewFromCompactedMs: round(median(compactedSamples), 1),
    compactedRawReviews: compacted.recent.length,
    compactedGlobalStateBytes: compactedBytes,
    journalBytes,
    journalSegments: full.files.size,
    rebuildFromJournalMs: round(rebuildFromJournalMs, 0),
    rebuildBudgetMs: 2000,
    rebuiltReviews: restored.reviews,
    quarantine20MbRatingInGlobalStateMs: round(withQuarantineInGlobalStateMs, 1),
    quarantine20MbRatingInFileMs: round(withQuarantineInFileMs, 2),
  };
}
