/**
 * A timed practice kept in workspace state: what a window reload reads back, what it refuses, and that
 * the countdown it resumes keeps the time (running time goes on during the reload, paused time does not,
 * and a practice whose time ran out meanwhile ends at once with its self-review).
 */
import * as assert from 'assert';
import { MemoryMemento } from '../../../src/core/review/memoryMemento';
import type { PracticePhase } from '../../../src/core/practice/phases';
import { PRACTICE_STATE_KEY, readPractice, writePractice, type PersistedPractice } from '../../../src/core/practice/practiceState';
import { Countdown, formatClock, pauseTimer, startTimer, type TimerView } from '../../../src/core/practice/timer';
import type { SelfReview } from '../../../src/shared/selfReview';
import { FakeClock, T0 } from '../fakeClock';

const PHASES: PracticePhase[] = [
  { key: 'clarify', label: 'Clarify', seconds: 300 },
  { key: 'deepDive', label: 'Deep dive', seconds: 1200 },
];
const REVIEW: SelfReview = {
  reviewId: 'rag-bot-1-1',
  caseId: 'rag-bot',
  caseTitle: 'RAG bot',
  reason: 'time-up',
  elapsed: '25:00 of 25:00',
  sections: [{ key: 'evals', heading: 'Evals', points: [{ id: 'rag-bot-evals-0', text: 'A golden set', evidenced: true, found: ['golden set'] }] }],
};
const practice = (over: Partial<PersistedPractice> = {}): PersistedPractice => ({
  v: 1,
  id: 'rag-bot-1-1',
  caseId: 'rag-bot',
  documentUri: 'untitled:Untitled-1',
  timer: startTimer(PHASES, T0),
  ...over,
});

/** Stores and reads back through JSON, as workspace state does. */
async function roundTrip(p: unknown): Promise<PersistedPractice | undefined> {
  const memento = new MemoryMemento();
  await memento.update(PRACTICE_STATE_KEY, JSON.parse(JSON.stringify(p)));
  return readPractice(memento);
}

describe('practice state across a window reload', () => {
  it('reads back a running, a paused and a reviewed practice as written', async () => {
    const memento = new MemoryMemento();
    for (const p of [
      practice(),
      practice({ timer: pauseTimer(startTimer(PHASES, T0), T0 + 60_000) }),
      practice({ timer: { ...startTimer(PHASES, T0), status: 'finished', runningSince: undefined, elapsedBeforeMs: 1_500_000 }, review: REVIEW }),
    ]) {
      await writePractice(memento, p);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(readPractice(memento))), JSON.parse(JSON.stringify(p)));
    }
    await writePractice(memento, undefined);
    assert.strictEqual(readPractice(memento), undefined);
  });

  it('refuses what it did not write: other versions, bad ids, stopped or inconsistent timers, a review of another practice', async () => {
    const bad: unknown[] = [
      'not json',
      null,
      { ...practice(), v: 2 },
      { ...practice(), caseId: '__proto__' },
      { ...practice(), caseId: 'constructor', timer: { ...startTimer(PHASES, T0), phases: [] } },
      { ...practice(), timer: { ...startTimer(PHASES, T0), status: 'stopped' } },
      { ...practice(), timer: { ...startTimer(PHASES, T0), runningSince: undefined } },
      { ...practice(), timer: { ...startTimer(PHASES, T0), phases: [{ key: 'nap', label: 'Nap', seconds: 60 }] } },
      { ...practice(), review: { ...REVIEW, reviewId: 'another' } },
      { ...practice(), review: { ...REVIEW, sections: 'lots' } },
    ];
    for (const raw of bad) assert.strictEqual(await roundTrip(raw), undefined, JSON.stringify(raw));
    assert.strictEqual((await roundTrip({ ...practice(), caseId: 'constructor' }))?.caseId, 'constructor');
  });

  it('resumes a running countdown with the reload counted as running time, and a paused one where it was', async () => {
    const clock = new FakeClock();
    clock.advance(100_000); // the practice ran 100 s, then the window reloaded
    const restored = (await roundTrip(practice()))!;
    clock.advance(20_000); // the reload took 20 s
    const ticks: TimerView[] = [];
    const running = new Countdown(restored.timer.phases, clock, { onTick: (v) => ticks.push(v), onTimeUp: () => assert.fail('not yet') }, restored.timer);
    assert.strictEqual(formatClock(running.view().phaseRemainingMs), '3:00');
    clock.advance(5_000);
    assert.ok(ticks.length >= 4, 'the resumed countdown ticks');
    assert.strictEqual(formatClock(running.view().phaseRemainingMs), '2:55');
    running.dispose();

    const paused = (await roundTrip(practice({ timer: pauseTimer(startTimer(PHASES, T0), T0 + 100_000) })))!;
    const held = new Countdown(paused.timer.phases, clock, { onTick: () => undefined, onTimeUp: () => assert.fail('paused') }, paused.timer);
    clock.advance(600_000);
    assert.deepStrictEqual([held.view().status, formatClock(held.view().phaseRemainingMs)], ['paused', '3:20']);
    held.resume();
    clock.advance(1_000);
    assert.strictEqual(formatClock(held.view().phaseRemainingMs), '3:19');
    held.dispose();
  });

  it('ends a practice whose time ran out during the reload at the first tick, with time up', async () => {
    const clock = new FakeClock();
    const restored = (await roundTrip(practice()))!;
    clock.advance(3_600_000);
    const timeUps: TimerView[] = [];
    const c = new Countdown(restored.timer.phases, clock, { onTick: () => undefined, onTimeUp: (v) => timeUps.push(v) }, restored.timer);
    clock.advance(1_000);
    assert.strictEqual(timeUps.length, 1);
    assert.deepStrictEqual([c.state.status, timeUps[0].elapsedMs], ['finished', 1_500_000]);
  });
});
