import * as vscode from 'vscode';
import { errorMessage, errorText } from '../../core/webview/channel';
import type { CommonWebviewMessage } from '../../shared/protocol';
import { selfReviewToHost, type HostToSelfReview, type SelfReview, type SelfReviewResult, type SelfReviewToHost } from '../../shared/selfReview';
import { log } from '../log';
import { Panels } from '../commands';
import { createPanel, PanelSlot, WebviewHost, type ChannelProbe } from '../webview/host';

type SelfReviewMessage = Exclude<SelfReviewToHost, CommonWebviewMessage>;

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
  static readonly viewType = Panels.selfReview;
  private static readonly slot = new PanelSlot<SelfReviewPanel>();

  private readonly host: WebviewHost<SelfReviewMessage, HostToSelfReview>;
  private result: SelfReviewResult | undefined;

  static show(extensionUri: vscode.Uri, review: SelfReview, handler: SelfReviewHandler): SelfReviewPanel {
    const open = SelfReviewPanel.slot.current;
    if (open?.review.reviewId === review.reviewId) {
      open.host.panel!.reveal(vscode.ViewColumn.Beside);
      return open;
    }
    // Closed before the new one opens, so the new one takes the column the old one leaves.
    open?.dispose();
    const panel = createPanel(SelfReviewPanel.viewType, `Self-review: ${review.caseTitle}`, vscode.ViewColumn.Beside, extensionUri);
    return SelfReviewPanel.slot.replace(() => new SelfReviewPanel(panel, extensionUri, review, handler));
  }

  /** Takes over a panel VS Code restored after a reload, for the review the resumed practice holds. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, review: SelfReview, handler: SelfReviewHandler): SelfReviewPanel {
    panel.title = `Self-review: ${review.caseTitle}`;
    return SelfReviewPanel.slot.replace(() => new SelfReviewPanel(panel, extensionUri, review, handler));
  }

  static get active(): SelfReviewPanel | undefined {
    return SelfReviewPanel.slot.current;
  }

  private constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly review: SelfReview,
    private readonly handler: SelfReviewHandler,
  ) {
    this.host = WebviewHost.forPanel(panel, {
      name: 'self-review',
      extensionUri,
      page: { bundle: 'selfReview', title: `Self-review: ${review.caseTitle}` },
      schema: selfReviewToHost,
      // Also after the webview was hidden and rebuilt: show the review, then the result if it was recorded.
      onReady: () => {
        void this.host.post({ type: 'show', review: this.review });
        if (this.result) void this.host.post({ type: 'recorded', reviewId: this.review.reviewId, result: this.result });
      },
      onMessage: (msg) => this.onMessage(msg),
      onDispose: () => {
        SelfReviewPanel.slot.release(this);
        this.handler.closed(this.result !== undefined);
      },
    });
  }

  /** Readiness (true once the webview has loaded and been sent the review) and the messages each way, for tests. */
  get probe(): ChannelProbe<SelfReviewMessage, HostToSelfReview> {
    return this.host.probe;
  }

  /** Records the review as the Confirm button does (tests and the "finish" API use this). */
  async confirm(ticked: readonly string[]): Promise<SelfReviewResult> {
    if (this.result) throw new Error('this self-review is already recorded');
    const result = await this.handler.confirm(this.review.reviewId, ticked);
    this.result = result;
    void this.host.post({ type: 'recorded', reviewId: this.review.reviewId, result });
    return result;
  }

  private async onMessage(msg: SelfReviewMessage): Promise<void> {
    switch (msg.type) {
      case 'confirm':
        if (msg.reviewId !== this.review.reviewId || this.result) return;
        try {
          await this.confirm(msg.ticked);
        } catch (err) {
          log().error(`recording the self-review failed: ${errorText(err)}`);
          void this.host.post({
            type: 'failed',
            message: `Loop Prep could not record the self-review: ${errorMessage(err)}. Details are in "Loop Prep: Show Log".`,
          });
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
    this.host.dispose();
  }
}
