/**
 * The practice countdown: a pure state machine over a list of phases, and a small driver that ticks it
 * with an injected clock. No VS Code and no global timers, so unit tests step through a 45-minute practice
 * in microseconds and the extension can run one in a few seconds for integration tests.
 */
import type { PracticePhase } from './phases';
import { plural } from '../text';

export type TimerStatus = 'running' | 'paused' | 'finished' | 'stopped';

/** The countdown's state. Time is epoch ms from the clock; paused time does not count. */
export interface TimerState {
  readonly phases: readonly PracticePhase[];
  readonly status: TimerStatus;
  /** Running time accumulated before the current running stretch. */
  readonly elapsedBeforeMs: number;
  /** When the current running stretch began; undefined unless running. */
  readonly runningSince: number | undefined;
}

/** What the status bar shows, derived from a state at an instant. */
export interface TimerView {
  readonly status: TimerStatus;
  readonly phaseIndex: number;
  readonly phase: PracticePhase;
  /** Left in the current phase (0 once time is up). */
  readonly phaseRemainingMs: number;
  readonly totalRemainingMs: number;
  readonly elapsedMs: number;
  readonly totalMs: number;
  /** True when the running time has reached the total. */
  readonly timeUp: boolean;
}

export function totalMs(phases: readonly PracticePhase[]): number {
  return phases.reduce((s, p) => s + p.seconds * 1000, 0);
}

export function startTimer(phases: readonly PracticePhase[], now: number): TimerState {
  if (phases.length === 0) throw new RangeError('a practice needs at least one phase');
  return { phases, status: 'running', elapsedBeforeMs: 0, runningSince: now };
}

/** Running time at `now`, never more than the total; a clock that went backwards counts as no time. */
export function elapsedMs(s: TimerState, now: number): number {
  const running = s.runningSince === undefined ? 0 : Math.max(0, now - s.runningSince);
  return Math.min(totalMs(s.phases), s.elapsedBeforeMs + running);
}

/** Freezes the elapsed time. Only a running timer pauses; anything else is returned unchanged. */
export function pauseTimer(s: TimerState, now: number): TimerState {
  if (s.status !== 'running') return s;
  return { ...s, status: 'paused', elapsedBeforeMs: elapsedMs(s, now), runningSince: undefined };
}

export function resumeTimer(s: TimerState, now: number): TimerState {
  if (s.status !== 'paused') return s;
  return { ...s, status: 'running', runningSince: now };
}

/** Ends the countdown early or on time: 'finished' leads to the self-review, 'stopped' discards it. */
export function endTimer(s: TimerState, now: number, status: 'finished' | 'stopped'): TimerState {
  if (s.status === 'finished' || s.status === 'stopped') return s;
  return { ...s, status, elapsedBeforeMs: elapsedMs(s, now), runningSince: undefined };
}

export function timerView(s: TimerState, now: number): TimerView {
  const total = totalMs(s.phases);
  const elapsed = elapsedMs(s, now);
  let end = 0;
  let phaseIndex = s.phases.length - 1;
  let phaseRemainingMs = 0;
  for (let i = 0; i < s.phases.length; i++) {
    end += s.phases[i].seconds * 1000;
    if (elapsed < end) {
      phaseIndex = i;
      phaseRemainingMs = end - elapsed;
      break;
    }
  }
  return {
    status: s.status,
    phaseIndex,
    phase: s.phases[phaseIndex],
    phaseRemainingMs,
    totalRemainingMs: total - elapsed,
    elapsedMs: elapsed,
    totalMs: total,
    timeUp: elapsed >= total,
  };
}

/** Until the shown second changes (phase ends fall on such a change): when the driver should tick next. */
export function msUntilNextTick(view: TimerView): number {
  const r = view.phaseRemainingMs % 1000;
  return Math.max(1, r === 0 ? 1000 : r);
}

/** "4:05", "12:34", "1:02:03": remaining time rounded up, so "0:00" shows only when time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "12 minutes 34 seconds": the same time for screen readers. */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? (s > 0 ? `${plural(m, 'minute')} ${plural(s, 'second')}` : plural(m, 'minute')) : plural(s, 'second');
}

/** The time source and timer functions the driver uses; `systemClock` in the extension, a fake in tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CountdownListener {
  /** After every change of what is shown: each second while running, and on pause, resume and end. */
  onTick(view: TimerView): void;
  /** Once, when the running time reaches the total. */
  onTimeUp(view: TimerView): void;
}

/**
 * Drives a TimerState with one pending timeout at a time, scheduled for the next change of the shown
 * second; nothing is scheduled while paused or ended. `initial` continues a saved state (after a window
 * reload); a running one whose time ran out meanwhile ends at the first tick, calling onTimeUp.
 */
export class Countdown {
  private timerState: TimerState;
  private handle: unknown;

  constructor(
    phases: readonly PracticePhase[],
    private readonly clock: Clock,
    private readonly listener: CountdownListener,
    initial?: TimerState,
  ) {
    this.timerState = initial ?? startTimer(phases, clock.now());
    this.schedule();
  }

  get state(): TimerState {
    return this.timerState;
  }

  view(): TimerView {
    return timerView(this.timerState, this.clock.now());
  }

  pause(): void {
    this.set(pauseTimer(this.timerState, this.clock.now()));
  }

  resume(): void {
    this.set(resumeTimer(this.timerState, this.clock.now()));
  }

  /** Ends the countdown; 'finished' is what the time running out also does. */
  end(status: 'finished' | 'stopped'): void {
    this.set(endTimer(this.timerState, this.clock.now(), status));
  }

  dispose(): void {
    this.cancel();
  }

  private set(next: TimerState): void {
    if (next === this.timerState) return;
    this.timerState = next;
    this.cancel();
    this.schedule();
    this.listener.onTick(this.view());
  }

  private cancel(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private schedule(): void {
    if (this.timerState.status !== 'running') return;
    this.handle = this.clock.setTimeout(() => this.tick(), msUntilNextTick(this.view()));
  }

  private tick(): void {
    this.handle = undefined;
    if (this.timerState.status !== 'running') return;
    const view = this.view();
    if (view.timeUp) {
      this.timerState = endTimer(this.timerState, this.clock.now(), 'finished');
      const ended = this.view();
      this.listener.onTick(ended);
      this.listener.onTimeUp(ended);
      return;
    }
    this.schedule();
    this.listener.onTick(view);
  }
}
