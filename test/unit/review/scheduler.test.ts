import * as assert from 'assert';
import { fsrs, generatorParameters } from 'ts-fsrs';
import { RATINGS, clampRetention, createScheduler, intervalLabel, retrievability } from '../../../src/core/review';
import type { Rating, ReviewCard } from '../../../src/core/review';
import { T0, days, minutes } from './helpers';

/** Reviews a new card with the given ratings, one day apart after the first. */
function history(ratings: readonly Rating[], options = {}): ReviewCard {
  const scheduler = createScheduler(options);
  let card: ReviewCard | undefined;
  let now = T0;
  for (const rating of ratings) {
    card = scheduler.rate(card, rating, now).card;
    now = card.due;
  }
  return card!;
}

describe('review scheduler', () => {
  it('previews a new card: four outcomes, Again to Easy, dues never decreasing', () => {
    const preview = createScheduler().preview(undefined, T0);
    assert.deepStrictEqual(
      preview.map((p) => p.rating),
      RATINGS,
    );
    for (let i = 1; i < preview.length; i++) assert.ok(preview[i].due >= preview[i - 1].due, `${preview[i].label} before ${preview[i - 1].label}`);
    assert.deepStrictEqual(
      preview.slice(0, 3).map((p) => p.label),
      ['1m', '6m', '10m'],
    );
    assert.match(preview[3].label, /^\d+d$/);
    for (const p of preview) assert.strictEqual(p.intervalMs, p.due.getTime() - T0.getTime());
  });

  it('previews a mature card with strictly growing intervals from Hard to Easy', () => {
    const card = history([3, 3, 3, 3]);
    const preview = createScheduler().preview(card, card.due);
    assert.ok(preview[0].intervalMs < preview[1].intervalMs);
    assert.ok(preview[1].intervalMs < preview[2].intervalMs && preview[2].intervalMs < preview[3].intervalMs);
    assert.ok(preview.every((p) => p.due > card.due));
  });

  it('rate matches preview and moves the due date', () => {
    const scheduler = createScheduler();
    const card = history([3, 3]);
    const preview = scheduler.preview(card, card.due);
    for (const rating of RATINGS) {
      const { card: next, log } = scheduler.rate(card, rating, card.due);
      assert.strictEqual(next.due.getTime(), preview[rating - 1].due.getTime());
      assert.ok(next.due > card.due, `rating ${rating} did not move the due date`);
      assert.strictEqual(next.lastReview.getTime(), card.due.getTime());
      assert.strictEqual(next.reps, card.reps + 1);
      assert.strictEqual(log.rating, rating);
      assert.strictEqual(log.previousPhase, 'review');
    }
    assert.strictEqual(scheduler.rate(card, 1, card.due).card.lapses, card.lapses + 1);
    assert.strictEqual(scheduler.rate(card, 1, card.due).card.phase, 'relearning');
  });

  it('treats undefined as a new card and never returns a new one', () => {
    const { card, log } = createScheduler().rate(undefined, 3, T0);
    assert.strictEqual(card.phase, 'learning');
    assert.strictEqual(card.reps, 1);
    assert.strictEqual(log.previousPhase, 'new');
    assert.strictEqual(log.elapsedDays, 0);
    assert.strictEqual(createScheduler().rate(undefined, 4, T0).card.phase, 'review');
  });

  it('is deterministic with fuzz on: same card and time, same result', () => {
    const card = history([3, 3, 3, 4]);
    const a = createScheduler().rate(card, 3, days(40));
    const b = createScheduler().rate(card, 3, days(40));
    assert.deepStrictEqual(a, b);
  });

  it('matches ts-fsrs with fuzz off', () => {
    const card = history([3, 2, 3], { enableFuzz: false });
    const direct = fsrs(generatorParameters({ enable_fuzz: false, request_retention: 0.9 }));
    const raw = {
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsed_days: 0,
      scheduled_days: card.scheduledDays,
      learning_steps: card.learningSteps,
      reps: card.reps,
      lapses: card.lapses,
      state: 2,
      last_review: card.lastReview,
    };
    const expected = direct.next(raw, days(30), 3).card;
    const actual = createScheduler({ enableFuzz: false }).rate(card, 3, days(30)).card;
    assert.strictEqual(actual.due.getTime(), expected.due.getTime());
    assert.strictEqual(actual.stability, expected.stability);
  });

  it('clamps desired retention to 0.70-0.97 and defaults bad values to 0.9', () => {
    assert.strictEqual(createScheduler({ desiredRetention: 0.5 }).desiredRetention, 0.7);
    assert.strictEqual(createScheduler({ desiredRetention: 0.99 }).desiredRetention, 0.97);
    assert.strictEqual(createScheduler({ desiredRetention: 0.85 }).desiredRetention, 0.85);
    assert.strictEqual(createScheduler().desiredRetention, 0.9);
    for (const bad of [NaN, Infinity, undefined]) assert.strictEqual(clampRetention(bad), 0.9);
    assert.strictEqual(createScheduler().enableFuzz, true);
  });

  it('schedules longer intervals for lower retention (clamped settings included)', () => {
    const card = history([3, 3, 3], { enableFuzz: false });
    const interval = (desiredRetention: number) => createScheduler({ desiredRetention, enableFuzz: false }).rate(card, 3, card.due).card.scheduledDays;
    assert.ok(interval(0.7) > interval(0.9) && interval(0.9) > interval(0.97));
    assert.strictEqual(interval(0.1), interval(0.7));
    assert.strictEqual(interval(1), interval(0.97));
  });

  it('retrievability: 0 for new, 1 right after review, about 0.9 one stability later, falling', () => {
    const card = history([3, 3, 3]);
    assert.strictEqual(retrievability(undefined, T0), 0);
    assert.strictEqual(retrievability(card, card.lastReview), 1);
    const atStability = new Date(card.lastReview.getTime() + card.stability * 86_400_000);
    assert.ok(Math.abs(retrievability(card, atStability) - 0.9) < 1e-6);
    assert.ok(retrievability(card, days(400)) < retrievability(card, days(100)));
    const direct = fsrs().get_retrievability(
      { ...card, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, state: 2, last_review: card.lastReview },
      days(10, card.lastReview),
      false,
    );
    assert.ok(Math.abs(createScheduler().retrievability(card, days(10, card.lastReview)) - direct) < 1e-6);
  });

  it('labels intervals briefly', () => {
    const cases: [number, string][] = [
      [0, '1m'],
      [minutes(10).getTime() - T0.getTime(), '10m'],
      [59 * 60_000, '59m'],
      [5 * 3_600_000, '5h'],
      [86_400_000, '1d'],
      [3 * 86_400_000, '3d'],
      [29 * 86_400_000, '29d'],
      [63 * 86_400_000, '2.1mo'],
      [90 * 86_400_000, '3mo'],
      [548 * 86_400_000, '1.5y'],
    ];
    for (const [ms, label] of cases) assert.strictEqual(intervalLabel(ms), label, `${ms} ms`);
  });
});
