import * as assert from 'assert';
import fc from 'fast-check';
import { interleaveByTopic } from '../../../src/core/review';

interface Item {
  readonly topic: string;
  readonly priority: number;
}

const items = fc
  .array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 60 })
  .map((topics) => topics.map((topic, priority): Item => ({ topic, priority })));
const topicOf = (i: Item) => i.topic;

function maxCount(list: readonly Item[]): number {
  const counts = new Map<string, number>();
  for (const i of list) counts.set(i.topic, (counts.get(i.topic) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

function adjacentPairs(list: readonly Item[]): number {
  let n = 0;
  for (let i = 1; i < list.length; i++) if (list[i].topic === list[i - 1].topic) n++;
  return n;
}

describe('topic interleaving', () => {
  it('returns a permutation of its input', () => {
    fc.assert(
      fc.property(items, (list) => {
        const out = interleaveByTopic(list, topicOf);
        assert.deepStrictEqual(
          [...out].sort((a, b) => a.priority - b.priority),
          list,
        );
      }),
    );
  });

  it('never puts two items of a topic together when some order avoids it', () => {
    fc.assert(
      fc.property(items, (list) => {
        if (maxCount(list) * 2 > list.length + 1) return;
        assert.strictEqual(adjacentPairs(interleaveByTopic(list, topicOf)), 0);
      }),
    );
  });

  it('otherwise leaves only the unavoidable neighbours', () => {
    fc.assert(
      fc.property(items, (list) => {
        const others = list.length - maxCount(list);
        const unavoidable = Math.max(0, maxCount(list) - others - 1);
        assert.strictEqual(adjacentPairs(interleaveByTopic(list, topicOf)), unavoidable);
      }),
    );
  });

  it('keeps each topic in priority order, and the whole list when nothing needs moving', () => {
    fc.assert(
      fc.property(items, (list) => {
        const out = interleaveByTopic(list, topicOf);
        for (const topic of new Set(list.map(topicOf))) {
          const ps = out.filter((i) => i.topic === topic).map((i) => i.priority);
          assert.deepStrictEqual(
            ps,
            [...ps].sort((a, b) => a - b),
          );
        }
        if (adjacentPairs(list) === 0) assert.deepStrictEqual(out, list);
      }),
    );
  });

  it('prefers the highest-priority item of another topic', () => {
    const list = ['a', 'a', 'b', 'c', 'a'].map((topic, priority) => ({ topic, priority }));
    assert.deepStrictEqual(
      interleaveByTopic(list, topicOf).map((i) => i.priority),
      [0, 2, 1, 3, 4],
    );
  });

  // Its speed is measured by `npm run bench`; here a quadratic interleave would run into mocha's timeout.
  it('interleaves 100,000 items with no two neighbours from one topic', () => {
    const big = Array.from({ length: 100_000 }, (_, priority) => ({ topic: `t${priority % 7 === 0 ? 0 : priority % 50}`, priority }));
    const out = interleaveByTopic(big, topicOf);
    assert.strictEqual(out.length, big.length);
    assert.strictEqual(adjacentPairs(out), 0);
  });
});
