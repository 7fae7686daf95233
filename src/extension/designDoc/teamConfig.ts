import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, CONFIG_FOLDER, MAX_CONFIG_BYTES, parseConfigFile, type ConfigProblem, type DesignDocConfig } from '../../core/designDoc';

/** The name of the DiagnosticCollection for problems in `.loopprep/design-doc.*` files. */
export const DESIGN_DOC_CONFIG_DIAGNOSTICS = 'loop-prep-design-doc-config';

interface Loaded {
  readonly uri?: vscode.Uri;
  readonly config?: DesignDocConfig;
}

/**
 * The team config in force for each design doc: the nearest `.loopprep/design-doc.{json,yaml,yml}` from
 * the doc's folder up to its workspace folder. Read through vscode.workspace.fs (so remote and virtual
 * workspaces work), cached, and re-read when such a file changes; problems in a config show as
 * diagnostics on the config file itself.
 */
export class DesignDocConfigs implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DESIGN_DOC_CONFIG_DIAGNOSTICS);
  private readonly byFolder = new Map<string, Promise<Loaded>>();
  private readonly resolved = new Map<string, Loaded>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a config file is created, changed or deleted: open docs should be checked again. */
  readonly onDidChange = this.changed.event;
  /** Bumped on every change, so parsed docs cached under an older config are parsed again. */
  generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changed];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FOLDER}/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reset = (uri: vscode.Uri) => {
      this.byFolder.clear();
      this.resolved.clear();
      this.collection.delete(uri);
      this.generation++;
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset));
  }

  /** The config already known for a doc (undefined before resolve() has finished once). */
  peek(document: vscode.TextDocument): DesignDocConfig | undefined {
    const dir = this.folderOf(document);
    return dir ? this.resolved.get(dir.toString())?.config : undefined;
  }

  /** Finds and reads the doc's config; never rejects. */
  async resolve(document: vscode.TextDocument): Promise<DesignDocConfig | undefined> {
    const dir = this.folderOf(document);
    if (!dir) return undefined;
    const key = dir.toString();
    let pending = this.byFolder.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = this.find(dir, vscode.workspace.getWorkspaceFolder(document.uri)?.uri).then((loaded) => {
        if (generation === this.generation) this.resolved.set(key, loaded);
        return loaded;
      });
      this.byFolder.set(key, pending);
    }
    return (await pending).config;
  }

  /** The doc's folder, for docs in a workspace folder (untitled docs have no team config). */
  private folderOf(document: vscode.TextDocument): vscode.Uri | undefined {
    if (document.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(document.uri)) return undefined;
    return vscode.Uri.joinPath(document.uri, '..');
  }

  private async find(dir: vscode.Uri, root: vscode.Uri | undefined): Promise<Loaded> {
    for (let d = dir, n = 0; n < 64; n++) {
      for (const name of CONFIG_FILE_NAMES) {
        const uri = vscode.Uri.joinPath(d, CONFIG_FOLDER, name);
        const loaded = await this.read(uri);
        if (loaded) return loaded;
      }
      if (!root || d.toString() === root.toString() || !d.path.startsWith(root.path)) break;
      const up = vscode.Uri.joinPath(d, '..');
      if (up.toString() === d.toString()) break;
      d = up;
    }
    return {};
  }

  /** Reads one candidate: undefined when it does not exist; its problems are published on it. */
  private async read(uri: vscode.Uri): Promise<Loaded | undefined> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined;
    }
    const file = vscode.workspace.asRelativePath(uri);
    let problems: ConfigProblem[];
    let config: DesignDocConfig | undefined;
    if (stat.type !== vscode.FileType.File) problems = [{ file, line: 1, message: 'this is not a file' }];
    else if (stat.size > MAX_CONFIG_BYTES) problems = [{ file, line: 1, message: `the config is too large (over ${MAX_CONFIG_BYTES / 1024} KB)` }];
    else {
      try {
        const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        ({ config, problems } = parseConfigFile(text, file));
      } catch (err) {
        problems = [{ file, line: 1, message: `cannot read the config: ${err instanceof Error ? err.message : String(err)}` }];
      }
    }
    this.collection.set(
      uri,
      problems.map((p) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(p.line - 1, 0, p.line - 1, Number.MAX_SAFE_INTEGER),
          `Loop Prep design-doc config: ${p.message}`,
          vscode.DiagnosticSeverity.Error,
        );
        d.source = 'Loop Prep';
        return d;
      }),
    );
    // A config with problems still applies what is valid in it (validateConfig drops the bad entries).
    return { uri, config };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
