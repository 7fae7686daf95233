/**
 * Automatic backups, as Anki keeps them: a snapshot of the stored state at most once a day, and one
 * before every import, reset and restore. Old ones are pruned: the newest snapshot of each of the last
 * 7 days that have one, and of each of the last 4 weeks, are kept, with every snapshot taken before an
 * import, reset or restore during those 7 days (each is the undo of something the user just did).
 * Pure: names in, names out; the extension lists and deletes the files.
 *
 *   loop-prep-backup-<ISO instant, ':' and '.' as '-'>-<daily | before-import | before-reset | before-restore>[-<N>r].state.json
 *
 * `N` is the number of reviews the snapshot holds, so the restore list can show it without opening files.
 */

import { localDayOf } from '../time';

export const SNAPSHOT_SUFFIX = '.state.json';
export const DAILY_KEPT = 7;
export const WEEKLY_KEPT = 4;

export type BackupReason = 'daily' | 'import' | 'reset' | 'restore';

export interface BackupEntry {
  readonly name: string;
  readonly takenAt: number;
  readonly reason: BackupReason;
  /** Reviews in the snapshot, when the name says. */
  readonly reviews: number | undefined;
}

const NAME = /^loop-prep-backup-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-(daily|before-import|before-reset|before-restore)(?:-(\d+)r)?\.state\.json$/;

/** The file name for a snapshot taken at `at`. */
export function backupName(at: number, reason: BackupReason, reviews: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  return `loop-prep-backup-${stamp}-${reason === 'daily' ? 'daily' : `before-${reason}`}-${Math.max(0, Math.floor(reviews))}r${SNAPSHOT_SUFFIX}`;
}

/** Reads a snapshot's name; undefined for any other file. */
export function parseBackupName(name: string): BackupEntry | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [date, time] = m[1].split('T');
  const [h, min, s, msPart] = time.slice(0, -1).split('-');
  const takenAt = Date.parse(`${date}T${h}:${min}:${s}.${msPart}Z`);
  if (!Number.isFinite(takenAt)) return undefined;
  const reason = (m[2] === 'daily' ? 'daily' : m[2].slice('before-'.length)) as BackupReason;
  return { name, takenAt, reason, reviews: m[3] === undefined ? undefined : Number(m[3]) };
}

/** Whether a daily snapshot is due: none of any reason taken on today's local date yet. */
export function dailyBackupDue(entries: readonly BackupEntry[], now: number, offsetMinutes: number): boolean {
  const today = localDayOf(now, offsetMinutes);
  return !entries.some((e) => localDayOf(e.takenAt, offsetMinutes) === today);
}

/**
 * The snapshots to delete, by name. Days and weeks are local (Monday-first weeks); snapshots from the
 * future (a clock set back) count as today, so they are never pruned for being "newest".
 */
export function backupsToPrune(entries: readonly BackupEntry[], now: number, offsetMinutes: number): string[] {
  const today = localDayOf(now, offsetMinutes);
  const day = (e: BackupEntry) => Math.min(today, localDayOf(e.takenAt, offsetMinutes));
  const week = (d: number) => Math.floor((d + 3) / 7); // day 0 (1970-01-01) was a Thursday
  const newestFirst = [...entries].sort((a, b) => b.takenAt - a.takenAt || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const days: number[] = [];
  const weeks: number[] = [];
  for (const e of newestFirst) {
    const d = day(e);
    if (!days.includes(d) && days.length < DAILY_KEPT) {
      days.push(d);
      keep.add(e.name);
    }
    const w = week(d);
    if (!weeks.includes(w) && weeks.length < WEEKLY_KEPT) {
      weeks.push(w);
      keep.add(e.name);
    }
  }
  for (const e of newestFirst) if (e.reason !== 'daily' && days.includes(day(e))) keep.add(e.name);
  return newestFirst.filter((e) => !keep.has(e.name)).map((e) => e.name);
}
