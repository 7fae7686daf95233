import * as assert from 'assert';
import { CASE_SECTIONS, type CaseSectionKey, type CaseStudy, type RubricPoint } from '../../../src/core/content/types';
import { parseDesignDoc } from '../../../src/core/designDoc';
import { caseForDoc, checkSection, sectionAtLine, sectionHints, summarizeFindings } from '../../../src/core/practice/sectionHelp';

const rubric = {} as Record<CaseSectionKey, RubricPoint[]>;
for (const { key } of CASE_SECTIONS) rubric[key] = [{ point: `A ${key} point.`, evidence: [`${key} evidence`] }];
rubric.latency = [
  { point: 'States p95 time to first token.', evidence: ['time to first token'] },
  { point: 'Splits the latency budget.', evidence: ['latency budget'] },
];
const CASE: CaseStudy = {
  kind: 'case',
  id: 'doc-qa',
  aliases: ['document-qa-old'],
  source: { pack: 'builtin', file: 'x.md' },
  title: 'Document Q&A',
  summary: '',
  roles: [],
  topics: ['retrieval-rag'],
  promptHtml: '',
  clarifyingHtml: '',
  sections: [],
  rubric,
};

const doc = (caseLine: string, latency: string) =>
  parseDesignDoc(`---\nloopPrep: design-doc\n${caseLine}\n---\n# Design\n\n## Latency\n${latency}\n\n## Cost\nAbout $4 per 1k requests.\n`);

describe('self-review: section hints and self-check', () => {
  it("finds the doc's case by id or alias", () => {
    assert.strictEqual(caseForDoc(doc('case: doc-qa', ''), [CASE]), CASE);
    assert.strictEqual(caseForDoc(doc('case: document-qa-old', ''), [CASE]), CASE);
    assert.strictEqual(caseForDoc(doc('case: nope', ''), [CASE]), undefined);
    assert.strictEqual(caseForDoc(doc('', ''), [CASE]), undefined);
  });

  it("lists the case's rubric points for a section, marking those the doc covers", () => {
    const hints = sectionHints(doc('case: doc-qa', 'p95 time to first token under 1 s.'), 'latency', CASE);
    assert.strictEqual(hints.heading, 'Latency');
    assert.deepStrictEqual(hints.points, [
      { point: 'States p95 time to first token.', covered: true },
      { point: 'Splits the latency budget.', covered: false },
    ]);
  });

  it('gives the generic strong answer for a doc without a case', () => {
    const hints = sectionHints(doc('', ''), 'latency', undefined);
    assert.deepStrictEqual(hints.points, []);
    assert.match(hints.strongAnswer, /^A strong answer states targets as numbers with units/);
  });

  it('reports what one section is missing, and only that section', () => {
    const weak = checkSection(doc('', 'It should be fast.'), 'latency', undefined);
    assert.strictEqual(weak.complete, false);
    assert.deepStrictEqual(
      weak.findings.map((f) => f.code),
      ['latency-no-number'],
    );
    assert.match(weak.message, /^"Latency" is missing something: 1\) Latency gives no number with a unit/);

    const good = checkSection(doc('', 'p95 under 800 ms.'), 'latency', undefined);
    assert.deepStrictEqual([good.complete, good.message], [true, '"Latency" looks complete.']);

    const missing = checkSection(doc('', 'p95 under 800 ms.'), 'rollout', undefined);
    assert.deepStrictEqual(
      missing.findings.map((f) => f.code),
      ['missing-section'],
    );
  });

  it("adds the rubric's view when the doc has a case", () => {
    const r = checkSection(doc('case: doc-qa', 'p95 time to first token under 800 ms.'), 'latency', CASE);
    assert.deepStrictEqual([r.complete, r.uncoveredPoints, r.totalPoints], [true, 1, 2]);
    assert.match(r.message, /^"Latency" passes the checks\. 1 of 2 rubric points for Document Q&A have no evidence here yet/);
  });

  it('finds the section under the cursor', () => {
    const d = doc('', 'x');
    assert.strictEqual(sectionAtLine(d, 4), undefined, 'the title is in no section');
    assert.strictEqual(sectionAtLine(d, 6), 'latency');
    assert.strictEqual(sectionAtLine(d, 7), 'latency');
    assert.strictEqual(sectionAtLine(d, 10), 'cost');
  });

  it('summarizes findings for the Check Design Doc message', () => {
    assert.strictEqual(summarizeFindings([]), 'No problems found');
    assert.strictEqual(summarizeFindings([{ severity: 'warning' }]), '1 warning: see the Problems panel');
    assert.strictEqual(
      summarizeFindings([{ severity: 'warning' }, { severity: 'information' }, { severity: 'warning' }, { severity: 'warning' }]),
      '3 warnings and 1 info: see the Problems panel',
    );
  });
});
