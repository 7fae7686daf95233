/**
 * Activation, and nothing more: every command, the Study Plan tree, the Progress view, the panel serializers
 * and `@loopprep` are registered here as stand-ins, and the features (dist/main.js, main.ts) load on the
 * first thing that needs them (a command, the tree asking for its nodes, a view or panel to show, a chat
 * request, the API) or just after activation returns, whichever comes first. Activation then costs about
 * what a hello-world costs and holds up nothing VS Code waits on, while the features still load while the
 * workbench draws the view that asked for them. A main bundle that fails to load is reported once, with
 * where to look; every stand-in then says so instead of throwing.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { CHAT_PARTICIPANT, Commands, Panels, Views } from './commands';
import type { LoopPrepApi } from './main';
import { escapeHtml } from '../core/text';
import { direct, type Platform } from './platform';

export type { LoopPrepApi, WebviewKind } from './main';

/** What the shell measured: the API's `shell`, which never loads the features. */
export interface ShellInfo {
  readonly activationMs: number;
  /** Requiring dist/main.js and running its activation; undefined until the features loaded. */
  readonly mainLoadMs: number | undefined;
  /** Command ids that have no handler once the features loaded (a build defect; logged). */
  readonly unhandledCommands: readonly string[];
}

/**
 * The features load this long after activation returns when nothing asked for them sooner. Not later: the
 * view that activated Loop Prep asks for its nodes next, and loading while the workbench draws it keeps the
 * Study Plan as quick to appear as when everything loaded during activation (a second's wait made it about
 * 250 ms slower, median of 6 windows each).
 */
const IDLE_LOAD_MS = 0;

const SHELL_COMMANDS: ReadonlySet<string> = new Set(Object.values(Commands));
const SHELL_PANELS: ReadonlySet<string> = new Set(Object.values(Panels));

type Handler = (...args: unknown[]) => unknown;
type MainModule = typeof import('./main');

class Shell implements vscode.Disposable {
  private main: LoopPrepApi | undefined;
  private failure: Error | undefined;
  private loading = false;
  private deactivateMain: (() => void) | undefined;
  private mainLoadMs: number | undefined;
  private unhandled: string[] = [];
  private channel: vscode.LogOutputChannel | undefined;
  private readonly handlers = new Map<string, Handler>();
  private readonly serializers = new Map<string, vscode.WebviewPanelSerializer>();
  private treeTarget: vscode.TreeDataProvider<unknown> | undefined;
  private progressTarget: vscode.WebviewViewProvider | undefined;
  private chatHandler: vscode.ChatRequestHandler | undefined;
  private readonly treeChanged = new vscode.EventEmitter<unknown>();
  private readonly disposables: vscode.Disposable[] = [this.treeChanged];
  private readonly tree: vscode.TreeView<unknown>;
  private readonly participant: vscode.ChatParticipant | undefined;
  private readonly idle: ReturnType<typeof setTimeout>;
  readonly activationMs: number;

  constructor(private readonly context: vscode.ExtensionContext) {
    const started = performance.now();
    for (const id of SHELL_COMMANDS) this.disposables.push(direct.registerCommand(id, (...args: unknown[]) => this.run(id, args)));
    this.tree = direct.createTreeView<unknown>(Views.studyPlan, {
      showCollapseAll: true,
      treeDataProvider: {
        onDidChangeTreeData: this.treeChanged.event,
        getChildren: (node) => this.treeChildren(node),
        getTreeItem: (node) => this.treeProvider()!.getTreeItem(node),
        getParent: (node) => this.treeProvider()?.getParent?.(node),
      },
    });
    this.disposables.push(
      this.tree,
      direct.registerWebviewViewProvider(Views.progress, {
        resolveWebviewView: (view, ctx, token) => {
          if (this.features()) return this.progressTarget?.resolveWebviewView(view, ctx, token);
          view.webview.html = `<p>${escapeHtml(this.failure?.message ?? 'Loop Prep could not load.')}</p>`;
        },
      }),
      ...[...SHELL_PANELS].map((viewType) =>
        direct.registerWebviewPanelSerializer(viewType, {
          deserializeWebviewPanel: async (panel, state) => {
            const serializer = this.features() && this.serializers.get(viewType);
            if (serializer) return serializer.deserializeWebviewPanel(panel, state);
            panel.dispose();
          },
        }),
      ),
    );
    this.participant = this.createParticipant();
    this.idle = setTimeout(() => this.features(), IDLE_LOAD_MS);
    this.activationMs = performance.now() - started;
  }

  /** The stand-ins the features register through (platform.ts); ids the shell does not know go to VS Code directly. */
  readonly platform: Platform = {
    registerCommand: (id, handler) => {
      if (!SHELL_COMMANDS.has(id)) return direct.registerCommand(id, handler);
      this.handlers.set(id, handler);
      return new vscode.Disposable(() => this.handlers.get(id) === handler && this.handlers.delete(id));
    },
    createTreeView: <T>(viewId: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> => {
      if (viewId !== Views.studyPlan || this.treeTarget) return direct.createTreeView(viewId, options);
      const target = options.treeDataProvider as vscode.TreeDataProvider<unknown>;
      this.treeTarget = target;
      if (target.onDidChangeTreeData) this.disposables.push(target.onDidChangeTreeData((e) => this.treeChanged.fire(e)));
      // The features' first nodes replace the empty list VS Code may have asked for before they loaded.
      this.treeChanged.fire(undefined);
      return this.tree as vscode.TreeView<T>;
    },
    registerWebviewViewProvider: (viewId, provider) => {
      if (viewId !== Views.progress || this.progressTarget) return direct.registerWebviewViewProvider(viewId, provider);
      this.progressTarget = provider;
      return new vscode.Disposable(() => (this.progressTarget = undefined));
    },
    registerWebviewPanelSerializer: (viewType, serializer) => {
      if (!SHELL_PANELS.has(viewType) || this.serializers.has(viewType)) return direct.registerWebviewPanelSerializer(viewType, serializer);
      this.serializers.set(viewType, serializer);
      return new vscode.Disposable(() => this.serializers.delete(viewType));
    },
    createChatParticipant: (id, handler) => {
      if (id !== CHAT_PARTICIPANT || this.chatHandler) return direct.createChatParticipant(id, handler);
      this.chatHandler = handler;
      return this.participant;
    },
    createLog: () => this.log(),
  };

  /** The API, loading the features on first use; `shell` and promise checks (`then`) never load them. */
  readonly api = new Proxy({} as LoopPrepApi & { readonly shell: ShellInfo }, {
    get: (_target, key) => {
      if (key === 'shell') return this.info();
      if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined;
      return Reflect.get(this.load(), key);
    },
    has: (_target, key) => key === 'shell' || (typeof key === 'string' && key in this.load()),
  });

  info(): ShellInfo {
    return { activationMs: this.activationMs, mainLoadMs: this.mainLoadMs, unhandledCommands: [...this.unhandled] };
  }

  /** The features, loaded now if they were not; throws what made them fail. */
  private load(): LoopPrepApi {
    if (this.main) return this.main;
    if (this.failure) throw this.failure;
    if (this.loading) throw new Error('Loop Prep: the features asked for themselves while loading');
    this.loading = true;
    clearTimeout(this.idle);
    const started = performance.now();
    const file = path.join(this.context.extensionPath, 'dist', 'main.js');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose, from a sibling bundle
      const main = require(file) as MainModule;
      this.main = main.activateMain(this.context, this.platform);
      this.deactivateMain = main.deactivateMain;
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.failure = new Error(`Loop Prep could not load its features from ${file} (${why}). Reinstalling the extension should fix this.`);
      this.log().error(`${this.failure.message}\n${err instanceof Error ? err.stack : ''}`);
      void vscode.window.showErrorMessage(this.failure.message, 'Show Log').then((pick) => pick && this.log().show(true));
      this.tree.message = this.failure.message;
      throw this.failure;
    } finally {
      this.loading = false;
    }
    this.mainLoadMs = performance.now() - started;
    this.unhandled = [...SHELL_COMMANDS].filter((id) => !this.handlers.has(id));
    if (this.unhandled.length) this.log().error(`no handler registered for ${this.unhandled.join(', ')}`);
    this.log().info(
      `activated in ${this.activationMs.toFixed(1)} ms; features loaded in ${this.mainLoadMs.toFixed(1)} ms (dist/main.js required and set up, and whatever the first request read)`,
    );
    return this.main;
  }

  /** The features, or undefined when they failed to load (already reported). */
  private features(): LoopPrepApi | undefined {
    try {
      return this.load();
    } catch {
      return undefined;
    }
  }

  /**
   * The tree's nodes. The first request usually comes before the content is read: it waits for the content
   * and the review state, so the view shows its topics at once, not the welcome view and then the topics.
   */
  private async treeChildren(node: unknown): Promise<unknown[]> {
    const features = this.features();
    if (!features || !this.treeTarget) return [];
    if (node === undefined) await Promise.all([features.content.ensureLoaded(), features.state.ready]).catch(() => undefined);
    return (await this.treeTarget.getChildren(node)) ?? [];
  }

  private treeProvider(): vscode.TreeDataProvider<unknown> | undefined {
    return this.features() && this.treeTarget;
  }

  private async run(id: string, args: unknown[]): Promise<unknown> {
    if (!this.features()) {
      void vscode.window.showErrorMessage(this.failure?.message ?? 'Loop Prep could not load.');
      return undefined;
    }
    const handler = this.handlers.get(id);
    if (handler) return handler(...args);
    void vscode.window.showErrorMessage(`Loop Prep: "${id}" is not available in this build. Details are in "Loop Prep: Show Log".`);
    return undefined;
  }

  private createParticipant(): vscode.ChatParticipant | undefined {
    try {
      const participant = direct.createChatParticipant(CHAT_PARTICIPANT, (request, context, stream, token) => {
        if (this.features() && this.chatHandler) return this.chatHandler(request, context, stream, token);
        stream.markdown(this.failure?.message ?? 'Loop Prep could not load.');
        return {};
      });
      if (!participant) return undefined;
      participant.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
      this.disposables.push(participant);
      return participant;
    } catch {
      // The features log why when they ask for the participant and get none.
      return undefined;
    }
  }

  private log(): vscode.LogOutputChannel {
    return (this.channel ??= direct.createLog());
  }

  dispose(): void {
    clearTimeout(this.idle);
    this.deactivateMain?.();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.channel?.dispose();
    this.channel = undefined;
  }
}

let shell: Shell | undefined;

export function activate(context: vscode.ExtensionContext): LoopPrepApi & { readonly shell: ShellInfo } {
  shell = new Shell(context);
  context.subscriptions.push(shell);
  return shell.api;
}

export function deactivate(): void {
  shell?.dispose();
  shell = undefined;
}
