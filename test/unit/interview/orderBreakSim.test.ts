import * as assert from 'assert';
import { capFor, dayOfDate, dayStart, planBreak, preInterviewOrder, simulateRetentions } from '../../../src/core/interview';
import type { SimCard } from '../../../src/core/interview';
import type { CardState } from '../../../src/core/review/types';
import { localDayOf } from '../../../src/core/time';
import { bank, newYork, reviewCard, state, utc } from '../progress/helpers';
import { DAY, NOW } from './helpers';

const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

describe('pre-interview ordering', () => {
  it('puts the lowest recall at the interview first, reviewed cards of the given topics only', () => {
    const cards = new Map<string, CardState>([
      ['evals-1', state(reviewCard(daysAgo(1), 40))], // strong
      ['evals-2', state(reviewCard(daysAgo(1), 2))], // weak by the date
      ['rag-1', state(reviewCard(daysAgo(1), 10))],
      ['rag-2', state(reviewCard(daysAgo(1), 1), { suspended: true })],
      ['metrics-1', state(reviewCard(daysAgo(1), 1))], // not a requested topic
    ]);
    const at = dayStart(dayOfDate('2026-03-24')!, utc);
    const order = preInterviewOrder(bank(), cards, ['evals', 'rag'], at);
    assert.deepStrictEqual(
      order.map((c) => c.cardId),
      ['evals-2', 'rag-1', 'evals-1'],
    );
    assert.ok(order[0].recallOnDay < order[1].recallOnDay && order[1].recallOnDay < order[2].recallOnDay);
  });
});

describe('schedule a break', () => {
  it('moves every card due before the break ends onto the days after it, evenly', () => {
    const today = localDayOf(NOW.getTime(), 0);
    const cards = new Map<string, CardState>();
    // 11 cards due during a 3-day break or already overdue, and 2 already due on the first day back.
    for (let i = 0; i < 11; i++) cards.set(`c-${i}`, state(reviewCard(daysAgo(5), 5, { due: new Date(NOW.getTime() + (i % 4) * DAY - DAY) })));
    cards.set('back-1', state(reviewCard(daysAgo(5), 5, { due: new Date(NOW.getTime() + 3 * DAY) })));
    cards.set('back-2', state(reviewCard(daysAgo(5), 5, { due: new Date(NOW.getTime() + 3 * DAY) })));
    cards.set('new', state(undefined));
    const plan = planBreak({ cards, firstDay: today, days: 3, offsetAt: utc });
    assert.strictEqual(plan.backDay, today + 3);
    assert.strictEqual(plan.moves.length, 11);
    assert.ok(plan.moves.every((m) => m.day >= plan.backDay && m.day < plan.backDay + 3));
    // 13 reviews over 3 days: 5, 4, 4 (the first day back had 2 already).
    assert.deepStrictEqual(plan.load, [5, 4, 4]);
    // The most overdue card comes back first.
    assert.strictEqual(plan.moves[0].cardId, 'c-0');
  });

  it('never moves a card past the last day allowed (the day before an interview)', () => {
    const today = localDayOf(NOW.getTime(), 0);
    const cards = new Map<string, CardState>(Array.from({ length: 6 }, (_, i) => [`c-${i}`, state(reviewCard(daysAgo(3), 3, { due: NOW }))] as const));
    const plan = planBreak({ cards, firstDay: today, days: 5, offsetAt: newYork, lastDay: today + 6 });
    assert.ok(plan.moves.every((m) => m.day <= today + 6));
    assert.deepStrictEqual(plan.load, [3, 3]);
  });
});

describe('retention simulation', () => {
  const index = bank();
  const core = new Set(['evals', 'rag']);
  const cards: SimCard[] = index.questions.map((q, i) => ({ card: i % 3 ? undefined : reviewCard(daysAgo(4), 3 + i), core: core.has(q.topic) }));

  it('is deterministic for a seed and differs with another seed', () => {
    const a = simulateRetentions({ cards, now: NOW, days: 30, newPerDay: 2, seed: 42 });
    const b = simulateRetentions({ cards, now: NOW, days: 30, newPerDay: 2, seed: 42 });
    assert.deepStrictEqual(a, b);
    assert.deepStrictEqual(
      a.map((r) => r.retention),
      [0.8, 0.85, 0.9, 0.95],
    );
    const others = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(simulateRetentions({ cards, now: NOW, days: 30, newPerDay: 2, seed })));
    assert.ok(
      others.some((o) => o !== JSON.stringify(a)),
      'the seed changes nothing',
    );
  });

  it('costs more reviews for a higher retention, and recall stays a probability', () => {
    const rows = simulateRetentions({ cards, now: NOW, days: 30, newPerDay: 2, seed: 1 });
    assert.ok(rows[3].reviewsPerDay > rows[0].reviewsPerDay, JSON.stringify(rows));
    for (const r of rows) assert.ok(r.recallAtEnd > 0 && r.recallAtEnd <= 1, JSON.stringify(r));
  });

  it('keeps core cards within the interview caps', () => {
    const day = dayOfDate('2026-03-24')!;
    const capped = simulateRetentions({ cards, now: NOW, days: 14, newPerDay: 2, seed: 3, capAt: (at) => capFor(day, at, utc) });
    const free = simulateRetentions({ cards, now: NOW, days: 14, newPerDay: 2, seed: 3 });
    // Capped intervals are shorter, so the same cards need more reviews in the same days.
    for (let i = 0; i < 4; i++) assert.ok(capped[i].reviewsPerDay > free[i].reviewsPerDay, `${JSON.stringify(capped[i])} vs ${JSON.stringify(free[i])}`);
  });
});
