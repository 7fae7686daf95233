import * as assert from 'assert';
import type { PracticePhase } from '../../../src/core/practice/phases';
import {
  Countdown,
  endTimer,
  formatClock,
  msUntilNextTick,
  pauseTimer,
  resumeTimer,
  spokenDuration,
  startTimer,
  timerView,
  type TimerView,
} from '../../../src/core/practice/timer';
import { FakeClock, T0 } from '../fakeClock';

const PHASES: PracticePhase[] = [
  { key: 'clarify', label: 'Clarify', seconds: 300 },
  { key: 'highLevelDesign', label: 'High-level design', seconds: 600 },
  { key: 'deepDive', label: 'Deep dive', seconds: 1200 },
  { key: 'wrapUp', label: 'Wrap-up', seconds: 600 },
];
const sec = (n: number) => n * 1000;

describe('self-review: practice timer state', () => {
  it('walks through the phases as time passes', () => {
    const s = startTimer(PHASES, T0);
    const at = (ms: number) => timerView(s, T0 + ms);
    assert.deepStrictEqual([at(0).phase.label, at(0).phaseRemainingMs, at(0).totalRemainingMs], ['Clarify', sec(300), sec(2700)]);
    assert.deepStrictEqual([at(sec(299)).phase.key, at(sec(299)).phaseRemainingMs], ['clarify', sec(1)]);
    assert.deepStrictEqual([at(sec(300)).phase.key, at(sec(300)).phaseRemainingMs], ['highLevelDesign', sec(600)]);
    const deep = at(sec(300 + 600 + 454));
    assert.deepStrictEqual([deep.phase.label, formatClock(deep.phaseRemainingMs), deep.phaseIndex], ['Deep dive', '12:26', 2]);
    const end = at(sec(2700));
    assert.deepStrictEqual([end.timeUp, end.phase.key, end.phaseRemainingMs, end.totalRemainingMs], [true, 'wrapUp', 0, 0]);
    assert.strictEqual(at(sec(9999)).elapsedMs, sec(2700), 'elapsed never passes the total');
  });

  it('does not count paused time, and pause and resume are no-ops in the wrong state', () => {
    let s = startTimer(PHASES, T0);
    s = pauseTimer(s, T0 + sec(100));
    assert.strictEqual(pauseTimer(s, T0 + sec(150)), s);
    assert.strictEqual(timerView(s, T0 + sec(5000)).elapsedMs, sec(100));
    s = resumeTimer(s, T0 + sec(1000));
    assert.strictEqual(resumeTimer(s, T0 + sec(1001)), s);
    assert.strictEqual(timerView(s, T0 + sec(1050)).elapsedMs, sec(150));
    assert.strictEqual(timerView(s, T0 + sec(1050)).status, 'running');
  });

  it('ends once, freezing the elapsed time; a clock that runs backwards counts as no time', () => {
    let s = startTimer(PHASES, T0);
    assert.strictEqual(timerView(s, T0 - sec(60)).elapsedMs, 0);
    s = endTimer(s, T0 + sec(42), 'stopped');
    assert.strictEqual(endTimer(s, T0 + sec(99), 'finished'), s);
    assert.deepStrictEqual([timerView(s, T0 + sec(500)).elapsedMs, s.status], [sec(42), 'stopped']);
    assert.strictEqual(resumeTimer(s, T0), s);
    assert.throws(() => startTimer([], T0), RangeError);
  });

  it('ticks when the shown second changes', () => {
    const s = startTimer(PHASES, T0);
    assert.strictEqual(msUntilNextTick(timerView(s, T0)), 1000);
    assert.strictEqual(msUntilNextTick(timerView(s, T0 + 250)), 750);
    assert.strictEqual(msUntilNextTick(timerView(s, T0 + sec(299) + 999)), 1);
  });

  it('formats the clock rounding up, and says it for screen readers', () => {
    assert.deepStrictEqual([0, 1, 999, 1000, 1001, sec(754), sec(3600), sec(3723)].map(formatClock), [
      '0:00',
      '0:01',
      '0:01',
      '0:01',
      '0:02',
      '12:34',
      '1:00:00',
      '1:02:03',
    ]);
    assert.deepStrictEqual([sec(754), sec(60), sec(1), 0].map(spokenDuration), ['12 minutes 34 seconds', '1 minute', '1 second', '0 seconds']);
  });
});

describe('self-review: countdown driver with an injected clock', () => {
  function run(phases = PHASES) {
    const clock = new FakeClock();
    const ticks: TimerView[] = [];
    const timeUps: TimerView[] = [];
    const countdown = new Countdown(phases, clock, { onTick: (v) => ticks.push(v), onTimeUp: (v) => timeUps.push(v) });
    return { clock, ticks, timeUps, countdown };
  }

  it('ticks once a second through a whole practice and calls time up once', () => {
    const { clock, ticks, timeUps, countdown } = run();
    clock.advance(sec(2700) + sec(60));
    assert.strictEqual(ticks.length, 2700, 'one tick per second, the last one the time-up view');
    assert.strictEqual(timeUps.length, 1);
    assert.strictEqual(timeUps[0].timeUp, true);
    assert.strictEqual(countdown.state.status, 'finished');
    assert.strictEqual(clock.pending, 0, 'nothing is scheduled after the end');
    assert.deepStrictEqual([...new Set(ticks.map((t) => t.phase.label))], ['Clarify', 'High-level design', 'Deep dive', 'Wrap-up']);
  });

  it('schedules nothing while paused, and picks up where it left off', () => {
    const { clock, ticks, timeUps, countdown } = run([{ key: 'clarify', label: 'Clarify', seconds: 10 }]);
    clock.advance(sec(4));
    countdown.pause();
    assert.strictEqual(clock.pending, 0);
    assert.strictEqual(ticks[ticks.length - 1].status, 'paused');
    clock.advance(sec(3600));
    assert.strictEqual(countdown.view().phaseRemainingMs, sec(6));
    countdown.resume();
    clock.advance(sec(5));
    assert.strictEqual(timeUps.length, 0);
    clock.advance(sec(1));
    assert.strictEqual(timeUps.length, 1);
  });

  it('ends early on finish or stop without calling time up', () => {
    for (const status of ['finished', 'stopped'] as const) {
      const { clock, timeUps, countdown } = run();
      clock.advance(sec(30));
      countdown.end(status);
      assert.strictEqual(countdown.state.status, status);
      assert.strictEqual(clock.pending, 0);
      clock.advance(sec(5000));
      assert.strictEqual(timeUps.length, 0);
      assert.strictEqual(countdown.view().elapsedMs, sec(30));
    }
  });

  it('runs a test-length practice in seconds', () => {
    const { clock, timeUps } = run([
      { key: 'clarify', label: 'Clarify', seconds: 1 },
      { key: 'wrapUp', label: 'Wrap-up', seconds: 1.5 },
    ]);
    clock.advance(2499);
    assert.strictEqual(timeUps.length, 0);
    clock.advance(1);
    assert.strictEqual(timeUps.length, 1);
  });
});
