import * as assert from 'assert';
import { escapeData, escapeProperty, formatGithub, formatSarif, RULE_DESCRIPTIONS, type Finding } from '../../../src/tools/checkDoc/formats';
import { DESIGN_DOC_CODES } from '../../../src/core/designDoc';

/** The parts of a SARIF log these tests read. */
interface SarifLog {
  runs: {
    tool: { driver: { version?: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      ruleIndex: number;
      message: { text?: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[];
    }[];
  }[];
}

const F: Finding[] = [
  {
    file: 'docs/a b.md',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 12,
    severity: 'warning',
    code: 'latency-no-number',
    section: 'latency',
    message: 'Latency: 50% of\r\nit, really',
  },
  { file: 'docs/x,y:z.md', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'information', code: 'duplicate-section', message: 'Again.' },
];

/**
 * The SARIF 2.1.0 properties a consumer (GitHub code scanning) requires, checked by hand: there is no
 * maintained npm package that ships the SARIF JSON schema for offline validation.
 */
function assertValidSarif(log: Record<string, unknown>): void {
  assert.strictEqual(log.version, '2.1.0');
  assert.match(String(log.$schema), /sarif-2\.1\.0/);
  const runs = log.runs as Record<string, unknown>[];
  assert.ok(Array.isArray(runs) && runs.length === 1);
  for (const run of runs) {
    const driver = (run.tool as { driver: Record<string, unknown> }).driver;
    assert.strictEqual(typeof driver.name, 'string');
    const rules = driver.rules as { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    assert.ok(
      rules.every(
        (r) => typeof r.id === 'string' && r.shortDescription.text.length > 0 && ['none', 'note', 'warning', 'error'].includes(r.defaultConfiguration.level),
      ),
    );
    assert.strictEqual(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
    assert.ok(['utf16CodeUnits', 'unicodeCodePoints'].includes(String(run.columnKind)));
    for (const r of run.results as Record<string, unknown>[]) {
      const message = r.message as { text?: string };
      assert.ok(typeof message.text === 'string' && message.text.length > 0, 'message.text');
      assert.ok(['none', 'note', 'warning', 'error'].includes(String(r.level)));
      const index = r.ruleIndex as number;
      assert.ok(Number.isInteger(index) && index >= 0 && index < rules.length && rules[index].id === r.ruleId, 'ruleIndex points at ruleId');
      for (const loc of r.locations as { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[]) {
        const { uri, uriBaseId } = loc.physicalLocation.artifactLocation;
        assert.doesNotThrow(() => new URL(uri, 'file:///root/'), uri);
        assert.ok(!/[\s\\]/.test(uri), `a URI reference: ${uri}`);
        if (!/^file:/.test(uri)) assert.strictEqual(uriBaseId, '%SRCROOT%');
        const g = loc.physicalLocation.region;
        assert.ok(g.startLine >= 1 && g.startColumn >= 1 && g.endLine >= g.startLine);
        assert.ok(g.endLine > g.startLine || g.endColumn >= g.startColumn, 'the end is not before the start');
      }
    }
  }
}

describe('check-doc output formats', () => {
  it('escapes GitHub workflow command data and properties by its rules', () => {
    assert.strictEqual(escapeData('50% a\r\nb:c,d'), '50%25 a%0D%0Ab:c,d');
    assert.strictEqual(escapeProperty('50% a\r\nb:c,d'), '50%25 a%0D%0Ab%3Ac%2Cd');
  });

  it('prints one ::warning or ::notice per finding, with file, line, col and end', () => {
    const lines = formatGithub(F).split('\n');
    assert.deepStrictEqual(lines, [
      '::warning file=docs/a b.md,line=3,col=1,endLine=3,endColumn=12,title=Loop Prep%3A latency-no-number::Latency: 50%25 of%0D%0Ait, really',
      '::notice file=docs/x%2Cy%3Az.md,line=1,col=1,endLine=1,endColumn=1,title=Loop Prep%3A duplicate-section::Again.',
    ]);
    assert.strictEqual(formatGithub([]), '');
  });

  it('writes a SARIF 2.1.0 log with every rule and each finding located', () => {
    const log = JSON.parse(formatSarif(F, { toolVersion: '1.2.3' })) as Record<string, unknown>;
    assertValidSarif(log);
    const run = (log as unknown as SarifLog).runs[0];
    assert.strictEqual(run.tool.driver.version, '1.2.3');
    assert.deepStrictEqual(
      run.tool.driver.rules.map((r) => r.id),
      [...DESIGN_DOC_CODES],
    );
    assert.deepStrictEqual(
      run.results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri]),
      [
        ['latency-no-number', 'warning', 'docs/a%20b.md'],
        ['duplicate-section', 'note', 'docs/x%2Cy%3Az.md'],
      ],
    );
    assert.deepStrictEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 12 });
    assert.strictEqual(run.results[0].message.text, F[0].message);
    assertValidSarif(JSON.parse(formatSarif([{ ...F[0], file: '/abs/path/doc.md' }])) as Record<string, unknown>);
    assertValidSarif(JSON.parse(formatSarif([])) as Record<string, unknown>);
  });

  it('the SARIF check fails on a log missing what the format requires', () => {
    const log = JSON.parse(formatSarif(F)) as SarifLog;
    delete log.runs[0].results[0].message.text;
    assert.throws(() => assertValidSarif(log as unknown as Record<string, unknown>));
    const bad = JSON.parse(formatSarif(F)) as SarifLog;
    bad.runs[0].results[1].ruleIndex = 0;
    assert.throws(() => assertValidSarif(bad as unknown as Record<string, unknown>));
  });

  it('describes every code', () => {
    for (const c of DESIGN_DOC_CODES) assert.ok(RULE_DESCRIPTIONS[c].length > 10, c);
  });
});
