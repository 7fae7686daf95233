import * as assert from 'assert';
import { computeProgress } from '../../../src/core/progress';
import type { OffsetAt, ProgressInput } from '../../../src/core/progress';
import type { CardState, ReviewEntry } from '../../../src/core/review/types';
import { NOW, at, bank, daysAgo, deepFreeze, newYork, review, reviewCard, state, utc } from './helpers';

function input(reviews: ReviewEntry[], offsetAt: OffsetAt, cards = new Map<string, CardState>(), weekStartsOn?: number): ProgressInput {
  return { index: bank(), roleId: 'product-ai', reviews, cards, reads: new Map(), casePractices: [], desiredRetention: 0.9, offsetAt, weekStartsOn };
}

/** Heatmap counts by date, for the non-zero days. */
function counts(model: ReturnType<typeof computeProgress>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const week of model.heatmap.weeks) for (const cell of week) if (cell.count) out[cell.date] = cell.count;
  return out;
}

describe('progress: heatmap', () => {
  it('is 26 weeks of 7 days, aligned to weeks, with today in the last column', () => {
    const h = computeProgress(input([], utc), NOW).heatmap;
    assert.strictEqual(h.weeks.length, 26);
    assert.ok(h.weeks.every((w) => w.length === 7));
    assert.strictEqual(h.weeks[0][0].date, '2025-09-15', 'a Monday, 25 weeks before the Monday of this week');
    assert.strictEqual(h.weeks[25][0].date, '2026-03-09');
    assert.deepStrictEqual(
      h.weeks[25].map((c) => c.future),
      [false, false, true, true, true, true, true],
    );
    assert.strictEqual(h.weeks[25][1].label, 'Tue 2026-03-10: 0 reviews');
    assert.strictEqual(h.weeks[25][2].label, 'Wed 2026-03-11: later this week');
    assert.strictEqual(h.days, 25 * 7 + 2);
    assert.strictEqual(h.summary, 'No reviews in the last 177 days.');
    const sunday = computeProgress(input([], utc, new Map(), 0), NOW).heatmap;
    assert.strictEqual(sunday.weeks[25][0].date, '2026-03-08');
    assert.strictEqual(sunday.weeks[0][0].date, '2025-09-14');
  });

  it('buckets by local day across midnight', () => {
    // 23:30 and 00:30 New York time (EDT, UTC-4) are 03:30 and 04:30 UTC on the same UTC date.
    const reviews = [review('evals-1', at('2026-03-10T03:30:00Z')), review('evals-2', at('2026-03-10T04:30:00Z'))];
    assert.deepStrictEqual(counts(computeProgress(input(reviews, newYork), NOW)), { '2026-03-09': 1, '2026-03-10': 1 });
    assert.deepStrictEqual(counts(computeProgress(input(reviews, utc), NOW)), { '2026-03-10': 2 });
  });

  it('uses the offset in force at each review across a DST change', () => {
    // Spring forward on 2026-03-08 at 07:00 UTC: UTC-5 before, UTC-4 after.
    const reviews = [
      review('evals-1', at('2026-03-08T04:30:00Z')), // 23:30 EST, Mar 7
      review('evals-2', at('2026-03-08T05:30:00Z')), // 00:30 EST, Mar 8
      review('evals-3', at('2026-03-09T03:30:00Z')), // 23:30 EDT, Mar 8
      review('evals-4', at('2026-03-09T04:30:00Z')), // 00:30 EDT, Mar 9
    ];
    assert.deepStrictEqual(counts(computeProgress(input(reviews, newYork), NOW)), { '2026-03-07': 1, '2026-03-08': 2, '2026-03-09': 1 });
    assert.deepStrictEqual(
      counts(
        computeProgress(
          input(reviews, () => -300),
          NOW,
        ),
      ),
      { '2026-03-07': 1, '2026-03-08': 3 },
      'a fixed offset gets it wrong',
    );
  });

  it('scales levels to the busiest day, ignores reviews outside the grid and says it in a sentence', () => {
    const reviews = [
      ...Array.from({ length: 8 }, (_, i) => review('evals-1', new Date(daysAgo(1).getTime() + i * 60_000))),
      review('evals-2', daysAgo(2)),
      review('evals-3', daysAgo(400)),
      review('evals-4', new Date(NOW.getTime() + 3 * 86_400_000)),
    ];
    const h = computeProgress(input(reviews, utc), NOW).heatmap;
    assert.deepStrictEqual([h.total, h.activeDays], [9, 2]);
    assert.deepStrictEqual(h.busiest, { date: '2026-03-09', count: 8 });
    assert.deepStrictEqual([h.weeks[25][0].level, h.weeks[24][6].level], [4, 1]);
    assert.strictEqual(h.summary, '9 reviews on 2 of the last 177 days; busiest day Mon 2026-03-09 with 8.');
  });
});

describe('progress: forecast', () => {
  it('buckets due cards by local day, overdue ones today, for 14 days', () => {
    const card = (due: string) => state(reviewCard(daysAgo(20), 20, { due: at(due) }));
    const cards = new Map<string, CardState>([
      ['evals-1', card('2026-03-05T12:00:00Z')], // overdue: today
      ['evals-2', card('2026-03-11T03:30:00Z')], // 23:30 Mar 10 local: today
      ['evals-3', card('2026-03-11T04:30:00Z')], // 00:30 Mar 11 local: tomorrow
      ['evals-4', card('2026-03-23T12:00:00Z')], // the 14th day
      ['rag-1', card('2026-03-24T12:00:00Z')], // beyond
      ['rag-2', state(reviewCard(daysAgo(20), 20, { due: daysAgo(1) }), { suspended: true })],
      ['rag-3', state(reviewCard(daysAgo(20), 20, { due: daysAgo(1) }), { buriedUntil: at('2026-03-11T08:00:00Z') })], // 04:00 tomorrow
      ['not-in-bank', card('2026-03-10T13:00:00Z')],
      ['rag-4', state(undefined)],
    ]);
    const f = computeProgress(input([], newYork, cards), NOW).forecast;
    assert.strictEqual(f.days.length, 14);
    assert.deepStrictEqual(
      f.days.map((d) => d.count),
      [2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    );
    assert.deepStrictEqual([f.days[0].date, f.days[0].overdue, f.days[13].date], ['2026-03-10', 1, '2026-03-23']);
    assert.strictEqual(f.days[0].label, 'Tue 2026-03-10: 2 cards due (1 overdue)');
    assert.strictEqual(f.days[1].label, 'Wed 2026-03-11: 2 cards due');
    assert.strictEqual(f.total, 5);
    assert.strictEqual(f.summary, '2 cards due today (1 overdue); 5 over the next 14 days; the busiest day is Tue 2026-03-10 with 2.');
  });

  it('uses the offset of each due date across a DST change', () => {
    // Fall back on 2026-11-01 at 06:00 UTC: 04:30 UTC on Nov 2 is 23:30 EST on Nov 1, not 00:30 on Nov 2.
    const now = at('2026-10-31T12:00:00Z');
    const cards = new Map([['evals-1', state(reviewCard(daysAgo(5, now), 10, { due: at('2026-11-02T04:30:00Z') }))]]);
    assert.deepStrictEqual(
      computeProgress(input([], newYork, cards), now)
        .forecast.days.slice(0, 3)
        .map((d) => d.count),
      [0, 1, 0],
    );
    assert.deepStrictEqual(
      computeProgress(
        input([], () => -240, cards),
        now,
      )
        .forecast.days.slice(0, 3)
        .map((d) => d.count),
      [0, 0, 1],
    );
  });

  it('says so when nothing is due', () => {
    assert.strictEqual(computeProgress(input([], utc), NOW).forecast.summary, 'No cards due in the next 14 days.');
  });
});

describe('progress: true retention', () => {
  const ago = (d: number) => daysAgo(d);
  const history = (): ReviewEntry[] => [
    review('evals-1', ago(60)),
    review('evals-1', ago(35)), // mature but before the window
    review('evals-1', ago(10)), // 25 days after: mature, Good
    review('evals-1', ago(9), 1), // 1 day after: young
    review('evals-2', ago(50)),
    review('evals-2', ago(20), 1), // 30 days after: mature, Again
    review('evals-3', ago(40)),
    review('evals-3', ago(25), 1), // 15 days after: young
    review('evals-4', ago(28)),
    review('evals-4', ago(7), 2), // exactly 21 days after: mature, Hard counts as recalled
    review('rag-1', ago(5)), // first review: never mature
  ];

  it('is the share of mature reviews in the last 30 days not rated Again', () => {
    const r = computeProgress(input(history(), utc), NOW).retention;
    assert.deepStrictEqual([r.matureReviews, r.recalled, r.desired, r.windowDays], [3, 2, 0.9, 30]);
    assert.ok(Math.abs(r.retention! - 2 / 3) < 1e-12);
    assert.strictEqual(r.summary, 'True retention 67% (2 of 3 mature reviews in the last 30 days recalled); target 90%.');
  });

  it("does not depend on the order of the log, and does not sort the caller's array", () => {
    const reviews = deepFreeze(history().reverse());
    assert.deepStrictEqual(computeProgress(input(reviews, utc), NOW).retention, computeProgress(input(history(), utc), NOW).retention);
  });

  it('has no figure without mature reviews', () => {
    const r = computeProgress(input([review('evals-1', ago(3)), review('evals-1', ago(2))], utc), NOW).retention;
    assert.strictEqual(r.retention, undefined);
    assert.strictEqual(r.summary, 'True retention: no mature reviews in the last 30 days yet; target 90%.');
  });
});
