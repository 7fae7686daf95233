import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EMPTY_INDEX, failedFile, mergeIndexes } from '../../core/content/indexOps';
import type { ContentIndex, ContentProblem, Question } from '../../core/content/types';
import type * as PackLoader from './packLoader';
import { affects, contentFolders, Settings } from '../config';
import { log } from '../log';
import { readBuiltinIndex } from '../../node/builtinIndex';

/** Where a pack comes from, for messages and tests. */
export interface PackInfo {
  readonly folder: string;
  readonly origin: 'setting' | 'workspace';
  readonly questions: number;
  readonly problems: number;
}

const RELOAD_DEBOUNCE_MS = 300;

/**
 * Owns the content the extension shows: the built-in index (compiled at build time, read as JSON) plus
 * users' packs, loaded with the same parser and schema. Pack problems go to the Problems panel, one
 * diagnostic per problem; valid items still load. Reloads when pack files, the setting, the workspace
 * folders or workspace trust change.
 */
export class ContentService implements vscode.Disposable {
  private builtinIndex: ContentIndex = EMPTY_INDEX;
  private merged: ContentIndex = EMPTY_INDEX;
  /** The built-in index plus packs, before run-time extras. */
  private loaded: ContentIndex = EMPTY_INDEX;
  private extraQuestions: readonly Question[] = [];
  private packInfo: PackInfo[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('loop-prep-content');
  private readonly changed = new vscode.EventEmitter<ContentIndex>();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();

  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionPath: string) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affects(e, Settings.contentFolders)) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload()),
    );
  }

  /** Everything: built-in content first, then each pack's items. */
  get index(): ContentIndex {
    return this.merged;
  }

  get packs(): readonly PackInfo[] {
    return this.packInfo;
  }

  private firstLoad: Promise<void> | undefined;

  /** Loads once; later calls wait for that load. Reloads happen on file, setting and trust changes. */
  ensureLoaded(): Promise<void> {
    this.firstLoad ??= this.load();
    return this.firstLoad;
  }

  /** Loads the built-in index and every pack. Safe to call again; calls are serialized. */
  load(): Promise<void> {
    this.loading = this.loading.then(() => this.doLoad()).catch((err) => log().error(`loading content failed: ${err instanceof Error ? err.stack : err}`));
    return this.loading;
  }

  /**
   * Whatever happens to the packs, the built-in bank is assigned and published: a pack can only ever
   * cost its own items, reported in the Problems panel.
   */
  private async doLoad(): Promise<void> {
    if (this.builtinIndex === EMPTY_INDEX) this.builtinIndex = this.readBuiltin();
    const packs: ContentIndex[] = [];
    const problems: ContentProblem[] = [];
    const info: PackInfo[] = [];
    let folders: { folder: string; origin: 'setting' | 'workspace' }[] = [];
    try {
      folders = this.packFolders();
      const loaded = folders.length ? await this.packLoader().loadPacks(folders.map((f) => f.folder), this.builtinIndex) : [];
      loaded.forEach((pack, i) => {
        problems.push(...pack.problems);
        packs.push(pack.index);
        info.push({ folder: pack.folder, origin: folders[i].origin, questions: pack.index.questions.length, problems: pack.problems.length });
        log().info(`content pack ${pack.folder}: ${pack.index.questions.length} questions, ${pack.index.cases.length} cases, ${pack.index.lessons.length} lessons, ${pack.problems.length} problems`);
      });
    } catch (err) {
      log().error(`loading content packs failed; the built-in content is loaded: ${err instanceof Error ? err.stack : err}`);
      packs.length = 0;
      info.length = 0;
      for (const f of folders) problems.push(failedFile(f.folder, err));
    }
    try {
      this.loaded = packs.length ? mergeIndexes(this.builtinIndex, ...packs) : this.builtinIndex;
    } catch (err) {
      log().error(`merging content packs failed; the built-in content is loaded: ${err instanceof Error ? err.stack : err}`);
      this.loaded = this.builtinIndex;
    }
    this.merged = this.withExtras(this.loaded);
    this.packInfo = info;
    this.publish(problems);
    this.watch(folders.map((f) => f.folder));
    this.changed.fire(this.merged);
  }

  /**
   * Cards the extension makes at run time (one per rubric point missed in a case practice): appended to
   * `index.questions` now and after every reload, never written to disk. An extra whose id a loaded
   * question already has is dropped. Fires onDidChange.
   */
  setExtraQuestions(questions: readonly Question[]): void {
    this.extraQuestions = [...questions];
    this.merged = this.withExtras(this.loaded);
    this.changed.fire(this.merged);
  }

  private withExtras(index: ContentIndex): ContentIndex {
    if (this.extraQuestions.length === 0) return index;
    const taken = new Set(index.questions.map((q) => q.id));
    return { ...index, questions: [...index.questions, ...this.extraQuestions.filter((q) => !taken.has(q.id))] };
  }

  /** The pack compiler, a separate bundle loaded on first use (see packLoader.ts). */
  private packLoader(): typeof PackLoader {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose, from a sibling bundle
    return require(path.join(this.extensionPath, 'dist', 'packs.js')) as typeof PackLoader;
  }

  /** The compiled bank shipped in dist/: the lean index now, card texts per topic when first shown. */
  private readBuiltin(): ContentIndex {
    const dist = path.join(this.extensionPath, 'dist');
    const started = Date.now();
    try {
      const index = readBuiltinIndex(dist, (problem) => {
        log().error(problem);
        void vscode.window.showErrorMessage(`${problem} Reinstalling the extension should fix this.`);
      });
      log().info(`built-in content: ${index.questions.length} questions, ${index.cases.length} cases, ${index.lessons.length} lessons, read in ${Date.now() - started} ms`);
      return index;
    } catch (err) {
      const message = `Loop Prep could not read its built-in content (${path.join(dist, 'content.json')}): ${err instanceof Error ? err.message : err}. Reinstalling the extension should fix this; your own packs still load.`;
      log().error(message);
      void vscode.window.showErrorMessage(message);
      return EMPTY_INDEX;
    }
  }

  private packFolders(): { folder: string; origin: 'setting' | 'workspace' }[] {
    const out: { folder: string; origin: 'setting' | 'workspace' }[] = [];
    const seen = new Set<string>();
    const add = (folder: string, origin: 'setting' | 'workspace') => {
      const key = path.resolve(folder);
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ folder: key, origin });
      }
    };
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
    for (const f of contentFolders()) {
      const expanded = f.startsWith('~') ? path.join(os.homedir(), f.slice(1)) : f;
      add(path.isAbsolute(expanded) ? expanded : path.join(base, expanded), 'setting');
    }
    // Workspace packs run only in trusted workspaces: a cloned repo must not inject content unasked.
    if (vscode.workspace.isTrusted) {
      for (const wf of vscode.workspace.workspaceFolders ?? []) {
        if (wf.uri.scheme !== 'file') continue;
        const folder = path.join(wf.uri.fsPath, '.loopprep');
        if (fs.existsSync(folder)) add(folder, 'workspace');
      }
    }
    return out;
  }

  private publish(problems: readonly ContentProblem[]): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const line = Math.max(0, p.line - 1);
      const range = p.column ? new vscode.Range(line, p.column - 1, line, p.column) : new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER);
      const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'Loop Prep';
      const list = byFile.get(p.file) ?? [];
      list.push(d);
      byFile.set(p.file, list);
      log()[p.severity === 'error' ? 'error' : 'warn'](`${p.file}:${p.line}: ${p.message}`);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
  }

  private watch(folders: string[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of folders) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**/*.md'));
      const onEvent = () => this.scheduleReload();
      this.watchers.push(watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent));
    }
    // A workspace's .loopprep folder may be created after activation.
    if (vscode.workspace.isTrusted) {
      for (const wf of vscode.workspace.workspaceFolders ?? []) {
        if (folders.includes(path.join(wf.uri.fsPath, '.loopprep'))) continue;
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(wf, '.loopprep/**/*.md'), false, true, true);
        this.watchers.push(watcher, watcher.onDidCreate(() => this.scheduleReload()));
      }
    }
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.load();
    }, RELOAD_DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
