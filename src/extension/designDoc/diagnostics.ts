import * as vscode from 'vscode';
import { checkDesignDoc, type DesignDocDiagnostic } from '../../core/designDoc';
import { hasDesignDocMarker, isMarkdown, toDiagnostic, type ParsedDocs } from './documents';

/** The name of the design-doc DiagnosticCollection (and of the diagnostics' owner in the Problems panel). */
export const DESIGN_DOC_DIAGNOSTICS = 'loop-prep-design-doc';

/** How long typing must pause before a doc is checked again. */
export const CHECK_DEBOUNCE_MS = 400;

/**
 * Keeps the Problems panel in step with design docs: checks a doc with the `loopPrep: design-doc` marker
 * when it opens and again once typing pauses (one timer per doc, reset on every change, so the extension
 * host does nothing between keystrokes), and clears its diagnostics when it closes or loses the marker.
 * A doc checked on demand ("Loop Prep: Check Design Doc") is kept up to date the same way until it closes,
 * marker or not.
 */
export class DesignDocDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DESIGN_DOC_DIAGNOSTICS);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Docs the user checked on demand: watched even without the marker. */
  private readonly asked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly parsed: ParsedDocs,
    private readonly debounceMs = CHECK_DEBOUNCE_MS,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.refresh(d);
  }

  /** Checks a doc now, whether or not it has the marker, and keeps it checked as it changes. */
  async checkNow(document: vscode.TextDocument): Promise<DesignDocDiagnostic[]> {
    this.asked.add(document.uri.toString());
    return this.publish(document);
  }

  /** Checks every open doc again: its team config changed. */
  recheckAll(): void {
    for (const d of vscode.workspace.textDocuments) this.refresh(d);
  }

  private watched(document: vscode.TextDocument): boolean {
    return isMarkdown(document) && (this.asked.has(document.uri.toString()) || hasDesignDocMarker(document));
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The doc may have closed meanwhile; the event's object would then be stale.
        if (!document.isClosed) this.refresh(document);
      }, this.debounceMs),
    );
  }

  private refresh(document: vscode.TextDocument): void {
    if (this.watched(document)) void this.publish(document);
    else if (this.collection.has(document.uri)) this.collection.delete(document.uri);
  }

  /** Checks the doc once its team config is known; a doc that changed or closed meanwhile is left to its next check. */
  private async publish(document: vscode.TextDocument): Promise<DesignDocDiagnostic[]> {
    const version = document.version;
    const doc = await this.parsed.load(document);
    const found = checkDesignDoc(doc);
    if (!document.isClosed && document.version === version) this.collection.set(document.uri, found.map(toDiagnostic));
    return found;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.asked.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
