import * as vscode from 'vscode';
import { escapeHtml } from '../../core/text';

/** A fresh nonce for each render: the CSP lets only scripts carrying it run. */
export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

/** Webview options shared by every Loop Prep webview: scripts on, resources only from dist/ and media/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** How a page differs between webviews. */
export interface ShellOptions {
  /** Extra stylesheets from media/, after webview.css. */
  readonly styles?: readonly string[];
  /** A class on <body>, to scope a view's styles. */
  readonly bodyClass?: string;
  /**
   * Whether `main` is an aria-live region. Panels that change one card at a time want it; a view that
   * redraws everything after each review does not (a screen reader would read it all again).
   */
  readonly live?: boolean;
  readonly loading?: string;
}

/**
 * The page shell for a webview bundle: strict CSP (`default-src 'none'`, scripts only with the nonce,
 * styles and fonts only from the extension), the theme-aware stylesheet, and the bundle as an ES module.
 * No inline script or handler: the bundle wires everything after load.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string, options: ShellOptions = {}): string {
  const n = nonce();
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.js`));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${n}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  const styles = ['webview.css', ...(options.styles ?? [])].map((f) => `<link rel="stylesheet" href="${media(f)}">`).join('\n');
  const live = options.live === false ? '' : ' aria-live="polite"';
  const bodyClass = options.bodyClass ? ` class="${escapeHtml(options.bodyClass)}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(title)}</title>
</head>
<body${bodyClass}>
<main id="app"${live}><p class="muted">${escapeHtml(options.loading ?? 'Loading…')}</p></main>
<script type="module" nonce="${n}" src="${script}"></script>
</body>
</html>`;
}
