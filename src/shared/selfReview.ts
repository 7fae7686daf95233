/**
 * Messages between the self-review panel (shown when a timed case practice ends) and the extension host.
 * The host owns the review: the rubric points, what is pre-ticked, and recording the result. The webview
 * only shows checkboxes and sends back which point ids are ticked; `selfReviewToHost` validates
 * everything it sends, and `hostToSelfReview` everything the host sends.
 */
import * as z from 'zod/mini';
import { finite, parseWith, readyMessage, shortString, webviewErrorMessage } from './protocol';

/** One rubric point of the case, with whether the doc showed evidence of it (the pre-tick). */
export interface SelfReviewPoint {
  /** `${caseId}-${sectionKey}-${index}`: what the case practice stores for a missed point. */
  readonly id: string;
  readonly text: string;
  readonly evidenced: boolean;
  /** The evidence phrases found in the doc, as the rubric writes them. */
  readonly found: readonly string[];
  /** Why the point counts as missed, when a model reviewed the doc: its one-line reason, or why its quote did not count. */
  readonly reason?: string;
}

export interface SelfReviewSection {
  readonly key: string;
  readonly heading: string;
  readonly points: readonly SelfReviewPoint[];
}

/** What the panel shows. */
export interface SelfReview {
  /** Unique per practice, so the webview restores its ticks only for the same review. */
  readonly reviewId: string;
  readonly caseId: string;
  readonly caseTitle: string;
  /** Why the review opened: the time ran out, or the user finished early. */
  readonly reason: 'time-up' | 'finished';
  /** "44:12 of 45:00": how long the practice ran. */
  readonly elapsed: string;
  /** Something the user should know, such as "your doc was closed, so nothing is pre-ticked". */
  readonly note?: string;
  /** The model that pre-ticked the points (each with a quote checked against the doc); absent for the word match. */
  readonly preTickedBy?: string;
  readonly sections: readonly SelfReviewSection[];
}

/** What recording the review did, shown in place of the checkboxes. */
export interface SelfReviewResult {
  readonly score: number;
  readonly maxScore: number;
  /** Review cards made (or brought back) from the unticked points. */
  readonly cards: number;
  readonly xp: number;
}

export type HostToSelfReview =
  | { readonly type: 'show'; readonly review: SelfReview }
  | { readonly type: 'recorded'; readonly reviewId: string; readonly result: SelfReviewResult }
  | { readonly type: 'failed'; readonly message: string };

/** More points than any rubric has: a longer list is not from our webview. */
export const MAX_TICKED = 500;

const selfReviewPoint = z.object({
  id: z.string(),
  text: z.string(),
  evidenced: z.boolean(),
  found: z.array(z.string()),
  reason: z.optional(z.string()),
});
const selfReview = z.object({
  reviewId: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  reason: z.enum(['time-up', 'finished']),
  elapsed: z.string(),
  note: z.optional(z.string()),
  preTickedBy: z.optional(z.string()),
  sections: z.array(z.object({ key: z.string(), heading: z.string(), points: z.array(selfReviewPoint) })),
});
const selfReviewResult = z.object({ score: finite, maxScore: finite, cards: finite, xp: finite });

/** What the host sends; the webview checks it before drawing. */
export const hostToSelfReview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show'), review: selfReview }),
  z.object({ type: z.literal('recorded'), reviewId: z.string(), result: selfReviewResult }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);

/** Ticked point ids: at most MAX_TICKED, each 1-200 characters; repeats are dropped. */
const ticked = z.array(shortString(200)).check(
  z.maxLength(MAX_TICKED),
  z.overwrite((ids) => [...new Set(ids)]),
);

/** What the webview sends; the host checks it before acting. */
export const selfReviewToHost = z.discriminatedUnion('type', [
  readyMessage,
  webviewErrorMessage,
  z.object({ type: z.literal('confirm'), reviewId: shortString(200), ticked }),
  z.object({ type: z.literal('drillMissed') }),
  z.object({ type: z.literal('close') }),
]);

export type SelfReviewToHost = z.infer<typeof selfReviewToHost>;

/** Returns the message when it is well-formed, undefined otherwise. Never throws. Ticked ids are deduplicated. */
export const parseSelfReviewMessage = (raw: unknown): SelfReviewToHost | undefined => parseWith(selfReviewToHost, raw);

/** Returns the host message when it is well-formed, undefined otherwise. Never throws. */
export const parseHostToSelfReview = (raw: unknown): HostToSelfReview | undefined => parseWith(hostToSelfReview, raw);
