// `npm test`: type checks, lint, unit tests, then the integration and UI suites in real VS Code, on the
// oldest version Loop Prep supports (1.100.3) and the newest (1.139.1); `--vscode 1.139` or LOOP_PREP_VSCODE
// runs one. Stops at the first failing stage before the VS Code runs and exits non-zero. Prints each
// version's counts, then one line: "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = (bin) => path.join(root, 'node_modules', '.bin', bin);
const totals = { passed: 0, failed: 0 };

function run(title, cmd, args, { countMocha = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n[loop-prep] ── ${title}\n`);
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const relay = (stream) => (chunk) => {
      stream.write(chunk);
      out += chunk;
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('exit', (code) => {
      if (countMocha) {
        const p = /(\d+) passing/.exec(out);
        const f = /(\d+) failing/.exec(out);
        totals.passed += p ? Number(p[1]) : 0;
        totals.failed += f ? Number(f[1]) : code === 0 ? 0 : 1;
      }
      process.stdout.write(`[loop-prep] ── ${title}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      resolve(code ?? 1);
    });
  });
}

function finish(code) {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

const stages = [
  ['type check (extension host)', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['type check (core: no vscode, no DOM)', npx('tsc'), ['-p', 'src/core/tsconfig.json', '--noEmit']],
  ['type check (webview: DOM, no vscode)', npx('tsc'), ['-p', 'src/webview/tsconfig.json', '--noEmit']],
  ['lint', npx('eslint'), ['.']],
  ['format (prettier --check; npm run format fixes it)', npx('prettier'), ['--check', '.']],
  ['build', process.execPath, ['scripts/build.mjs', '--tests']],
  ['content check (schema, references, quality gates)', process.execPath, ['out/tools/content.js', 'check']],
  ['unit tests', npx('mocha'), ['--config', '.mocharc.json'], { countMocha: true }],
];

for (const [title, cmd, args, opts] of stages) {
  const code = await run(title, cmd, args, opts);
  if (code !== 0) finish(code);
}

const summary = path.join(root, 'out', 'test-summary-host.json');
fs.rmSync(summary, { force: true });
const code = await run('integration and UI tests in real VS Code', process.execPath, ['scripts/host/run-tests.mjs', ...process.argv.slice(2)]);
let counted = false;
try {
  for (const [version, suites] of Object.entries(JSON.parse(fs.readFileSync(summary, 'utf8')))) {
    const v = { passed: 0, failed: 0 };
    for (const [name, r] of Object.entries(suites)) {
      if (name === 'seconds') continue;
      v.passed += r.passed;
      v.failed += r.failed;
    }
    console.log(`VS Code ${version}: ${v.passed} passed, ${v.failed} failed (${suites.seconds} s)`);
    totals.passed += v.passed;
    totals.failed += v.failed;
    counted = true;
  }
} catch {
  // no summary: the run stopped before any version finished
}
if (code !== 0 && (!counted || totals.failed === 0)) totals.failed += 1;
finish(code);
