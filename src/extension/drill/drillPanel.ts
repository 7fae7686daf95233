import * as vscode from 'vscode';
import { parseDrillMessage, type HostToDrill } from '../../shared/drill';
import { Commands } from '../commands';
import type { DrillController } from '../../core/drill/controller';
import type { DrillSessionStore } from './sessionStore';
import { log } from '../log';
import { webviewHtml, webviewOptions } from '../webview/html';
import { safeJson } from '../reader/readerPanel';

/**
 * The quiz panel: one webview, reused for each new session (createOrShow) and restored after a window
 * reload by a serializer. The controller owns the session; this class moves validated messages.
 */
export class DrillPanel implements vscode.Disposable {
  static readonly viewType = 'loopPrep.drill';
  private static current: DrillPanel | undefined;
  /** Where the running session is kept for a window reload; set once at activation. */
  static sessions: DrillSessionStore | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly listeners: ((msg: HostToDrill) => void)[] = [];
  /** Messages are handled one at a time, so a fast second key press never overlaps a rating being written. */
  private queue: Promise<void> = Promise.resolve();

  static show(extensionUri: vscode.Uri, controller: DrillController): DrillPanel {
    if (DrillPanel.current) {
      DrillPanel.current.controller = controller;
      DrillPanel.sessions?.save(controller.snapshot());
      DrillPanel.current.panel.reveal(vscode.ViewColumn.Active);
      DrillPanel.current.send(controller.current());
      return DrillPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(DrillPanel.viewType, 'Loop Prep Drill', vscode.ViewColumn.Active, webviewOptions(extensionUri));
    DrillPanel.current = new DrillPanel(panel, extensionUri, controller);
    return DrillPanel.current;
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, controller: DrillController): void {
    DrillPanel.current?.dispose();
    DrillPanel.current = new DrillPanel(panel, extensionUri, controller);
  }

  static get active(): DrillPanel | undefined {
    return DrillPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private controller: DrillController,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-icon.svg');
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'drill', 'Loop Prep Drill');
    DrillPanel.sessions?.save(controller.snapshot());
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => {
        this.queue = this.queue.then(() =>
          this.onMessage(raw)
            .catch((err) => {
              log().error(`drill: ${err instanceof Error ? err.stack : err}`);
              this.send({ type: 'notice', message: `Something went wrong with this card (${err instanceof Error ? err.message : err}). Details are in "Loop Prep: Show Log"; press Esc to end the session.` });
            })
            .finally(() => DrillPanel.sessions?.save(this.controller.snapshot())),
        );
      }),
    );
  }

  get session(): DrillController {
    return this.controller;
  }

  /** Tests observe what the panel sends. */
  onDidSend(listener: (msg: HostToDrill) => void): vscode.Disposable {
    this.listeners.push(listener);
    return { dispose: () => this.listeners.splice(this.listeners.indexOf(listener) >>> 0, 1) };
  }

  private send(msg: HostToDrill | undefined): void {
    if (!msg || !this.ready) return;
    void this.panel.webview.postMessage(msg);
    for (const l of this.listeners) l(msg);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parseDrillMessage(raw);
    if (!msg) {
      log().warn(`drill: ignored an unexpected message: ${safeJson(raw)}`);
      return;
    }
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.send(this.controller.current());
        break;
      case 'webviewError':
        log().error(`drill webview: ${msg.message}`);
        break;
      case 'submit':
        this.send(this.controller.submit(msg.cardId, msg.answer));
        break;
      case 'rate':
        this.send(await this.controller.rate(msg.cardId, msg.rating));
        break;
      case 'undo':
        this.send(await this.controller.undo());
        break;
      case 'end':
        this.send(this.controller.end());
        break;
      case 'continue':
        this.send(this.controller.continueNow());
        break;
      case 'openCard':
        await vscode.commands.executeCommand(Commands.openCard, msg.cardId);
        break;
    }
  }

  dispose(): void {
    if (DrillPanel.current === this) DrillPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
