/**
 * XP, derived from history rather than stored, so undoing a review or re-marking a lesson can never
 * mint XP twice. The formula (shown in the Progress view's help):
 *   review XP = base(difficulty) x rating factor x interval bonus, rounded
 *     base: easy 5, medium 8, hard 12
 *     rating factor: Again 0.2, Hard 0.6, Good 1.0, Easy 1.1
 *     interval bonus (Hard/Good/Easy only): 1 + min(1, log2(1 + days since the card's previous review) / 5)
 *   a review within 10 minutes of the same card's previous review earns 0
 *   a lesson or case walkthrough marked complete: 20 (once per item)
 *   a case practice: 60 x rubric score (0-1), rounded
 */
import type { ContentIndex, Difficulty } from '../content/types';
import { DAY_MS, MINUTE_MS } from '../time';

export const XP_RULES = {
  base: { easy: 5, medium: 8, hard: 12 } as Record<Difficulty, number>,
  ratingFactor: { 1: 0.2, 2: 0.6, 3: 1.0, 4: 1.1 } as Record<1 | 2 | 3 | 4, number>,
  farmWindowMs: 10 * MINUTE_MS,
  read: 20,
  casePractice: 60,
} as const;

export const LEVELS = [
  { xp: 0, name: 'Novice' },
  { xp: 100, name: 'Apprentice' },
  { xp: 300, name: 'Practitioner' },
  { xp: 700, name: 'Specialist' },
  { xp: 1500, name: 'Expert' },
  { xp: 3000, name: 'Principal' },
  { xp: 6000, name: 'Distinguished' },
] as const;

/** XP for one review. `previousReviewAt` is the same card's previous review, if any. */
export function reviewXp(difficulty: Difficulty, rating: 1 | 2 | 3 | 4, reviewedAt: Date, previousReviewAt: Date | undefined): number {
  if (previousReviewAt && reviewedAt.getTime() - previousReviewAt.getTime() < XP_RULES.farmWindowMs) return 0;
  const days = previousReviewAt ? Math.max(0, (reviewedAt.getTime() - previousReviewAt.getTime()) / DAY_MS) : 0;
  const bonus = rating >= 2 ? 1 + Math.min(1, Math.log2(1 + days) / 5) : 1;
  return Math.round(XP_RULES.base[difficulty] * XP_RULES.ratingFactor[rating] * bonus);
}

export function casePracticeXp(score: number, max: number): number {
  return max > 0 ? Math.round(XP_RULES.casePractice * Math.min(1, Math.max(0, score / max))) : 0;
}

/**
 * XP from reads and case practices: 20 per lesson or case walkthrough read (only ids the bank still has,
 * each once) and the scaled case-practice XP. Review XP is stored on each review and summed by the caller.
 */
export function readAndCaseXp(
  index: Pick<ContentIndex, 'lessons' | 'cases'>,
  readIds: Iterable<string>,
  casePractices: readonly { readonly score: number; readonly maxScore: number }[],
): { reads: number; casePractices: number } {
  const readable = new Set<string>([...index.lessons.map((l) => l.id), ...index.cases.map((c) => c.id)]);
  let count = 0;
  for (const id of new Set(readIds)) if (readable.has(id)) count++;
  return { reads: count * XP_RULES.read, casePractices: casePractices.reduce((sum, p) => sum + casePracticeXp(p.score, p.maxScore), 0) };
}

export interface LevelInfo {
  readonly level: number;
  readonly name: string;
  readonly xp: number;
  readonly nextName?: string;
  readonly nextAt?: number;
}

export function levelFor(xp: number): LevelInfo {
  let i = 0;
  while (i + 1 < LEVELS.length && xp >= LEVELS[i + 1].xp) i++;
  const next = LEVELS[i + 1];
  return { level: i + 1, name: LEVELS[i].name, xp, nextName: next?.name, nextAt: next?.xp };
}
