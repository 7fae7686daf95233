/**
 * The Progress view's building blocks: the connection to the host with the view state it keeps (which
 * disclosures are open), number formats, and the generic elements every block is made of.
 */
import type { ProgressAction, ProgressToHost } from '../../shared/progress';
import { h } from '../lib/dom';
import { connect } from '../lib/host';

interface ViewState {
  readonly open: readonly string[];
}

export const host = connect<ProgressToHost, ViewState>();
const open = new Set(host.getState()?.open ?? []);

export type Child = Node | string | undefined | false;

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
export const num = (n: number): string => n.toLocaleString('en-US');
export const points = (n: number): string => `+${n >= 10 ? Math.round(n) : n.toFixed(1)} pts`;
export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
export const width = (x: number): string => `${(clamp01(x) * 100).toFixed(1)}%`;

/** A native button that posts `action`; `key` lets focus come back to it after a redraw. */
export function actionButton(action: ProgressAction, key: string, cls: string, ...children: Child[]): HTMLButtonElement {
  const b = h('button', { type: 'button', class: cls, 'data-key': key }, ...children);
  b.addEventListener('click', () => host.post({ type: 'run', action }));
  return b;
}

/** A disclosure whose open state survives redraws and hide/show. */
export function disclosure(key: string, summary: string, ...children: Child[]): HTMLDetailsElement {
  const d = h('details', { class: 'disclosure', 'data-key': key, open: open.has(key) }, h('summary', { 'data-key': `${key}:summary` }, summary), ...children);
  d.addEventListener('toggle', () => {
    if (d.open) open.add(key);
    else open.delete(key);
    host.setState({ open: [...open] });
  });
  return d;
}

export function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', { class: 'sr-only' }, caption),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), ...rest.map((c) => h('td', {}, c))))),
    ),
  );
}

export function lines(items: readonly string[]): HTMLElement {
  return h('ul', { class: 'help-lines' }, ...items.map((l) => h('li', {}, l)));
}

export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { id, class: 'block', 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

/** A horizontal bar filled to `fraction`; decorative, so the caller puts the number in text nearby. */
export function meter(fraction: number, cls: string): HTMLElement {
  const fill = h('div', { class: 'meter-fill' });
  fill.style.width = width(fraction);
  return h('div', { class: `meter ${cls}`, 'aria-hidden': 'true' }, fill);
}
