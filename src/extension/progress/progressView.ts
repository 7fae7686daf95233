import * as vscode from 'vscode';
import { parseProgressMessage, type HostToProgress, type ProgressAction, type ProgressView } from '../../shared/progress';
import { log } from '../log';
import { safeJson } from '../reader/readerPanel';
import { webviewOptions } from '../webview/html';
import { Views } from '../commands';
import { progressHtml } from './html';

/** Changes arrive in bursts (a review writes, then the status bar and tree refresh): draw once per burst. */
export const PROGRESS_DEBOUNCE_MS = 150;

/** What the view needs from the rest of the extension. */
export interface ProgressViewDeps {
  readonly extensionUri: vscode.Uri;
  /** The model as of now. */
  compute(): Promise<ProgressView>;
  /** Runs what a button asked for. */
  run(action: ProgressAction): Promise<unknown>;
}

/**
 * The Progress webview view. It computes and posts only while visible: after the webview says it is
 * ready, on becoming visible, after changes (debounced), and at local midnight (a new day moves the
 * heatmap, the forecast and the streak). The webview is not kept alive while hidden; it asks again with
 * `ready` when it comes back, so a hidden view costs nothing.
 */
export class ProgressViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = Views.progress;

  private view: vscode.WebviewView | undefined;
  private viewDisposables: vscode.Disposable[] = [];
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private midnight: ReturnType<typeof setTimeout> | undefined;
  private last: ProgressView | undefined;
  private posts = 0;
  private generation = 0;

  constructor(private readonly deps: ProgressViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.deps.extensionUri);
    view.webview.html = progressHtml(view.webview, this.deps.extensionUri);
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((raw) => this.onMessage(raw).catch((err) => log().error(`progress view: ${err instanceof Error ? err.stack : err}`))),
      // A webview that was torn down while hidden says `ready` again; one that was kept gets this post.
      view.onDidChangeVisibility(() => {
        if (view.visible) this.refresh(0);
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.disposeView();
      }),
    );
  }

  /** The last model the webview was sent, for tests. */
  get lastPosted(): ProgressView | undefined {
    return this.last;
  }

  /** How many models were sent, for tests that wait for the next one. */
  get postCount(): number {
    return this.posts;
  }

  get visible(): boolean {
    return !!this.view?.visible;
  }

  /** Recomputes and posts after `delayMs` if the view is visible; repeated calls within the delay post once. */
  refresh(delayMs = PROGRESS_DEBOUNCE_MS): void {
    if (!this.view?.visible || !this.ready) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.post();
    }, delayMs);
  }

  private async post(): Promise<void> {
    const view = this.view;
    if (!view?.visible || !this.ready) return;
    const generation = ++this.generation;
    try {
      const model = await this.deps.compute();
      // A newer post started while this one computed: let it win, so models never arrive out of order.
      if (generation !== this.generation || this.view !== view) return;
      const message: HostToProgress = { type: 'model', model };
      if (await view.webview.postMessage(message)) {
        this.last = model;
        this.posts++;
      }
      this.scheduleMidnight();
    } catch (err) {
      log().error(`progress view: computing or sending the model failed: ${err instanceof Error ? err.stack : err}`);
    }
  }

  private scheduleMidnight(): void {
    if (this.midnight) clearTimeout(this.midnight);
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 2);
    this.midnight = setTimeout(() => this.refresh(0), Math.min(next.getTime() - now.getTime(), 2 ** 31 - 1));
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parseProgressMessage(raw);
    if (!msg) {
      log().warn(`progress view: ignored an unexpected message: ${safeJson(raw)}`);
      return;
    }
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.refresh(0);
        break;
      case 'webviewError':
        log().error(`progress webview: ${msg.message}`);
        break;
      case 'run':
        await this.deps.run(msg.action);
        break;
    }
  }

  private disposeView(): void {
    this.view = undefined;
    this.ready = false;
    for (const d of this.viewDisposables.splice(0)) d.dispose();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.midnight) clearTimeout(this.midnight);
    this.disposeView();
  }
}
