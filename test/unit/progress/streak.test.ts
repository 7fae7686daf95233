import * as assert from 'assert';
import { computeStreaks, localDay, type Activity } from '../../../src/core/progress/streak';
import { dayLabel } from '../../../src/core/time';

const at = (iso: string, offsetMinutes: number): Activity => ({ at: Date.parse(iso), offsetMinutes });

describe('streaks', () => {
  it('counts consecutive local days and keeps the streak alive until today ends', () => {
    const acts = [at('2026-03-01T20:00:00Z', 0), at('2026-03-02T08:00:00Z', 0), at('2026-03-03T23:30:00Z', 0)];
    assert.deepStrictEqual(computeStreaks(acts, at('2026-03-04T10:00:00Z', 0)), { current: 3, longest: 3, activeToday: false });
    assert.deepStrictEqual(computeStreaks(acts, at('2026-03-03T23:59:00Z', 0)), { current: 3, longest: 3, activeToday: true });
    assert.strictEqual(computeStreaks(acts, at('2026-03-05T10:00:00Z', 0)).current, 0, 'a whole missed day breaks it');
    assert.strictEqual(computeStreaks(acts, at('2026-03-05T10:00:00Z', 0)).longest, 3);
  });

  it('uses local time, not UTC, across midnight', () => {
    // 23:30 in New York (UTC-5) on Mar 1 is 04:30 UTC on Mar 2; the next review is 20:00 NY time on Mar 2.
    const acts = [at('2026-03-02T04:30:00Z', -300), at('2026-03-03T01:00:00Z', -300)];
    assert.deepStrictEqual(acts.map(localDay).map(dayLabel), ['2026-03-01', '2026-03-02']);
    assert.strictEqual(computeStreaks(acts, at('2026-03-03T02:00:00Z', -300)).current, 2);
  });

  it('survives DST changes but still breaks on a missed day across one', () => {
    // US spring forward on 2026-03-08: UTC-5 before, UTC-4 after.
    const daily = [at('2026-03-07T14:00:00Z', -300), at('2026-03-08T14:00:00Z', -240), at('2026-03-09T14:00:00Z', -240)];
    assert.strictEqual(computeStreaks(daily, at('2026-03-09T20:00:00Z', -240)).current, 3);
    const missed = [at('2026-03-07T14:00:00Z', -300), at('2026-03-09T14:00:00Z', -240)];
    assert.strictEqual(computeStreaks(missed, at('2026-03-09T20:00:00Z', -240)).current, 1);
    // Fall back on 2026-11-01 (a 25-hour day), missed: still broken.
    const fallMissed = [at('2026-10-31T14:00:00Z', -240), at('2026-11-02T14:00:00Z', -300)];
    assert.strictEqual(computeStreaks(fallMissed, at('2026-11-02T20:00:00Z', -300)).current, 1);
  });

  it('does not break when flying east skips most of a date, and counts a day once when flying west', () => {
    // Review late Monday in San Francisco (UTC-8), fly to Tokyo (UTC+9): Wednesday morning local.
    const east = [at('2026-04-07T06:30:00Z', -480), at('2026-04-08T00:30:00Z', 540)];
    assert.deepStrictEqual(east.map(localDay).map(dayLabel), ['2026-04-06', '2026-04-08']);
    assert.strictEqual(computeStreaks(east, at('2026-04-08T01:00:00Z', 540)).current, 2);
    // Tokyo to San Francisco: the same date twice.
    const west = [at('2026-04-10T01:00:00Z', 540), at('2026-04-10T17:00:00Z', -420)];
    assert.deepStrictEqual(computeStreaks(west, at('2026-04-10T18:00:00Z', -420)), { current: 1, longest: 1, activeToday: true });
  });

  it('ignores malformed activities and handles none', () => {
    assert.deepStrictEqual(computeStreaks([], at('2026-03-01T00:00:00Z', 0)), { current: 0, longest: 0, activeToday: false });
    assert.strictEqual(computeStreaks([{ at: Number.NaN, offsetMinutes: 0 }], at('2026-03-01T00:00:00Z', 0)).longest, 0);
  });
});
