/**
 * Export, import and reset of the user's progress, without any dialog: the commands (progressCommands.ts
 * in this folder) add the dialogs, and tests call these directly with file paths. Files go through
 * `vscode.workspace.fs`, so they work in remote and virtual workspaces too.
 *
 * Import is all or nothing: the file's size is checked with `stat` before a byte is read, the text is
 * parsed and validated whole (`parseImport`), and only a confirmed, non-empty plan is applied, after a
 * backup of the current state has been written. A refused file changes nothing. Import and reset never
 * touch settings.
 */
import * as vscode from 'vscode';
import { isContentId } from '../../core/ids';
import { buildExport, importSizeError, parseImport, planImport } from '../../core/progress';
import { interviewsToImport } from '../../core/progress/importApply';
import { mergeInterviews } from '../../core/interview/storage';
import type { Interview } from '../../core/interview/dates';
import type { ExportFile, ExportSettings, ImportError, ImportTally } from '../../core/progress';
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import { desiredRetention, newCardsPerDay, roleSetting, sessionSize } from '../config';
import type { ContentService } from '../content/contentService';
import type { StateService, StoredState } from '../state/stateService';
import { exportBeside, writeSnapshot } from './restore';
import { plural } from '../../core/text';

/** What the transfer functions need. */
export interface TransferDeps {
  readonly content: ContentService;
  readonly state: StateService;
  /** The folder automatic backups go to: `<globalStorageUri>/backups`. */
  readonly backups: vscode.Uri;
  /** globalState, for the byte-exact snapshot taken beside each backup (see restore.ts). */
  readonly memento: vscode.Memento;
  readonly now: () => Date;
}

export interface ExportOutcome {
  readonly file: vscode.Uri;
  readonly reviews: number;
  readonly cards: number;
  readonly reads: number;
  readonly casePractices: number;
  readonly bytes: number;
}

/** How an import ended; `lines` is the dry-run summary the user saw (or would have seen). */
export type ImportOutcome =
  | { readonly status: 'refused'; readonly error: ImportError }
  | { readonly status: 'nothingNew'; readonly lines: readonly string[] }
  | { readonly status: 'cancelled'; readonly lines: readonly string[] }
  | { readonly status: 'imported'; readonly lines: readonly string[]; readonly tally: ImportTally; readonly backup: vscode.Uri };

export interface ResetOutcome {
  readonly cards: number;
  readonly reads: number;
  readonly backup: vscode.Uri;
}

/**
 * The stored state once it is open. Export and import work on the ids the history is stored under (a
 * renamed card's stays under its alias), so an export round-trips byte for byte and names only ids the
 * content still resolves.
 */
async function openState(state: StateService): Promise<StoredState> {
  await state.ready;
  return state.storedWithJournal();
}

/** The settings an export carries. A hand-edited role that is not even a well-formed id is left out. */
export function exportSettings(): ExportSettings {
  const role = roleSetting();
  return {
    role: role !== undefined && isContentId(role) ? role : null,
    desiredRetention: desiredRetention(),
    newCardsPerDay: newCardsPerDay(),
    sessionSize: sessionSize(),
  };
}

/** The export of everything the store holds now. */
export function currentExport(stored: StoredState, now: Date, interviews?: readonly Interview[]): ExportFile {
  return buildExport(
    { reviews: stored.reviews, cards: stored.cards, reads: stored.reads, casePractices: stored.casePractices, settings: exportSettings(), interviews },
    now,
  );
}

async function writeJson(file: vscode.Uri, value: unknown): Promise<number> {
  const bytes = new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
  await vscode.workspace.fs.writeFile(file, bytes);
  return bytes.byteLength;
}

/** Writes the export file; overwrites `file` (the save dialog has asked already). */
export async function exportTo(deps: TransferDeps, file: vscode.Uri): Promise<ExportOutcome> {
  const exported = currentExport(await openState(deps.state), deps.now(), deps.state.interviews.get().interviews);
  const bytes = await writeJson(file, exported);
  return {
    file,
    reviews: exported.reviews.length,
    cards: exported.cards.length,
    reads: exported.reads.length,
    casePractices: exported.casePractices.length,
    bytes,
  };
}

/** "2026-03-10": the local date, for the default export name. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `loop-prep-progress-2026-03-10.json`. */
export function exportFileName(now: Date): string {
  return `loop-prep-progress-${localDate(now)}.json`;
}

/**
 * Writes a snapshot of the stored state (restore.ts) and a full export beside it, named by the UTC
 * instant, the reason and the review count (`loop-prep-backup-2026-03-10T12-00-00-000Z-before-import-412r.json`).
 */
export async function writeBackup(deps: TransferDeps, reason: 'import' | 'reset'): Promise<vscode.Uri> {
  const now = deps.now();
  const exported = currentExport(await openState(deps.state), now);
  const snapshot = await writeSnapshot(deps.backups, deps.memento, now, reason);
  const file = exportBeside(snapshot);
  await writeJson(file, exported);
  return file;
}

/** Why a picked path is not a file we can import, or undefined. */
function notAFile(stat: vscode.FileStat): ImportError | undefined {
  return stat.type & vscode.FileType.File
    ? undefined
    : { kind: 'wrongShape', message: 'This is not a file. Choose a Loop Prep export file (.json). Nothing was imported.' };
}

/**
 * Imports `file`: size check before reading, parse, dry run, then `confirm(lines)` and, when it says
 * yes, a backup followed by `applyImport`. Nothing is written unless the user confirmed a plan that adds
 * something. The summary's lines are returned in every case but a refusal.
 */
export async function importFrom(deps: TransferDeps, file: vscode.Uri, confirm: (lines: readonly string[]) => Promise<boolean>): Promise<ImportOutcome> {
  const stat = await vscode.workspace.fs.stat(file);
  const refusal = notAFile(stat) ?? importSizeError(stat.size);
  if (refusal) return { status: 'refused', error: refusal };
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  await deps.content.ensureLoaded();
  const stored = await openState(deps.state);
  const parsed = parseImport(text, { now: deps.now(), knownCardIds: knownCardIds(deps.content.index) });
  if (!parsed.ok) return { status: 'refused', error: parsed.error };
  const plan = planImport(stored, parsed);
  const settings = exportSettings();
  const theirs = parsed.data.settings;
  const settingsDiffer =
    theirs.role !== settings.role ||
    theirs.desiredRetention !== settings.desiredRetention ||
    theirs.newCardsPerDay !== settings.newCardsPerDay ||
    theirs.sessionSize !== settings.sessionSize;
  const current = deps.state.interviews.get();
  const interviews = interviewsToImport(current.interviews, parsed.data.interviews ?? []);
  const empty = plan.summary.empty && interviews.length === 0;
  const lines = [
    ...plan.summary.lines,
    ...(interviews.length ? [`Adds or updates ${plural(interviews.length, 'interview date')}: ${interviews.map((i) => i.date).join(', ')}.`] : []),
    ...(settingsDiffer && !empty ? ['Your settings stay as they are; the file’s settings are not imported.'] : []),
  ];
  if (empty) return { status: 'nothingNew', lines };
  if (!(await confirm(lines))) return { status: 'cancelled', lines };
  const backup = await writeBackup(deps, 'import');
  const tally = await deps.state.applyImport(plan);
  if (interviews.length) await deps.state.interviews.set(mergeInterviews(deps.state.interviews.get(), interviews));
  return { status: 'imported', lines, tally, backup };
}

/** The card ids an import file may use for cards the bank has: current ids and the aliases of renamed cards. */
function knownCardIds(index: ContentIndex): ReadonlySet<string> {
  const known = new Set(index.questions.map((q) => q.id));
  for (const q of catalogOf(index).renamed('question')) for (const a of q.aliases) known.add(a);
  return known;
}

/**
 * Resets every card with stored state (new again; review history and suspensions are kept, see
 * `StateService.resetAll`) and marks every completed lesson and case walkthrough incomplete, after
 * writing a backup. Case practices are history and stay.
 */
export async function resetAll(deps: TransferDeps): Promise<ResetOutcome> {
  await deps.state.ready;
  const backup = await writeBackup(deps, 'reset');
  const { cards, reads } = await deps.state.resetAll();
  return { cards, reads, backup };
}

/** "12 reviews, 3 card schedules, 1 lesson or walkthrough and no case practices". */
export function describeTally(t: ImportTally): string {
  const n = (count: number, one: string, many = `${one}s`) => (count === 0 ? `no ${many}` : plural(count, one, many));
  return `${n(t.reviews, 'review')}, ${n(t.cardStates, 'card schedule')}, ${n(t.reads, 'lesson or walkthrough', 'lessons or walkthroughs')} and ${n(t.casePractices, 'case practice')}`;
}
