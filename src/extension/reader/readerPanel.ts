import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import { preview } from '../../core/content/valueBounds';
import { parseReaderMessage, refusalOf, type HostToReader, type ReaderDocument } from '../../shared/reader';
import { Commands } from '../commands';
import { log } from '../log';
import { webviewHtml, webviewOptions } from '../webview/html';

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
    return { kind: 'lesson', id: lesson.id, title: lesson.title, subtitle: `Lesson · ${lesson.minutes} min read`, sections: [{ heading: '', html: lesson.html }], complete: isComplete('lesson', lesson.id) };
  }
  const c = catalog.resolve('case', id);
  if (!c) return undefined;
  return {
    kind: 'case',
    id: c.id,
    title: c.title,
    subtitle: `Case study · ${c.summary}`,
    sections: [{ heading: 'Prompt', html: c.promptHtml }, { heading: 'Clarifying questions', html: c.clarifyingHtml }, ...c.sections.map((s) => ({ heading: s.heading, html: s.html }))],
    complete: isComplete('case', c.id),
  };
}

/**
 * The reader panel for lessons and case walkthroughs: one panel, reused, restored after a reload.
 * The host sends the document only after the webview says it is ready.
 */
export class ReaderPanel implements vscode.Disposable {
  static readonly viewType = 'loopPrep.reader';
  private static current: ReaderPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(deps: ReaderDeps, id: string): ReaderPanel {
    if (ReaderPanel.current) {
      ReaderPanel.current.open(id);
      ReaderPanel.current.panel.reveal(vscode.ViewColumn.Active);
      return ReaderPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(ReaderPanel.viewType, 'Loop Prep', vscode.ViewColumn.Active, { ...webviewOptions(deps.extensionUri), retainContextWhenHidden: false });
    ReaderPanel.current = new ReaderPanel(panel, deps, id);
    return ReaderPanel.current;
  }

  static revive(panel: vscode.WebviewPanel, deps: ReaderDeps, state: unknown): void {
    const id = state && typeof state === 'object' && typeof (state as { id?: unknown }).id === 'string' ? (state as { id: string }).id : '';
    ReaderPanel.current?.dispose();
    ReaderPanel.current = new ReaderPanel(panel, deps, id);
  }

  static get active(): ReaderPanel | undefined {
    return ReaderPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: ReaderDeps,
    private id: string,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-icon.svg');
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'reader', 'Loop Prep');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw).catch((err) => log().error(`reader: ${err instanceof Error ? err.stack : err}`))),
    );
    this.updateTitle();
  }

  get itemId(): string {
    return this.id;
  }

  open(id: string): void {
    this.id = id;
    this.updateTitle();
    this.refresh();
  }

  /** Re-sends the document, e.g. after its completion changed elsewhere. */
  refresh(): void {
    if (!this.ready) return;
    const doc = readerDocument(this.deps.content(), this.id, this.deps.isComplete);
    const msg: HostToReader = doc ? { type: 'show', doc } : { type: 'missing', id: this.id };
    void this.panel.webview.postMessage(msg);
  }

  private updateTitle(): void {
    const doc = readerDocument(this.deps.content(), this.id, this.deps.isComplete);
    this.panel.title = doc ? doc.title : 'Loop Prep';
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parseReaderMessage(raw);
    if (!msg) {
      log().warn(`reader: ignored an unexpected message: ${safeJson(raw)}`);
      return;
    }
    // Every action is checked against the document on show, rebuilt from the content that exists now.
    const doc = readerDocument(this.deps.content(), this.id, this.deps.isComplete);
    const refused = refusalOf(msg, doc);
    if (refused) {
      log().warn(`reader: ignored ${refused}`);
      return;
    }
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.refresh();
        break;
      case 'webviewError':
        log().error(`reader webview: ${msg.message}`);
        break;
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
    }
  }

  dispose(): void {
    if (ReaderPanel.current === this) ReaderPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A short description of an unexpected webview message for the log; bounded, whatever was sent. */
export function safeJson(v: unknown): string {
  if (!v || typeof v !== 'object') return preview(v, 300);
  const type = (v as { type?: unknown }).type;
  return `{ type: ${preview(type, 80)}, keys: ${Object.keys(v).slice(0, 10).map((k) => preview(k, 40)).join(', ')} }`;
}
