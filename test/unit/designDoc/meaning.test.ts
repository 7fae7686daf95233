import * as assert from 'assert';
import { checkDesignDoc, checkDesignDocReport, detectKind, matchSectionHeading, parseDesignDoc } from '../../../src/core/designDoc';

const codes = (text: string) => checkDesignDoc(text).map((d) => `${d.code}/${d.section ?? '-'}`);

describe('design-doc checker: sections by meaning', () => {
  it("maps the common templates' headings to sections, and grouping headings to none", () => {
    const cases: [string, string | undefined][] = [
      ['Experimentation & Validation', 'evals'],
      ['Risks & Uncertainties', 'failure-modes'],
      ['Milestones & Timeline', 'rollout'],
      ['Monitoring & Alarms', 'monitoring'],
      ['Data privacy', 'safety'],
      ['Security', 'safety'],
      ['Performance (Throughput, Latency)', 'latency'],
      ['Requirements & Constraints', 'requirements'],
      ['Goals and non-goals', 'requirements'],
      ['The actual design', 'model-choice'],
      ['Alternatives considered', 'model-choice'],
      ['Rationale and alternatives', 'model-choice'],
      ['5. Evaluation', 'evals'],
      ['Methodology', undefined],
      ['Implementation', undefined],
      ['Cross-cutting concerns', undefined],
      ['Unresolved questions', undefined],
      ['Design', undefined],
    ];
    for (const [heading, key] of cases) assert.strictEqual(matchSectionHeading(heading)?.key, key, heading);
  });

  it('never calls near-synonyms duplicates, but still a repeated heading', () => {
    const doc = '## Data\nLabels from raters.\n## Data privacy\nPII is masked.\n## Safety\nPrompt injection.\n## Security\nACLs.\n## Safety\nAgain.\n';
    const dup = checkDesignDoc(doc).filter((d) => d.code === 'duplicate-section');
    assert.deepStrictEqual(
      dup.map((d) => d.startLine),
      [8],
    );
  });

  it("reads a section from other sections' text when no heading names it, and says where", () => {
    const doc = '## Goals\nServe 5 QPS.\n## The actual design\nA hosted model answers from retrieved passages. Labels come from 300 rater-labeled questions.\n';
    const report = checkDesignDocReport(doc);
    const note = report.diagnostics.find((d) => d.code === 'covered-elsewhere' && d.section === 'data');
    assert.ok(note, JSON.stringify(report.diagnostics.map((d) => d.code)));
    assert.match(note.message, /^Data: found under 'The actual design'/);
    assert.strictEqual(note.severity, 'information');
    assert.strictEqual(note.startLine, 2);
    assert.deepStrictEqual(
      report.coverage.find((c) => c.key === 'data'),
      { key: 'data', via: 'content', where: ['The actual design'] },
    );
    assert.ok(!codes(doc).includes('missing-section/data'));
    assert.ok(codes(doc).includes('missing-section/rollout'));
  });

  it('runs the content rules on text found elsewhere, naming where', () => {
    const doc = '## Goals\nx\n## Design\nWe watch latency closely on a dashboard.\n';
    const d = checkDesignDoc(doc).find((x) => x.code === 'latency-no-number');
    assert.ok(d);
    assert.match(d.message, /^Latency \(found under 'Design'\): Latency gives no number/);
  });

  it('counts a parent section answered by its subsections', () => {
    const doc = '## Requirements & Constraints\n### Functional requirements\nScore each payment.\n## Data\nLabels from chargebacks.\n';
    assert.ok(!codes(doc).some((c) => c.startsWith('empty-section')));
  });

  it('accepts every stated degraded path as a fallback', () => {
    for (const body of [
      'the gateway falls back to the rules engine',
      'the chat hands over to an agent with the transcript',
      'we serve a cached answer',
      'a default score is used',
      'a smaller model takes over',
      'flagged items go to manual review',
    ]) {
      assert.ok(!codes(`## Failure modes\nWhen scoring times out, ${body}.\n`).includes('failure-no-fallback/failure-modes'), body);
    }
    assert.ok(codes('## Failure modes\nWhen scoring times out, we log it.\n').includes('failure-no-fallback/failure-modes'));
  });

  it('detects the kind explainably, and lets the front matter declare it', () => {
    const fraud = detectKind('Gradient-boosted classifier over 300 features; labels come from chargebacks; PR-AUC and false positives.');
    assert.strictEqual(fraud.kind, 'ml-system');
    assert.match(fraud.reason, /features, labels, a classic model/);
    assert.strictEqual(detectKind('The prompt goes to an LLM with retrieved chunks; 2,000 tokens.').kind, 'llm-app');
    assert.strictEqual(detectKind('A multi-tenant serving platform on a GPU cluster for other teams, with quotas.').kind, 'ml-platform');
    const declared = checkDesignDocReport('---\nloopPrep: { kind: ml-platform }\n---\nThe prompt goes to an LLM.\n').kind;
    assert.deepStrictEqual([declared.kind, declared.declared, declared.reason], ['ml-platform', true, 'declared in front matter']);
  });

  it('asks each kind for its own evidence: safety, cost and latency', () => {
    const ml = '---\nloopPrep: { kind: ml-system }\n---\n';
    const platform = '---\nloopPrep: { kind: ml-platform }\n---\n';
    const llm = '---\nloopPrep: { kind: llm-app }\n---\n';
    assert.ok(!codes(`${ml}## Safety\nFalse declines hurt good customers; attackers probe thresholds.\n`).includes('safety-no-risk/safety'));
    assert.ok(!codes(`${platform}## Safety\nTenant isolation between namespaces.\n`).includes('safety-no-risk/safety'));
    assert.ok(codes(`${llm}## Safety\nTenant isolation between namespaces.\n`).includes('safety-no-risk/safety'));
    assert.ok(!codes(`${ml}## Latency\nThe model handles 3k QPS per node.\n`).includes('latency-no-number/latency'));
    assert.ok(codes(`${llm}## Latency\nThe model handles 3k QPS per node.\n`).includes('latency-no-number/latency'));
    assert.ok(!codes(`${ml}## Cost\n12 CPU nodes at 0.6 per node-hour.\n`).includes('cost-no-estimate/cost'));
    const msg = checkDesignDoc(`${ml}## Safety\nWe are careful.\n`).find((d) => d.code === 'safety-no-risk')!.message;
    assert.match(msg, /harm from false positives/);
    assert.match(msg, /Checked as an ML system: declared in front matter/);
  });

  it('applies settings from the front matter: custom headings, rules off, severities', () => {
    const doc =
      '---\nloopPrep:\n  headings:\n    Launch plan: rollout\n  rules:\n    cost: off\n    monitoring-no-alert: information\n---\n## Launch plan\nShadow, then canary.\n## Monitoring\nLatency dashboards.\n';
    const parsed = parseDesignDoc(doc);
    assert.strictEqual(parsed.isDesignDoc, true);
    assert.deepStrictEqual(parsed.configProblems, []);
    const found = checkDesignDoc(parsed);
    assert.ok(!found.some((d) => d.section === 'rollout'));
    assert.ok(!found.some((d) => d.section === 'cost'));
    assert.strictEqual(found.find((d) => d.code === 'monitoring-no-alert')?.severity, 'information');
  });

  it('reports a bad front-matter setting as a warning on its own line', () => {
    const doc = '---\nloopPrep:\n  kind: chatbot\n  rules:\n    no-such-rule: off\n---\n## Data\nx\n';
    const bad = checkDesignDoc(doc).filter((d) => d.code === 'config-error');
    assert.deepStrictEqual(
      bad.map((d) => d.startLine),
      [2, 4],
    );
    assert.match(bad[0].message, /kind must be one of llm-app, ml-system, ml-platform/);
    const rule = checkDesignDoc('---\nloopPrep:\n  rules:\n    no-such-rule: off\n---\n').filter((d) => d.code === 'config-error');
    assert.deepStrictEqual([rule[0].startLine, /unknown rule "no-such-rule"/.test(rule[0].message)], [3, true]);
  });
});
