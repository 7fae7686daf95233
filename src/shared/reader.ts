/**
 * Messages between the reader panel (lessons and case-study walkthroughs) and the extension host.
 * The host validates every incoming message with `parseReaderMessage`.
 */
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
      return isString(m.id) && typeof m.complete === 'boolean' ? { type: 'setComplete', id: m.id, complete: m.complete } : undefined;
    case 'practiseCase':
      return isString(m.id) ? { type: 'practiseCase', id: m.id } : undefined;
    case 'openLink':
      return isString(m.href) && /^https?:\/\//i.test(m.href) ? { type: 'openLink', href: m.href } : undefined;
    default:
      return undefined;
  }
}
