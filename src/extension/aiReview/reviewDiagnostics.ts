import * as vscode from 'vscode';
import type { ReviewFinding } from '../../core/ai/docReviewMap';
import { DIAGNOSTIC_SOURCE, toRange, toSeverity } from '../designDoc/documents';

/** The name of the AI review's own DiagnosticCollection, apart from the checker's. */
export const AI_REVIEW_DIAGNOSTICS = 'loop-prep-ai-review';

/**
 * The last design-doc review's findings per doc: information on each quote that counts, a warning with
 * the model's reason on each missed point's section. They stay until the next review of the doc (or a
 * fallback review without a model, which clears them) and go when the doc closes.
 */
export class ReviewDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(AI_REVIEW_DIAGNOSTICS);
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri));

  set(uri: vscode.Uri, findings: readonly ReviewFinding[]): void {
    this.collection.set(
      uri,
      findings.map((f) => {
        const d = new vscode.Diagnostic(toRange(f), f.message, toSeverity(f.severity));
        d.source = `${DIAGNOSTIC_SOURCE} AI review`;
        d.code = f.status === 'made' ? 'rubric-point-made' : 'rubric-point-missed';
        return d;
      }),
    );
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.closing.dispose();
    this.collection.dispose();
  }
}
