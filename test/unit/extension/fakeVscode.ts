/**
 * Just enough of the `vscode` module for the activation shell (src/extension/extension.ts), recording what
 * it registers. Imported first by the shell's test: it answers `require('vscode')` from then on.
 */
import * as nodeModule from 'module';

/** The loader itself (the module's `Module` is the loader), not esbuild's namespace copy of it. */
const Module = (nodeModule as unknown as { Module: unknown }).Module;

export interface Registered {
  commands: Map<string, (...args: unknown[]) => unknown>;
  trees: { id: string; options: { treeDataProvider: TreeProvider; showCollapseAll?: boolean }; view: { message?: string; dispose(): void } }[];
  views: Map<string, { resolveWebviewView(view: unknown, ctx: unknown, token: unknown): unknown }>;
  serializers: Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> }>;
  participants: { id: string; handler: (...args: unknown[]) => unknown; iconPath?: unknown }[];
  errors: string[];
  logLines: string[];
  disposed: number;
}

export interface TreeProvider {
  onDidChangeTreeData(listener: (e: unknown) => void): { dispose(): void };
  getChildren(node?: unknown): unknown;
  getTreeItem(node: unknown): unknown;
  getParent?(node: unknown): unknown;
}

export const registered: Registered = {
  commands: new Map(),
  trees: [],
  views: new Map(),
  serializers: new Map(),
  participants: [],
  errors: [],
  logLines: [],
  disposed: 0,
};

export function resetRegistered(): void {
  registered.commands.clear();
  registered.trees.length = 0;
  registered.views.clear();
  registered.serializers.clear();
  registered.participants.length = 0;
  registered.errors.length = 0;
  registered.logLines.length = 0;
  registered.disposed = 0;
}

class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  dispose(): void {
    registered.disposed++;
    this.fn();
  }
}

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

const fake = {
  Disposable,
  EventEmitter,
  Uri: {
    joinPath: (base: { path: string }, ...parts: string[]) => {
      const joined = [base.path, ...parts].join('/');
      return { path: joined, fsPath: joined, toString: () => `file://${joined}` };
    },
  },
  commands: {
    registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
      if (registered.commands.has(id)) throw new Error(`command '${id}' already exists`);
      registered.commands.set(id, handler);
      return new Disposable(() => registered.commands.delete(id));
    },
  },
  window: {
    createTreeView(id: string, options: Registered['trees'][number]['options']) {
      const view = { message: undefined as string | undefined, dispose: () => undefined };
      registered.trees.push({ id, options, view });
      return view;
    },
    registerWebviewViewProvider(id: string, provider: never) {
      registered.views.set(id, provider);
      return new Disposable();
    },
    registerWebviewPanelSerializer(viewType: string, serializer: never) {
      registered.serializers.set(viewType, serializer);
      return new Disposable();
    },
    showErrorMessage(message: string) {
      registered.errors.push(message);
      return Promise.resolve(undefined);
    },
    createOutputChannel() {
      const line = (s: string) => registered.logLines.push(s);
      return { info: line, warn: line, error: line, show: () => undefined, dispose: () => undefined };
    },
  },
  chat: {
    createChatParticipant(id: string, handler: (...args: unknown[]) => unknown) {
      const participant = { id, handler, iconPath: undefined as unknown, dispose: () => undefined };
      registered.participants.push(participant);
      return participant;
    },
  },
};

const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'loop-prep-fake-vscode' : resolve.call(this, request, ...rest);
};
(require.cache as Record<string, unknown>)['loop-prep-fake-vscode'] = {
  id: 'loop-prep-fake-vscode',
  filename: 'loop-prep-fake-vscode',
  loaded: true,
  exports: fake,
};
