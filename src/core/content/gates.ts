/**
 * Bank-level gates against guessing: a test-taker who knows nothing should not beat chance by picking the
 * second-longest option, option A, the longest option of a multi-select, or the option without "always".
 * `npm run content:check` fails when a gate fails; `npm run content:stats` prints every figure.
 */
import type { ContentIndex, ContentProblem, Question } from './types';

export const GATE_LIMITS = {
  /** No length rank (longest, second-longest, …) may hold more than this share of single-choice answers. */
  maxSingleLengthRankShare: 0.35,
  /** The longest option of a multi-select is correct in this range of questions. */
  multiLongestCorrect: [0.3, 0.7] as const,
  /** Option A is correct in at most this share of multi-selects. */
  maxMultiFirstCorrect: 0.5,
  /** On average this share of a multi-select's options is correct. */
  multiCorrectShare: [0.35, 0.65] as const,
  /**
   * Wrong options may use absolute words at most this many times as often as correct ones, and correct
   * options at most this many times as often as wrong ones (a reverse cue gives answers away too)...
   */
  maxAbsoluteWordRatio: 1.3,
  /** ...unless neither side reaches this rate. */
  absoluteWordFloor: 0.05,
} as const;

/**
 * Words that make an option sound wrong to a test-wise reader. "all" inside a hyphenated term of art
 * (all-reduce, all-gather, all-to-all) is a name, not a claim, so it does not count.
 */
export const ABSOLUTE_WORDS = /\b(always|never|only|guarantee[sd]?|guaranteeing|(?<!-)all(?!-)|none|every|cannot|impossible|completely|entirely|must)\b/i;

export interface Gate {
  readonly name: string;
  /** The measured figure, e.g. "27% (rank 1)". */
  readonly value: string;
  /** The limit it is held to, e.g. "at most 35%". */
  readonly limit: string;
  readonly ok: boolean;
  /** Questions that break a per-question rule, by file. */
  readonly files?: readonly string[];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/** How many options are strictly longer than option `i`: 0 for the longest. */
export function lengthRank(q: Question, i: number): number {
  const lengths = (q.options ?? []).map((o) => o.text.length);
  return lengths.filter((l) => l > lengths[i]).length;
}

/** Index of the single longest option, or -1 when two share the longest length. */
function longestOption(q: Question): number {
  const lengths = (q.options ?? []).map((o) => o.text.length);
  const max = Math.max(...lengths);
  return lengths.filter((l) => l === max).length === 1 ? lengths.indexOf(max) : -1;
}

/** Every gate, measured over the bank. */
export function measureGates(index: ContentIndex): Gate[] {
  const single = index.questions.filter((q) => q.type === 'single' && q.options && q.correct);
  const multi = index.questions.filter((q) => q.type === 'multi' && q.options && q.correct);
  const gates: Gate[] = [];

  const ranks = new Map<number, number>();
  for (const q of single) {
    const r = lengthRank(q, q.correct![0]);
    ranks.set(r, (ranks.get(r) ?? 0) + 1);
  }
  const [worstRank, worstCount] = [...ranks].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
  const rankShare = ratio(worstCount, single.length);
  gates.push({
    name: 'single-choice: correct answers per length rank',
    value: `${pct(rankShare)} at rank ${worstRank + 1} (${[...ranks].sort((a, b) => a[0] - b[0]).map(([r, n]) => `${r + 1}: ${n}`).join(', ')})`,
    limit: `at most ${pct(GATE_LIMITS.maxSingleLengthRankShare)}`,
    ok: rankShare <= GATE_LIMITS.maxSingleLengthRankShare,
  });

  const longestRight = ratio(multi.filter((q) => q.correct!.includes(longestOption(q))).length, multi.length);
  const [lo, hi] = GATE_LIMITS.multiLongestCorrect;
  gates.push({ name: 'multi-select: the longest option is correct', value: pct(longestRight), limit: `${pct(lo)} to ${pct(hi)}`, ok: !multi.length || (longestRight >= lo && longestRight <= hi) });

  const firstRight = ratio(multi.filter((q) => q.correct!.includes(0)).length, multi.length);
  gates.push({ name: 'multi-select: option A is correct', value: pct(firstRight), limit: `at most ${pct(GATE_LIMITS.maxMultiFirstCorrect)}`, ok: firstRight <= GATE_LIMITS.maxMultiFirstCorrect });

  const share = ratio(
    multi.reduce((s, q) => s + q.correct!.length / q.options!.length, 0),
    multi.length,
  );
  const [slo, shi] = GATE_LIMITS.multiCorrectShare;
  gates.push({ name: 'multi-select: share of options that are correct', value: pct(share), limit: `${pct(slo)} to ${pct(shi)} on average`, ok: !multi.length || (share >= slo && share <= shi) });

  let right = 0;
  let rightN = 0;
  let wrong = 0;
  let wrongN = 0;
  for (const q of [...single, ...multi]) {
    q.options!.forEach((o, i) => {
      const hit = ABSOLUTE_WORDS.test(o.text) ? 1 : 0;
      if (q.correct!.includes(i)) [right, rightN] = [right + hit, rightN + 1];
      else [wrong, wrongN] = [wrong + hit, wrongN + 1];
    });
  }
  const [rightRate, wrongRate] = [ratio(right, rightN), ratio(wrong, wrongN)];
  gates.push({
    name: 'absolute words ("always", "never", "only", …) in wrong against right options',
    value: `${pct(wrongRate)} against ${pct(rightRate)}`,
    limit: `within ${GATE_LIMITS.maxAbsoluteWordRatio}× of each other, or both under ${pct(GATE_LIMITS.absoluteWordFloor)}`,
    ok:
      Math.max(wrongRate, rightRate) < GATE_LIMITS.absoluteWordFloor ||
      (wrongRate <= GATE_LIMITS.maxAbsoluteWordRatio * rightRate && rightRate <= GATE_LIMITS.maxAbsoluteWordRatio * wrongRate),
  });

  const noKeyPoints = index.questions.filter((q) => q.type === 'flashcard' && !q.keyPoints?.length);
  gates.push({ name: 'flashcards with key points', value: `${index.questions.filter((q) => q.type === 'flashcard').length - noKeyPoints.length} of ${index.questions.filter((q) => q.type === 'flashcard').length}`, limit: 'all', ok: !noKeyPoints.length, files: noKeyPoints.map((q) => q.source.file) });

  const noMistakes = index.questions.filter((q) => q.type === 'numeric' && !q.numeric?.mistakes?.length);
  gates.push({ name: 'numeric questions with common mistakes', value: `${index.questions.filter((q) => q.type === 'numeric').length - noMistakes.length} of ${index.questions.filter((q) => q.type === 'numeric').length}`, limit: 'all (each rejected by the tolerance)', ok: !noMistakes.length, files: noMistakes.map((q) => q.source.file) });
  return gates;
}

/** The failing gates as problems: one per offending file for per-question rules, else one for the bank. */
export function gateProblems(index: ContentIndex): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const gate of measureGates(index)) {
    if (gate.ok) continue;
    if (gate.files?.length) for (const file of gate.files) problems.push({ file, line: 1, severity: 'error', message: `${gate.name}: this question has none` });
    else problems.push({ file: 'content/questions', line: 1, severity: 'error', message: `${gate.name}: ${gate.value}; the limit is ${gate.limit}` });
  }
  return problems;
}
