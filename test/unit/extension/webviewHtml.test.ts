import './fakeVscode';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inlineText, webviewHtml } from '../../../src/extension/webview/html';

describe('webview page shell', () => {
  let dir: string;
  const webview = { cspSource: 'https://resource.test', asWebviewUri: (u: { path: string }) => `https://resource.test${u.path}` };
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const page = (bundle = 'drill') => webviewHtml(webview as never, { path: dir } as never, bundle, 'T <1>');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-html-'));
    write('media/webview.css', 'body { color: red; }');
    write('dist/webview/drill.js', 'document.body.dataset.ok = "1";');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('inlines the bundle and the stylesheet under the page nonce, and allows nothing else inline', () => {
    const html = page();
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(html)?.[1];
    assert.ok(nonce, 'no script nonce in the CSP');
    assert.ok(html.includes(`style-src https://resource.test 'nonce-${nonce}'`));
    assert.ok(html.includes(`<style nonce="${nonce}">body { color: red; }</style>`));
    assert.ok(html.includes(`<script type="module" nonce="${nonce}">document.body.dataset.ok = "1";</script>`));
    assert.doesNotMatch(html, /<link|src="/);
    assert.ok(html.includes('<title>T &lt;1&gt;</title>'));
  });

  it('links a bundle or stylesheet that could close its element early, or that cannot be read', () => {
    write('dist/webview/drill.js', 'const s = "</SCRIPT><img src=x>";');
    write('media/webview.css', 'a::after { content: "</style>"; }');
    const html = page();
    assert.ok(html.includes(`src="https://resource.test${dir}/dist/webview/drill.js"`), html);
    assert.ok(html.includes(`<link rel="stylesheet" href="https://resource.test${dir}/media/webview.css">`));
    assert.doesNotMatch(html, /<img src=x>/);
    assert.ok(page('missing').includes(`src="https://resource.test${dir}/dist/webview/missing.js"`));
  });

  it('reads a file again when it changed (a rebuild while VS Code runs)', () => {
    const file = path.join(dir, 'dist/webview/drill.js');
    assert.strictEqual(inlineText(file, 'script'), 'document.body.dataset.ok = "1";');
    fs.writeFileSync(file, 'let changed = 22;');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.strictEqual(inlineText(file, 'script'), 'let changed = 22;');
    fs.writeFileSync(file, 'x("<script>")');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10000));
    assert.strictEqual(inlineText(file, 'script'), undefined);
  });
});
