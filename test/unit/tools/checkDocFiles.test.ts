import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliPath } from './cliPath';
import { expandGlob, matchPath, segmentRegExp } from '../../../src/tools/checkDoc/glob';

import { corpusDir } from '../../bench/docsEval';

const GOOD = fs.readFileSync(path.join(corpusDir(), 'loopprep-doc-qa.md'), 'utf8');
const BAD = GOOD.replace(/## Rollout[^]*$/, '');

describe('check-doc globs', () => {
  it('matches *, ?, [..], {a,b} within a segment, ** across folders, and no leading dots', () => {
    assert.ok(segmentRegExp('*.md').test('a.md') && !segmentRegExp('*.md').test('.a.md'));
    assert.ok(segmentRegExp('doc?.{md,markdown}').test('doc1.markdown'));
    assert.ok(segmentRegExp('[!x]*.md').test('a.md') && !segmentRegExp('[!x]*.md').test('x.md'));
    assert.ok(matchPath('**/*.md', 'a.md') && matchPath('**/*.md', 'a/b/c.md') && !matchPath('**/*.md', 'a/b/c.txt'));
    assert.ok(matchPath('a/**/b/*.md', 'a/b/x.md') && matchPath('a/**/b/*.md', 'a/q/r/b/x.md') && !matchPath('a/**/b/*.md', 'a/q/x.md'));
    assert.ok(!matchPath('**/*.md', 'node_modules/x.md') && !matchPath('**/*.md', '.git/x.md'));
    assert.ok(matchPath('a+b(1).md', 'a+b(1).md'), 'regex characters are literal');
  });

  it('expands a pattern from its literal prefix, sorted, skipping node_modules', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-glob-'));
    try {
      for (const f of ['docs/a.md', 'docs/sub/b.md', 'docs/sub/c.txt', 'docs/node_modules/d.md', 'docs/.hidden/e.md', 'other/f.md']) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), 'x');
      }
      assert.deepStrictEqual(expandGlob('docs/**/*.md', dir), ['docs/a.md', 'docs/sub/b.md']);
      assert.deepStrictEqual(expandGlob('*/*.md', dir), ['docs/a.md', 'other/f.md']);
      assert.deepStrictEqual(expandGlob('nope/**/*.md', dir), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loop-prep check-doc: files, formats and exit codes', function () {
  this.timeout(30000);
  let dir: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [cliPath(), ...args], { cwd: dir, encoding: 'utf8', timeout: 15000 });
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-cli-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses /dev/zero, a FIFO without a writer, a 25 MB file and a directory with exit 2, quickly', () => {
    const fifo = path.join(dir, 'pipe.md');
    const made = spawnSync('mkfifo', [fifo]);
    assert.strictEqual(made.status, 0, 'mkfifo is available');
    const big = path.join(dir, 'big.md');
    fs.writeFileSync(big, Buffer.alloc(25 * 1024 * 1024, 'a'));
    fs.mkdirSync(path.join(dir, 'folder'));
    const cases: [string, RegExp][] = [
      ['/dev/zero', /\/dev\/zero is a character device, not a regular file/],
      [fifo, /pipe\.md is a FIFO \(named pipe\), not a regular file/],
      [big, /big\.md is too large to be a design doc \(25\.0 MB; the limit is 20\.0 MB\)/],
      ['folder', /folder is a directory, not a design doc/],
    ];
    for (const [file, message] of cases) {
      const started = Date.now();
      const r = run('check-doc', file);
      assert.strictEqual(r.error, undefined, `${file}: ${String(r.error)}`);
      assert.strictEqual(r.status, 2, `${file}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.ok(Date.now() - started < 10000, `${file} took ${Date.now() - started} ms`);
    }
  });

  it('checks several files and globs, each once, and exits 2 for a pattern that matches nothing', () => {
    write('docs/good.md', GOOD);
    write('docs/sub/bad.md', BAD);
    const r = run('check-doc', 'docs/**/*.md', 'docs/good.md', '--format', 'json');
    assert.strictEqual(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as { file: string; code: string; section?: string }[];
    assert.deepStrictEqual(
      findings.map((f) => [f.file, f.code, f.section]),
      [['docs/sub/bad.md', 'missing-section', 'rollout']],
    );
    const none = run('check-doc', 'docs/good.md', 'nothing/**/*.md');
    assert.strictEqual(none.status, 2);
    assert.match(none.stderr, /no files match "nothing\/\*\*\/\*\.md"/);
    assert.match(none.stderr, /docs\/good\.md: no problems/, 'the other files are still checked');
  });

  it('--max-warnings works as in ESLint: fails only above N, -1 never', () => {
    write('bad.md', BAD);
    assert.strictEqual(run('check-doc', 'bad.md').status, 1);
    assert.strictEqual(run('check-doc', 'bad.md', '--max-warnings', '1').status, 0);
    assert.strictEqual(run('check-doc', 'bad.md', '--max-warnings=0').status, 1);
    assert.strictEqual(run('check-doc', 'bad.md', '--max-warnings', '-1').status, 0);
  });

  it('prints GitHub annotations and SARIF from the real CLI', () => {
    write('bad.md', BAD);
    const gh = run('check-doc', 'bad.md', '--format', 'github');
    assert.strictEqual(gh.status, 1);
    assert.match(gh.stdout, /^::warning file=bad\.md,line=4,col=1,endLine=4,endColumn=4,title=Loop Prep%3A missing-section::No "Rollout" section\./m);
    const sarif = run('check-doc', 'bad.md', '--format', 'sarif');
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; version?: string } }; results: { ruleId: string }[] }[];
    };
    assert.deepStrictEqual([log.version, log.runs[0].tool.driver.name, log.runs[0].results.map((r) => r.ruleId)], ['2.1.0', 'loop-prep', ['missing-section']]);
    assert.match(String(log.runs[0].tool.driver.version), /^\d+\.\d+\.\d+/);
  });

  it('reads a team config from .loopprep up to the repo root, and exits 2 with file:line when it is invalid', () => {
    fs.mkdirSync(path.join(dir, '.git'));
    write('docs/bad.md', BAD);
    write('.loopprep/design-doc.yaml', 'rules:\n  rollout: off\n');
    const ok = run('check-doc', 'docs/bad.md');
    assert.strictEqual(ok.status, 0, ok.stdout + ok.stderr);
    write('.loopprep/design-doc.yaml', 'kind: ml-system\nrules:\n  rollout: silent\n');
    const bad = run('check-doc', 'docs/bad.md');
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /\.loopprep\/design-doc\.yaml:3: rules\.rollout must be one of off, information, warning/);
    write('docs/.loopprep/design-doc.json', '{ "rules": { "missing-section": "information" } }');
    const nearer = run('check-doc', 'docs/bad.md');
    assert.strictEqual(nearer.status, 0, 'the nearest config wins');
    assert.match(nearer.stdout, /information: No "Rollout" section/);
  });

  it('explains the kind it checked for on stderr', () => {
    write('good.md', GOOD);
    const r = run('check-doc', 'good.md');
    assert.match(r.stderr, /good\.md: no problems; checked as an LLM app: it mentions /);
  });
});
