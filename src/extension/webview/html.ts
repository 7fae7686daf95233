import * as fs from 'fs';
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

/** A bundle or stylesheet read for inlining: kept while the file's size and time stay the same. */
const inlined = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly text: string | undefined }>();

/**
 * The text of `file` to put inside the page, or undefined to link it instead: when it cannot be read, or
 * holds what would end (or, for a script, re-open) the element early. Each linked resource is a round trip
 * through the webview's service worker to the extension host: the drill page was ready about 60 ms later
 * with its bundle and stylesheet linked than inlined (VS Code 1.139, median of 6 windows).
 */
export function inlineText(file: string, kind: 'script' | 'style'): string | undefined {
  try {
    const stat = fs.statSync(file);
    const cached = inlined.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.text;
    const text = fs.readFileSync(file, 'utf8');
    const unsafe = kind === 'script' ? /<\/?script/i : /<\/style/i;
    const entry = { size: stat.size, mtimeMs: stat.mtimeMs, text: unsafe.test(text) ? undefined : text };
    inlined.set(file, entry);
    return entry.text;
  } catch {
    return undefined;
  }
}

/**
 * The page shell for a webview bundle: strict CSP (`default-src 'none'`, scripts and styles only with the
 * nonce or from the extension, fonts and images only from the extension), the theme-aware stylesheet, and
 * the bundle as an ES module, both inlined when they can be (`inlineText`), else linked. No inline handler:
 * the bundle wires everything after load.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string, options: ShellOptions = {}): string {
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${n}'`,
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  const styles = ['webview.css', ...(options.styles ?? [])]
    .map((f) => {
      const uri = vscode.Uri.joinPath(extensionUri, 'media', f);
      const text = inlineText(uri.fsPath, 'style');
      return text === undefined ? `<link rel="stylesheet" href="${webview.asWebviewUri(uri)}">` : `<style nonce="${n}">${text}</style>`;
    })
    .join('\n');
  const scriptUri = vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.js`);
  const scriptText = inlineText(scriptUri.fsPath, 'script');
  const script =
    scriptText === undefined
      ? `<script type="module" nonce="${n}" src="${webview.asWebviewUri(scriptUri)}"></script>`
      : `<script type="module" nonce="${n}">${scriptText}</script>`;
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
${script}
</body>
</html>`;
}
