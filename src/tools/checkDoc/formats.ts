/**
 * The output formats of `loop-prep check-doc`: text (FILE:LINE:COL, for terminals and problem matchers),
 * JSON, GitHub Actions workflow annotations, and SARIF 2.1.0 for code-scanning uploads. Pure: findings in,
 * a string out. Lines and columns are 1-based here; ends are exclusive, as in SARIF.
 */
import { DESIGN_DOC_CODES, type DesignDocCode, type DesignDocDiagnostic, type DesignDocSeverity } from '../../core/designDoc';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** One finding of one file, 1-based. */
export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: DesignDocSeverity;
  readonly code: DesignDocCode;
  readonly section?: string;
  readonly message: string;
}

export function toFinding(file: string, d: DesignDocDiagnostic): Finding {
  return {
    file,
    line: d.startLine + 1,
    column: d.startCol + 1,
    endLine: d.endLine + 1,
    endColumn: d.endCol + 1,
    severity: d.severity,
    code: d.code,
    ...(d.section ? { section: d.section } : {}),
    message: d.message,
  };
}

/** What each code checks, for SARIF's rule list and for readers of the annotations. */
export const RULE_DESCRIPTIONS: Readonly<Record<DesignDocCode, string>> = {
  'missing-section': 'A section a reviewer expects is not covered by any heading or text.',
  'empty-section': 'A section has a heading but no answer yet.',
  'duplicate-section': 'The same section heading appears twice.',
  placeholder: 'A guiding question, TODO or template placeholder is left in the doc.',
  'latency-no-number': 'Latency gives no target as a number with a unit.',
  'cost-no-estimate': 'Cost has no estimate with a unit price.',
  'evals-no-dataset': 'Evals names no eval dataset.',
  'evals-no-metric': 'Evals names no metric.',
  'evals-no-threshold': 'Evals sets no acceptance threshold.',
  'monitoring-no-signal': 'Monitoring names no production signal.',
  'monitoring-no-alert': 'Monitoring has no alert.',
  'safety-no-risk': 'Safety names no concrete risk for this kind of system.',
  'data-no-labels': 'Data does not say where labels or ground truth come from.',
  'failure-no-fallback': 'Failure modes gives no fallback or degraded path.',
  'covered-elsewhere': "A section is covered by another section's text, not by its own heading.",
  'config-error': 'The Loop Prep settings in the front matter are invalid.',
};

export function formatText(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]`).join('\n');
}

export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings, null, 2);
}

/** GitHub's escaping for a workflow command's message (data). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a workflow command's property values: the data escapes, plus ":" and ",". */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` line per finding (`::notice` for information). */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const command = f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(f.file.replace(/\\/g, '/'))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`Loop Prep: ${f.code}`)}`,
      ];
      return `::${command} ${props.join(',')}::${escapeData(f.message)}`;
    })
    .join('\n');
}

/** A file name as a SARIF artifact URI: a relative URI reference with forward slashes, or file:// for an absolute path. */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  if (/^\//.test(slashed) || /^[A-Za-z]:\//.test(slashed)) {
    const p = slashed.startsWith('/') ? slashed : `/${slashed}`;
    return { uri: `file://${p.split('/').map(encodeURIComponent).join('/')}` };
  }
  return { uri: slashed.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export interface SarifOptions {
  readonly toolVersion?: string;
}

/** A SARIF 2.1.0 log with one run: every code as a rule, every finding as a result. */
export function formatSarif(findings: readonly Finding[], options: SarifOptions = {}): string {
  const rules = DESIGN_DOC_CODES.map((id) => ({
    id,
    name: id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: RULE_DESCRIPTIONS[id] },
    defaultConfiguration: { level: id === 'duplicate-section' || id === 'covered-elsewhere' ? 'note' : 'warning' },
  }));
  const index = new Map<string, number>(DESIGN_DOC_CODES.map((c, i) => [c, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'loop-prep', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code) ?? 0,
          level: f.severity === 'warning' ? 'warning' : 'note',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactUri(f.file),
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1) },
              },
            },
          ],
          ...(f.section ? { properties: { section: f.section } } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

export function format(kind: Format, findings: readonly Finding[], options: SarifOptions = {}): string {
  if (kind === 'json') return formatJson(findings);
  if (kind === 'github') return formatGithub(findings);
  if (kind === 'sarif') return formatSarif(findings, options);
  return formatText(findings);
}
