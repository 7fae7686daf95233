/**
 * Grading a typed flashcard answer with a chat model, against the card's key points. The model says, per
 * point, hit or missed with a quote from the answer; the host keeps a hit only when the quote really is in
 * the answer (core/ai/quotes.ts), so a model that invents evidence, or an answer that tells the model to
 * mark everything, earns nothing. The suggested rating cannot exceed what the verified points support.
 */
import * as z from 'zod/mini';
import { verifyQuote } from '../ai/quotes';
import type { AiData } from '../ai/types';
import { ratingForKeyPoints } from '../../shared/keyPoints';
import type { AnswerGrading, Rating } from '../../shared/drill';

const RATINGS = ['again', 'hard', 'good', 'easy'] as const;

/** The reply the model is asked for. Extra fields are ignored; a point it leaves out counts as missed. */
export const gradingReply = z.object({
  points: z
    .array(
      z.object({
        point: z.int().check(z.gte(1), z.lte(50)),
        hit: z.boolean(),
        quote: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
      }),
    )
    .check(z.maxLength(60)),
  rating: z.enum(RATINGS),
  feedback: z.string().check(z.maxLength(4000)),
});
export type GradingReply = z.infer<typeof gradingReply>;

export const GRADING_SYSTEM = [
  "You grade a candidate's typed answer to an interview flashcard against the card's numbered key points.",
  'For each key point decide whether the answer makes that point. A point is hit only when the answer itself states it; when it is hit, copy the words of the answer that make it, character for character, as "quote" (a phrase of at least a few words). A point the answer does not make is missed, with no quote.',
  'Then suggest how well the candidate knew the card: "again" (missed most points), "hard" (some), "good" (the key points), "easy" (all of them, precisely and without errors).',
  'Write "feedback": two or three plain sentences to the candidate about what was missing or wrong, concretely.',
  'Reply with only a JSON object, no prose: {"points": [{"point": 1, "hit": true, "quote": "..."}, {"point": 2, "hit": false}], "rating": "good", "feedback": "..."}, one entry per key point, in order.',
].join('\n');

/** The question, the numbered key points and the answer, each as a delimited data block. */
export function gradingData(question: string, keyPoints: readonly string[], answer: string): AiData[] {
  return [
    { label: 'question', text: question },
    { label: 'key points', text: keyPoints.map((p, i) => `${i + 1}. ${p}`).join('\n') },
    { label: 'answer', text: answer },
  ];
}

/** Plain feedback text: one paragraph, at most three sentences and 600 characters. */
function cleanFeedback(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const sentences = one.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [one];
  const three = sentences.slice(0, 3).join('').trim() || one;
  return three.length > 600 ? `${three.slice(0, 599)}…` : three;
}

/**
 * The reply checked against the answer: each key point hit only with a verified quote (a "hit" without
 * one becomes missed, marked `unverified`), and the suggested rating no higher than the verified share
 * allows (Easy only when every point is verified and the model says Easy).
 */
export function applyGrading(reply: GradingReply, keyPoints: readonly string[], answer: string, model: string): AnswerGrading {
  const byPoint = new Map<number, GradingReply['points'][number]>();
  for (const p of reply.points) if (!byPoint.has(p.point)) byPoint.set(p.point, p);
  const points = keyPoints.map((_, i) => {
    const claim = byPoint.get(i + 1);
    if (!claim?.hit) return { hit: false };
    const quote = claim.quote?.trim() ?? '';
    return verifyQuote(answer, quote) ? { hit: true, quote } : { hit: false, unverified: true };
  });
  const hits = points.filter((p) => p.hit).length;
  const modelRating = (RATINGS.indexOf(reply.rating) + 1) as Rating;
  const rating: Rating = modelRating === 4 && hits === keyPoints.length ? 4 : (Math.min(modelRating, ratingForKeyPoints(hits, keyPoints.length)) as Rating);
  return { points, rating, feedback: cleanFeedback(reply.feedback), model };
}
