/**
 * The built-in bank ships as a lean index plus question bodies stored per topic, so that activation
 * parses only what the Study Plan, Progress and pickers need. The index keeps every question's
 * metadata and its plain-text prompt; a body holds what only a drill shows: the prompt's HTML, options,
 * the answer, the explanation, key points and numeric details. Texts derived from HTML (the explanation's
 * and each option's plain text) are stored once, as HTML, and derived again when a body is joined.
 */
import type { ContentIndex, Question, QuestionOption } from './types';

/** What a drill needs beyond the index: the fields `splitBodies` moves out of each question. */
export interface QuestionBody {
  readonly promptHtml: string;
  readonly answerHtml?: string;
  readonly explanationHtml: string;
  readonly options?: readonly Omit<QuestionOption, 'text'>[];
  readonly correct?: readonly number[];
  readonly numeric?: Question['numeric'];
  readonly keyPoints?: readonly string[];
}

const BODY_KEYS = ['promptHtml', 'answerHtml', 'explanationHtml', 'explanationText', 'options', 'correct', 'numeric', 'keyPoints'] as const;

/** A question as the lean index holds it: everything but its body. */
export type QuestionMeta = Omit<Question, (typeof BODY_KEYS)[number]>;

/** The file (under dist/bodies/) that holds a topic's bodies. Topic ids are safe file names. */
export const bodyFile = (topicId: string): string => `${topicId}.json`;

/** Bodies of one topic, by question id. Null-prototype, so any id is a safe key. */
export type BodyShard = Record<string, QuestionBody>;

/** Splits a compiled index into the lean index and one body shard per topic. */
export function splitBodies(index: ContentIndex): { lean: Omit<ContentIndex, 'questions'> & { questions: QuestionMeta[] }; shards: Map<string, BodyShard> } {
  const shards = new Map<string, BodyShard>();
  const questions = index.questions.map((q) => {
    const { promptHtml, answerHtml, explanationHtml, options, correct, numeric, keyPoints } = q;
    const body: QuestionBody = {
      promptHtml,
      explanationHtml,
      ...(answerHtml !== undefined ? { answerHtml } : {}),
      ...(options ? { options: options.map(({ text: _text, ...o }) => o) } : {}),
      ...(correct ? { correct } : {}),
      ...(numeric ? { numeric } : {}),
      ...(keyPoints ? { keyPoints } : {}),
    };
    let shard = shards.get(q.topic);
    if (!shard) shards.set(q.topic, (shard = Object.create(null) as BodyShard));
    shard[q.id] = body;
    const meta: Record<string, unknown> = { ...q };
    for (const key of BODY_KEYS) delete meta[key];
    return meta as unknown as QuestionMeta;
  });
  return { lean: { ...index, questions }, shards };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Plain text of rendered HTML: tags dropped, the entities markdown-it writes decoded, spaces collapsed. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e])
    .replace(/\s+/g, ' ')
    .trim();
}

/** The full question from its index entry and its body. */
export function joinBody(meta: QuestionMeta, body: QuestionBody): Question {
  return {
    ...meta,
    promptHtml: body.promptHtml,
    explanationHtml: body.explanationHtml,
    explanationText: textOfHtml(body.explanationHtml),
    ...(body.answerHtml !== undefined ? { answerHtml: body.answerHtml } : {}),
    ...(body.options ? { options: body.options.map((o) => ({ ...o, text: textOfHtml(o.html) })) } : {}),
    ...(body.correct ? { correct: body.correct } : {}),
    ...(body.numeric ? { numeric: body.numeric } : {}),
    ...(body.keyPoints ? { keyPoints: body.keyPoints } : {}),
  } as Question;
}

/** Fields a lazily joined question reads from its body the first time any of them is read. */
const LAZY_KEYS = ['promptHtml', 'answerHtml', 'explanationHtml', 'explanationText', 'options', 'correct', 'numeric', 'keyPoints'] as const;

interface LazyState {
  readonly meta: QuestionMeta;
  readonly bodyOf: (meta: QuestionMeta) => QuestionBody;
  joined?: Question;
}

const STATE = Symbol('lazyQuestion');
type Lazy = { readonly [STATE]: LazyState };
const joinedOf = (q: Lazy): Question => {
  const state = q[STATE];
  return (state.joined ??= joinBody(state.meta, state.bodyOf(state.meta)));
};

/** One prototype for every lazy question: body fields are getters on it, so building the index stays cheap. */
const LAZY_PROTO: object = Object.create(Object.prototype, {
  ...Object.fromEntries(LAZY_KEYS.map((key) => [key, { enumerable: true, get(this: Lazy) { return (joinedOf(this) as unknown as Record<string, unknown>)[key]; } }])),
  toJSON: { value(this: Lazy) { return joinedOf(this); } },
});

/**
 * Questions whose bodies load on first use. Each question holds its metadata as its own properties; its
 * body fields are getters on a shared prototype, so reading any of them (a drill showing the card, a JSON
 * copy) asks `bodyOf` for the body once and keeps it. The Study Plan, Progress and pickers read metadata
 * only, so nothing else is loaded for them. An object spread copies own properties only: use the question
 * itself, or `JSON.parse(JSON.stringify(q))`, not `{ ...q }`, when the body is needed. `bodyOf` must not
 * throw; it returns a stand-in body when a shard cannot be read.
 */
export function lazyQuestions(metas: readonly QuestionMeta[], bodyOf: (meta: QuestionMeta) => QuestionBody): Question[] {
  return metas.map((meta) => {
    const q = Object.assign(Object.create(LAZY_PROTO) as Record<PropertyKey, unknown>, meta);
    Object.defineProperty(q, STATE, { value: { meta, bodyOf } satisfies LazyState });
    return q as unknown as Question;
  });
}

/** What a drill shows when a card's body cannot be read: a clear note instead of a blank card. */
export function missingBody(meta: QuestionMeta, why: string): QuestionBody {
  const note = `<p>Loop Prep could not load this card's text (${why.replace(/[<>&"]/g, ' ')}). Reinstalling the extension should fix this.</p>`;
  return meta.type === 'single' || meta.type === 'multi'
    ? { promptHtml: note, explanationHtml: note, options: [{ html: 'Skip this card', whyHtml: '' }], correct: [0] }
    : meta.type === 'numeric'
      ? { promptHtml: note, explanationHtml: note, numeric: { answer: 0, tolerance: 0, unit: '' } }
      : { promptHtml: note, explanationHtml: note, answerHtml: note };
}
