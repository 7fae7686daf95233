import * as assert from 'assert';
import { computeForecast, computePlan, dayOfDate, dayStart, mergeInterviews, readInterviewState, writeInterviewState } from '../../../src/core/interview';
import { roleReadiness, topicStats } from '../../../src/core/progress';
import { retrievability } from '../../../src/core/review/scheduler';
import type { ReviewEntry } from '../../../src/core/review/types';
import { review, reviewCard, state, utc } from '../progress/helpers';
import { DAY, NOW, interview, planInput } from './helpers';

describe('interview forecast', () => {
  const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
  const cards = new Map([
    ['evals-1', state(reviewCard(daysAgo(2), 2))], // due before the date: reviewed the day before
    ['evals-2', state(reviewCard(daysAgo(1), 100, { due: new Date(NOW.getTime() + 60 * DAY) }))], // due after: decays
    ['rag-1', state(reviewCard(daysAgo(1), 1), { suspended: true })],
  ]);

  function forecastFor(averageCards: Map<string, ReturnType<typeof state>>, date: string, reviews: ReviewEntry[] = []) {
    const input = planInput(date, { cards: averageCards, reviews });
    const plan = computePlan(input);
    const day = dayOfDate(date)!;
    return {
      plan,
      forecast: computeForecast(plan, {
        index: input.index,
        role: input.role,
        cards: averageCards,
        reads: new Map(),
        bestScores: new Map(),
        now: NOW,
        interviewStart: dayStart(day, utc),
        dayBefore: dayStart(day - 1, utc),
        desiredRetention: 0.9,
      }),
    };
  }

  it('predicts recall per core topic on the day, and readiness on the day by the readiness formula', () => {
    const { forecast } = forecastFor(cards, '2026-03-30');
    assert.deepStrictEqual(
      forecast.topics.map((t) => t.topicId),
      ['evals', 'rag'],
    );
    const evals = forecast.topics[0];
    // evals-1: reviewed the day before with S 2; evals-2: decays to the date; two unseen cards count 0 (no pace).
    const start = dayStart(dayOfDate('2026-03-30')!, utc);
    const r1 = retrievability({ ...cards.get('evals-1')!.card!, lastReview: new Date(start.getTime() - DAY) }, start);
    const r2 = retrievability(cards.get('evals-2')!.card!, start);
    assert.ok(Math.abs(evals.onDay - (r1 + r2) / 4) < 1e-9, `${evals.onDay} is not ${(r1 + r2) / 4}`);
    assert.ok(r1 > 0.9 && r1 < 1 && r2 > 0.9 && r2 < 1, `${r1} ${r2}`);
    assert.strictEqual(evals.learnedAtPace, 0);
    const index = planInput('2026-03-30').index;
    const expected = roleReadiness(index.roles[0], {
      index,
      reads: new Map(),
      bestScores: new Map(),
      stats: new Map(
        [...topicStats(index, cards, NOW)].map(([id, s]) => [
          id,
          id === 'evals' || id === 'rag' ? { ...s, mastery: forecast.topics.find((t) => t.topicId === id)!.onDay } : s,
        ]),
      ),
    }).percent;
    assert.strictEqual(forecast.readinessOnDay, expected);
    assert.match(forecast.summary, /^Expected readiness on the day: \d+% \(today \d+%\)$/);
  });

  it('raises the forecast with a pace of new cards', () => {
    const many = new Map(cards);
    // Six cards learned today: an average of 6 a day, which learns the rest of evals and rag by the date.
    for (const id of ['metrics-1', 'metrics-2', 'gpu-1', 'gpu-2', 'serving-1', 'serving-2']) many.set(id, state(reviewCard(NOW, 1)));
    const slow = forecastFor(cards, '2026-03-30').forecast;
    const fast = forecastFor(
      many,
      '2026-03-30',
      [...many.keys()].map((id) => review(id, NOW)),
    );
    assert.strictEqual(fast.plan.averageNew, 9);
    const rag = fast.forecast.topics[1];
    assert.strictEqual(rag.learnedAtPace, 3);
    assert.ok(rag.onDay > slow.topics[1].onDay + 0.5, `${rag.onDay} vs ${slow.topics[1].onDay}`);
  });
});

describe('interview storage', () => {
  it('round-trips what it writes', () => {
    const state1 = { interviews: [interview('2026-03-20'), interview('2026-04-01', { id: 'i2' })], mode: 'maintenance' as const, asked: ['i0'] };
    const read = readInterviewState(JSON.parse(JSON.stringify(writeInterviewState(state1))));
    assert.deepStrictEqual(read, { state: state1, findings: [], rejected: undefined });
  });

  it('starts empty when nothing was written', () => {
    assert.deepStrictEqual(readInterviewState(undefined).state.interviews, []);
  });

  it('sets an unreadable value aside instead of crashing, and drops single bad interviews with a finding', () => {
    for (const bad of [42, 'x', null, { v: 9, interviews: [] }, { v: 1, interviews: 'no' }]) {
      const read = readInterviewState(bad);
      assert.deepStrictEqual(read.state.interviews, [], JSON.stringify(bad));
      assert.strictEqual(read.rejected, bad);
      assert.strictEqual(read.findings.length, 1);
    }
    const mixed = readInterviewState({
      v: 1,
      interviews: [
        interview('2026-03-20'),
        { ...interview('2026-02-30'), id: 'x' },
        interview('2026-03-21'),
        { id: 'y', date: '2026-03-21', roleId: 'Not An Id', createdAt: 0 },
      ],
    });
    assert.deepStrictEqual(
      mixed.state.interviews.map((i) => i.date),
      ['2026-03-20'],
    );
    assert.strictEqual(mixed.findings.length, 3);
    assert.match(mixed.findings.join('\n'), /interviews\[1\]: date must be a date/);
    assert.match(mixed.findings.join('\n'), /interviews\[2\]: duplicate id "i1"/);
  });

  it('merges imported interviews by id', () => {
    const merged = mergeInterviews({ interviews: [interview('2026-03-20')], mode: 'plan', asked: [] }, [
      interview('2026-03-25'),
      interview('2026-04-02', { id: 'i9' }),
    ]);
    assert.deepStrictEqual(
      merged.interviews.map((i) => [i.id, i.date]),
      [
        ['i1', '2026-03-25'],
        ['i9', '2026-04-02'],
      ],
    );
  });
});
