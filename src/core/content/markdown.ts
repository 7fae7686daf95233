/**
 * Markdown rendering for content: markdown-it with raw HTML off, so HTML in a file shows as text.
 * Output is still sanitized again in the webview before display; content is treated as untrusted.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

let renderer: MarkdownIt | undefined;

export function markdown(): MarkdownIt {
  if (!renderer) {
    renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
    renderer.disable(['image']); // nothing is loaded from outside the extension
    const defaultLinkOpen = renderer.renderer.rules.link_open;
    renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
      tokens[idx].attrSet('rel', 'noopener noreferrer');
      return defaultLinkOpen ? defaultLinkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
  }
  return renderer;
}

export function renderBlock(src: string): string {
  return markdown().render(src).trim();
}

export function renderInline(src: string): string {
  return markdown().renderInline(src);
}

/** The visible text of Markdown, without markup: for tooltips, quick picks, screen readers and checks. */
export function plainText(src: string): string {
  const out: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (t.type === 'text' || t.type === 'code_inline' || t.type === 'code_block' || t.type === 'fence') out.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
      if (t.block && t.nesting === -1) out.push(' ');
    }
  };
  walk(markdown().parse(src, {}));
  return out.join('').replace(/\s+/g, ' ').trim();
}
