import * as assert from 'assert';
import * as fs from 'fs';
import { corpusDir, evaluateCorpus } from '../../bench/docsEval';

describe('design-doc corpus (npm run docs:eval)', () => {
  const result = evaluateCorpus();

  it('has at least 16 docs in at least four template styles, good ones and ones with planted gaps, each with expectations', () => {
    const files = fs.readdirSync(corpusDir());
    assert.ok(result.docs.length >= 16, `${result.docs.length} docs`);
    assert.ok(result.styles >= 4, `${result.styles} styles`);
    assert.ok(result.docs.filter((d) => d.good).length >= 6);
    assert.ok(result.docs.filter((d) => !d.good).length >= 6);
    for (const d of result.docs) assert.ok(files.includes(`${d.name}.expected.json`), d.name);
    for (const name of ['ml-template-fraud', 'context-scope-support'])
      assert.ok(
        result.docs.some((d) => d.name === name && d.good),
        name,
      );
  });

  it('meets the budgets: no finding on a good doc, and at least 90% of planted gaps found', () => {
    for (const d of result.docs.filter((x) => x.good)) assert.deepStrictEqual(d.falsePositives, [], d.name);
    assert.strictEqual(result.goodDocFindings, 0);
    assert.ok(result.recall >= 0.9, `recall ${result.recall}`);
  });

  it('tells every doc kind right', () => {
    for (const d of result.docs) assert.strictEqual(d.kind, d.expectedKind, d.name);
  });
});
