import * as vscode from 'vscode';
import { parseSelfReviewMessage, type HostToSelfReview, type SelfReview, type SelfReviewResult } from '../../shared/selfReview';
import { log } from '../log';
import { safeJson } from '../reader/readerPanel';
import { webviewHtml, webviewOptions } from '../webview/html';

/** What the panel asks of the practice that opened it. */
export interface SelfReviewHandler {
  /** Records the review with these points ticked; resolves to what was recorded. */
  confirm(reviewId: string, ticked: readonly string[]): Promise<SelfReviewResult>;
  /** Opens a drill on the cards made from the points just missed. */
  drillMissed(): Promise<void>;
  /** The panel closed; `recorded` says whether its review was confirmed first. */
  closed(recorded: boolean): void;
}

/**
 * The self-review after a timed case practice: the case's rubric points by section as checkboxes,
 * pre-ticked from the doc. One panel at a time; it sends the review only after the webview says it is
 * ready, and validates every message it gets back. Restored after a window reload by a serializer: the
 * practice keeps its review in workspace state, and the webview keeps the ticks for that review.
 */
export class SelfReviewPanel implements vscode.Disposable {
  static readonly viewType = 'loopPrep.selfReview';
  private static current: SelfReviewPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private result: SelfReviewResult | undefined;
  private disposed = false;

  static show(extensionUri: vscode.Uri, review: SelfReview, handler: SelfReviewHandler): SelfReviewPanel {
    if (SelfReviewPanel.current?.review.reviewId === review.reviewId) {
      SelfReviewPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      return SelfReviewPanel.current;
    }
    SelfReviewPanel.current?.dispose();
    const panel = vscode.window.createWebviewPanel(SelfReviewPanel.viewType, `Self-review: ${review.caseTitle}`, vscode.ViewColumn.Beside, webviewOptions(extensionUri));
    SelfReviewPanel.current = new SelfReviewPanel(panel, extensionUri, review, handler);
    return SelfReviewPanel.current;
  }

  /** Takes over a panel VS Code restored after a reload, for the review the resumed practice holds. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, review: SelfReview, handler: SelfReviewHandler): SelfReviewPanel {
    SelfReviewPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    panel.title = `Self-review: ${review.caseTitle}`;
    SelfReviewPanel.current = new SelfReviewPanel(panel, extensionUri, review, handler);
    return SelfReviewPanel.current;
  }

  static get active(): SelfReviewPanel | undefined {
    return SelfReviewPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly review: SelfReview,
    private readonly handler: SelfReviewHandler,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-icon.svg');
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'selfReview', `Self-review: ${review.caseTitle}`);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw).catch((err) => log().error(`self-review: ${err instanceof Error ? err.stack : err}`))),
    );
  }

  /** True once the webview has loaded and been sent the review. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Records the review as the Confirm button does (tests and the "finish" API use this). */
  async confirm(ticked: readonly string[]): Promise<SelfReviewResult> {
    if (this.result) throw new Error('this self-review is already recorded');
    const result = await this.handler.confirm(this.review.reviewId, ticked);
    this.result = result;
    this.send({ type: 'recorded', reviewId: this.review.reviewId, result });
    return result;
  }

  private send(msg: HostToSelfReview): void {
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(msg);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parseSelfReviewMessage(raw);
    if (!msg) {
      log().warn(`self-review: ignored an unexpected message: ${safeJson(raw)}`);
      return;
    }
    switch (msg.type) {
      case 'ready':
        // Also after the webview was hidden and rebuilt: show the review, then the result if it was recorded.
        this.ready = true;
        this.send({ type: 'show', review: this.review });
        if (this.result) this.send({ type: 'recorded', reviewId: this.review.reviewId, result: this.result });
        break;
      case 'webviewError':
        log().error(`self-review webview: ${msg.message}`);
        break;
      case 'confirm':
        if (msg.reviewId !== this.review.reviewId || this.result) return;
        try {
          await this.confirm(msg.ticked);
        } catch (err) {
          log().error(`recording the self-review failed: ${err instanceof Error ? err.stack : err}`);
          this.send({ type: 'failed', message: `Loop Prep could not record the self-review: ${err instanceof Error ? err.message : err}. Details are in "Loop Prep: Show Log".` });
        }
        break;
      case 'drillMissed':
        await this.handler.drillMissed();
        break;
      case 'close':
        this.dispose();
        break;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (SelfReviewPanel.current === this) SelfReviewPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.handler.closed(this.result !== undefined);
  }
}
