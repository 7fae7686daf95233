import { registered, resetRegistered } from './fakeVscode';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHAT_PARTICIPANT, Commands, Panels, Views } from '../../../src/extension/commands';
import { activate, deactivate } from '../../../src/extension/extension';

/**
 * A stand-in for dist/main.js: registers through the platform it is handed, as main.ts does, and counts
 * its loads in a global so the test sees when (and whether) the shell required it.
 */
const FAKE_MAIN = `
const g = globalThis.__loopPrepFakeMain ??= { loads: 0 };
exports.activateMain = (context, platform) => {
  g.loads++;
  if (g.throwOnLoad) throw new Error(g.throwOnLoad);
  const skip = new Set(g.skip ?? []);
  for (const id of g.ids) if (!skip.has(id)) platform.registerCommand(id, (...args) => ({ ran: id, args }));
  const listeners = [];
  const provider = {
    onDidChangeTreeData: (l) => (listeners.push(l), { dispose() {} }),
    getChildren: (node) => (node ? [] : g.contentLoaded ? ['topic-a', 'topic-b'] : ['(welcome: no content yet)']),
    getTreeItem: (node) => ({ label: node }),
    getParent: () => undefined,
  };
  g.fireTree = (e) => listeners.forEach((l) => l(e));
  g.tree = platform.createTreeView('${Views.studyPlan}', { treeDataProvider: provider, showCollapseAll: true });
  platform.registerWebviewViewProvider('${Views.progress}', { resolveWebviewView: (view) => { view.resolvedBy = 'main'; } });
  for (const t of g.panels) platform.registerWebviewPanelSerializer(t, { deserializeWebviewPanel: async (panel) => { panel.revivedBy = 'main'; } });
  g.participant = platform.createChatParticipant('${CHAT_PARTICIPANT}', async () => ({ metadata: { from: 'main' } }));
  platform.createLog().info('fake main loaded');
  g.contentLoaded = false;
  const content = { name: 'content', ensureLoaded: () => new Promise((r) => setTimeout(() => { g.contentLoaded = true; r(); }, 20)) };
  return { activatedAt: 1, content, state: { ready: Promise.resolve() } };
};
exports.deactivateMain = () => { g.deactivated = true; };
`;

interface FakeMainState {
  loads: number;
  ids: string[];
  panels: string[];
  skip?: string[];
  throwOnLoad?: string;
  fireTree?: (e: unknown) => void;
  tree?: unknown;
  participant?: unknown;
  deactivated?: boolean;
  contentLoaded?: boolean;
}

const fakeMain = (): FakeMainState => (globalThis as { __loopPrepFakeMain?: FakeMainState }).__loopPrepFakeMain!;

function extensionFolder(withMain: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-shell-'));
  fs.mkdirSync(path.join(dir, 'dist'));
  if (withMain) fs.writeFileSync(path.join(dir, 'dist', 'main.js'), FAKE_MAIN);
  return dir;
}

function contextFor(dir: string) {
  return { extensionPath: dir, extensionUri: { path: dir }, subscriptions: [] as { dispose(): void }[] };
}

describe('activation shell', () => {
  let context: ReturnType<typeof contextFor>;

  function start(withMain = true, state: Partial<FakeMainState> = {}) {
    resetRegistered();
    (globalThis as { __loopPrepFakeMain?: FakeMainState }).__loopPrepFakeMain = {
      loads: 0,
      ids: Object.values(Commands),
      panels: Object.values(Panels),
      ...state,
    };
    context = contextFor(extensionFolder(withMain));
    return activate(context as never);
  }

  afterEach(() => {
    deactivate();
    for (const d of context?.subscriptions ?? []) d.dispose();
    fs.rmSync(context.extensionPath, { recursive: true, force: true });
  });

  it('registers every command, the Study Plan, the Progress view, each panel serializer and @loopprep, and loads nothing else', () => {
    const api = start();
    assert.deepStrictEqual([...registered.commands.keys()].sort(), Object.values(Commands).sort());
    assert.deepStrictEqual(
      registered.trees.map((t) => [t.id, t.options.showCollapseAll]),
      [[Views.studyPlan, true]],
    );
    assert.deepStrictEqual([...registered.views.keys()], [Views.progress]);
    assert.deepStrictEqual([...registered.serializers.keys()].sort(), Object.values(Panels).sort());
    assert.deepStrictEqual(
      registered.participants.map((p) => p.id),
      [CHAT_PARTICIPANT],
    );
    assert.strictEqual(fakeMain().loads, 0, 'the features loaded during activation');
    // Promise checks and the shell's own figures do not load them either.
    assert.strictEqual((api as unknown as { then?: unknown }).then, undefined);
    assert.strictEqual(api.shell.mainLoadMs, undefined);
    assert.ok(api.shell.activationMs >= 0);
    assert.strictEqual(fakeMain().loads, 0);
  });

  it('loads the features once, on the first command, and runs its handler with the arguments', async () => {
    start();
    const run = registered.commands.get(Commands.startDrill)!;
    assert.deepStrictEqual(await run({ mode: 'new' }), { ran: Commands.startDrill, args: [{ mode: 'new' }] });
    assert.deepStrictEqual(await registered.commands.get(Commands.showLog)!(), { ran: Commands.showLog, args: [] });
    assert.strictEqual(fakeMain().loads, 1);
    assert.ok(
      registered.logLines.some((l) => l === 'fake main loaded'),
      'the features did not log through the shell',
    );
  });

  it('serves the tree, the Progress view, a restored panel and a chat request from the features', async () => {
    start();
    const tree = registered.trees[0];
    const changes: unknown[] = [];
    tree.options.treeDataProvider.onDidChangeTreeData((e) => changes.push(e));
    // The first request waits for the content, so the view never shows its empty state first.
    assert.deepStrictEqual(await tree.options.treeDataProvider.getChildren(), ['topic-a', 'topic-b']);
    assert.deepStrictEqual(tree.options.treeDataProvider.getTreeItem('topic-a'), { label: 'topic-a' });
    assert.strictEqual(fakeMain().tree, tree.view, 'the features did not get the tree view VS Code has');
    fakeMain().fireTree!('topic-a');
    assert.deepStrictEqual(changes, [undefined, 'topic-a'], 'tree changes were not passed on');

    const view: { resolvedBy?: string } = {};
    registered.views.get(Views.progress)!.resolveWebviewView(view, {}, {});
    assert.strictEqual(view.resolvedBy, 'main');
    const panel: { revivedBy?: string } = {};
    await registered.serializers.get(Panels.drill)!.deserializeWebviewPanel(panel, undefined);
    assert.strictEqual(panel.revivedBy, 'main');
    assert.strictEqual(fakeMain().participant, registered.participants[0], 'the features did not get the participant VS Code has');
    assert.deepStrictEqual(await registered.participants[0].handler({}, {}, { markdown() {} }, {}), { metadata: { from: 'main' } });
    assert.strictEqual(fakeMain().loads, 1);
  });

  it('hands the features’ API through, and reports commands the features left without a handler', () => {
    const api = start(true, { skip: [Commands.buryCard] });
    assert.strictEqual((api.content as unknown as { name: string }).name, 'content');
    assert.deepStrictEqual(api.shell.unhandledCommands, [Commands.buryCard]);
    assert.ok(registered.logLines.some((l) => l.includes(`no handler registered for ${Commands.buryCard}`)));
    return Promise.resolve(registered.commands.get(Commands.buryCard)!()).then((out) => {
      assert.strictEqual(out, undefined);
      assert.ok(registered.errors.some((e) => e.includes(Commands.buryCard)));
    });
  });

  it('loads the features just after activation returns when nothing asked for them', async () => {
    const api = start();
    assert.strictEqual(fakeMain().loads, 0);
    await new Promise((r) => setTimeout(r, 10));
    assert.strictEqual(fakeMain().loads, 1);
    assert.ok(typeof api.shell.mainLoadMs === 'number');
  });

  it('says once where and what when the features are missing, and every stand-in still answers', async () => {
    const api = start(false);
    const out = await registered.commands.get(Commands.startDrill)!();
    assert.strictEqual(out, undefined);
    assert.match(registered.errors[0], /could not load its features from .*dist[/\\]main\.js/);
    assert.match(registered.errors[0], /Reinstalling the extension/);
    const tree = registered.trees[0];
    assert.deepStrictEqual(await tree.options.treeDataProvider.getChildren(), []);
    assert.match(tree.view.message ?? '', /could not load its features/);
    const view: { webview: { html?: string } } = { webview: {} };
    registered.views.get(Views.progress)!.resolveWebviewView(view, {}, {});
    assert.match(view.webview.html ?? '', /could not load its features/);
    let disposed = false;
    await registered.serializers.get(Panels.reader)!.deserializeWebviewPanel({ dispose: () => (disposed = true) }, undefined);
    assert.ok(disposed, 'a panel that cannot be restored should close');
    const said: string[] = [];
    await registered.participants[0].handler({}, {}, { markdown: (s: string) => said.push(s) }, {});
    assert.match(said.join(''), /could not load its features/);
    assert.throws(() => api.content, /could not load its features/);
    // Reported once, not once per stand-in: the later ones repeat only the short message of the command.
    assert.strictEqual(registered.logLines.filter((l) => l.includes('could not load its features')).length, 1);
  });

  it('reports a features bundle that throws while loading', async () => {
    start(true, { throwOnLoad: 'boom at setup' });
    assert.strictEqual(await registered.commands.get(Commands.startDrill)!(), undefined);
    assert.match(registered.errors[0], /could not load its features .*boom at setup/);
  });

  it('deactivates the features with the extension', async () => {
    start();
    await registered.commands.get(Commands.showLog)!();
    deactivate();
    assert.strictEqual(fakeMain().deactivated, true);
  });
});
