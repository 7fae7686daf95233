import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import { truncate } from '../../core/text';
import type { CommonWebviewMessage } from '../../shared/protocol';
import { readerToHost, refusalOf, type HostToReader, type ReaderDocument, type ReaderToHost } from '../../shared/reader';
import { Commands, Panels } from '../commands';
import { log } from '../log';
import { createPanel, PanelSlot, WebviewHost, type ChannelProbe } from '../webview/host';

/** What the reader needs from the rest of the extension. */
export interface ReaderDeps {
  readonly extensionUri: vscode.Uri;
  content(): ContentIndex;
  isComplete(kind: 'lesson' | 'case', id: string): boolean;
  setLessonComplete(id: string, complete: boolean): Promise<void>;
}

/** Builds what the reader shows for a lesson or case id, or undefined when the id names neither. */
export function readerDocument(index: ContentIndex, id: string, isComplete: ReaderDeps['isComplete']): ReaderDocument | undefined {
  const catalog = catalogOf(index);
  const lesson = catalog.resolve('lesson', id);
  if (lesson) {
    // Only cards that exist now are offered, so the host can check a request against this list.
    const selfCheck = lesson.selfCheck.flatMap((cardId) => {
      const q = index.questions.find((x) => x.id === cardId);
      return q ? [{ id: q.id, label: truncate(q.promptText, 90) }] : [];
    });
    return {
      kind: 'lesson',
      id: lesson.id,
      title: lesson.title,
      subtitle: `Lesson · ${lesson.minutes} min read`,
      sections: [{ heading: '', html: lesson.html }],
      complete: isComplete('lesson', lesson.id),
      ...(selfCheck.length ? { selfCheck } : {}),
    };
  }
  const c = catalog.resolve('case', id);
  if (!c) return undefined;
  return {
    kind: 'case',
    id: c.id,
    title: c.title,
    subtitle: `Case study · ${c.summary}`,
    sections: [
      { heading: 'Prompt', html: c.promptHtml },
      { heading: 'Clarifying questions', html: c.clarifyingHtml },
      ...c.sections.map((s) => ({ heading: s.heading, html: s.html })),
    ],
    complete: isComplete('case', c.id),
  };
}

type ReaderMessage = Exclude<ReaderToHost, CommonWebviewMessage>;

/**
 * The reader panel for lessons and case walkthroughs: one panel, reused, restored after a reload.
 * The host sends the document only after the webview says it is ready.
 */
export class ReaderPanel implements vscode.Disposable {
  static readonly viewType = Panels.reader;
  private static readonly slot = new PanelSlot<ReaderPanel>();

  private readonly host: WebviewHost<ReaderMessage, HostToReader>;

  static show(deps: ReaderDeps, id: string): ReaderPanel {
    const open = ReaderPanel.slot.current;
    if (open) {
      open.open(id);
      open.host.panel!.reveal(vscode.ViewColumn.Active);
      return open;
    }
    const panel = createPanel(ReaderPanel.viewType, 'Loop Prep', vscode.ViewColumn.Active, deps.extensionUri, { retainContextWhenHidden: false });
    return ReaderPanel.slot.replace(() => new ReaderPanel(panel, deps, id));
  }

  static revive(panel: vscode.WebviewPanel, deps: ReaderDeps, state: unknown): void {
    const id = state && typeof state === 'object' && typeof (state as { id?: unknown }).id === 'string' ? (state as { id: string }).id : '';
    ReaderPanel.slot.replace(() => new ReaderPanel(panel, deps, id));
  }

  static get active(): ReaderPanel | undefined {
    return ReaderPanel.slot.current;
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: ReaderDeps,
    private id: string,
  ) {
    this.host = WebviewHost.forPanel(panel, {
      name: 'reader',
      extensionUri: deps.extensionUri,
      page: { bundle: 'reader', title: 'Loop Prep' },
      schema: readerToHost,
      onReady: () => this.refresh(),
      onMessage: (msg) => this.onMessage(msg),
      onDispose: () => ReaderPanel.slot.release(this),
    });
    this.updateTitle();
  }

  get itemId(): string {
    return this.id;
  }

  /** Readiness and the messages sent each way, for tests. */
  get probe(): ChannelProbe<ReaderMessage, HostToReader> {
    return this.host.probe;
  }

  open(id: string): void {
    this.id = id;
    this.updateTitle();
    this.refresh();
  }

  /** Re-sends the document, e.g. after its completion changed elsewhere. */
  refresh(): void {
    if (!this.host.ready) return;
    const doc = readerDocument(this.deps.content(), this.id, this.deps.isComplete);
    void this.host.post(doc ? { type: 'show', doc } : { type: 'missing', id: this.id });
  }

  private updateTitle(): void {
    const doc = readerDocument(this.deps.content(), this.id, this.deps.isComplete);
    this.host.panel!.title = doc ? doc.title : 'Loop Prep';
  }

  private async onMessage(msg: ReaderMessage): Promise<void> {
    // Every action is checked against the document on show, rebuilt from the content that exists now.
    const doc = readerDocument(this.deps.content(), this.id, this.deps.isComplete);
    const refused = refusalOf(msg, doc);
    if (refused) {
      log().warn(`reader: ignored ${refused}`);
      return;
    }
    switch (msg.type) {
      case 'setComplete':
        await this.deps.setLessonComplete(doc!.id, msg.complete);
        this.refresh();
        break;
      case 'practiseCase':
        await vscode.commands.executeCommand(Commands.practiseCase, doc!.id);
        break;
      case 'openLink':
        await vscode.env.openExternal(vscode.Uri.parse(msg.href));
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
