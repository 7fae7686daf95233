/**
 * "Export Progress", "Import Progress" and "Reset Progress": the dialogs around transfer.ts, and what the
 * user is told afterwards. The `run*` functions take the dialog's answer as a function, so the test API
 * runs exactly what the commands run, minus the dialogs.
 */
import * as os from 'os';
import * as vscode from 'vscode';
import { log } from '../log';
import { registerCommand } from '../registerCommand';
import { Commands } from '../commands';
import { listSnapshots, restoreSnapshot, SNAPSHOT_SUFFIX, type RestoreOutcome } from './restore';
import { describeTally, exportFileName, exportTo, importFrom, resetAll } from './transfer';
import type { ExportOutcome, ImportOutcome, ResetOutcome, TransferDeps } from './transfer';
import { plural } from '../../core/text';

const FILTERS = { 'Loop Prep progress': ['json'] };

/** A path for messages: the file system path for local files, the URI otherwise. */
export function displayPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

function offerBackup(message: string, backup: vscode.Uri): void {
  void vscode.window
    .showInformationMessage(`${message} To undo, run "Loop Prep: Restore Progress from Backup…".`, 'Restore Now', 'Open Backup')
    .then(async (choice) => {
      if (choice === 'Open Backup') await vscode.window.showTextDocument(backup, { preview: true });
      if (choice === 'Restore Now')
        await vscode.commands.executeCommand(Commands.restoreProgress, backup.with({ path: backup.path.replace(/\.json$/, '') + SNAPSHOT_SUFFIX }));
    });
}

/** Restores a state backup and says how to undo the restore itself. */
export async function runRestore(deps: TransferDeps, file: vscode.Uri): Promise<RestoreOutcome> {
  const out = await restoreSnapshot(file, deps);
  if (out.status === 'refused') {
    log().warn(`restore of ${displayPath(file)} refused: ${out.message}`);
    void vscode.window.showErrorMessage(`Loop Prep: ${out.message}`);
  } else {
    log().info(`restored progress from ${displayPath(file)}; the state before it is in ${displayPath(out.undo)}`);
    void vscode.window.showInformationMessage(
      `Loop Prep restored your progress from ${displayPath(file)}. The progress it replaced is saved in ${displayPath(out.undo)}.`,
    );
  }
  return out;
}

const REASONS = { daily: 'daily backup', import: 'before an import', reset: 'before a reset', restore: 'before a restore' } as const;

async function restoreCommand(deps: TransferDeps, arg?: unknown): Promise<RestoreOutcome | undefined> {
  let file = arg instanceof vscode.Uri ? arg : undefined;
  if (!file) {
    const snapshots = await listSnapshots(deps.backups);
    const items = [
      ...snapshots.map((s) => ({
        label: s.takenAt.toLocaleString(),
        description: `${s.reviews === undefined ? 'unreadable' : plural(s.reviews, 'review')} · ${REASONS[s.reason]}`,
        uri: s.uri,
      })),
      { label: '$(folder-opened) Browse…', description: 'choose a .state.json backup file', uri: undefined as vscode.Uri | undefined },
    ];
    const pick = await vscode.window.showQuickPick(items, {
      placeHolder: snapshots.length ? 'Restore which backup? Newest first.' : 'No automatic backups yet. Browse for a backup file?',
    });
    if (!pick) return undefined;
    file =
      pick.uri ??
      (
        await vscode.window.showOpenDialog({
          canSelectMany: false,
          defaultUri: deps.backups,
          filters: { 'Loop Prep state backup': ['json'] },
          openLabel: 'Restore',
        })
      )?.[0];
    if (!file) return undefined;
  }
  const choice = await vscode.window.showWarningMessage(
    'Replace your current Loop Prep progress with this backup?',
    { modal: true, detail: 'Your current progress is saved first, so this can be undone the same way.' },
    'Restore',
  );
  return choice === 'Restore' ? runRestore(deps, file) : undefined;
}

/** Exports to `file` and says where it went. */
export async function runExport(deps: TransferDeps, file: vscode.Uri): Promise<ExportOutcome> {
  const out = await exportTo(deps, file);
  log().info(
    `exported ${out.reviews} reviews, ${out.cards} card states, ${out.reads} reads and ${out.casePractices} case practices (${out.bytes} bytes) to ${displayPath(file)}`,
  );
  void vscode.window.showInformationMessage(
    `Loop Prep exported ${plural(out.reviews, 'review')} and the schedule of ${plural(out.cards, 'card')} to ${displayPath(file)}.`,
  );
  return out;
}

/**
 * Imports `file`, asking `confirm` with the dry run's lines, and reports the outcome: a refusal as an
 * error with the parser's message, an import with what was applied and where the backup is.
 */
export async function runImport(deps: TransferDeps, file: vscode.Uri, confirm: (lines: readonly string[]) => Promise<boolean>): Promise<ImportOutcome> {
  const outcome = await importFrom(deps, file, confirm);
  const where = displayPath(file);
  switch (outcome.status) {
    case 'refused':
      log().warn(`import of ${where} refused (${outcome.error.kind}): ${outcome.error.message}`);
      void vscode.window.showErrorMessage(`Loop Prep: ${outcome.error.message}`);
      break;
    case 'nothingNew':
      log().info(`import of ${where}: nothing new`);
      void vscode.window.showInformationMessage(`Loop Prep: ${outcome.lines.join(' ')}`);
      break;
    case 'cancelled':
      log().info(`import of ${where} cancelled`);
      break;
    case 'imported': {
      const applied = describeTally(outcome.tally);
      const { reviews, cardStates, reads, casePractices } = outcome.tally;
      // The rules are checked again when writing: another window, or newer local history, can leave nothing to do.
      const what =
        reviews + cardStates + reads + casePractices
          ? `Loop Prep imported ${applied}.`
          : 'Loop Prep changed nothing: your own history is as new or newer than the file’s.';
      log().info(`imported ${applied} from ${where}; backup of the state before it: ${displayPath(outcome.backup)}`);
      offerBackup(`${what} A copy of your progress from before the import is saved in ${displayPath(outcome.backup)}.`, outcome.backup);
      break;
    }
  }
  return outcome;
}

/** Resets everything after a backup and says where the backup is. */
export async function runReset(deps: TransferDeps): Promise<ResetOutcome> {
  const out = await resetAll(deps);
  log().info(`reset ${out.cards} cards and ${out.reads} completed reads; backup of the state before it: ${displayPath(out.backup)}`);
  offerBackup(
    `Loop Prep reset ${plural(out.cards, 'card')} to new and marked ${plural(out.reads, 'lesson or walkthrough', 'lessons or walkthroughs')} incomplete. A copy of your progress from before the reset is saved in ${displayPath(out.backup)}.`,
    out.backup,
  );
  return out;
}

function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

async function exportCommand(deps: TransferDeps): Promise<ExportOutcome | undefined> {
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(defaultFolder(), exportFileName(deps.now())),
    filters: FILTERS,
    saveLabel: 'Export',
    title: 'Export Loop Prep Progress',
  });
  return target ? runExport(deps, target) : undefined;
}

async function importCommand(deps: TransferDeps): Promise<ImportOutcome | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    defaultUri: defaultFolder(),
    filters: FILTERS,
    openLabel: 'Import',
    title: 'Import Loop Prep Progress',
  });
  const file = picked?.[0];
  if (!file) return undefined;
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  return runImport(deps, file, async (lines) => {
    const choice = await vscode.window.showInformationMessage(
      `Import progress from ${name}?`,
      { modal: true, detail: `${lines.join('\n')}\n\nA backup of your current progress is saved first.` },
      'Import',
    );
    return choice === 'Import';
  });
}

async function resetCommand(deps: TransferDeps): Promise<ResetOutcome | undefined> {
  const choice = await vscode.window.showWarningMessage(
    'Reset all your Loop Prep progress?',
    {
      modal: true,
      detail:
        'Every card becomes new again and no lesson or case walkthrough stays marked complete. Your review history, XP, streak and case practices are kept: they are history. A backup of your progress is saved first.',
    },
    'Reset Progress',
  );
  return choice === 'Reset Progress' ? runReset(deps) : undefined;
}

/** Registers Export, Import, Reset and Restore Progress; each is guarded (a failure is logged and shown, never thrown). */
export function registerProgressCommands(context: vscode.ExtensionContext, deps: TransferDeps): void {
  const register = registerCommand(context);
  register(Commands.exportProgress, 'Export Progress', () => exportCommand(deps));
  register(Commands.importProgress, 'Import Progress', () => importCommand(deps));
  register(Commands.resetProgress, 'Reset Progress', () => resetCommand(deps));
  register(Commands.restoreProgress, 'Restore Progress', (arg?: unknown) => restoreCommand(deps, arg));
}
