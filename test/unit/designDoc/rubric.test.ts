import * as assert from 'assert';
import type { RubricPoint } from '../../../src/core/content/types';
import { containsPhrase, matchRubricEvidence, normalizeForEvidence, parseDesignDoc } from '../../../src/core/designDoc';

const RUBRIC: Partial<Record<'requirements' | 'latency' | 'safety' | 'rollout', RubricPoint[]>> = {
  requirements: [
    { point: 'Separates quality, latency and cost targets.', evidence: ['quality target', 'time to first token'] },
    { point: 'Makes abstaining a requirement.', evidence: ['abstain', "I don't know"] },
  ],
  latency: [
    { point: 'Streams the answer.', evidence: ['streaming', 'stream'] },
    { point: 'Splits the budget.', evidence: ['latency budget'] },
  ],
  safety: [{ point: 'Enforces document permissions.', evidence: ['ACL', 'access control'] }],
  rollout: [{ point: 'Starts with shadow traffic.', evidence: ['shadow'] }],
};

const DOC = `---
loopPrep: design-doc
---
## Problem and requirements
Quality target: 85% correct. Time-to-first  token under 1 s. When unsure the bot says “I don’t know”.

## Latency
- Will you stream the response?
We keep the Latency
budget at 2 s.

## Safety
Retrieval filters by ACLs; an oracle is not involved.

Shadow traffic for a week.
`;

const summary = (r: ReturnType<typeof matchRubricEvidence>) => r.map((e) => [e.section, e.index, e.evidenced, e.found, e.searchedWholeDoc]);

describe('matchRubricEvidence', () => {
  it('ticks points whose evidence appears in the matching section, ignoring guiding questions', () => {
    assert.deepStrictEqual(summary(matchRubricEvidence(DOC, RUBRIC)), [
      ['requirements', 0, true, ['quality target', 'time to first token'], false],
      ['requirements', 1, true, ["I don't know"], false],
      ['latency', 0, false, [], false],
      ['latency', 1, true, ['latency budget'], false],
      ['safety', 0, true, ['ACL'], false],
      ['rollout', 0, true, ['shadow'], true],
    ]);
  });

  it('searches only the matching section when it exists, and the whole doc when it does not', () => {
    const text = '## Latency\nWe stream tokens.\n## Safety\nNothing yet.\n## Notes\nACL checks happen elsewhere.\n';
    const r = matchRubricEvidence(parseDesignDoc(text), { latency: RUBRIC.latency, safety: RUBRIC.safety });
    assert.deepStrictEqual(
      r.map((e) => e.evidenced),
      [true, false, false],
    );
    const noSafety = matchRubricEvidence('## Notes\nACL checks happen elsewhere.\n', { safety: RUBRIC.safety });
    assert.deepStrictEqual(
      noSafety.map((e) => [e.evidenced, e.searchedWholeDoc]),
      [[true, true]],
    );
  });

  it('copes with empty docs and empty rubrics', () => {
    assert.deepStrictEqual(matchRubricEvidence('', {}), []);
    assert.deepStrictEqual(
      matchRubricEvidence('', { rollout: RUBRIC.rollout }).map((e) => e.evidenced),
      [false],
    );
  });
});

describe('containsPhrase', () => {
  it('matches whole words, plurals included, never inside another word', () => {
    const t = normalizeForEvidence('Oracle-backed ACLs, p95 latencies and re-ranking.');
    assert.ok(containsPhrase(t, 'acl'));
    assert.ok(containsPhrase(t, 'latency') === false);
    assert.ok(containsPhrase(t, 'latencies'));
    assert.ok(containsPhrase(t, normalizeForEvidence('re-ranking')));
    assert.ok(containsPhrase(t, 'reranking') === false);
    assert.ok(!containsPhrase(t, 'rac'));
    assert.ok(!containsPhrase(t, ''));
  });
});
