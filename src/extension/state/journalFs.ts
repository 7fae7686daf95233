/**
 * The journal's file access (core/review/journal.ts) over `vscode.workspace.fs`, in a folder under
 * `ExtensionContext.globalStorageUri`. That URI is where the extension host runs: the local disk in
 * desktop VS Code, the server's disk in the browser workbench (code-server), so the journal survives
 * whatever happens to the browser's storage.
 */
import * as vscode from 'vscode';
import type { JournalFs } from '../../core/review/journal';

function notFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError ? err.code === 'FileNotFound' : /ENOENT|FileNotFound|EntryNotFound/.test(String(err));
}

/**
 * A `JournalFs` for `folder`. A write goes to a temporary file that is then renamed over the segment, so
 * an interrupted write leaves the previous version whole; providers that cannot rename get a plain write.
 */
export function workspaceJournalFs(folder: vscode.Uri): JournalFs {
  let made: Promise<void> | undefined;
  const ensureFolder = () => (made ??= Promise.resolve(vscode.workspace.fs.createDirectory(folder)));
  return {
    async list() {
      try {
        return (await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
      } catch (err) {
        if (notFound(err)) return [];
        throw err;
      }
    },
    async read(name) {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
    },
    async write(name, text) {
      await ensureFolder();
      const target = vscode.Uri.joinPath(folder, name);
      const bytes = new TextEncoder().encode(text);
      const temp = vscode.Uri.joinPath(folder, `.${name}.tmp`);
      try {
        await vscode.workspace.fs.writeFile(temp, bytes);
        await vscode.workspace.fs.rename(temp, target, { overwrite: true });
      } catch {
        await vscode.workspace.fs.writeFile(target, bytes);
      }
    },
  };
}

/** Moves the journal folder aside (after a restore replaced the state it describes); false when there was none. */
export async function retireJournal(folder: vscode.Uri, as: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.rename(folder, vscode.Uri.joinPath(folder, '..', as), { overwrite: false });
    return true;
  } catch (err) {
    if (notFound(err)) return false;
    throw err;
  }
}
