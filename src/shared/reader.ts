/**
 * Messages between the reader panel (lessons and case-study walkthroughs) and the extension host.
 * The host validates every incoming message with `readerToHost`, then checks it against the document
 * on show with `refusalOf`; the webview validates what the host sends with `hostToReader`.
 */
import * as z from 'zod/mini';
import { contentId, parseWith, readyMessage, webviewErrorMessage } from './protocol';

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
  /** A lesson's self-check cards, each opened in a drill; label: the card's prompt, cut short. */
  readonly selfCheck?: readonly { readonly id: string; readonly label: string }[];
}

export type HostToReader = { readonly type: 'show'; readonly doc: ReaderDocument } | { readonly type: 'missing'; readonly id: string };

const readerDocument = z.object({
  kind: z.enum(['lesson', 'case']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  sections: z.array(z.object({ heading: z.string(), html: z.string() })),
  complete: z.boolean(),
  selfCheck: z.optional(z.array(z.object({ id: z.string(), label: z.string() })).check(z.maxLength(20))),
});

/** What the host sends; the webview checks it before drawing. */
export const hostToReader = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show'), doc: readerDocument }),
  z.object({ type: z.literal('missing'), id: z.string() }),
]);

/** Links the reader may open: http(s) only, and shorter than any real link of ours. */
const httpLink = z.string().check(z.maxLength(1999), z.regex(/^https?:\/\//i));

/** What the webview sends; the host checks it before acting. */
export const readerToHost = z.discriminatedUnion('type', [
  readyMessage,
  webviewErrorMessage,
  z.object({ type: z.literal('setComplete'), id: contentId, complete: z.boolean() }),
  z.object({ type: z.literal('practiseCase'), id: contentId }),
  z.object({ type: z.literal('openLink'), href: httpLink }),
  z.object({ type: z.literal('openCard'), cardId: contentId }),
]);

export type ReaderToHost = z.infer<typeof readerToHost>;

/** Returns the message when it is well-formed, undefined otherwise. Never throws. */
export const parseReaderMessage = (raw: unknown): ReaderToHost | undefined => parseWith(readerToHost, raw);

/** Returns the host message when it is well-formed, undefined otherwise. Never throws. */
export const parseHostToReader = (raw: unknown): HostToReader | undefined => parseWith(hostToReader, raw);

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
 * exists: only that document can be marked, only that case practised, only its own links and self-check
 * cards opened. Returns
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
    case 'openCard':
      if (!doc || doc.kind !== 'lesson') return `openCard for "${msg.cardId}", but no lesson is on show`;
      return doc.selfCheck?.some((c) => c.id === msg.cardId) ? undefined : `openCard for "${msg.cardId}", which is not a self-check card of "${doc.id}"`;
    default:
      return undefined;
  }
}
