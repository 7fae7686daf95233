import * as assert from 'assert';
import {
  checkDesignDoc,
  missingSectionInsertion,
  parseDesignDoc,
  sectionMarkdown,
  type SectionInsertion,
  type TemplateSections,
} from '../../../src/core/designDoc';

const TEMPLATE: TemplateSections = [
  { heading: 'Problem and requirements', guidingQuestions: ['What user problem does this solve?'] },
  { heading: 'Latency', guidingQuestions: ['What is the p95 target in ms?', 'Will you stream?'] },
  { heading: 'Cost', guidingQuestions: ['What is the cost per 1k requests?'] },
];

/** Applies an insertion the way an editor would (a position past the end of a line clamps to its end). */
function apply(text: string, ins: SectionInsertion): string {
  const lines = text.split(/\r\n|\n/);
  let offset = 0;
  const eolLength = text.includes('\r\n') ? 2 : 1;
  for (let i = 0; i < ins.line; i++) offset += lines[i].length + eolLength;
  offset += Math.min(ins.character, lines[ins.line]?.length ?? 0);
  return text.slice(0, offset) + ins.text + text.slice(offset);
}

describe('sectionMarkdown', () => {
  it("builds the template's heading and guiding questions", () => {
    assert.strictEqual(sectionMarkdown('latency', TEMPLATE), '## Latency\n- What is the p95 target in ms?\n- Will you stream?\n');
  });

  it('follows the requested level and line ending', () => {
    assert.strictEqual(sectionMarkdown('cost', TEMPLATE, { level: 1, eol: '\r\n' }), '# Cost\r\n- What is the cost per 1k requests?\r\n');
  });

  it('falls back to the canonical heading when the template lacks the section', () => {
    assert.strictEqual(sectionMarkdown('failure-modes', TEMPLATE), '## Failure modes and fallbacks\n');
    assert.strictEqual(sectionMarkdown('rollout', []), '## Rollout\n');
  });
});

describe('missingSectionInsertion', () => {
  it('inserts after the nearest earlier section, before whatever follows it', () => {
    const text = '---\nloopPrep: design-doc\n---\n## Problem and requirements\nSome text.\n## Cost\nAbout $4 per 1k.\n';
    const ins = missingSectionInsertion(parseDesignDoc(text), 'latency', TEMPLATE);
    assert.deepStrictEqual(ins, { line: 5, character: 0, text: '\n## Latency\n- What is the p95 target in ms?\n- Will you stream?\n\n' });
    assert.strictEqual(
      apply(text, ins),
      '---\nloopPrep: design-doc\n---\n## Problem and requirements\nSome text.\n\n## Latency\n- What is the p95 target in ms?\n- Will you stream?\n\n## Cost\nAbout $4 per 1k.\n',
    );
  });

  it('inserts before the nearest later section when no earlier one exists', () => {
    const text = '# Title\n\n## Cost\nx\n';
    const result = apply(text, missingSectionInsertion(parseDesignDoc(text), 'requirements', TEMPLATE));
    assert.strictEqual(result, '# Title\n\n## Problem and requirements\n- What user problem does this solve?\n\n## Cost\nx\n');
  });

  it('appends at the end, with or without a final newline, and into an empty file', () => {
    const withNewline = '## Data\nLogs.\n';
    assert.strictEqual(
      apply(withNewline, missingSectionInsertion(parseDesignDoc(withNewline), 'cost', TEMPLATE)),
      '## Data\nLogs.\n\n## Cost\n- What is the cost per 1k requests?\n',
    );
    const without = '## Data\nLogs.';
    assert.strictEqual(
      apply(without, missingSectionInsertion(parseDesignDoc(without), 'cost', TEMPLATE)),
      '## Data\nLogs.\n\n## Cost\n- What is the cost per 1k requests?\n',
    );
    assert.strictEqual(apply('', missingSectionInsertion(parseDesignDoc(''), 'cost', TEMPLATE)), '## Cost\n- What is the cost per 1k requests?\n');
  });

  it("keeps the doc's heading level and CRLF line endings", () => {
    const text = '# Data\r\nLogs.\r\n# Evals\r\nGolden set.\r\n';
    const ins = missingSectionInsertion(parseDesignDoc(text), 'model-choice', []);
    assert.strictEqual(apply(text, ins), '# Data\r\nLogs.\r\n\r\n# Retrieval or model choice\r\n\r\n# Evals\r\nGolden set.\r\n');
  });

  it('turns a missing section into an unanswered one once applied', () => {
    const text = '## Data\nLabels from raters.\n';
    const fixed = apply(text, missingSectionInsertion(parseDesignDoc(text), 'latency', TEMPLATE));
    const latency = checkDesignDoc(fixed).filter((d) => d.section === 'latency');
    assert.deepStrictEqual(
      latency.map((d) => d.code),
      ['empty-section'],
    );
  });
});
