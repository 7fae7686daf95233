/**
 * The quarantine on disk: values read from stored state that could not be used, kept instead of
 * dropped, in `<globalStorageUri>/quarantine/`, one file per batch. They used to sit under a globalState
 * key, which made every rating slow once it grew: VS Code writes an extension's whole globalState (every
 * key, as one value) after each update, so a 20 MB quarantine was serialised again for each review.
 * Nothing here is read on the way to a rating; the files are read only to show or discard them.
 */
import * as vscode from 'vscode';
import type { QuarantineItem } from '../../core/review/format';
import { REVIEW_QUARANTINE_KEY } from '../../core/review/keys';
import type { QuarantineSink } from '../../core/review/storeApi';

/** Files larger than this are listed but not loaded into the JSON view. */
const MAX_SHOWN_BYTES = 64 * 1024 * 1024;

export interface QuarantineContents {
  /** Every kept value, oldest batch first; a file that is not JSON appears as one item with its text. */
  readonly items: unknown[];
  readonly files: number;
  readonly bytes: number;
}

export class QuarantineFiles implements QuarantineSink {
  private seq = 0;

  constructor(readonly folder: vscode.Uri) {}

  get where(): string {
    return this.folder.scheme === 'file' ? this.folder.fsPath : this.folder.toString(true);
  }

  /** Writes one batch; never rewrites or reads earlier batches. */
  async keep(items: readonly QuarantineItem[] | readonly unknown[]): Promise<void> {
    if (!items.length) return;
    await vscode.workspace.fs.createDirectory(this.folder);
    const name = `quarantine-${new Date().toISOString().replace(/[:.]/g, '-')}-${(this.seq++).toString(36)}-${Math.random().toString(36).slice(2, 6)}.json`;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.folder, name), new TextEncoder().encode(JSON.stringify(items)));
  }

  /**
   * Moves a quarantine left under the old globalState key into a file, then clears the key, so it stops
   * costing every write. Resolves to how many items moved.
   */
  async adoptFrom(memento: vscode.Memento): Promise<number> {
    const old = memento.get<unknown>(REVIEW_QUARANTINE_KEY);
    if (old === undefined) return 0;
    const items = Array.isArray(old) ? old : [{ at: null, kind: 'corrupt', key: REVIEW_QUARANTINE_KEY, details: 'quarantine was not a list', value: old }];
    await this.keep(items);
    await memento.update(REVIEW_QUARANTINE_KEY, undefined);
    return items.length;
  }

  private async names(): Promise<string[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.folder))
        .filter(([name, type]) => type & vscode.FileType.File && name.endsWith('.json'))
        .map(([name]) => name)
        .sort();
    } catch {
      return [];
    }
  }

  /** Everything kept, for the read-only view. */
  async read(): Promise<QuarantineContents> {
    const items: unknown[] = [];
    let bytes = 0;
    const names = await this.names();
    for (const name of names) {
      const file = vscode.Uri.joinPath(this.folder, name);
      const size = (await vscode.workspace.fs.stat(file)).size;
      bytes += size;
      if (bytes > MAX_SHOWN_BYTES) {
        items.push({ file: name, details: `not shown: the quarantine passes ${MAX_SHOWN_BYTES / 1024 / 1024} MB`, bytes: size });
        continue;
      }
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
      try {
        const value: unknown = JSON.parse(text);
        if (Array.isArray(value)) items.push(...value);
        else items.push(value);
      } catch {
        items.push({ file: name, details: 'this quarantine file is not JSON', text: text.slice(0, 10_000) });
      }
    }
    return { items, files: names.length, bytes };
  }

  /** Deletes every kept value. */
  async discard(): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.folder, { recursive: true, useTrash: false });
    } catch (err) {
      if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) throw err;
    }
  }
}
