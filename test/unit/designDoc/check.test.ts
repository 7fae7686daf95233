import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkDesignDoc, parseDesignDoc, type DesignDocDiagnostic } from '../../../src/core/designDoc';

/** A complete, concrete design doc: the checker must have nothing to say about it. */
const GOOD = `---
loopPrep: design-doc
case: document-qa
---
# Document Q&A design

## Problem and requirements
Employees need cited answers from 2M internal documents. Success metric: 85% of answers correct and supported on the golden set. Load: 20k users, about 5k questions a day, peak 5 QPS. Out of scope: write actions.

## Data
Documents come from the wiki and drive connectors, indexed within 15 minutes of an edit. Ground truth comes from 600 questions written and labeled by subject-matter experts, two raters per item.

## Retrieval or model choice
Baseline: BM25 keyword search. Then hybrid retrieval (BM25 plus dense embeddings) with a cross-encoder reranker over the top 50, and a hosted mid-size model that answers only from retrieved passages.

## Evals
The golden set holds 600 expert-written questions, 10% of them unanswerable. Metrics: recall@10 for retrieval, answer correctness and faithfulness judged by an LLM judge calibrated against human raters. A release must keep recall@10 at or above 0.9 and correctness at least 85%, with no regression over 2 points.

## Latency
Target p95 time to first token under 1.5 s and p95 end to end under 4 s. Budget: retrieval 150 ms, rerank 100 ms, the model call the rest, streaming at about 40 tokens per second.

## Cost
About 3,000 input tokens and 300 output tokens per question: roughly $4 per 1k questions at illustrative prices, so about $600 a month at 5k questions a day. Ceiling: $2,000 a month.

## Safety
Risks: hallucination (answers must cite passages), prompt injection from document text, and PII leakage. Permissions are enforced at retrieval time with document ACLs.

## Monitoring
Track latency, error rate, token usage, abstain rate and thumbs-down feedback; sample 50 answers a day for judge review. Alert the on-call when p95 exceeds 6 s or the error rate passes 2% for 10 minutes.

## Failure modes and fallbacks
If the model provider times out, fall back to a smaller hosted model; if that fails too, show the top search results without a generated answer. When retrieval finds nothing relevant, the system abstains.

## Rollout
Shadow traffic for one week, then a 5% canary gated on error rate and judge scores, then an A/B test on answer acceptance. Roll back by switching the prompt and index version flags.
`;

/** GOOD with one section's body replaced. */
function withBody(heading: string, body: string, doc = GOOD): string {
  const start = doc.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, heading);
  const bodyStart = start + heading.length + 4;
  const next = doc.indexOf('\n## ', bodyStart);
  return doc.slice(0, bodyStart) + body + (next < 0 ? '\n' : doc.slice(next));
}

const codes = (ds: readonly DesignDocDiagnostic[]) => ds.map((d) => d.code);
const lineOf = (doc: string, text: string) => doc.split('\n').findIndex((l) => l.startsWith(text));

describe('checkDesignDoc', () => {
  it('has nothing to say about a complete, concrete doc', () => {
    assert.deepStrictEqual(checkDesignDoc(GOOD), []);
  });

  it('accepts a parsed doc as well as text, with the same result', () => {
    const bad = withBody('Latency', 'It should feel fast.\n');
    assert.deepStrictEqual(checkDesignDoc(parseDesignDoc(bad)), checkDesignDoc(bad));
  });

  const contentRules: [code: string, heading: string, body: string][] = [
    ['data-no-labels', 'Data', 'Documents come from the wiki and drive connectors, indexed within 15 minutes of an edit.'],
    ['evals-no-dataset', 'Evals', 'We track recall@10 and answer correctness; a release must reach 85% correctness.'],
    ['evals-no-metric', 'Evals', 'The golden set holds 600 expert-written questions; a release must score at least 85%.'],
    ['evals-no-threshold', 'Evals', 'The golden set holds 600 expert-written questions, scored for recall@10 and correctness.'],
    ['latency-no-number', 'Latency', 'It must feel fast, so we stream the answer and keep p95 low.'],
    ['cost-no-estimate', 'Cost', 'We keep costs low with caching and by routing easy questions to a smaller model.'],
    ['safety-no-risk', 'Safety', 'We will review the system carefully with the security team before launch.'],
    ['monitoring-no-signal', 'Monitoring', 'Alert the on-call when something looks wrong.'],
    ['monitoring-no-alert', 'Monitoring', 'Track latency, error rate and thumbs-down feedback on a dashboard.'],
    ['failure-no-fallback', 'Failure modes and fallbacks', 'If the model provider times out, the request fails and we log it.'],
  ];
  for (const [code, heading, body] of contentRules) {
    it(`${code}: fires on a ${heading} section that lacks it, on the heading, and nothing else fires`, () => {
      const doc = withBody(heading, `${body}\n`);
      const ds = checkDesignDoc(doc);
      assert.deepStrictEqual(codes(ds), [code]);
      const line = lineOf(doc, `## ${heading}`);
      assert.deepStrictEqual([ds[0].startLine, ds[0].startCol, ds[0].endLine, ds[0].endCol], [line, 0, line, heading.length + 3]);
      assert.strictEqual(ds[0].severity, 'warning');
      assert.match(ds[0].message, /A strong answer/);
    });
  }

  it('accepts the usual ways of writing numbers and units', () => {
    for (const latency of ['p95 under 800ms.', 'TTFT 1.5s at p50.', 'About 2,000 ms end to end.', 'Streams 40 tok/s.', 'p99 < 3']) {
      assert.deepStrictEqual(codes(checkDesignDoc(withBody('Latency', `${latency}\n`))), [], latency);
    }
    for (const cost of ['About €3 per 1k requests.', '40 GPU-hours a day.', '2,500 tokens per request.', '3 cents per query.']) {
      assert.deepStrictEqual(codes(checkDesignDoc(withBody('Cost', `${cost}\n`))), [], cost);
    }
  });

  it('missing-section: one warning per absent section, on the front matter end (or line 0 without one)', () => {
    const doc = GOOD.replace(/## Cost\n[^#]*/, '').replace(/## Rollout\n[^]*$/, '');
    const ds = checkDesignDoc(doc);
    assert.deepStrictEqual(codes(ds), ['missing-section', 'missing-section']);
    assert.deepStrictEqual(
      ds.map((d) => d.section),
      ['cost', 'rollout'],
    );
    assert.deepStrictEqual([ds[0].startLine, ds[0].startCol, ds[0].endLine, ds[0].endCol], [3, 0, 3, 3]);
    assert.match(ds[1].message, /No "Rollout" section\. A strong answer .*rollback/);
    const bare = checkDesignDoc('Just some notes.\n');
    assert.strictEqual(bare.length, 10);
    assert.ok(bare.every((d) => d.code === 'missing-section' && d.startLine === 0 && d.endCol === 16));
  });

  it('empty-section: fires on an empty section, or one holding only guiding questions and placeholders', () => {
    for (const body of ['', '\n\n', '- What is the p95 target in ms?\n- What is the timeout?\n', 'TODO\n', '- TBD\n<!-- fill in -->\n', '### Targets\n']) {
      const ds = checkDesignDoc(withBody('Latency', body));
      assert.deepStrictEqual(codes(ds), ['empty-section'], JSON.stringify(body));
      assert.strictEqual(ds[0].section, 'latency');
    }
  });

  it('placeholder: flags leftover guiding questions, TODO/TBD, <...> and snippet tab stops, on the text itself', () => {
    const body =
      'Target p95 under 800 ms.\n- What time to first token do users need?\nTimeout: TBD for the reranker.\nModel: <model name>, budget ${1:200} ms.\n';
    const doc = withBody('Latency', body);
    const ds = checkDesignDoc(doc);
    const line = lineOf(doc, '- What time');
    assert.deepStrictEqual(
      ds.map((d) => [d.code, d.startLine - line, d.startCol, d.endCol, d.section]),
      [
        ['placeholder', 0, 0, 41, 'latency'],
        ['placeholder', 1, 9, 12, 'latency'],
        ['placeholder', 2, 7, 19, 'latency'],
        ['placeholder', 2, 28, 36, 'latency'],
      ],
    );
    assert.match(ds[0].message, /guiding question/);
  });

  it('placeholder: does not mistake comparisons, HTML, links, code or an intro question for placeholders', () => {
    const body = 'p95 < 300 ms and throughput > 50 tokens per second; a<br>b; see <https://example.com> and `Map<K, V>`.\n```\n<config> TODO\n```\n';
    assert.deepStrictEqual(codes(checkDesignDoc(withBody('Latency', body))), []);
    assert.deepStrictEqual(codes(checkDesignDoc(GOOD.replace('# Document Q&A design', '# Document Q&A design\n\n- Who reads this?'))), []);
  });

  it('reports placeholders outside the ten sections without a section key', () => {
    const doc = GOOD.replace('# Document Q&A design', '# Document Q&A design\n\nOwner: TODO');
    const ds = checkDesignDoc(doc);
    assert.deepStrictEqual(codes(ds), ['placeholder']);
    assert.strictEqual(ds[0].section, undefined);
    assert.strictEqual(ds[0].startLine, 6);
  });

  it('duplicate-section: reports the repeat once, as information, and checks only the first', () => {
    const doc = `${GOOD}\n## Latency\nTBD, it should be fast\n`;
    const ds = checkDesignDoc(doc);
    assert.deepStrictEqual(codes(ds), ['duplicate-section', 'placeholder']);
    assert.strictEqual(ds[0].severity, 'information');
    assert.match(ds[0].message, new RegExp(`first is on line ${lineOf(GOOD, '## Latency') + 1}\\)`));
    assert.strictEqual(ds[0].startLine, lineOf(doc, '## Rollout') + 3);
  });

  it('gives the same findings, on the same lines and columns, for CRLF and LF', () => {
    const bad = withBody('Latency', '- What is the p95?\nStill to decide: TODO\n').replace('## Safety', '## Security');
    assert.deepStrictEqual(checkDesignDoc(bad.replace(/\n/g, '\r\n')), checkDesignDoc(bad));
    assert.deepStrictEqual(checkDesignDoc(GOOD.replace(/\n/g, '\r\n')), []);
  });

  it('never uses error severity, and caps the number of findings', () => {
    const many = `${GOOD}\n## Notes\n${'TODO '.repeat(3000)}\n`;
    const ds = checkDesignDoc(many, { maxDiagnostics: 50 });
    assert.strictEqual(ds.length, 50);
    assert.ok(checkDesignDoc('## Latency\nTODO TBD').every((d) => d.severity === 'warning' || d.severity === 'information'));
  });

  it('reports every section of the shipped template as unanswered, and nothing else', () => {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'content', 'templates')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
    const template = fs.readFileSync(path.join(dir, 'content', 'templates', 'design-doc.md'), 'utf8');
    const ds = checkDesignDoc(template);
    assert.deepStrictEqual(codes(ds), Array(10).fill('empty-section'));
  });
});
