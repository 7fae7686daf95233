/**
 * The one webview host: every panel and webview view of Loop Prep talks to its page through one of these.
 * It sets the page shell (strict CSP with a fresh nonce), waits for the page's `ready`, hands validated
 * messages to the owner one at a time, logs failures and webview errors the same way for all, guards
 * against a second dispose, and revives panels after a window reload. The owner keeps only its handlers.
 * The logic that needs no VS Code is in core/webview/channel.ts, where it is unit-tested.
 */
import * as vscode from 'vscode';
import { WebviewChannel, errorText, type ChannelOptions, type ChannelProbe } from '../../core/webview/channel';
import { log } from '../log';
import { platform } from '../platform';
import { webviewHtml, webviewOptions, type ShellOptions } from './html';

export type { ChannelProbe } from '../../core/webview/channel';

/** Which page to load: the bundle in dist/webview/, its title, and how the shell differs. */
export interface HostPage {
  readonly bundle: string;
  readonly title: string;
  readonly shell?: ShellOptions;
}

export interface WebviewHostOptions<In extends { readonly type: string }, Out> extends Omit<ChannelOptions<In, Out>, 'deliver' | 'log'> {
  readonly extensionUri: vscode.Uri;
  readonly page: HostPage;
  /** Called once, when the host is disposed: the panel closed, the view went away, or the owner disposed it. */
  readonly onDispose?: () => void;
}

export class WebviewHost<In extends { readonly type: string }, Out> implements vscode.Disposable {
  private readonly channel: WebviewChannel<In, Out>;
  private readonly disposables: vscode.Disposable[] = [];

  /** Binds a new or revived panel: its options, icon and page are set here. */
  static forPanel<In extends { readonly type: string }, Out>(panel: vscode.WebviewPanel, options: WebviewHostOptions<In, Out>): WebviewHost<In, Out> {
    panel.iconPath = vscode.Uri.joinPath(options.extensionUri, 'media', 'activity-icon.svg');
    const host = new WebviewHost(panel.webview, options, panel);
    host.disposables.push(panel.onDidDispose(() => host.dispose()));
    return host;
  }

  /** Binds a resolved webview view; VS Code disposes the view itself, so the host only lets go of it. */
  static forView<In extends { readonly type: string }, Out>(view: vscode.WebviewView, options: WebviewHostOptions<In, Out>): WebviewHost<In, Out> {
    const host = new WebviewHost(view.webview, options, undefined);
    host.disposables.push(view.onDidDispose(() => host.dispose()));
    return host;
  }

  private constructor(
    readonly webview: vscode.Webview,
    private readonly options: WebviewHostOptions<In, Out>,
    /** The panel, which closes with the host; undefined for a view. */
    readonly panel: vscode.WebviewPanel | undefined,
  ) {
    this.channel = new WebviewChannel<In, Out>({ ...options, deliver: (msg) => webview.postMessage(msg), log: log() });
    webview.options = webviewOptions(options.extensionUri);
    webview.html = webviewHtml(webview, options.extensionUri, options.page.bundle, options.page.title, options.page.shell);
    this.disposables.push(webview.onDidReceiveMessage((raw) => void this.channel.receive(raw)));
  }

  /** Readiness and the messages sent each way: the one hook tests use for any webview. */
  get probe(): ChannelProbe<In, Out> {
    return this.channel;
  }

  get ready(): boolean {
    return this.channel.ready;
  }

  /** Takes `raw` as if the webview had sent it: validated and handled in turn (integration tests). */
  receive(raw: unknown): void {
    void this.channel.receive(raw);
  }

  get disposed(): boolean {
    return this.channel.disposed;
  }

  /** Sends once the page is ready; resolves to whether it took the message. Never throws. */
  post(msg: Out): Promise<boolean> {
    return this.channel.post(msg);
  }

  dispose(): void {
    if (!this.channel.dispose()) return;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel?.dispose();
    try {
      this.options.onDispose?.();
    } catch (err) {
      log().error(`${this.options.name}: ${errorText(err)}`);
    }
  }
}

/** The one open panel of a kind: the one `show` reuses, `revive` replaces, and a closing panel leaves. */
export class PanelSlot<T extends vscode.Disposable> {
  private value: T | undefined;

  get current(): T | undefined {
    return this.value;
  }

  /** Closes the open panel, if any, and holds the one `make` builds. */
  replace(make: () => T): T {
    this.value?.dispose();
    this.value = make();
    return this.value;
  }

  /** Called as `panel` closes: the slot is empty again, unless another panel already took it. */
  release(panel: T): void {
    if (this.value === panel) this.value = undefined;
  }
}

/** Creates a panel with Loop Prep's webview options (scripts on, resources from dist/ and media/ only). */
export function createPanel(
  viewType: string,
  title: string,
  column: vscode.ViewColumn,
  extensionUri: vscode.Uri,
  extra: vscode.WebviewPanelOptions = {},
): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, column, { ...webviewOptions(extensionUri), ...extra });
}

/**
 * Revives a panel VS Code restored after a window reload. `revive` takes the panel over (or disposes it);
 * when it throws, the failure is logged and the panel closed rather than left on "Loading…" for good.
 */
export function registerPanelSerializer(
  viewType: string,
  name: string,
  revive: (panel: vscode.WebviewPanel, state: unknown) => void | Promise<void>,
): vscode.Disposable {
  return platform().registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      try {
        await revive(panel, state);
      } catch (err) {
        log().error(`${name}: restoring the panel after a reload failed: ${errorText(err)}`);
        panel.dispose();
      }
    },
  });
}
