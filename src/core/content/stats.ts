/** What the bank holds, as printed by `npm run content:stats`. */
import { measureGates } from './gates';
import { correctIsLongest } from './quality';
import type { ContentIndex } from './types';

/** Counts by id in a Map (an id such as "constructor" must not find Object.prototype), sorted by id. */
function countBy<T>(items: readonly T[], key: (t: T) => string | readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    for (const x of typeof k === 'string' ? [k] : k) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  // fromEntries defines own properties, so even "__proto__" is a plain entry here.
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

export function contentStats(index: ContentIndex) {
  const qs = index.questions;
  const choice = qs.filter((q) => q.type === 'single' || q.type === 'multi');
  const single = qs.filter((q) => q.type === 'single');
  const positions: Record<string, Record<string, number>> = {};
  for (const q of single) {
    const n = String(q.options!.length);
    positions[n] ??= {};
    const pos = 'ABCDE'[q.correct![0]];
    positions[n][pos] = (positions[n][pos] ?? 0) + 1;
  }
  const positionShare = Object.fromEntries(
    Object.entries(positions).map(([n, byPos]) => {
      const total = Object.values(byPos).reduce((a, b) => a + b, 0);
      return [`${n}-options`, Object.fromEntries(Object.entries(byPos).sort().map(([p, c]) => [p, +(c / total).toFixed(3)]))];
    }),
  );
  const recallShare = qs.filter((q) => q.type === 'flashcard' || q.type === 'numeric').length / Math.max(1, qs.length);
  return {
    questions: qs.length,
    byTopic: countBy(qs, (q) => q.topic),
    byRole: countBy(qs, (q) => q.roles),
    byKind: countBy(qs, (q) => q.type),
    byDifficulty: countBy(qs, (q) => q.difficulty),
    flashcardOrNumericShare: +recallShare.toFixed(3),
    caseStudies: index.cases.length,
    lessons: index.lessons.length,
    topics: index.topics.length,
    roles: index.roles.length,
    templates: index.templates.length,
    choiceQuestions: choice.length,
    correctIsLongestShare: +(choice.filter(correctIsLongest).length / Math.max(1, choice.length)).toFixed(3),
    singleChoiceCorrectPositionShare: positionShare,
    mix: Object.fromEntries((['numeric', 'multi', 'flashcard', 'single'] as const).map((t) => [t, +(qs.filter((q) => q.type === t).length / Math.max(1, qs.length)).toFixed(3)])),
    gates: measureGates(index).map((g) => `${g.ok ? 'ok  ' : 'FAIL'} ${g.name}: ${g.value} (${g.limit})`),
  };
}
