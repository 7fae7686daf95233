import * as assert from 'assert';
import type { Question } from '../../../src/core/content/types';
import { grade, suggestRating, withinTolerance } from '../../../src/core/drill/grade';
import { casePracticeXp, levelFor, reviewXp } from '../../../src/core/progress/xp';

function q(partial: Partial<Question>): Question {
  return {
    kind: 'question',
    id: 'q',
    aliases: [],
    source: { pack: 'builtin', file: 'q.md' },
    topic: 't',
    roles: ['product-ai'],
    difficulty: 'medium',
    type: 'single',
    promptHtml: '',
    promptText: '',
    explanationHtml: '',
    explanationText: '',
    tags: [],
    ...partial,
  } as Question;
}

describe('grading', () => {
  const opts = [0, 1, 2, 3].map((i) => ({ html: `o${i}`, whyHtml: '', text: `o${i}` }));
  it('single choice: only the correct index is correct', () => {
    const single = q({ type: 'single', options: opts, correct: [2] });
    assert.strictEqual(grade(single, { kind: 'choice', indices: [2] }).correct, true);
    assert.strictEqual(grade(single, { kind: 'choice', indices: [1] }).correct, false);
    assert.strictEqual(grade(single, { kind: 'choice', indices: [1, 2] }).correct, false);
    assert.strictEqual(grade(single, { kind: 'reveal' }).correct, false);
  });
  it('multi select: the chosen set must equal the correct set, order and repeats aside', () => {
    const multi = q({ type: 'multi', options: opts, correct: [0, 3] });
    assert.strictEqual(grade(multi, { kind: 'choice', indices: [3, 0, 3] }).correct, true);
    assert.strictEqual(grade(multi, { kind: 'choice', indices: [0] }).correct, false);
    assert.strictEqual(grade(multi, { kind: 'choice', indices: [0, 3, 9] }).correct, true, 'out-of-range indices are ignored');
    assert.deepStrictEqual(grade(multi, { kind: 'choice', indices: [3, 0] }).chosen, [0, 3]);
  });
  it('numeric: within relative tolerance', () => {
    const n = q({ type: 'numeric', numeric: { answer: 140, tolerance: 0.2, unit: 'GB' } });
    assert.strictEqual(grade(n, { kind: 'numeric', value: 112 }).correct, true);
    assert.strictEqual(grade(n, { kind: 'numeric', value: 168 }).correct, true);
    assert.strictEqual(grade(n, { kind: 'numeric', value: 111 }).correct, false);
    assert.strictEqual(withinTolerance(Number.NaN, 1, 0.5), false);
    assert.strictEqual(withinTolerance(0.05, 0, 0.1), true);
  });
  it('flashcards are self-graded and suggest Good; wrong answers suggest Again', () => {
    assert.strictEqual(grade(q({ type: 'flashcard' }), { kind: 'reveal' }).correct, null);
    assert.strictEqual(suggestRating(null), 3);
    assert.strictEqual(suggestRating(true), 3);
    assert.strictEqual(suggestRating(false), 1);
  });
});

describe('xp', () => {
  const at = new Date('2026-03-01T09:00:00Z');
  it('pays more for harder items and for recall after a longer interval', () => {
    assert.ok(reviewXp('hard', 3, at, undefined) > reviewXp('easy', 3, at, undefined));
    const weekLater = new Date(at.getTime() + 7 * 86400000);
    const dayLater = new Date(at.getTime() + 86400000);
    assert.ok(reviewXp('medium', 3, weekLater, at) > reviewXp('medium', 3, dayLater, at));
    assert.strictEqual(reviewXp('medium', 3, at, undefined), 8);
  });
  it('pays nothing for a re-review within 10 minutes', () => {
    assert.strictEqual(reviewXp('hard', 4, new Date(at.getTime() + 9 * 60000), at), 0);
    assert.ok(reviewXp('hard', 4, new Date(at.getTime() + 11 * 60000), at) > 0);
  });
  it('scales case practice by rubric score and names levels', () => {
    assert.strictEqual(casePracticeXp(25, 50), 30);
    assert.strictEqual(casePracticeXp(5, 0), 0);
    assert.strictEqual(levelFor(0).name, 'Novice');
    assert.strictEqual(levelFor(100).name, 'Apprentice');
    assert.strictEqual(levelFor(99).nextAt, 100);
    assert.strictEqual(levelFor(1e9).nextName, undefined);
  });
});
