import * as assert from 'assert';
import { computePlan } from '../../../src/core/interview';
import { newYork, review, reviewCard, state } from '../progress/helpers';
import { DAY, NOW, interview, planInput } from './helpers';

// The product-ai role of the progress bank: core evals (4 cards) and rag (4), supporting metrics (2),
// skip gpu (2): 12 cards to learn when nothing has been seen.

describe('interview plan', () => {
  it('divides the cards to learn over the days until three days before the date', () => {
    const plan = computePlan(planInput('2026-03-22'));
    assert.strictEqual(plan.daysLeft, 12);
    assert.strictEqual(plan.learnDays, 10);
    assert.strictEqual(plan.toLearn, 12);
    assert.strictEqual(plan.newPerDay, 2);
    assert.ok(plan.fits);
    assert.deepStrictEqual(plan.drop, []);
    assert.strictEqual(plan.status, 'on-track');
    assert.strictEqual(plan.paceText, 'On track: 2 new a day needed, you average 0, none behind');
  });

  it('counts a card reviewed once as needing a review, not learning, and one reviewed twice as done', () => {
    const yesterday = new Date(NOW.getTime() - DAY);
    const cards = new Map([
      ['evals-1', state({ ...reviewCard(yesterday, 2), reps: 1 })],
      ['evals-2', state({ ...reviewCard(yesterday, 2), reps: 2 })],
    ]);
    const plan = computePlan(
      planInput('2026-03-22', { cards, reviews: [review('evals-1', yesterday), review('evals-2', yesterday), review('evals-2', yesterday)] }),
    );
    const evals = plan.topics.find((t) => t.topicId === 'evals')!;
    assert.deepStrictEqual([evals.unseen, evals.once, plan.toLearn], [2, 1, 10]);
  });

  it('has no days to learn with the date today, tomorrow or two days away, and a negative count once past', () => {
    for (const [date, days] of [
      ['2026-03-10', 0],
      ['2026-03-11', 1],
      ['2026-03-12', 2],
    ] as const) {
      const plan = computePlan(planInput(date));
      assert.strictEqual(plan.daysLeft, days, date);
      assert.strictEqual(plan.learnDays, 0, date);
      assert.strictEqual(plan.status, 'no-time', date);
      assert.match(plan.paceText, /No days left to learn new cards \(8 cards unseen\)/, date);
    }
    const third = computePlan(planInput('2026-03-13'));
    assert.deepStrictEqual([third.learnDays, third.newPerDay], [1, 12]);
    const past = computePlan(planInput('2026-03-01'));
    assert.strictEqual(past.daysLeft, -9);
    assert.strictEqual(past.learnDays, 0);
  });

  it('drops supporting topics first, then "only if your role needs it" topics, when the plan cannot fit', () => {
    // 7 days left: 5 days to learn. 12 cards need 3 a day; without metrics 10 need 2; core alone 8 need 2.
    const limit2 = computePlan(planInput('2026-03-17', { maxNewPerDay: 2 }));
    assert.ok(limit2.fits);
    assert.deepStrictEqual(
      limit2.drop.map((g) => [g.weight, g.topics.map((t) => t.topicId)]),
      [['supporting', ['metrics']]],
    );
    assert.strictEqual(limit2.newPerDay, 2);
    assert.strictEqual(limit2.toLearn, 10);
    assert.match(limit2.dropText, /^To fit the days left, drop supporting topics Metrics \(2 new cards\)\.$/);

    const limit1 = computePlan(planInput('2026-03-17', { maxNewPerDay: 1 }));
    assert.ok(!limit1.fits);
    assert.deepStrictEqual(
      limit1.drop.map((g) => g.weight),
      ['supporting', 'skip'],
    );
    assert.strictEqual(limit1.status, 'cannot-fit');
    assert.match(limit1.dropText, /drop supporting topics Metrics .*, then "only if your role needs it" topics GPUs \(2 new cards\)/);
    assert.match(limit1.paceText, /^Does not fit: 2 new a day needed, your limit is 1/);
    assert.deepStrictEqual(
      limit1.topics.filter((t) => !t.kept).map((t) => t.topicId),
      ['metrics', 'gpu'],
    );
  });

  it('counts the cards behind since the date was set, and the average of new cards a day', () => {
    const set = NOW.getTime() - 10 * DAY;
    const learned = new Date(NOW.getTime() - 5 * DAY);
    const cards = new Map([
      ['evals-1', state(reviewCard(learned, 3))],
      ['evals-2', state(reviewCard(learned, 3))],
    ]);
    const reviews = [review('evals-1', learned), review('evals-1', learned), review('evals-2', learned), review('evals-2', learned)];
    const plan = computePlan(planInput('2026-03-22', { cards, reviews, interview: interview('2026-03-22', { createdAt: set }) }));
    // Set 10 days ago with 12 cards over 20 learning days: 6 expected by now, 2 learned: 4 behind.
    assert.strictEqual(plan.behind, 4);
    assert.strictEqual(plan.newPerDay, 1);
    assert.strictEqual(plan.status, 'behind');
    // 2 cards learned over the 6 days since the first review.
    assert.strictEqual(plan.averageNew, 0);
    assert.strictEqual(plan.paceText, 'Behind: 1 new a day needed, you average 0, 4 cards behind');
  });

  it("takes a card's first review from the folded history when only its newest review is raw", () => {
    const set = NOW.getTime() - 10 * DAY;
    const learnedEarly = NOW.getTime() - 12 * DAY;
    const lately = new Date(NOW.getTime() - DAY);
    const cards = new Map([['evals-1', state(reviewCard(lately, 3))]]);
    const input = { cards, reviews: [review('evals-1', lately)], interview: interview('2026-03-22', { createdAt: set }) };
    // Raw log only: the card looks learned yesterday, after the date was set.
    assert.strictEqual(computePlan(planInput('2026-03-22', input)).behind, 5);
    // Its first review, folded, was 12 days ago: before the date was set, so it is not learned "since".
    const folded = { 'evals-1': [3, learnedEarly, learnedEarly + DAY, 'a1'] as const };
    assert.strictEqual(computePlan(planInput('2026-03-22', { ...input, folded })).behind, 6);
  });

  it('spreads the lessons and cases still to do over the days left', () => {
    const plan = computePlan(planInput('2026-03-14', { reads: new Map([['what-is-new', NOW]]) }));
    assert.deepStrictEqual(
      plan.items.map((i) => [i.kind, i.id, i.day - plan.today]),
      [
        ['lesson', 'choose-your-role', 0],
        ['case', 'support-assistant', 1],
        ['case', 'document-qa', 2],
      ],
    );
    assert.strictEqual(plan.itemsPerDay, 1);
  });

  it('counts local days across a DST change, whatever the hour', () => {
    // 23:30 in New York on Saturday 2026-03-07 (EST) is 04:30Z on the 8th; DST starts at 07:00Z that day.
    const lateSaturday = new Date('2026-03-08T04:30:00Z');
    const plan = computePlan(planInput('2026-03-10', { now: lateSaturday, offsetAt: newYork }));
    assert.strictEqual(plan.daysLeft, 3);
    assert.strictEqual(plan.learnDays, 1);
    // In UTC the same instant is already the 8th.
    assert.strictEqual(computePlan(planInput('2026-03-10', { now: lateSaturday })).daysLeft, 2);
    // Just after the change: 2026-03-08 23:30 EDT is 03:30Z on the 9th.
    assert.strictEqual(computePlan(planInput('2026-03-10', { now: new Date('2026-03-09T03:30:00Z'), offsetAt: newYork })).daysLeft, 2);
  });
});
