import * as vscode from 'vscode';
import { nonce } from '../webview/html';

/**
 * The Progress view's page: the same strict CSP as `webviewHtml` (`default-src 'none'`, scripts only
 * with a fresh nonce, styles, fonts and images only from the extension), the shared theme stylesheet
 * plus media/progress.css for the charts, and the bundle as an ES module. It differs in two ways that
 * matter for a view that redraws after every review: `main` is not an aria-live region (a screen reader
 * would otherwise read the whole view out again after each card), and the body carries a class so the
 * charts' styles apply only here.
 */
export function progressHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'progress.js'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${n}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('webview.css')}">
<link rel="stylesheet" href="${media('progress.css')}">
<title>Loop Prep: Progress</title>
</head>
<body class="progress-view">
<main id="app"><p class="muted">Loading your progress…</p></main>
<script type="module" nonce="${n}" src="${script}"></script>
</body>
</html>`;
}
