import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliPath } from '../tools/cliPath';

const SECTIONS: [string, string][] = [
  ['Problem and requirements', 'Cited answers over 2M documents; 85% correct on the golden set; peak 5 QPS.'],
  ['Data', 'Ground truth: 600 questions labeled by experts.'],
  ['Retrieval or model choice', 'BM25 baseline, then hybrid retrieval with a reranker and a hosted model.'],
  ['Evals', 'Golden set of 600 questions; recall@10 and correctness; ship at correctness of at least 85%.'],
  ['Latency', 'p95 time to first token under 1.5 s.'],
  ['Cost', 'About $4 per 1k questions from 3,000 input tokens each.'],
  ['Safety', 'Prompt injection and PII leakage, mitigated by ACL filtering.'],
  ['Monitoring', 'Track error rate and feedback; alert the on-call above 2% errors.'],
  ['Failure modes and fallbacks', 'Fall back to search results when the provider is down.'],
  ['Rollout', 'Shadow traffic, a 5% canary, then an A/B test.'],
];
const doc = (sections = SECTIONS) => `---\nloopPrep: design-doc\n---\n${sections.map(([h, b]) => `## ${h}\n${b}\n`).join('\n')}`;

describe('loop-prep CLI', function () {
  this.timeout(20000);
  let dir: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [cliPath(), ...args], { cwd: dir, encoding: 'utf8' });
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-cli-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints no findings for a clean doc', () => {
    const r = run('check-doc', write('good.md', doc()));
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /good\.md: no problems/);
  });

  it('exits 1 and prints FILE:LINE:COL: severity: message [code], 1-based', () => {
    const sections = SECTIONS.map(([h, b]): [string, string] => (h === 'Latency' ? [h, 'Fast enough.\n- What is the timeout?'] : [h, b]));
    const r = run('check-doc', write('bad.md', doc(sections)));
    assert.strictEqual(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines.length, 2, r.stdout);
    assert.match(lines[0], /^bad\.md:16:1: warning: Latency gives no number with a unit\. .* \[latency-no-number\]$/);
    assert.match(lines[1], /^bad\.md:18:1: warning: A guiding question is still here\. .* \[placeholder\]$/);
    assert.match(r.stderr, /2 warnings, 0 information/);
  });

  it('exits 0 when there is only information, and notes a file without the marker', () => {
    const file = write('dup.md', `${doc().replace('loopPrep: design-doc', 'title: x')}\n## Cost\nAgain $5.\n`);
    const r = run('check-doc', file);
    assert.strictEqual(r.status, 0, r.stdout);
    assert.match(r.stdout, /^dup\.md:\d+:1: information: .* \[duplicate-section\]\n$/);
    assert.match(r.stderr, /no "loopPrep: design-doc" front matter; checking it anyway/);
  });

  it('prints a JSON array with --json, in either position', () => {
    const file = write('crlf.md', doc(SECTIONS.filter(([h]) => h !== 'Cost')).replace(/\n/g, '\r\n'));
    for (const args of [
      ['check-doc', file, '--json'],
      ['check-doc', '--json', file],
    ]) {
      const r = run(...args);
      assert.strictEqual(r.status, 1);
      assert.deepStrictEqual(JSON.parse(r.stdout), [
        {
          file,
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 4,
          severity: 'warning',
          code: 'missing-section',
          section: 'cost',
          message: JSON.parse(r.stdout)[0].message,
        },
      ]);
      assert.match(JSON.parse(r.stdout)[0].message, /^No "Cost" section\. A strong answer /);
    }
    const clean = run('check-doc', write('good.md', doc()), '--json');
    assert.strictEqual(clean.status, 0);
    assert.deepStrictEqual(JSON.parse(clean.stdout), []);
  });

  it('prints help with --help and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['check-doc', '--help']]) {
      const r = run(...args);
      assert.strictEqual(r.status, 0);
      assert.match(r.stdout, /loop-prep check-doc FILE \[--json\]/);
    }
  });

  it('exits 2 with a clear message for usage errors', () => {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [['lint', 'x.md'], /unknown command "lint"/],
      [['check-doc'], /check-doc needs a FILE/],
      [['check-doc', 'a.md', '--format', 'xml'], /unknown format "xml": use text, json, github, sarif/],
      [['check-doc', 'a.md', '--format'], /--format needs a value/],
      [['check-doc', 'a.md', '--json', '--format', 'sarif'], /choose one output format/],
      [['check-doc', 'a.md', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
      [['check-doc', 'a.md', '--fix'], /unknown option "--fix"/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage:/);
      assert.strictEqual(r.stdout, '');
    }
  });

  it('exits 2 for a missing file or a directory', () => {
    const missing = run('check-doc', 'nope.md');
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /^loop-prep: nope\.md: no such file\n$/);
    fs.mkdirSync(path.join(dir, 'folder'), { recursive: true });
    const folder = run('check-doc', 'folder');
    assert.strictEqual(folder.status, 2);
    assert.match(folder.stderr, /folder is a directory/);
  });
});
