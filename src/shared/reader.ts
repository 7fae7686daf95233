/**
 * Messages between the reader panel (lessons and case-study walkthroughs) and the extension host.
 * The host validates every incoming message with `parseReaderMessage`.
 */
import { isContentId } from '../core/ids';
import type { CommonWebviewMessage } from './protocol';

export interface ReaderSection {
  readonly heading: string;
  readonly html: string;
}

/** What the reader shows. HTML comes from the content index and is sanitized again in the webview. */
export interface ReaderDocument {
  readonly kind: 'lesson' | 'case';
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReaderSection[];
  readonly complete: boolean;
}

export type HostToReader = { readonly type: 'show'; readonly doc: ReaderDocument } | { readonly type: 'missing'; readonly id: string };

export type ReaderToHost =
  | CommonWebviewMessage
  | { readonly type: 'setComplete'; readonly id: string; readonly complete: boolean }
  | { readonly type: 'practiseCase'; readonly id: string }
  | { readonly type: 'openLink'; readonly href: string };

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 2000;

/** Returns the message when it is well-formed, undefined otherwise. Never throws. */
export function parseReaderMessage(raw: unknown): ReaderToHost | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'webviewError':
      return isString(m.message) ? { type: 'webviewError', message: m.message } : undefined;
    case 'setComplete':
      return isContentId(m.id) && typeof m.complete === 'boolean' ? { type: 'setComplete', id: m.id, complete: m.complete } : undefined;
    case 'practiseCase':
      return isContentId(m.id) ? { type: 'practiseCase', id: m.id } : undefined;
    case 'openLink':
      return isString(m.href) && /^https?:\/\//i.test(m.href) ? { type: 'openLink', href: m.href } : undefined;
    default:
      return undefined;
  }
}

/** The hrefs of the links in a document's HTML, as the webview's `getAttribute('href')` reads them. */
export function linksOf(doc: ReaderDocument): Set<string> {
  const out = new Set<string>();
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  for (const section of doc.sections) {
    for (const m of section.html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) out.add(m[1].replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]));
  }
  return out;
}

/**
 * Checks a well-formed message against the document on show, which the host built from the content that
 * exists: only that document can be marked, only that case practised, only its own links opened. Returns
 * why a message is refused, or undefined when it may be acted on.
 */
export function refusalOf(msg: ReaderToHost, doc: ReaderDocument | undefined): string | undefined {
  switch (msg.type) {
    case 'setComplete':
      if (!doc) return `setComplete for "${msg.id}", but no lesson or case is on show`;
      return msg.id === doc.id ? undefined : `setComplete for "${msg.id}", which is not the open ${doc.kind} "${doc.id}"`;
    case 'practiseCase':
      if (!doc || doc.kind !== 'case') return `practiseCase for "${msg.id}", but no case study is on show`;
      return msg.id === doc.id ? undefined : `practiseCase for "${msg.id}", which is not the open case "${doc.id}"`;
    case 'openLink':
      if (!doc) return 'openLink, but no lesson or case is on show';
      return linksOf(doc).has(msg.href) ? undefined : `openLink for a link that is not in "${doc.id}"`;
    default:
      return undefined;
  }
}
