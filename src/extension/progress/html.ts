import type * as vscode from 'vscode';
import { webviewHtml } from '../webview/html';

/**
 * The Progress view's page: the shared shell and CSP, plus media/progress.css for the charts. `main` is
 * not an aria-live region, since the view redraws after every review; the body class scopes the styles.
 */
export function progressHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewHtml(webview, extensionUri, 'progress', 'Loop Prep: Progress', { styles: ['progress.css'], bodyClass: 'progress-view', live: false, loading: 'Loading your progress…' });
}
