import * as assert from 'assert';
import { slipFor } from '../../../src/core/drill/slips';
import { ratingForKeyPoints } from '../../../src/shared/keyPoints';

const replicas = {
  answer: 34,
  tolerance: 0.02,
  mistakes: [
    { value: 33, why: 'rounds 33.3 down; replicas must be rounded up' },
    { value: 25, why: 'ignores the 75% headroom' },
  ],
};

describe('numeric slips', () => {
  it('names the listed mistake an answer lands on, or near', () => {
    assert.strictEqual(slipFor(replicas, 33)?.value, 33);
    assert.strictEqual(slipFor(replicas, 25.3)?.value, 25);
  });

  it('names nothing for a right answer, a far-off answer or a non-number', () => {
    assert.strictEqual(slipFor(replicas, 34), undefined);
    assert.strictEqual(slipFor(replicas, 50), undefined);
    assert.strictEqual(slipFor(replicas, Number.NaN), undefined);
    assert.strictEqual(slipFor({ answer: 10, tolerance: 0.1 }, 3), undefined, 'no mistakes listed');
  });

  it('picks the nearest of two close mistakes', () => {
    const q = {
      answer: 100,
      tolerance: 0.05,
      mistakes: [
        { value: 50, why: 'a' },
        { value: 53, why: 'b' },
      ],
    };
    assert.strictEqual(slipFor(q, 52)?.why, 'b');
    assert.strictEqual(slipFor(q, 50.5)?.why, 'a');
  });
});

describe('key-point rating', () => {
  it('suggests Again under a third, Hard under two thirds, Good from there', () => {
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4, 5, 6].map((t) => ratingForKeyPoints(t, 6)),
      [1, 1, 2, 2, 3, 3, 3],
    );
    assert.deepStrictEqual(
      [0, 1, 2, 3].map((t) => ratingForKeyPoints(t, 3)),
      [1, 2, 3, 3],
    );
  });

  it('stays sensible on odd input', () => {
    assert.strictEqual(ratingForKeyPoints(9, 4), 3);
    assert.strictEqual(ratingForKeyPoints(-2, 4), 1);
    assert.strictEqual(ratingForKeyPoints(1, 0), 3);
    assert.strictEqual(ratingForKeyPoints(Number.NaN, 4), 3);
  });
});
