import * as assert from 'assert';
import * as fc from 'fast-check';
import { checkDesignDoc, DESIGN_DOC_CODES, matchRubricEvidence, parseDesignDoc, type DesignDocDiagnostic } from '../../../src/core/designDoc';

const KNOWN = new Set<string>(DESIGN_DOC_CODES);

/** Every diagnostic is well formed and inside the text, whatever the text. */
function assertWellFormed(text: string, ds: readonly DesignDocDiagnostic[]): void {
  const lines = parseDesignDoc(text).lines;
  for (const d of ds) {
    assert.ok(KNOWN.has(d.code), d.code);
    assert.ok(d.severity === 'warning' || d.severity === 'information');
    assert.ok(d.message.length > 0);
    assert.ok(d.startLine >= 0 && d.startLine < lines.length && d.endLine >= d.startLine && d.endLine < lines.length, JSON.stringify(d));
    assert.ok(d.startCol >= 0 && d.endCol <= lines[d.endLine].length && (d.endLine > d.startLine || d.endCol >= d.startCol), JSON.stringify(d));
  }
}

/** Milliseconds one call takes. */
function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '---',
        'loopPrep: design-doc',
        '## Data',
        '# Latency',
        '### Evals',
        '## Cost',
        '```',
        '~~~',
        '<!--',
        '-->',
        '- What?',
        'TODO',
        '${1:x}',
        '<n>',
        '',
        '\r',
        '\t',
      ),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join('\n'));

describe('design-doc checker robustness', () => {
  it('never throws and reports well-formed ranges on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), markdownish), (text) => {
        const ds = checkDesignDoc(text);
        assertWellFormed(text, ds);
        matchRubricEvidence(text, { data: [{ point: 'p', evidence: ['labels', 'x'] }] });
      }),
      { numRuns: 300, seed: 20250101 },
    );
  });

  it('handles the awkward inputs: empty, whitespace, no headings, only front matter, unclosed fences', () => {
    for (const text of [
      '',
      '\n',
      '   ',
      '\r\n\r\n',
      'no headings at all',
      '---\nloopPrep: design-doc\n---',
      '---',
      '```\n## Data\n',
      '<!--\n## Data',
      '#',
      '######',
      '####### Data',
      '## ',
      '\uFEFF',
    ]) {
      const ds = checkDesignDoc(text);
      assertWellFormed(text, ds);
      assert.ok(ds.filter((d) => d.code === 'missing-section').length === 10, JSON.stringify(text));
    }
  });

  it('checks a 10 MB doc in well under a second', function () {
    // Each case has its own bound below, a guard against super-linear regexes; the whole may take a while on a busy machine.
    this.timeout(120_000);
    const section = (h: string) => `## ${h}\n${'We measure p95 latency at 300 ms with a golden set of 500 labeled questions and alerts. '.repeat(4)}\n\n`;
    const unit = ['Data', 'Evals', 'Latency', 'Cost', 'Notes'].map(section).join('');
    const big = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
    let ds: DesignDocDiagnostic[] = [];
    const ms = time(() => (ds = checkDesignDoc(big)));
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    assert.ok(ds.length > 0 && ds.length <= 1000);
  });

  it('stays linear on inputs built to make regexes backtrack', function () {
    // Each case has its own bound below, a guard against super-linear regexes; the whole may take a while on a busy machine.
    this.timeout(120_000);
    const n = 300_000;
    const nasty = [
      '1'.repeat(n),
      `1${' '.repeat(n)}`,
      '1,'.repeat(n / 2),
      '<'.repeat(n),
      `<a${'a'.repeat(n)}`,
      '${1:'.repeat(n / 4),
      `# ${'#'.repeat(n)}a`,
      `## Data ${' '.repeat(n)}#`,
      `p95${' x'.repeat(n / 2)}`,
      '`'.repeat(n),
      `- ${'?'.repeat(n)}`,
      `---\nloopPrep: ${' '.repeat(n)}x\n---`,
    ];
    for (const body of nasty) {
      for (const heading of ['## Latency', '## Evals', '## Cost', '## Monitoring', '## Notes']) {
        const text = `${heading}\n${body}\n`;
        const ms = time(() => assertWellFormed(text, checkDesignDoc(text)));
        assert.ok(ms < 1000, `${heading} + ${JSON.stringify(body.slice(0, 12))}...: ${ms.toFixed(0)} ms`);
        matchRubricEvidence(text, { latency: [{ point: 'p', evidence: ['1', 'a'] }], evals: [{ point: 'p', evidence: ['aa'] }] });
      }
    }
  });
});
