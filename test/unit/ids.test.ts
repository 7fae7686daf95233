import * as assert from 'assert';
import { idProblem, isContentId } from '../../src/core/ids';

describe('content ids', () => {
  it('accepts lowercase kebab-case', () => {
    for (const id of ['evals', 'evals-judge-bias', 'gpu-2x-memory', 'a1']) assert.ok(isContentId(id), id);
  });

  it('rejects everything else with a reason', () => {
    for (const bad of ['', 'Evals', 'evals_judge', '-evals', 'evals-', 'evals--judge', 'a b', 'x'.repeat(81)]) {
      assert.strictEqual(isContentId(bad), false, bad);
      assert.ok(idProblem(bad), `no reason for ${JSON.stringify(bad)}`);
    }
    assert.match(idProblem(42) ?? '', /must be a string, not number/);
    assert.match(idProblem(null) ?? '', /not null/);
  });
});
