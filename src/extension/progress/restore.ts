/**
 * Undo for import and reset. Before either, a snapshot of every stored review key is written next to the
 * export-format backup (`…-before-import.state.json`). Restoring writes those values back exactly, so the
 * state is what it was byte for byte, and first snapshots the current state, so a restore can be undone too.
 */
import * as vscode from 'vscode';
import { REVIEW_KEYS } from '../../core/review/keys';
import type { StateService } from '../state/stateService';

export const SNAPSHOT_SUFFIX = '.state.json';
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
  return { app: 'loop-prep', kind: 'state-snapshot', formatVersion: 1, takenAt: now.toISOString(), keys: Object.fromEntries(REVIEW_KEYS.map((k) => [k, memento.get<unknown>(k) ?? null])) };
}

/** Writes a snapshot beside an export-format backup file. */
export async function writeSnapshotBeside(backup: vscode.Uri, memento: vscode.Memento, now: Date): Promise<vscode.Uri> {
  const file = backup.with({ path: backup.path.replace(/\.json$/, '') + SNAPSHOT_SUFFIX });
  await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(takeSnapshot(memento, now)), 'utf8'));
  return file;
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
  if (!s || typeof s !== 'object' || s.app !== 'loop-prep' || s.kind !== 'state-snapshot') return 'This is not a Loop Prep state backup (a file ending in .state.json from the backups folder).';
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
export async function restoreSnapshot(file: vscode.Uri, deps: { memento: vscode.Memento; state: StateService; backups: vscode.Uri; now: () => Date }): Promise<RestoreOutcome> {
  const stat = await vscode.workspace.fs.stat(file);
  if (stat.size > MAX_SNAPSHOT_BYTES) return { status: 'refused', message: `This backup is ${(stat.size / 1024 / 1024).toFixed(0)} MB, more than Loop Prep restores (100 MB). Nothing was restored.` };
  const parsed = parseSnapshot(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8'));
  if (typeof parsed === 'string') return { status: 'refused', message: parsed };
  await deps.state.ready;
  const now = deps.now();
  await vscode.workspace.fs.createDirectory(deps.backups);
  const undo = vscode.Uri.joinPath(deps.backups, `loop-prep-backup-${now.toISOString().replace(/[:.]/g, '-')}-before-restore${SNAPSHOT_SUFFIX}`);
  await vscode.workspace.fs.writeFile(undo, Buffer.from(JSON.stringify(takeSnapshot(deps.memento, now)), 'utf8'));
  for (const key of REVIEW_KEYS) await deps.memento.update(key, parsed.keys[key] ?? undefined);
  await deps.state.reopen({ replaced: true });
  return { status: 'restored', undo };
}

/** The state backups in the folder, newest first. */
export async function listSnapshots(backups: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(backups);
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith(SNAPSHOT_SUFFIX))
      .map(([name]) => name)
      .sort()
      .reverse()
      .map((name) => vscode.Uri.joinPath(backups, name));
  } catch {
    return [];
  }
}
