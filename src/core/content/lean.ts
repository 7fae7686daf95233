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

/**
 * Questions whose bodies load on first use. Each question gets its metadata as plain properties and its
 * body fields as enumerable getters: reading any of them (a drill showing the card, a spread, a JSON
 * copy) asks `bodyOf` for the question's body once, then keeps it. Nothing is read for the Study Plan,
 * Progress or pickers, which use metadata only. `bodyOf` must not throw; it returns a stand-in body when
 * a shard cannot be read.
 */
export function lazyQuestions(metas: readonly QuestionMeta[], bodyOf: (meta: QuestionMeta) => QuestionBody): Question[] {
  return metas.map((meta) => {
    let joined: Question | undefined;
    const full = () => (joined ??= joinBody(meta, bodyOf(meta)));
    const q = { ...meta } as Record<string, unknown>;
    for (const key of LAZY_KEYS) {
      Object.defineProperty(q, key, { enumerable: true, configurable: false, get: () => (full() as unknown as Record<string, unknown>)[key] });
    }
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
