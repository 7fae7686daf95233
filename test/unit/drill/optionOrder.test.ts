import * as assert from 'assert';
import { optionOrder, toFileIndices, toScreenPositions } from '../../../src/core/drill/optionOrder';

const free = (n: number) => Array.from({ length: n }, () => false);
const isPermutation = (order: number[], n: number) => [...order].sort((a, b) => a - b).every((v, i) => v === i) && order.length === n;

describe('option order', () => {
  it('is a permutation of the options, the same for the same card and showing', () => {
    for (let showing = 0; showing < 50; showing++) {
      const order = optionOrder('evals-golden-set', free(5), showing);
      assert.ok(isPermutation(order, 5), order.join());
      assert.deepStrictEqual(optionOrder('evals-golden-set', free(5), showing), order);
    }
  });

  it('never repeats the previous showing, even with two options', () => {
    for (const n of [2, 3, 4, 6]) {
      for (let showing = 1; showing < 200; showing++) {
        assert.notDeepStrictEqual(
          optionOrder(`card-${n}`, free(n), showing),
          optionOrder(`card-${n}`, free(n), showing - 1),
          `${n} options, showing ${showing}`,
        );
      }
    }
  });

  it('moves options around: over many showings each option is first at some point, and the file order is not favoured', () => {
    const firsts = new Map<number, number>();
    let fileOrder = 0;
    for (let showing = 0; showing < 400; showing++) {
      const order = optionOrder('metrics-pr-auc', free(4), showing);
      firsts.set(order[0], (firsts.get(order[0]) ?? 0) + 1);
      if (order.join() === '0,1,2,3') fileOrder++;
    }
    for (let i = 0; i < 4; i++) assert.ok((firsts.get(i) ?? 0) > 60, `option ${i} first ${firsts.get(i)} times of 400`);
    assert.ok(fileOrder < 40, `the file order came up ${fileOrder} times of 400`);
  });

  it('keeps pinned options last, in file order', () => {
    for (let showing = 0; showing < 30; showing++) {
      const order = optionOrder('q', [false, true, false, false, true], showing);
      assert.deepStrictEqual(order.slice(3), [1, 4]);
      assert.ok(isPermutation(order, 5));
    }
    assert.deepStrictEqual(optionOrder('q', [true, true], 3), [0, 1], 'nothing to move');
  });

  it('maps positions on screen to file indices and back, dropping what is out of range', () => {
    const order = [2, 0, 3, 1];
    assert.deepStrictEqual(toFileIndices(order, [0, 3]), [2, 1]);
    assert.deepStrictEqual(toFileIndices(order, [-1, 4, 1.5, 1]), [0]);
    assert.deepStrictEqual(toScreenPositions(order, [2, 1]), [0, 3]);
    assert.deepStrictEqual(toScreenPositions(order, [9]), []);
  });

  it('gives different cards different orders', () => {
    const orders = new Set(Array.from({ length: 40 }, (_, i) => optionOrder(`card-${i}`, free(5), 0).join()));
    assert.ok(orders.size > 20, `${orders.size} distinct orders for 40 cards`);
  });
});
