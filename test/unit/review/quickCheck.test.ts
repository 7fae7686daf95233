import * as assert from 'assert';
import { parseCardLine } from '../../../src/core/review/journal';
import { quickCard, quickCardLine } from '../../../src/core/review/quickCheck';
import { newFindings, readCardChecked } from '../../../src/core/review/validate';
import { seeded } from './helpers';

// The fast path may refuse a value the schemas accept (it then goes the slow way), but whatever it
// accepts must come out exactly as the schemas would have it. Checked on valid values and on thousands
// of mutations of them.

const SCHED = [1_772_400_000_000, 4.2, 5.5, 3, 0, 4, 1, 2, 1_772_100_000_000];
const LOG = ['a1', 3, 1_772_100_000_000, 5400, 1, 10];
const VALID: unknown[] = [
  [SCHED, [LOG]],
  [0, []],
  [SCHED, [LOG, ['a2', 1, 1_772_200_000_000, 800, null, null]], 1_772_300_000_000],
  [SCHED, [['a1', 4, 1_772_100_000_000, 0]], 1_772_300_000_000, [1, 0, 1_772_300_000_000]],
  [SCHED, [LOG], 1_772_300_000_000, 0, ['z9']],
];
const ODD: unknown[] = [
  null,
  undefined,
  0,
  1,
  -1,
  0.0005,
  11,
  4,
  5,
  1e6 + 1,
  8.64e15 + 1,
  NaN,
  Infinity,
  '',
  'a',
  'x'.repeat(65),
  [],
  {},
  true,
  2,
  3,
  0.5,
  ['a1'],
];

function mutate(value: unknown, rand: () => number, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  if (!Array.isArray(value) || depth > 3 || rand() < 0.15) return rand() < 0.5 ? pick(ODD) : value;
  const copy = [...value];
  const i = Math.floor(rand() * (copy.length + 1));
  const r = rand();
  if (r < 0.2) copy.splice(i, 1);
  else if (r < 0.35) copy.splice(i, 0, pick(ODD));
  else if (i < copy.length) copy[i] = mutate(copy[i], rand, depth + 1);
  return copy;
}

describe('the fast path in front of the review schemas', () => {
  it('reads every valid card as the schemas do', () => {
    for (const card of VALID) {
      const slow = readCardChecked(structuredClone(card), 'c', 'k', newFindings(0));
      assert.ok(slow, `the schemas accept ${JSON.stringify(card)}`);
      assert.deepStrictEqual(quickCard(structuredClone(card)), slow);
    }
  });

  it('never accepts a card the schemas refuse or change, over 20,000 mutations', () => {
    const rand = seeded(11);
    let accepted = 0;
    for (let n = 0; n < 20_000; n++) {
      const raw = mutate(VALID[n % VALID.length], rand);
      const quick = quickCard(structuredClone(raw));
      if (quick === undefined) continue;
      accepted++;
      const findings = newFindings(0);
      const slow = readCardChecked(structuredClone(raw), 'c', 'k', findings);
      assert.deepStrictEqual(findings.problems, [], `the fast path accepted ${JSON.stringify(raw)}, which the schemas find wrong`);
      assert.deepStrictEqual(quick, slow, `the fast path read ${JSON.stringify(raw)} differently`);
    }
    assert.ok(accepted > 1000, `only ${accepted} mutations were accepted: the test would prove little`);
  });

  it('never accepts a journal card line the line schemas refuse, over 20,000 mutations', () => {
    const rand = seeded(12);
    const lines: unknown[] = [
      ['r', 1_772_100_000_000, 'evals-1', VALID[0]],
      ['u', 1_772_100_000_000, 'constructor', VALID[1]],
      ['r', 1_772_100_000_000, 'evals-1', VALID[0], { a: 'my answer' }],
      ['r', 1_772_100_000_000, 'evals-1', VALID[0], {}],
    ];
    let accepted = 0;
    for (let n = 0; n < 20_000; n++) {
      const value = n < lines.length ? lines[n] : mutate(lines[n % lines.length], rand);
      const quick = quickCardLine(structuredClone(value), 4000);
      if (!quick) continue;
      accepted++;
      const slow = parseCardLine(structuredClone(value));
      assert.ok(slow.success, `the fast path accepted ${JSON.stringify(value)}, which the line schemas refuse`);
      assert.deepStrictEqual(quick.data, slow.data);
    }
    assert.ok(accepted > 1000, `only ${accepted} mutations were accepted`);
  });
});
