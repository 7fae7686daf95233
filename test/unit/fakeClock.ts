/** A fake clock for the practice timer tests. */
import type { Clock } from '../../src/core/practice/timer';

export const T0 = Date.parse('2026-03-01T09:00:00Z');

/** A fake clock: time moves only through advance(), which runs due timeouts in order. */
export class FakeClock implements Clock {
  private t = T0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; cb: () => void }>();
  now(): number {
    return this.t;
  }
  setTimeout(cb: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, cb });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next || next[1].at > end) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].cb();
    }
    this.t = end;
  }
}
