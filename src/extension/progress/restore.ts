/**
 * Snapshots of the stored state, and restoring them. A snapshot of every stored review key is taken once
 * a day and before every import, reset and restore (names and pruning: core/progress/backups.ts), in
 * `<globalStorageUri>/backups`. Restoring writes those values back exactly, so the state is what it was
 * byte for byte, and first snapshots the current state, so a restore can be undone too.
 */
import * as vscode from 'vscode';
import { SNAPSHOT_SUFFIX, backupName, backupsToPrune, dailyBackupDue, parseBackupName } from '../../core/progress/backups';
import type { BackupEntry, BackupReason } from '../../core/progress/backups';
import { REVIEW_HISTORY_KEY, REVIEW_KEYS, REVIEW_SHARD_KEYS } from '../../core/review/keys';
import { foldedCount } from '../../core/review/fold';
import { readHistory } from '../../core/review/foldRead';
import { newFindings } from '../../core/review/validate';
import { log } from '../log';
import type { StateService } from '../state/stateService';

export { SNAPSHOT_SUFFIX } from '../../core/progress/backups';
const MAX_SNAPSHOT_BYTES = 100 * 1024 * 1024;

export interface StateSnapshot {
  readonly app: 'loop-prep';
  readonly kind: 'state-snapshot';
  readonly formatVersion: 1;
  readonly takenAt: string;
  /** Every review key's stored value; null where the key was unset. */
  readonly keys: Readonly<Record<string, unknown>>;
}

export function takeSnapshot(memento: vscode.Memento, now: Date): StateSnapshot {
  return {
    app: 'loop-prep',
    kind: 'state-snapshot',
    formatVersion: 1,
    takenAt: now.toISOString(),
    keys: Object.fromEntries(REVIEW_KEYS.map((k) => [k, memento.get<unknown>(k) ?? null])),
  };
}

/** Reviews in a snapshot's stored keys (the review logs of every shard, and the folded ones); unreadable parts count 0. */
export function snapshotReviews(keys: Readonly<Record<string, unknown>>): number {
  let n = foldedCount(readHistory(keys[REVIEW_HISTORY_KEY] ?? undefined, REVIEW_HISTORY_KEY, newFindings(null), 'snap'));
  for (const key of REVIEW_SHARD_KEYS) {
    const c = (keys[key] as { c?: unknown } | null | undefined)?.c;
    if (typeof c !== 'object' || c === null) continue;
    for (const record of Object.values(c)) if (Array.isArray(record) && Array.isArray(record[1])) n += record[1].length;
  }
  return n;
}

/** Writes a snapshot of the current state to the backups folder, then prunes old ones; returns its file. */
export async function writeSnapshot(backups: vscode.Uri, memento: vscode.Memento, now: Date, reason: BackupReason): Promise<vscode.Uri> {
  const snapshot = takeSnapshot(memento, now);
  await vscode.workspace.fs.createDirectory(backups);
  const file = vscode.Uri.joinPath(backups, backupName(now.getTime(), reason, snapshotReviews(snapshot.keys)));
  await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(snapshot), 'utf8'));
  await pruneSnapshots(backups, now);
  return file;
}

/** The export-format copy written beside a snapshot before an import or reset. */
export function exportBeside(snapshot: vscode.Uri): vscode.Uri {
  return snapshot.with({ path: snapshot.path.slice(0, -SNAPSHOT_SUFFIX.length) + '.json' });
}

async function snapshotEntries(backups: vscode.Uri): Promise<BackupEntry[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(backups);
    return entries.filter(([, type]) => type === vscode.FileType.File).flatMap(([name]) => parseBackupName(name) ?? []);
  } catch {
    return [];
  }
}

/** Deletes snapshots the retention rules no longer keep, with their export-format copies. Never throws. */
export async function pruneSnapshots(backups: vscode.Uri, now: Date): Promise<string[]> {
  const names = backupsToPrune(await snapshotEntries(backups), now.getTime(), -now.getTimezoneOffset());
  for (const name of names) {
    const file = vscode.Uri.joinPath(backups, name);
    for (const uri of [file, exportBeside(file)]) await Promise.resolve(vscode.workspace.fs.delete(uri, { useTrash: false })).catch(() => undefined);
  }
  if (names.length) log().info(`pruned ${names.length} old backups: ${names.join(', ')}`);
  return names;
}

/** The daily snapshot: taken when no snapshot of any kind exists for today. Never throws. */
export async function dailySnapshot(backups: vscode.Uri, memento: vscode.Memento, now: Date): Promise<vscode.Uri | undefined> {
  try {
    if (!dailyBackupDue(await snapshotEntries(backups), now.getTime(), -now.getTimezoneOffset())) return undefined;
    return await writeSnapshot(backups, memento, now, 'daily');
  } catch (err) {
    log().error(`daily backup failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Checks a snapshot file's text; returns the snapshot or a sentence saying what is wrong. */
export function parseSnapshot(text: string): StateSnapshot | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'This is not a Loop Prep backup: it is not JSON.';
  }
  const s = data as Partial<StateSnapshot> | null;
  if (!s || typeof s !== 'object' || s.app !== 'loop-prep' || s.kind !== 'state-snapshot')
    return 'This is not a Loop Prep state backup (a file ending in .state.json from the backups folder).';
  if (s.formatVersion !== 1) return `This backup has format ${String(s.formatVersion)}, which this version of Loop Prep cannot restore.`;
  if (!s.keys || typeof s.keys !== 'object' || Array.isArray(s.keys)) return 'This backup has no stored keys.';
  const unknown = Object.keys(s.keys).filter((k) => !REVIEW_KEYS.includes(k));
  if (unknown.length) return `This backup names keys Loop Prep does not use (${unknown.slice(0, 3).join(', ')}); nothing was restored.`;
  return s as StateSnapshot;
}

export type RestoreOutcome = { readonly status: 'refused'; readonly message: string } | { readonly status: 'restored'; readonly undo: vscode.Uri };

/**
 * Restores a snapshot: validates it whole, snapshots the current state (so this can be undone), writes
 * every key back and reopens the store. A refused file changes nothing.
 */
export async function restoreSnapshot(
  file: vscode.Uri,
  deps: { memento: vscode.Memento; state: StateService; backups: vscode.Uri; now: () => Date },
): Promise<RestoreOutcome> {
  const stat = await vscode.workspace.fs.stat(file);
  if (stat.size > MAX_SNAPSHOT_BYTES)
    return {
      status: 'refused',
      message: `This backup is ${(stat.size / 1024 / 1024).toFixed(0)} MB, more than Loop Prep restores (100 MB). Nothing was restored.`,
    };
  const parsed = parseSnapshot(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8'));
  if (typeof parsed === 'string') return { status: 'refused', message: parsed };
  await deps.state.ready;
  const undo = await writeSnapshot(deps.backups, deps.memento, deps.now(), 'restore');
  for (const key of REVIEW_KEYS) await deps.memento.update(key, parsed.keys[key] ?? undefined);
  await deps.state.reopen({ replaced: true });
  return { status: 'restored', undo };
}

/** A snapshot in the restore list. */
export interface ListedSnapshot {
  readonly uri: vscode.Uri;
  readonly takenAt: Date;
  readonly reason: BackupReason;
  /** From the name; for older names, counted from the file (undefined if it cannot be read). */
  readonly reviews: number | undefined;
}

/** The state backups in the folder, newest first, with when they were taken and how many reviews they hold. */
export async function listSnapshots(backups: vscode.Uri): Promise<ListedSnapshot[]> {
  const entries = (await snapshotEntries(backups)).sort((a, b) => b.takenAt - a.takenAt);
  return Promise.all(
    entries.map(async (e) => {
      const uri = vscode.Uri.joinPath(backups, e.name);
      let reviews = e.reviews;
      if (reviews === undefined) {
        const parsed = await Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
          (b) => parseSnapshot(Buffer.from(b).toString('utf8')),
          () => 'unreadable',
        );
        if (typeof parsed !== 'string') reviews = snapshotReviews(parsed.keys);
      }
      return { uri, takenAt: new Date(e.takenAt), reason: e.reason, reviews };
    }),
  );
}
