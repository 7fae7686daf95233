import * as assert from 'assert';
import { applyCap, capFor, dayOfDate, dayStart, finalWindowStart } from '../../../src/core/interview';
import { createScheduler } from '../../../src/core/review/scheduler';
import type { Rating, ReviewCard } from '../../../src/core/review/types';
import { seededRandom } from '../../../src/core/random';
import { MemoryMemento } from '../../../src/core/review/memoryMemento';
import { ReviewStore } from '../../../src/core/review/store';
import { newYork, utc } from '../progress/helpers';
import { DAY, NOW } from './helpers';

const DATE = dayOfDate('2026-04-09')!; // 30 days after NOW

describe('interview interval caps', () => {
  it('caps at the start of the day before the interview, then at the interview, then not at all', () => {
    assert.strictEqual(capFor(DATE, NOW, utc)?.toISOString(), '2026-04-08T00:00:00.000Z');
    assert.strictEqual(capFor(DATE, new Date('2026-04-08T10:00:00Z'), utc)?.toISOString(), '2026-04-09T00:00:00.000Z');
    assert.strictEqual(capFor(DATE, new Date('2026-04-09T00:00:00Z'), utc), undefined);
    // In New York (EDT by then) the day before starts at 04:00Z.
    assert.strictEqual(capFor(DATE, NOW, newYork)?.toISOString(), '2026-04-08T04:00:00.000Z');
  });

  it('leaves a card due before the cap alone and pulls a later one in', () => {
    const card: ReviewCard = {
      due: new Date('2026-05-01T00:00:00Z'),
      stability: 50,
      difficulty: 5,
      scheduledDays: 52,
      learningSteps: 0,
      reps: 4,
      lapses: 0,
      phase: 'review',
      lastReview: NOW,
    };
    const cap = capFor(DATE, NOW, utc)!;
    const capped = applyCap(card, cap);
    assert.strictEqual(capped.due.toISOString(), '2026-04-08T00:00:00.000Z');
    assert.strictEqual(capped.scheduledDays, 28);
    assert.strictEqual(applyCap({ ...card, due: new Date('2026-03-20T00:00:00Z') }, cap).due.toISOString(), '2026-03-20T00:00:00.000Z');
    assert.strictEqual(applyCap(card, undefined), card);
  });

  it('never schedules a core card past the date, and puts its last review in the final 15%, a day or more before', () => {
    const scheduler = createScheduler({ enableFuzz: true });
    const random = seededRandom(7);
    const start = dayStart(DATE, utc).getTime();
    const windowStart = finalWindowStart(DATE, NOW, utc).getTime();
    for (let n = 0; n < 200; n++) {
      let card: ReviewCard | undefined;
      let at = new Date(NOW.getTime() + Math.floor(random() * 20) * DAY);
      let last = at;
      for (let i = 0; i < 60 && at.getTime() <= start - DAY; i++) {
        const rating = (1 + Math.floor(random() * 4)) as Rating;
        card = applyCap(scheduler.rate(card, rating, at).card, capFor(DATE, at, utc));
        const bound = at.getTime() < start - DAY ? start - DAY : start;
        assert.ok(card.due.getTime() <= bound, `card ${n} due ${card.due.toISOString()} after ${new Date(bound).toISOString()}`);
        last = at;
        at = card.due.getTime() > at.getTime() ? card.due : new Date(at.getTime() + 10 * 60_000);
      }
      assert.ok(last.getTime() >= windowStart, `card ${n}: last review ${last.toISOString()} before the final window`);
      assert.ok(last.getTime() <= start - DAY, `card ${n}: last review ${last.toISOString()} less than a day before`);
    }
  });
});

describe('the cap at the scheduler and store boundary', () => {
  it('bounds the due date FSRS chose when a review is recorded with a cap, and only then', async () => {
    const memento = new MemoryMemento();
    const store = await ReviewStore.open(memento, { now: NOW, scheduler: createScheduler({ enableFuzz: false }), writerId: 'abcd' });
    const cap = new Date(NOW.getTime() + 2 * DAY);
    let at = NOW;
    for (let i = 0; i < 4; i++) {
      await store.recordReview({ cardId: 'capped-card', rating: 4, now: at, durationMs: 1000, cap });
      await store.recordReview({ cardId: 'free-card', rating: 4, now: at, durationMs: 1000 });
      at = new Date(at.getTime() + 10 * 60_000);
    }
    const capped = store.cards().get('capped-card')!.card!;
    const free = store.cards().get('free-card')!.card!;
    assert.strictEqual(capped.due.getTime(), cap.getTime());
    assert.ok(free.due.getTime() > cap.getTime(), free.due.toISOString());
    assert.ok(capped.scheduledDays <= 2);
    // What was written reads back capped.
    const reopened = await ReviewStore.open(memento, { now: at, writerId: 'efgh' });
    assert.strictEqual(reopened.cards().get('capped-card')!.card!.due.getTime(), cap.getTime());
  });
});
