/**
 * Messages between the self-review panel (shown when a timed case practice ends) and the extension host.
 * The host owns the review: the rubric points, what is pre-ticked, and recording the result. The webview
 * only shows checkboxes and sends back which point ids are ticked; `parseSelfReviewMessage` validates
 * everything it sends.
 */
import type { CommonWebviewMessage } from './protocol';

/** One rubric point of the case, with whether the doc showed evidence of it (the pre-tick). */
export interface SelfReviewPoint {
  /** `${caseId}-${sectionKey}-${index}`: what the case practice stores for a missed point. */
  readonly id: string;
  readonly text: string;
  readonly evidenced: boolean;
  /** The evidence phrases found in the doc, as the rubric writes them. */
  readonly found: readonly string[];
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

export type SelfReviewToHost =
  | CommonWebviewMessage
  | { readonly type: 'confirm'; readonly reviewId: string; readonly ticked: readonly string[] }
  | { readonly type: 'drillMissed' }
  | { readonly type: 'close' };

/** More points than any rubric has: a longer list is not from our webview. */
export const MAX_TICKED = 500;

const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Returns the message when it is well-formed, undefined otherwise. Never throws. Ticked ids are deduplicated. */
export function parseSelfReviewMessage(raw: unknown): SelfReviewToHost | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'drillMissed':
    case 'close':
      return { type: m.type };
    case 'webviewError':
      return typeof m.message === 'string' ? { type: 'webviewError', message: m.message.slice(0, 1000) } : undefined;
    case 'confirm': {
      if (!isShortString(m.reviewId, 200) || !Array.isArray(m.ticked) || m.ticked.length > MAX_TICKED) return undefined;
      if (!m.ticked.every((t) => isShortString(t, 200))) return undefined;
      return { type: 'confirm', reviewId: m.reviewId, ticked: [...new Set(m.ticked as string[])] };
    }
    default:
      return undefined;
  }
}
