import * as assert from 'assert';
import { checkQuality, correctIsLongest, countSentences, QUALITY_LIMITS, similarity } from '../../../src/core/content/quality';
import { contentStats } from '../../../src/core/content/stats';
import type { Question } from '../../../src/core/content/types';
import { balancedQuestions, indexOf, makeQuestion, makeTopic } from './helpers';

const messages = (qs: readonly Question[]) => checkQuality(indexOf(qs)).map((p) => p.message);
const LONG = ['Short', 'Also short', 'The clearly longest option of all', 'Tiny'];

/** `n` balanced questions of which the first `longest` have the correct option (kept at position i % 4) strictly longest. */
function withLongest(n: number, longest: number): Question[] {
  return balancedQuestions(n).map((q, i) => {
    if (i >= longest) return q;
    const texts = LONG.filter((t) => t !== LONG[2]);
    texts.splice(i % 4, 0, LONG[2]);
    return { ...q, options: texts.map((text) => ({ text, html: text, whyHtml: '' })), correct: [i % 4] };
  });
}

describe('quality: helpers', () => {
  it('counts sentences of at least three words, ignoring abbreviations', () => {
    assert.strictEqual(countSentences('One sentence only here.'), 1);
    assert.strictEqual(countSentences('It works well here. It also teaches why, e.g. in this case.'), 2);
    assert.strictEqual(countSentences('Too short. No. Yes!'), 0);
    assert.strictEqual(countSentences('Is this a question? It is a statement! And a third one'), 3);
    assert.strictEqual(countSentences(''), 0);
  });

  it('measures Jaccard similarity of word sets', () => {
    assert.strictEqual(similarity(new Set(['a', 'b']), new Set(['a', 'b'])), 1);
    assert.strictEqual(similarity(new Set(['a', 'b']), new Set(['b', 'c'])), 1 / 3);
    assert.strictEqual(similarity(new Set(['a']), new Set(['b'])), 0);
    assert.strictEqual(similarity(new Set(), new Set()), 1);
  });

  it('knows when the correct option is strictly the longest', () => {
    assert.strictEqual(correctIsLongest(makeQuestion({ optionTexts: LONG, correct: [2] })), true);
    assert.strictEqual(correctIsLongest(makeQuestion({ optionTexts: LONG, correct: [0] })), false);
    assert.strictEqual(correctIsLongest(makeQuestion({ optionTexts: ['aaa', 'bbb', 'cc'], correct: [0] })), false, 'a tie is not longest');
    assert.strictEqual(correctIsLongest(makeQuestion({ type: 'multi', optionTexts: LONG, correct: [0, 2] })), true);
    assert.strictEqual(correctIsLongest(makeQuestion({ type: 'flashcard', options: undefined, correct: undefined })), false);
  });
});

describe('checkQuality', () => {
  it('passes a balanced topic of 12 questions', () => {
    assert.deepStrictEqual(checkQuality(indexOf(balancedQuestions(12))), []);
  });

  it('fails when the correct option is the longest in over 40% of choice questions', () => {
    const fail = messages(withLongest(20, 9));
    assert.deepStrictEqual(fail, ['the correct option is the longest in 9 of 20 choice questions (45%); the limit is 40%']);
    assert.deepStrictEqual(messages(withLongest(20, 8)), [], 'exactly 40% passes');
    assert.deepStrictEqual(messages(withLongest(20, 3)), []);
  });

  it('ignores flashcards and numeric questions in the longest-option share', () => {
    const qs = [...withLongest(12, 4), ...balancedQuestions(6).map((q) => ({ ...q, type: 'flashcard' as const, options: undefined, correct: undefined }))];
    assert.deepStrictEqual(messages(qs), [], '4 of 12 choice questions is 33%');
  });

  it('fails when one answer position holds over 35% of 4-option single questions', () => {
    const qs = balancedQuestions(20).map((q, i) => ({ ...q, correct: [i < 8 ? 1 : [0, 2, 3][i % 3]] }));
    const problems = checkQuality(indexOf(qs));
    assert.deepStrictEqual(problems.map((p) => [p.file, p.severity, p.message]), [['content/questions', 'error', 'option B is correct in 8 of 20 four-option questions (40%); the limit is 35%']]);
    const ok = balancedQuestions(20).map((q, i) => ({ ...q, correct: [i < 7 ? 1 : [0, 2, 3][i % 3]] }));
    assert.deepStrictEqual(messages(ok), [], '35% passes');
  });

  it('does not count 3- or 5-option questions in the position check', () => {
    const qs = balancedQuestions(12).map((q) => ({ ...q, options: q.options!.slice(0, 3), correct: [0] }));
    assert.deepStrictEqual(messages(qs), []);
  });

  it('flags all/none-of-the-above options on the question file', () => {
    const qs = balancedQuestions(12);
    qs[3] = makeQuestion({ difficulty: 'hard', correct: [3], optionTexts: ['One thing', 'Another thing', 'None of the above', 'Third thing'] });
    qs[5] = makeQuestion({ difficulty: 'hard', correct: [1], optionTexts: ['All of the options', 'Another thing', 'Some thing', 'Third thing'] });
    const problems = checkQuality(indexOf(qs));
    assert.deepStrictEqual(problems.map((p) => [p.file, p.message]), [
      [qs[3].source.file, 'option "None of the above" is an all/none-of-the-above option; write a real alternative'],
      [qs[5].source.file, 'option "All of the options" is an all/none-of-the-above option; write a real alternative'],
    ]);
    assert.deepStrictEqual(messages([...balancedQuestions(11), makeQuestion({ difficulty: 'hard', optionTexts: ['Overall fit', 'Abovementioned', 'Nonetheless', 'Allowed'] })]), []);
  });

  it('flags an explanation with one sentence', () => {
    const qs = balancedQuestions(12);
    qs[0] = { ...qs[0], explanationText: 'Position bias is when order sways the verdict.' };
    const problems = checkQuality(indexOf(qs));
    assert.deepStrictEqual(problems.map((p) => [p.file, p.message]), [[qs[0].source.file, 'the explanation has 1 sentence(s); it needs at least 2 that teach why']]);
  });

  it('flags near-duplicate prompts against the earlier file, and not distinct ones', () => {
    const qs = balancedQuestions(12);
    qs[2] = { ...qs[2], promptText: 'Which bias makes an LLM judge prefer the first of two answers?' };
    qs[7] = { ...qs[7], promptText: 'Which bias makes an LLM judge prefer the second of two answers?' };
    const problems = checkQuality(indexOf(qs));
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].file, qs[7].source.file);
    assert.match(problems[0].message, new RegExp(`^prompt is a near-duplicate \\(\\d+% shared words\\) of ${qs[2].source.file}$`));
    qs[7] = { ...qs[7], promptText: 'How does a cross-encoder reranker differ from a bi-encoder in cost?' };
    assert.deepStrictEqual(messages(qs), []);
  });

  it('flags a topic with fewer than 12 questions, or a missing difficulty', () => {
    const few = checkQuality(indexOf(balancedQuestions(QUALITY_LIMITS.minQuestionsPerTopic - 1)));
    assert.deepStrictEqual(few.map((p) => [p.file, p.message]), [['topics/evals.md', 'topic evals has 11 questions; it needs at least 12']]);
    const noHard = checkQuality(indexOf(balancedQuestions(12, ['easy', 'medium'])));
    assert.deepStrictEqual(noHard.map((p) => p.message), ['topic evals has no hard question']);
    const empty = checkQuality(indexOf(balancedQuestions(12), [makeTopic(), makeTopic('serving')]));
    assert.deepStrictEqual(empty.map((p) => p.message), ['topic serving has 0 questions; it needs at least 12', 'topic serving has no easy question', 'topic serving has no medium question', 'topic serving has no hard question']);
  });
});

describe('contentStats', () => {
  it('counts questions by topic, kind and difficulty, and the position share', () => {
    const qs = withLongest(12, 3);
    const stats = contentStats(indexOf(qs));
    assert.strictEqual(stats.questions, 12);
    assert.deepStrictEqual(stats.byTopic, { evals: 12 });
    assert.deepStrictEqual(stats.byDifficulty, { easy: 4, hard: 4, medium: 4 });
    assert.deepStrictEqual(stats.byKind, { single: 12 });
    assert.strictEqual(stats.correctIsLongestShare, 0.25);
    assert.strictEqual(stats.flashcardOrNumericShare, 0);
    assert.deepStrictEqual(Object.keys(stats.singleChoiceCorrectPositionShare), ['4-options']);
  });
});
