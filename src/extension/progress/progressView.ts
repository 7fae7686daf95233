import * as vscode from 'vscode';
import { errorText } from '../../core/webview/channel';
import { progressToHost, type HostToProgress, type ProgressAction, type ProgressToHost, type ProgressView } from '../../shared/progress';
import type { CommonWebviewMessage } from '../../shared/protocol';
import { log } from '../log';
import { Views } from '../commands';
import { WebviewHost, type ChannelProbe } from '../webview/host';

type ProgressMessage = Exclude<ProgressToHost, CommonWebviewMessage>;

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
  private host: WebviewHost<ProgressMessage, HostToProgress> | undefined;
  private visibility: vscode.Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private midnight: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Over every webview the view has had: VS Code builds a new one when the view comes back. */
  private last: ProgressView | undefined;
  private posts = 0;

  constructor(private readonly deps: ProgressViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    // The page's title and shell: main is not an aria-live region, since the view redraws after every review.
    this.host = WebviewHost.forView(view, {
      name: 'progress',
      extensionUri: this.deps.extensionUri,
      page: {
        bundle: 'progress',
        title: 'Loop Prep: Progress',
        shell: { styles: ['progress.css'], bodyClass: 'progress-view', live: false, loading: 'Loading your progress…' },
      },
      schema: progressToHost,
      onReady: () => this.refresh(0),
      onMessage: async (msg) => {
        await this.deps.run(msg.action);
      },
      onDispose: () => {
        if (this.view === view) this.disposeView();
      },
    });
    this.host.probe.onDidPost((msg) => {
      this.last = msg.model;
      this.posts++;
    });
    // A webview that was torn down while hidden says `ready` again; one that was kept gets this post.
    this.visibility = view.onDidChangeVisibility(() => {
      if (view.visible) this.refresh(0);
    });
  }

  /** Readiness and the messages sent each way, for tests; undefined while no view is resolved. */
  get probe(): ChannelProbe<ProgressMessage, HostToProgress> | undefined {
    return this.host?.probe;
  }

  /** The last model any webview of the view took, for tests. */
  get lastPosted(): ProgressView | undefined {
    return this.last;
  }

  /** How many models the view's webviews took, for tests that wait for the next one. */
  get postCount(): number {
    return this.posts;
  }

  get visible(): boolean {
    return !!this.view?.visible;
  }

  /** Recomputes and posts after `delayMs` if the view is visible; repeated calls within the delay post once. */
  refresh(delayMs = PROGRESS_DEBOUNCE_MS): void {
    if (!this.view?.visible || !this.host?.ready) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.post();
    }, delayMs);
  }

  private async post(): Promise<void> {
    const host = this.host;
    if (!this.view?.visible || !host?.ready) return;
    const generation = ++this.generation;
    try {
      const model = await this.deps.compute();
      // A newer post started while this one computed: let it win, so models never arrive out of order.
      if (generation !== this.generation || this.host !== host) return;
      await host.post({ type: 'model', model });
      this.scheduleMidnight();
    } catch (err) {
      log().error(`progress view: computing the model failed: ${errorText(err)}`);
    }
  }

  private scheduleMidnight(): void {
    if (this.midnight) clearTimeout(this.midnight);
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 2);
    this.midnight = setTimeout(() => this.refresh(0), Math.min(next.getTime() - now.getTime(), 2 ** 31 - 1));
  }

  private disposeView(): void {
    const host = this.host;
    this.view = undefined;
    this.host = undefined;
    this.visibility?.dispose();
    this.visibility = undefined;
    host?.dispose();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.midnight) clearTimeout(this.midnight);
    this.disposeView();
  }
}
