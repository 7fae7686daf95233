/** Grading an answer and suggesting a rating: pure, so the host and tests agree on what "correct" means. */
import type { Question } from '../content/types';

export type Answer = { kind: 'choice'; indices: readonly number[] } | { kind: 'numeric'; value: number } | { kind: 'reveal'; text?: string };
export type Grade = { correct: boolean | null; chosen?: number[] };

/** A numeric estimate counts when it is within the relative tolerance of the answer. */
export function withinTolerance(given: number, answer: number, tolerance: number): boolean {
  if (!Number.isFinite(given)) return false;
  if (answer === 0) return Math.abs(given) <= tolerance;
  return Math.abs(given - answer) / Math.abs(answer) <= tolerance + 1e-9;
}

/**
 * Grades an answer. Choice questions must match the correct set exactly; numeric estimates must fall
 * within tolerance; flashcards are self-graded (null). An answer of the wrong kind is incorrect.
 */
export function grade(q: Question, answer: Answer): Grade {
  switch (q.type) {
    case 'single':
    case 'multi': {
      if (answer.kind !== 'choice') return { correct: false, chosen: [] };
      const chosen = [...new Set(answer.indices)].filter((i) => i >= 0 && i < (q.options?.length ?? 0)).sort((a, b) => a - b);
      const correct = [...(q.correct ?? [])].sort((a, b) => a - b);
      return { correct: chosen.length === correct.length && chosen.every((c, i) => c === correct[i]), chosen };
    }
    case 'numeric':
      return { correct: answer.kind === 'numeric' && !!q.numeric && withinTolerance(answer.value, q.numeric.answer, q.numeric.tolerance) };
    case 'flashcard':
      return { correct: null };
  }
}

/** Wrong suggests Again; right suggests Good; a flashcard, judged by the user, also starts at Good. */
export function suggestRating(correct: boolean | null): 1 | 3 {
  return correct === false ? 1 : 3;
}
