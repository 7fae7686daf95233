/**
 * Quality gates for the built-in bank, enforced by `npm run content:check` beside the anti-guessing gates
 * of gates.ts. They catch the patterns that make a quiz guessable (the longest option is right, the answer
 * is always B) and the ones that make it thin (one-line explanations, near-duplicate prompts, missing
 * difficulties).
 */
import { catalogOf } from './catalog';
import type { ContentIndex, ContentProblem, Question } from './types';

export const QUALITY_LIMITS = {
  minQuestionsPerTopic: 12,
  maxLongestCorrectShare: 0.4,
  maxPositionShareOnFour: 0.35,
  minExplanationSentences: 2,
  nearDuplicateSimilarity: 0.6,
} as const;

const BANNED_OPTIONS = /\b(all|none|both|neither) of the (above|others|options)\b/i;

/** Sentences of plain text: a terminator followed by whitespace or the end, with a few words before it. */
export function countSentences(text: string): number {
  return text
    .replace(/\b(e\.g|i\.e|etc|vs|approx|cf)\./gi, '$1')
    .split(/[.!?](?:\s+|$)/)
    .filter((s) => s.trim().split(/\s+/).length >= 3).length;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/** Jaccard similarity of the two prompts' word sets. */
export function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Whether the correct option (any correct one, for multi) is strictly the longest. */
export function correctIsLongest(q: Question): boolean {
  if (!q.options || !q.correct) return false;
  const lengths = q.options.map((o) => o.text.length);
  const longest = Math.max(...lengths);
  if (lengths.filter((l) => l === longest).length > 1) return false;
  return q.correct.some((i) => lengths[i] === longest);
}

export function checkQuality(index: ContentIndex): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (q: Question, message: string): ContentProblem => ({ file: q.source.file, line: 1, severity: 'error', message });

  for (const q of index.questions) {
    for (const o of q.options ?? []) if (BANNED_OPTIONS.test(o.text)) problems.push(at(q, `option "${o.text}" is an all/none-of-the-above option; write a real alternative`));
    const sentences = countSentences(q.explanationText);
    if (sentences < QUALITY_LIMITS.minExplanationSentences) problems.push(at(q, `the explanation has ${sentences} sentence(s); it needs at least ${QUALITY_LIMITS.minExplanationSentences} that teach why`));
  }

  // Near-duplicate prompts, compared within a topic and across the bank (word-set similarity).
  const sets = index.questions.map((q) => words(q.promptText));
  for (let i = 0; i < index.questions.length; i++) {
    for (let j = i + 1; j < index.questions.length; j++) {
      const s = similarity(sets[i], sets[j]);
      if (s >= QUALITY_LIMITS.nearDuplicateSimilarity) {
        problems.push(at(index.questions[j], `prompt is a near-duplicate (${Math.round(s * 100)}% shared words) of ${index.questions[i].source.file}`));
      }
    }
  }

  const choice = index.questions.filter((q) => q.type === 'single' || q.type === 'multi');
  const longest = choice.filter(correctIsLongest).length;
  if (choice.length && longest / choice.length > QUALITY_LIMITS.maxLongestCorrectShare) {
    problems.push({ file: 'content/questions', line: 1, severity: 'error', message: `the correct option is the longest in ${longest} of ${choice.length} choice questions (${pct(longest / choice.length)}); the limit is ${pct(QUALITY_LIMITS.maxLongestCorrectShare)}` });
  }
  const four = index.questions.filter((q) => q.type === 'single' && q.options?.length === 4);
  const positions = [0, 0, 0, 0];
  for (const q of four) positions[q.correct![0]]++;
  positions.forEach((n, i) => {
    if (four.length && n / four.length > QUALITY_LIMITS.maxPositionShareOnFour) {
      problems.push({ file: 'content/questions', line: 1, severity: 'error', message: `option ${'ABCD'[i]} is correct in ${n} of ${four.length} four-option questions (${pct(n / four.length)}); the limit is ${pct(QUALITY_LIMITS.maxPositionShareOnFour)}` });
    }
  });

  for (const topic of index.topics) {
    const qs = catalogOf(index).questionsOf(topic.id);
    if (qs.length < QUALITY_LIMITS.minQuestionsPerTopic) problems.push({ file: topic.source.file, line: 1, severity: 'error', message: `topic ${topic.id} has ${qs.length} questions; it needs at least ${QUALITY_LIMITS.minQuestionsPerTopic}` });
    for (const d of ['easy', 'medium', 'hard'] as const) {
      if (!qs.some((q) => q.difficulty === d)) problems.push({ file: topic.source.file, line: 1, severity: 'error', message: `topic ${topic.id} has no ${d} question` });
    }
  }
  return problems;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
