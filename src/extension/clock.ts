/**
 * The extension's clock: every feature that needs "now" for dates (the review state, the interview
 * plan) reads it here, so integration tests can move time forward, e.g. past an interview date, without
 * waiting. Only tests shift it; in use it is the system clock.
 */
let shiftMs = 0;

export const clock = {
  now: (): Date => new Date(Date.now() + shiftMs),
  /** Moves the clock by `ms` from the real time (0 puts it back). For tests. */
  setShift(ms: number): void {
    shiftMs = Number.isFinite(ms) ? ms : 0;
  },
};
