/**
 * `npm run docs:eval`: the design-doc checker's precision and recall on the corpus in
 * test/fixtures/design-docs/. Each `name.md` has a `name.expected.json` listing the gaps planted in it
 * (`{ code, section }`; none for a good doc) and its kind. A finding is every diagnostic except
 * `covered-elsewhere`, which only explains where a section was found. Budgets: no findings on good docs,
 * and at least 90% of planted gaps found. The unit tests run the same evaluation and assert the budgets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkDesignDocReport, parseDesignDoc } from '../../src/core/designDoc';

export interface Expected {
  readonly style: string;
  readonly kind: string;
  readonly findings: readonly { readonly code: string; readonly section?: string }[];
}

export interface DocResult {
  readonly name: string;
  readonly style: string;
  readonly good: boolean;
  readonly expectedKind: string;
  readonly kind: string;
  readonly planted: number;
  readonly found: number;
  readonly truePositives: number;
  /** Findings not planted: "code/section" each. */
  readonly falsePositives: readonly string[];
  /** Planted gaps not found. */
  readonly missed: readonly string[];
}

export interface CorpusResult {
  readonly docs: readonly DocResult[];
  readonly precision: number;
  readonly recall: number;
  readonly goodDocFindings: number;
  readonly styles: number;
  readonly kindAccuracy: number;
}

const tag = (f: { code: string; section?: string }) => `${f.code}/${f.section ?? '-'}`;

/** The corpus folder, found from the current file upward (works from test/ and from out/test/). */
export function corpusDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'design-docs');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('test/fixtures/design-docs not found');
}

export function evaluateDoc(name: string, text: string, expected: Expected): DocResult {
  const report = checkDesignDocReport(parseDesignDoc(text, { file: name }));
  const found = report.diagnostics.filter((d) => d.code !== 'covered-elsewhere').map((d) => tag({ code: d.code, section: d.section }));
  const remaining = expected.findings.map(tag);
  const falsePositives: string[] = [];
  let truePositives = 0;
  for (const f of found) {
    const at = remaining.indexOf(f);
    if (at >= 0) {
      remaining.splice(at, 1);
      truePositives++;
    } else falsePositives.push(f);
  }
  return {
    name,
    style: expected.style,
    good: expected.findings.length === 0,
    expectedKind: expected.kind,
    kind: report.kind.kind,
    planted: expected.findings.length,
    found: found.length,
    truePositives,
    falsePositives,
    missed: remaining,
  };
}

export function evaluateCorpus(dir = corpusDir()): CorpusResult {
  const docs = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.md$/, '');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as Expected;
      return evaluateDoc(name, fs.readFileSync(path.join(dir, f), 'utf8'), expected);
    });
  const tp = docs.reduce((n, d) => n + d.truePositives, 0);
  const found = docs.reduce((n, d) => n + d.found, 0);
  const planted = docs.reduce((n, d) => n + d.planted, 0);
  return {
    docs,
    precision: found ? tp / found : 1,
    recall: planted ? tp / planted : 1,
    goodDocFindings: docs.filter((d) => d.good).reduce((n, d) => n + d.found, 0),
    styles: new Set(docs.map((d) => d.style)).size,
    kindAccuracy: docs.filter((d) => d.kind === d.expectedKind).length / Math.max(1, docs.length),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The table `npm run docs:eval` prints. */
export function formatTable(r: CorpusResult): string {
  const rows = [['doc', 'style', 'kind', 'planted', 'found', 'TP', 'precision', 'recall', 'notes']];
  for (const d of r.docs) {
    const notes = [
      ...d.falsePositives.map((f) => `FP ${f}`),
      ...d.missed.map((m) => `missed ${m}`),
      d.kind !== d.expectedKind ? `kind (expected ${d.expectedKind})` : '',
    ]
      .filter(Boolean)
      .join('; ');
    rows.push([
      d.name,
      d.style,
      d.kind,
      String(d.planted),
      String(d.found),
      String(d.truePositives),
      d.found ? pct(d.truePositives / d.found) : '-',
      d.planted ? pct(d.truePositives / d.planted) : '-',
      notes,
    ]);
  }
  const planted = r.docs.reduce((n, d) => n + d.planted, 0);
  const found = r.docs.reduce((n, d) => n + d.found, 0);
  const tp = r.docs.reduce((n, d) => n + d.truePositives, 0);
  rows.push([
    'total',
    `${r.styles} styles`,
    `${pct(r.kindAccuracy)} right`,
    String(planted),
    String(found),
    String(tp),
    pct(r.precision),
    pct(r.recall),
    `good docs: ${r.goodDocFindings} findings`,
  ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

if (require.main === module) {
  const r = evaluateCorpus();
  console.log(formatTable(r));
  const ok = r.goodDocFindings === 0 && r.recall >= 0.9;
  console.log(`\nbudgets: 0 findings on good docs (${r.goodDocFindings}), recall >= 90% (${pct(r.recall)}): ${ok ? 'met' : 'NOT met'}`);
  process.exitCode = ok ? 0 : 1;
}
