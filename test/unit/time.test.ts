import * as assert from 'assert';
import { DAY_MS, HOUR_MS, MINUTE_MS, dayLabel, localDayOf } from '../../src/core/time';

describe('time: local days', () => {
  it('has the constants right', () => {
    assert.strictEqual(MINUTE_MS, 60_000);
    assert.strictEqual(HOUR_MS, 3_600_000);
    assert.strictEqual(DAY_MS, 86_400_000);
  });

  it('puts an instant on the local date of its offset, east and west of UTC', () => {
    const at = Date.parse('2026-03-08T23:30:00Z');
    assert.strictEqual(dayLabel(localDayOf(at, 0)), '2026-03-08');
    assert.strictEqual(dayLabel(localDayOf(at, 60)), '2026-03-09');
    assert.strictEqual(dayLabel(localDayOf(at, -600)), '2026-03-08');
    assert.strictEqual(dayLabel(localDayOf(Date.parse('2026-03-08T05:00:00Z'), -360)), '2026-03-07');
  });

  it('starts a local day at local midnight, and counts days before 1970 as negative', () => {
    const midnightInTokyo = Date.parse('2026-03-08T15:00:00Z');
    assert.strictEqual(localDayOf(midnightInTokyo, 540) - localDayOf(midnightInTokyo - 1, 540), 1);
    assert.strictEqual(localDayOf(0, 0), 0);
    assert.strictEqual(localDayOf(-1, 0), -1);
    assert.strictEqual(dayLabel(-1), '1969-12-31');
  });
});
