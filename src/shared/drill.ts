/**
 * Messages between the drill panel and the extension host. The host owns the session and grades
 * answers; the webview only shows what it is sent. `drillToHost` validates everything the webview
 * sends (anything else is logged and ignored), and `hostToDrill` everything the host sends.
 */
import * as z from 'zod/mini';
import { finite, parseWith, readyMessage, shortString, webviewErrorMessage } from './protocol';

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
  /** A flashcard with an answer box before the reveal (`loopPrep.drill.typeAnswers`). */
  readonly typeAnswer?: boolean;
}

/** The most characters a typed answer may have; longer text is refused by the schema. */
export const TYPED_ANSWER_MAX = 20_000;

/** A typed answer on the result screen. */
export interface TypedAnswerView {
  readonly text: string;
  /** What the user typed the previous time, and when ("3 days ago"). */
  readonly last?: { readonly text: string; readonly when: string };
  /** "Grade with <model>" is offered: the model's name, or "AI" when none is found yet (pressing then says why). */
  readonly grader?: string;
}

/** A typed answer graded by a model, after the host checked every quote. */
export interface AnswerGrading {
  /** One per key point, in order; `unverified`: the model claimed a hit without a quote from the answer. */
  readonly points: readonly { readonly hit: boolean; readonly quote?: string; readonly unverified?: boolean }[];
  readonly rating: Rating;
  readonly feedback: string;
  readonly model: string;
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
  /** Each option's reason, in the order the options are on screen (as are the indices above). */
  readonly optionWhyHtml?: readonly string[];
  /** A wrong estimate near a typical slip: the slip, as plain text ("That is the figure you get if …"). */
  readonly slip?: string;
  /** A flashcard's key points, as plain text: the checklist the user ticks to get a suggested rating. */
  readonly keyPoints?: readonly string[];
  readonly suggestedRating: Rating;
  readonly previews: readonly RatingPreview[];
  /** The answer typed before the reveal, when there was one. */
  readonly typed?: TypedAnswerView;
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

const rating = z.literal([1, 2, 3, 4]);
const ratingPreview = z.object({ rating, label: z.string(), interval: z.string() });
const drillCard = z.object({
  id: z.string(),
  type: z.enum(['single', 'multi', 'flashcard', 'numeric']),
  topicTitle: z.string(),
  difficulty: z.string(),
  promptHtml: z.string(),
  options: z.optional(z.array(z.object({ html: z.string(), label: z.string() }))),
  unit: z.optional(z.string()),
  typeAnswer: z.optional(z.boolean()),
});
const typedAnswerView = z.object({
  text: z.string(),
  last: z.optional(z.object({ text: z.string(), when: z.string() })),
  grader: z.optional(z.string()),
});
const answerGrading = z.object({
  points: z.array(z.object({ hit: z.boolean(), quote: z.optional(z.string()), unverified: z.optional(z.boolean()) })).check(z.maxLength(20)),
  rating,
  feedback: z.string(),
  model: z.string(),
});
const drillProgress = z.object({ position: finite, total: finite, again: finite, modeLabel: z.string() });
const drillResult = z.object({
  cardId: z.string(),
  correct: z.nullable(z.boolean()),
  correctIndices: z.optional(z.array(finite)),
  chosenIndices: z.optional(z.array(finite)),
  numeric: z.optional(z.object({ given: finite, answer: finite, unit: z.string(), tolerance: finite })),
  answerHtml: z.optional(z.string()),
  explanationHtml: z.string(),
  optionWhyHtml: z.optional(z.array(z.string())),
  slip: z.optional(z.string()),
  keyPoints: z.optional(z.array(z.string()).check(z.maxLength(20))),
  suggestedRating: rating,
  previews: z.array(ratingPreview),
  typed: z.optional(typedAnswerView),
});
const drillSummary = z.object({
  reviewed: finite,
  graded: finite,
  correct: finite,
  durationMs: finite,
  xpGained: finite,
  nextDue: z.string(),
  left: finite,
  dueAgain: z.optional(z.string()),
  failed: z.array(z.object({ id: z.string(), label: z.string() })),
});

/** What the host sends; the webview checks it before drawing. */
export const hostToDrill = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), card: drillCard, progress: drillProgress }),
  z.object({ type: z.literal('result'), result: drillResult, progress: drillProgress }),
  z.object({ type: z.literal('summary'), summary: drillSummary }),
  z.object({ type: z.literal('empty'), message: z.string() }),
  z.object({ type: z.literal('notice'), message: z.string() }),
  z.object({ type: z.literal('graded'), cardId: z.string(), grading: answerGrading }),
  z.object({ type: z.literal('gradeFailed'), cardId: z.string(), message: z.string() }),
]);

export type HostToDrill =
  | { readonly type: 'card'; readonly card: DrillCard; readonly progress: DrillProgress }
  | { readonly type: 'result'; readonly result: DrillResult; readonly progress: DrillProgress }
  | { readonly type: 'summary'; readonly summary: DrillSummary }
  | { readonly type: 'empty'; readonly message: string }
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'graded'; readonly cardId: string; readonly grading: AnswerGrading }
  /** Grading did not happen (no model, declined, an error): the checklist stays for self-grading. */
  | { readonly type: 'gradeFailed'; readonly cardId: string; readonly message: string };

const cardId = shortString(200);
/** Choice positions on screen (0 = the first option shown): at most ten, each 0-9; repeats are dropped and the rest sorted. */
const choiceIndices = z.array(z.int().check(z.gte(0), z.lt(10))).check(
  z.maxLength(10),
  z.overwrite((a) => [...new Set(a)].sort((x, y) => x - y)),
);
const drillAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), indices: choiceIndices }),
  z.object({ kind: z.literal('numeric'), value: finite }),
  z.object({ kind: z.literal('reveal'), text: z.optional(z.string().check(z.maxLength(TYPED_ANSWER_MAX))) }),
]);

/** What the webview sends; the host checks it before acting. */
export const drillToHost = z.discriminatedUnion('type', [
  readyMessage,
  webviewErrorMessage,
  z.object({ type: z.literal('submit'), cardId, answer: drillAnswer }),
  z.object({ type: z.literal('rate'), cardId, rating }),
  z.object({ type: z.literal('undo') }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('continue') }),
  z.object({ type: z.literal('openCard'), cardId }),
  /** "Grade with <model>": the host sends the answer it holds for this card, never text from this message. */
  z.object({ type: z.literal('grade'), cardId }),
]);

export type DrillAnswer = z.infer<typeof drillAnswer>;
export type DrillToHost = z.infer<typeof drillToHost>;

/** Returns the message when it is well-formed, undefined otherwise. Never throws. */
export const parseDrillMessage = (raw: unknown): DrillToHost | undefined => parseWith(drillToHost, raw);

/** Returns the host message when it is well-formed, undefined otherwise. Never throws. */
export const parseHostToDrill = (raw: unknown): HostToDrill | undefined => parseWith(hostToDrill, raw);
