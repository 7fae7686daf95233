import * as assert from 'assert';
import { backupName, backupsToPrune, dailyBackupDue, parseBackupName } from '../../../src/core/progress/backups';
import type { BackupEntry, BackupReason } from '../../../src/core/progress/backups';

const DAY = 86_400_000;
/** Monday 2026-03-02, 10:00 UTC. */
const NOW = Date.parse('2026-03-02T10:00:00Z');

function entry(daysAgo: number, reason: BackupReason = 'daily', hour = 9): BackupEntry {
  const at = NOW - daysAgo * DAY - (10 - hour) * 3_600_000;
  return parseBackupName(backupName(at, reason, 100 + daysAgo))!;
}

describe('automatic backups', () => {
  it('names a snapshot by instant, reason and review count, and reads the name back', () => {
    const name = backupName(Date.parse('2026-03-10T12:34:56.789Z'), 'import', 1234);
    assert.strictEqual(name, 'loop-prep-backup-2026-03-10T12-34-56-789Z-before-import-1234r.state.json');
    assert.deepStrictEqual(parseBackupName(name), { name, takenAt: Date.parse('2026-03-10T12:34:56.789Z'), reason: 'import', reviews: 1234 });
    assert.strictEqual(
      parseBackupName('loop-prep-backup-2026-03-10T12-34-56-789Z-before-reset.state.json')?.reviews,
      undefined,
      'names from before the count was added still parse',
    );
    assert.strictEqual(parseBackupName('loop-prep-backup-2026-03-10T12-34-56-789Z-before-import.json'), undefined, 'the export-format copy is not a snapshot');
    assert.strictEqual(parseBackupName('notes.state.json'), undefined);
  });

  it('takes a daily snapshot at most once per local day', () => {
    assert.ok(dailyBackupDue([], NOW, 0));
    assert.ok(!dailyBackupDue([entry(0)], NOW, 0));
    assert.ok(!dailyBackupDue([entry(0, 'import')], NOW, 0), 'any snapshot today counts');
    assert.ok(dailyBackupDue([entry(1)], NOW, 0));
    // 00:30 local in UTC+2 is still the previous UTC day: the local date decides.
    const lateUtc = Date.parse('2026-03-01T22:30:00Z');
    assert.ok(dailyBackupDue([{ ...entry(0), takenAt: Date.parse('2026-03-01T21:00:00Z') }], lateUtc, 120));
  });

  it('keeps the newest of each of the last 7 days and of the last 4 weeks, and prunes the rest', () => {
    const entries = Array.from({ length: 60 }, (_, i) => entry(i));
    const extra = entry(2, 'daily', 7); // an older snapshot on a day that has a newer one
    const pruned = new Set(backupsToPrune([...entries, extra], NOW, 0));
    const kept = [...entries, extra].filter((e) => !pruned.has(e.name)).map((e) => Math.round((NOW - e.takenAt) / DAY));
    // Days 0-6, then the newest of the two older of the last 4 weeks (Monday weeks; NOW is a Monday).
    assert.deepStrictEqual(kept.slice(0, 7), [0, 1, 2, 3, 4, 5, 6]);
    assert.strictEqual(kept.length, 7 + 2, `kept ${kept.join(',')}`);
    assert.ok(pruned.has(extra.name), 'the older snapshot of a kept day is pruned');
    assert.ok(!pruned.has(entries[8].name) && pruned.has(entries[9].name), 'day 8 is the newest of the fourth week; day 9 is not');
    assert.ok(pruned.has(entries[59].name));
  });

  it('keeps every snapshot taken before an import, reset or restore in the last 7 days, and prunes older ones', () => {
    const daily = Array.from({ length: 10 }, (_, i) => entry(i));
    const events = [entry(0, 'import', 8), entry(0, 'reset', 7), entry(3, 'restore', 8), entry(20, 'import'), entry(40, 'import')];
    const pruned = backupsToPrune([...daily, ...events], NOW, 0);
    // Daily: days 0-6. Weekly (Monday weeks; NOW is a Monday): day 0, day 1, day 8, and day 20's import.
    // Events on days 0-6 stay; day 7, day 9 and the import 40 days ago go.
    assert.deepStrictEqual(pruned, [daily[7].name, daily[9].name, events[4].name]);
  });

  it('never prunes a snapshot from the future (a clock set back), and handles nothing', () => {
    assert.deepStrictEqual(backupsToPrune([], NOW, 0), []);
    const future = entry(-30);
    assert.ok(!backupsToPrune([future, entry(0), entry(1)], NOW, 0).includes(future.name));
  });
});
