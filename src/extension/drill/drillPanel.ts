import * as vscode from 'vscode';
import { drillToHost, type DrillToHost, type HostToDrill } from '../../shared/drill';
import type { CommonWebviewMessage } from '../../shared/protocol';
import { errorMessage } from '../../core/webview/channel';
import { Commands, Panels } from '../commands';
import type { DrillController } from '../../core/drill/controller';
import type { DrillSessionStore } from './sessionStore';
import type { TypedAnswers } from './typedAnswers';
import { createPanel, PanelSlot, WebviewHost, type ChannelProbe } from '../webview/host';

type DrillMessage = Exclude<DrillToHost, CommonWebviewMessage>;

/**
 * The quiz panel: one webview, reused for each new session (createOrShow) and restored after a window
 * reload by a serializer. The controller owns the session; this class maps validated messages to it.
 */
export class DrillPanel implements vscode.Disposable {
  static readonly viewType = Panels.drill;
  private static readonly slot = new PanelSlot<DrillPanel>();
  /** Where the running session is kept for a window reload; set once at activation. */
  static sessions: DrillSessionStore | undefined;
  /** Typed answers and their grading; set once at activation. */
  static typed: TypedAnswers | undefined;

  private readonly host: WebviewHost<DrillMessage, HostToDrill>;
  /** Posts go out in order, each after typed answers had their say (which may ask for the model's name). */
  private outgoing: Promise<unknown> = Promise.resolve();

  static show(extensionUri: vscode.Uri, controller: DrillController): DrillPanel {
    const open = DrillPanel.slot.current;
    if (open) {
      open.controller = controller;
      DrillPanel.sessions?.save(controller.snapshot());
      open.host.panel!.reveal(vscode.ViewColumn.Active);
      open.send(controller.current());
      return open;
    }
    const panel = createPanel(DrillPanel.viewType, 'Loop Prep Drill', vscode.ViewColumn.Active, extensionUri);
    return DrillPanel.slot.replace(() => new DrillPanel(panel, extensionUri, controller));
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, controller: DrillController): void {
    DrillPanel.slot.replace(() => new DrillPanel(panel, extensionUri, controller));
  }

  static get active(): DrillPanel | undefined {
    return DrillPanel.slot.current;
  }

  private constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private controller: DrillController,
  ) {
    DrillPanel.sessions?.save(controller.snapshot());
    this.host = WebviewHost.forPanel(panel, {
      name: 'drill',
      extensionUri,
      page: { bundle: 'drill', title: 'Loop Prep Drill' },
      schema: drillToHost,
      onReady: () => this.send(this.controller.current()),
      onMessage: (msg) => this.onMessage(msg),
      onFailure: (err) =>
        this.send({
          type: 'notice',
          message: `Something went wrong with this card (${errorMessage(err)}). Details are in "Loop Prep: Show Log"; press Esc to end the session.`,
        }),
      afterEach: () => DrillPanel.sessions?.save(this.controller.snapshot()),
      onDispose: () => {
        DrillPanel.typed?.cancel();
        DrillPanel.slot.release(this);
      },
    });
  }

  get session(): DrillController {
    return this.controller;
  }

  /** Readiness and the messages sent each way, for tests and the activation benchmark. */
  get probe(): ChannelProbe<DrillMessage, HostToDrill> {
    return this.host.probe;
  }

  /** Takes `raw` as if the drill page had sent it (integration tests drive typed answers this way). */
  receive(raw: unknown): void {
    this.host.receive(raw);
  }

  private send(msg: HostToDrill | undefined): void {
    if (!msg) return;
    const typed = DrillPanel.typed;
    this.outgoing = this.outgoing.then(async () => this.host.post(typed ? await typed.decorate(msg) : msg)).catch(() => undefined);
  }

  private async onMessage(msg: DrillMessage): Promise<void> {
    // Rating, undoing or leaving the card ends any grading of it; grading itself runs beside the queue,
    // so that a rating pressed while the model thinks is not held up.
    if (msg.type !== 'grade' && msg.type !== 'openCard') DrillPanel.typed?.cancel();
    switch (msg.type) {
      case 'grade': {
        const typed = DrillPanel.typed;
        if (typed) void typed.grade(this.controller, msg.cardId).then((out) => this.send(out));
        break;
      }
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
    this.host.dispose();
  }
}
