import * as assert from 'assert';
import { parseDesignDoc } from '../../../src/core/designDoc';

const keys = (text: string) => parseDesignDoc(text).sections.map((s) => s.key);

describe('parseDesignDoc', () => {
  it('reads the marker and the case from the front matter', () => {
    const doc = parseDesignDoc('---\nloopPrep: design-doc\ncase: document-qa   # optional\n---\n## Data\nFrom logs.\n');
    assert.strictEqual(doc.isDesignDoc, true);
    assert.strictEqual(doc.caseId, 'document-qa');
    assert.strictEqual(doc.frontMatterEnd, 3);
    assert.deepStrictEqual(doc.sections, [{ key: 'data', heading: 'Data', level: 2, line: 4, endLine: 6, body: 'From logs.', duplicate: false }]);
  });

  it('accepts quoted values and no case; anything else in the front matter is ignored', () => {
    const doc = parseDesignDoc('---\ntitle: "My doc"\nloopPrep: "design-doc"\ntags: [a, b]\n---\n');
    assert.strictEqual(doc.isDesignDoc, true);
    assert.strictEqual(doc.caseId, undefined);
    assert.ok(!('caseId' in doc));
  });

  it('is not a design doc without the marker, with another marker, or with unclosed front matter', () => {
    for (const text of [
      '---\nkind: template\nid: design-doc\n---\n## Data\n',
      '---\nloopPrep: deck\n---\n',
      '---\nloopPrep: design-doc\n## Data\n',
      '## Data\n',
      '',
    ]) {
      assert.strictEqual(parseDesignDoc(text).isDesignDoc, false, text);
    }
    const unclosed = parseDesignDoc('---\nloopPrep: design-doc\n## Data\nx\n');
    assert.strictEqual(unclosed.frontMatterEnd, -1);
    assert.deepStrictEqual(
      unclosed.sections.map((s) => s.line),
      [2],
    );
  });

  it('matches headings case-insensitively, with numbering, punctuation and common variants', () => {
    const text = [
      '## 1. PROBLEM',
      '## Data & Labels',
      '## Model Choice:',
      '## Evaluation plan',
      '## Latency (p95)',
      '## Cost estimate',
      '## Trust & Safety',
      '## Observability',
      '## IX. Failure Modes',
      '## Roll-out',
    ].join('\n\nText.\n\n');
    assert.deepStrictEqual(keys(text), [
      'requirements',
      'data',
      'model-choice',
      'evals',
      'latency',
      'cost',
      'safety',
      'monitoring',
      'failure-modes',
      'rollout',
    ]);
    assert.deepStrictEqual(keys('## Retrieval\n\n## Requirements\n\n## Latency budget and SLOs\n\n## Appendix\n'), ['model-choice', 'requirements', 'latency']);
    // "Risks" in the common ML template lists failure risks (timeouts, label delay), not only safety ones.
    assert.deepStrictEqual(keys('## Risks\n\n## Risks & Uncertainties\n\n## Security\n\n## Data privacy\n'), [
      'failure-modes',
      'failure-modes',
      'safety',
      'safety',
    ]);
  });

  it('ends a section at the next section or at an unrelated heading of the same level, not at a sub-heading', () => {
    const doc = parseDesignDoc('# Title\n## Evals\n### Offline\nGolden set.\n### Data\nFrom raters.\n## Appendix\nNotes\n## Data\nLogs.');
    assert.deepStrictEqual(
      doc.sections.map((s) => [s.key, s.line, s.endLine]),
      [
        ['evals', 1, 5],
        ['data', 8, 9],
      ],
    );
    assert.strictEqual(doc.sections[0].body, '### Offline\nGolden set.\n### Data\nFrom raters.');
  });

  it('treats # and ### headings sensibly: whole docs at one level, and a stray level among ## sections', () => {
    assert.deepStrictEqual(keys('# Data\nx\n# Evals\ny\n## Notes\nz\n'), ['data', 'evals']);
    assert.strictEqual(parseDesignDoc('# Data\nx\n# Evals\ny\n').sectionLevel, 1);
    const mixed = parseDesignDoc('# Data platform design\n## Data\nx\n### Latency\ny\n## Cost\nz\n# Rollout\nw\n');
    assert.deepStrictEqual(
      mixed.sections.map((s) => [s.key, s.level, s.line, s.endLine]),
      [
        ['data', 2, 1, 2],
        ['latency', 3, 3, 4],
        ['cost', 2, 5, 6],
        ['rollout', 1, 7, 9],
      ],
    );
    assert.strictEqual(mixed.sectionLevel, 2);
  });

  it('flags later repeats of a section as duplicates and keeps them in order', () => {
    const doc = parseDesignDoc('## Data\na\n## Latency\nb\n## data\nc\n');
    assert.deepStrictEqual(
      doc.sections.map((s) => [s.key, s.duplicate]),
      [
        ['data', false],
        ['latency', false],
        ['data', true],
      ],
    );
  });

  it('ignores headings in fenced code and HTML comments, and closing #s', () => {
    const doc = parseDesignDoc('## Data ##\n```md\n## Latency\n```\n<!--\n## Cost\n-->\n~~~~\n## Safety\n~~~\n## Evals\n~~~~\n#Rollout\n');
    assert.deepStrictEqual(
      doc.sections.map((s) => s.heading),
      ['Data'],
    );
  });

  it('splits CRLF, CR and LF alike, remembers CRLF, and drops a BOM', () => {
    const lf = parseDesignDoc('---\nloopPrep: design-doc\n---\n## Data\nx\n');
    const crlf = parseDesignDoc('\uFEFF---\r\nloopPrep: design-doc\r\n---\r\n## Data\r\nx\r\n');
    assert.deepStrictEqual({ ...crlf, eol: '\n' }, lf);
    assert.strictEqual(crlf.eol, '\r\n');
    assert.deepStrictEqual(
      parseDesignDoc('## Data\rx\r## Cost\r1').sections.map((s) => s.line),
      [0, 2],
    );
  });

  it('copes with an empty file, no headings, and a non-string', () => {
    assert.deepStrictEqual(parseDesignDoc('').sections, []);
    assert.deepStrictEqual(parseDesignDoc('plain text\nno headings').sections, []);
    assert.deepStrictEqual(parseDesignDoc(undefined as unknown as string).lines, ['']);
  });
});
