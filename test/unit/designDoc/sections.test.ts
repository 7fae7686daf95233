import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CASE_SECTIONS } from '../../../src/core/content/types';
import { DESIGN_DOC_SECTIONS, matchSectionHeading, normalizeHeading } from '../../../src/core/designDoc';

describe('design-doc sections', () => {
  it('has the rubric keys in syllabus order, so evidence lines up with case studies', () => {
    assert.deepStrictEqual(
      DESIGN_DOC_SECTIONS.map((s) => s.key),
      CASE_SECTIONS.map((s) => s.key),
    );
  });

  it('recognizes the shipped template headings and the case-study headings', () => {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'content', 'templates')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
    const template = fs.readFileSync(path.join(dir, 'content', 'templates', 'design-doc.md'), 'utf8');
    const headings = [...template.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepStrictEqual(
      headings.map((h) => matchSectionHeading(h)),
      DESIGN_DOC_SECTIONS.map((s) => ({ key: s.key, exact: true })),
    );
    assert.deepStrictEqual(
      DESIGN_DOC_SECTIONS.map((s) => s.heading),
      headings,
    );
    for (const s of CASE_SECTIONS) assert.strictEqual(matchSectionHeading(s.heading)?.key, s.key, s.heading);
  });

  it('gives every alias to exactly one section, in normalized form', () => {
    const owner = new Map<string, string>();
    for (const s of DESIGN_DOC_SECTIONS) {
      for (const alias of [normalizeHeading(s.heading), ...s.aliases]) {
        assert.strictEqual(normalizeHeading(alias), alias, `alias "${alias}" is not normalized`);
        assert.ok(!owner.has(alias) || owner.get(alias) === s.key, `"${alias}" belongs to ${owner.get(alias)} and ${s.key}`);
        owner.set(alias, s.key);
      }
    }
  });

  it('normalizes case, numbering, punctuation, parentheses and filler words', () => {
    assert.strictEqual(normalizeHeading('3. Failure Modes & Fallbacks:'), 'failure modes fallbacks');
    assert.strictEqual(normalizeHeading('**Latency** (p95, TTFT)'), 'latency');
    assert.strictEqual(normalizeHeading('IV) Retrieval / model choice'), 'retrieval model choice');
    assert.strictEqual(normalizeHeading('2024'), '2024');
    assert.strictEqual(normalizeHeading('   '), '');
  });

  it('matches the start of a longer heading as a weaker match, and nothing for unrelated headings', () => {
    assert.deepStrictEqual(matchSectionHeading('Model choice and serving'), { key: 'model-choice', exact: false });
    assert.deepStrictEqual(matchSectionHeading('Evaluation'), { key: 'evals', exact: true });
    for (const h of ['Appendix', 'Open questions', 'Background', 'Dataflow', '']) assert.strictEqual(matchSectionHeading(h), undefined, h);
  });
});
