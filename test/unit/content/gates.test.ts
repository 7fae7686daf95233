import * as assert from 'assert';
import { ABSOLUTE_WORDS, gateProblems, lengthRank, measureGates } from '../../../src/core/content/gates';
import type { Question } from '../../../src/core/content/types';
import { indexOf, makeQuestion } from './helpers';

const gate = (questions: readonly Question[], name: RegExp) => {
  const g = measureGates(indexOf(questions)).find((x) => name.test(x.name));
  assert.ok(g, `no gate matches ${name}`);
  return g;
};

/** Four options of lengths 40, 30, 20, 10 characters: rank 0 is option A. */
const LADDER = ['a'.repeat(40), 'b'.repeat(30), 'c'.repeat(20), 'd'.repeat(10)];

describe('content gates against guessing', () => {
  it('ranks options by length, ties sharing the better rank', () => {
    const q = makeQuestion({ optionTexts: ['xx', 'xxxx', 'xxxx', 'x'] });
    assert.deepStrictEqual([0, 1, 2, 3].map((i) => lengthRank(q, i)), [2, 0, 0, 3]);
  });

  it('fails when one length rank holds more than 35% of single-choice answers, and passes when they spread', () => {
    const skewed = Array.from({ length: 10 }, (_, i) => makeQuestion({ optionTexts: LADDER, correct: [i < 4 ? 1 : i % 4] }));
    const bad = gate(skewed, /length rank/);
    assert.strictEqual(bad.ok, false, bad.value);
    assert.match(bad.value, /^(50|60)% at rank 2/);
    const even = Array.from({ length: 8 }, (_, i) => makeQuestion({ optionTexts: LADDER, correct: [i % 4] }));
    assert.strictEqual(gate(even, /length rank/).ok, true);
  });

  it('holds multi-selects to the longest-correct band, option A at most half, and 35-65% correct options', () => {
    const multi = (correct: number[]) => makeQuestion({ type: 'multi', optionTexts: LADDER, correct });
    const aAlways = [multi([0, 1]), multi([0, 2]), multi([0, 3]), multi([0, 1])];
    assert.strictEqual(gate(aAlways, /option A/).ok, false);
    assert.strictEqual(gate(aAlways, /longest option/).ok, false, 'A is the longest here, so it is correct in 100%');
    const neverLongest = [multi([1, 2]), multi([2, 3]), multi([1, 3]), multi([1, 2])];
    assert.strictEqual(gate(neverLongest, /longest option/).ok, false);
    const balanced = [multi([0, 1]), multi([2, 3]), multi([0, 2]), multi([1, 3])];
    for (const name of [/option A/, /longest option/, /share of options/]) assert.strictEqual(gate(balanced, name).ok, true, String(name));
    assert.strictEqual(gate([multi([0, 1, 2, 3]), multi([1, 2, 3])], /share of options/).ok, false, 'nearly every option correct');
  });

  it('does not count "all" in names such as all-reduce and all-to-all as an absolute word', () => {
    for (const text of ['Gradients are all-reduced at each step', 'an all-to-all exchange per MoE layer', 'weights are all-gathered first']) assert.ok(!ABSOLUTE_WORDS.test(text), text);
    for (const text of ['It fixes all of them', 'All replicas wait', 'works in every case']) assert.ok(ABSOLUTE_WORDS.test(text), text);
  });

  it('compares absolute words in wrong and right options', () => {
    const q = (texts: string[]) => makeQuestion({ optionTexts: texts, correct: [0] });
    const tells = Array.from({ length: 4 }, () => q(['Use a held-out set', 'It always works', 'It never fails', 'Only in training']));
    const bad = gate(tells, /absolute words/);
    assert.strictEqual(bad.ok, false);
    assert.match(bad.value, /^100% against 0%/);
    const reverse = Array.from({ length: 4 }, () => q(['It always needs labels', 'It can fail', 'Use a held-out set', 'Tune on the test set']));
    assert.strictEqual(gate(reverse, /absolute words/).ok, false, 'absolute words only in right options are a cue too');
    const fair = Array.from({ length: 4 }, () => q(['It always needs labels', 'It never fails', 'Use only a test set', 'Every run is enough']));
    assert.strictEqual(gate(fair, /absolute words/).ok, true);
    const rare = [q(['Use only a held-out set', 'Alpha', 'Beta', 'Gamma']), ...Array.from({ length: 30 }, () => q(['Alpha', 'Beta', 'Gamma', 'Delta']))];
    assert.strictEqual(gate(rare, /absolute words/).ok, true, 'rare on both sides');
    assert.strictEqual(gate([q(['Alpha', 'Beta', 'Gamma', 'Delta'])], /absolute words/).ok, true, 'no absolute words anywhere');
  });

  it('names flashcards without key points and numerics without mistakes', () => {
    const card = makeQuestion({ type: 'flashcard', options: undefined, correct: undefined });
    const carded = makeQuestion({ type: 'flashcard', options: undefined, correct: undefined, keyPoints: ['a', 'b', 'c'] });
    const num = makeQuestion({ type: 'numeric', options: undefined, correct: undefined, numeric: { answer: 34, tolerance: 0.02, unit: 'replicas' } });
    const kp = gate([card, carded, num], /key points/);
    assert.deepStrictEqual([kp.ok, kp.value, kp.files], [false, '1 of 2', [card.source.file]]);
    const mistakes = gate([card, num], /mistakes/);
    assert.deepStrictEqual([mistakes.ok, mistakes.files], [false, [num.source.file]]);
    const fixed = { ...num, numeric: { ...num.numeric!, mistakes: [{ value: 33, why: 'rounded down' }] } };
    assert.strictEqual(gate([fixed], /mistakes/).ok, true);
  });

  it('reports failing gates as problems: each offending file, or the bank as a whole', () => {
    const card = makeQuestion({ type: 'flashcard', options: undefined, correct: undefined });
    const skewed = Array.from({ length: 4 }, () => makeQuestion({ optionTexts: LADDER, correct: [1] }));
    const problems = gateProblems(indexOf([card, ...skewed]));
    assert.deepStrictEqual(
      problems.map((p) => [p.file, p.severity, p.message.split(':')[0]]),
      [
        ['content/questions', 'error', 'single-choice'],
        [card.source.file, 'error', 'flashcards with key points'],
      ],
    );
    assert.deepStrictEqual(gateProblems(indexOf([])), [], 'an empty bank fails nothing');
  });
});
