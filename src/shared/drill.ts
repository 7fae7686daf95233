/**
 * Messages between the drill panel and the extension host. The host owns the session and grades
 * answers; the webview only shows what it is sent. `parseDrillMessage` validates everything the
 * webview sends; anything else is logged and ignored.
 */
import type { CommonWebviewMessage } from './protocol';

export type Rating = 1 | 2 | 3 | 4;
export const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export interface DrillCard {
  readonly id: string;
  readonly type: 'single' | 'multi' | 'flashcard' | 'numeric';
  readonly topicTitle: string;
  readonly difficulty: string;
  readonly promptHtml: string;
  readonly options?: readonly { readonly html: string; readonly label: string }[];
  readonly unit?: string;
}

export interface RatingPreview {
  readonly rating: Rating;
  readonly label: string;
  /** "10m", "3d": when the card comes back with this rating. */
  readonly interval: string;
}

export interface DrillProgress {
  readonly position: number; // 1-based card number
  /** Cards shown and still to show, including cards that come back. */
  readonly total: number;
  /** Of `total`, the cards that come back (rated into a short learning step): "12 / 18 · 3 again". */
  readonly again: number;
  readonly modeLabel: string;
}

export interface DrillResult {
  readonly cardId: string;
  /** null for flashcards: the user judges their own recall. */
  readonly correct: boolean | null;
  readonly correctIndices?: readonly number[];
  readonly chosenIndices?: readonly number[];
  readonly numeric?: { readonly given: number; readonly answer: number; readonly unit: string; readonly tolerance: number };
  readonly answerHtml?: string;
  readonly explanationHtml: string;
  readonly optionWhyHtml?: readonly string[];
  readonly suggestedRating: Rating;
  readonly previews: readonly RatingPreview[];
}

export interface DrillSummary {
  readonly reviewed: number;
  readonly graded: number;
  readonly correct: number;
  readonly durationMs: number;
  readonly xpGained: number;
  readonly nextDue: string;
  /** Cards the session still holds, when it was ended early; "Continue now" resumes them. */
  readonly left: number;
  /** "4 cards are due again in 25 min": this session's cards due soon after the window; "Continue now" brings them back. */
  readonly dueAgain?: string;
  /** Cards rated Again in this session, in order; each opens that card. */
  readonly failed: readonly { readonly id: string; readonly label: string }[];
}

export type HostToDrill =
  | { readonly type: 'card'; readonly card: DrillCard; readonly progress: DrillProgress }
  | { readonly type: 'result'; readonly result: DrillResult; readonly progress: DrillProgress }
  | { readonly type: 'summary'; readonly summary: DrillSummary }
  | { readonly type: 'empty'; readonly message: string }
  | { readonly type: 'notice'; readonly message: string };

export type DrillAnswer = { readonly kind: 'choice'; readonly indices: readonly number[] } | { readonly kind: 'numeric'; readonly value: number } | { readonly kind: 'reveal' };

export type DrillToHost =
  | CommonWebviewMessage
  | { readonly type: 'submit'; readonly cardId: string; readonly answer: DrillAnswer }
  | { readonly type: 'rate'; readonly cardId: string; readonly rating: Rating }
  | { readonly type: 'undo' }
  | { readonly type: 'end' }
  | { readonly type: 'continue' }
  | { readonly type: 'openCard'; readonly cardId: string };

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

function parseAnswer(raw: unknown): DrillAnswer | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const a = raw as Record<string, unknown>;
  if (a.kind === 'reveal') return { kind: 'reveal' };
  if (a.kind === 'numeric') return typeof a.value === 'number' && Number.isFinite(a.value) ? { kind: 'numeric', value: a.value } : undefined;
  if (a.kind === 'choice' && Array.isArray(a.indices) && a.indices.length <= 10 && a.indices.every((i) => Number.isInteger(i) && i >= 0 && i < 10)) {
    return { kind: 'choice', indices: [...new Set(a.indices as number[])].sort((x, y) => x - y) };
  }
  return undefined;
}

/** Returns the message when it is well-formed, undefined otherwise. Never throws. */
export function parseDrillMessage(raw: unknown): DrillToHost | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'undo':
    case 'end':
    case 'continue':
      return { type: m.type };
    case 'openCard':
      return isId(m.cardId) ? { type: 'openCard', cardId: m.cardId } : undefined;
    case 'webviewError':
      return typeof m.message === 'string' ? { type: 'webviewError', message: m.message.slice(0, 1000) } : undefined;
    case 'submit': {
      const answer = parseAnswer(m.answer);
      return isId(m.cardId) && answer ? { type: 'submit', cardId: m.cardId, answer } : undefined;
    }
    case 'rate':
      return isId(m.cardId) && (m.rating === 1 || m.rating === 2 || m.rating === 3 || m.rating === 4) ? { type: 'rate', cardId: m.cardId, rating: m.rating } : undefined;
    default:
      return undefined;
  }
}
