/** Small DOM helpers for webviews: elements built in code, and sanitized HTML for content. */
import DOMPurify from 'dompurify';

type Attrs = Record<string, string | boolean | number | undefined>;

/** Creates an element with attributes and children. Strings become text nodes, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: (Node | string | undefined | false)[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: (Node | string | undefined | false)[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: (Node | string | undefined | false)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/**
 * Content HTML (rendered from Markdown with raw HTML off) is sanitized once more before display: the
 * content of a user's pack is untrusted, and defence in depth costs little here.
 */
export function safeHtml(html: string, tag: keyof HTMLElementTagNameMap = 'div', className = 'content'): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.innerHTML = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'img'], FORBID_ATTR: ['style'] });
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
