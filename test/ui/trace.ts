/**
 * A record of what moved the keyboard focus in a workbench window, for the report of a failed UI test.
 * Quick picks close when focus leaves them, so "the quick input closed before Enter" is only explained by
 * what took the focus at that moment: `installFocusTrace` records every focus change, every show and close
 * of the quick input (with its prompt), every key that drives it, and every window reload; the harness's
 * failure hook (scripts/host/suites.mjs) reads it back with `readFocusTrace`.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Runs in the workbench page (not in webviews), before the workbench's own scripts. */
function focusTraceScript(): void {
  // This file is type-checked without DOM types: reach the page's globals through one loose object.
  const w = globalThis as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (w.top !== w || w.__loopPrepTrace) return;
  const doc = w.document;
  // Kept in sessionStorage, so that a window reload keeps what led up to it.
  const store = w.sessionStorage;
  const lines: string[] = (w.__loopPrepTrace = JSON.parse(store?.getItem('loopPrepTrace') ?? '[]'));
  const push = (what: string) => {
    lines.push(`${new Date().toISOString().slice(11, 23)} ${what}`);
    if (lines.length > 300) lines.shift();
    store?.setItem('loopPrepTrace', JSON.stringify(lines));
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const describe = (el: any): string => {
    if (!el || el === doc.body) return 'body';
    const parts: string[] = [];
    for (let e = el; e && e !== doc.body && parts.length < 4; e = e.parentElement) {
      const cls = [...(e.classList ?? [])].slice(0, 3).join('.');
      parts.unshift(`${String(e.tagName).toLowerCase()}${e.id ? `#${e.id}` : ''}${cls ? `.${cls}` : ''}`);
    }
    const label = el.getAttribute?.('aria-label') || el.getAttribute?.('title') || el.getAttribute?.('placeholder');
    return `${parts.join(' > ')}${label ? ` "${String(label).slice(0, 50)}"` : ''}`;
  };
  push(`page loaded (${w.location?.search ? 'with payload' : 'plain'})`);
  doc.addEventListener('focusin', (e: { target: unknown }) => push(`focus -> ${describe(e.target)}`), true);
  w.addEventListener('blur', () => push('window lost focus'));
  w.addEventListener('pagehide', () => push('pagehide'));
  doc.addEventListener(
    'keydown',
    (e: { key: string; target: unknown }) => {
      if (['Enter', 'Escape', 'F1'].includes(e.key) || e.key.length === 1) push(`key ${e.key} at ${describe(e.target)}`);
    },
    true,
  );
  // The quick input widget is created the first time one opens; then its class and style say shown or closing.
  const watchQuickInput = (widget: { className: string; style: { display: string }; querySelector(s: string): unknown }) => {
    let last = '';
    const report = () => {
      const input = widget.querySelector('input') as { placeholder?: string; ariaLabel?: string } | null;
      const state = widget.style.display === 'none' ? 'hidden' : /quick-input-widget-closing/.test(widget.className) ? 'closing (inert)' : 'shown';
      const now = `${state}${state === 'shown' ? ` "${input?.placeholder || input?.ariaLabel || ''}"` : ''}`;
      if (now !== last) push(`quick input ${now}`);
      last = now;
    };
    new w.MutationObserver(report).observe(widget, { attributes: true, attributeFilter: ['class', 'style'], subtree: true });
    report();
  };
  const finder = new w.MutationObserver(() => {
    const widget = doc.querySelector('.quick-input-widget');
    if (!widget) return;
    finder.disconnect();
    watchQuickInput(widget);
  });
  doc.addEventListener('DOMContentLoaded', () => finder.observe(doc.body, { childList: true, subtree: true }));
}

/** Records focus changes in every page the context opens from now on (reloads included). */
export async function installFocusTrace(context: BrowserContext): Promise<void> {
  await context.addInitScript(focusTraceScript);
}

/** The focus record of a page, oldest line first; [] when the page has none. */
export async function readFocusTrace(page: Page): Promise<string[]> {
  return page.evaluate(() => ((globalThis as unknown as { __loopPrepTrace?: string[] }).__loopPrepTrace ?? []).slice()).catch(() => []);
}
