// Runs the integration suite and the UI tests inside a real VS Code 1.100.3 (code-server + headless Chromium).
//   node scripts/host/run-tests.mjs [--only integration|ui]
// Expects the test bundles to be built (node scripts/build.mjs --tests). Exits non-zero on any failure,
// on a suite that never reports back (after LOOP_PREP_TEST_TIMEOUT_MS), and always stops what it started.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import Mocha from 'mocha';
import { ensureInstalled } from './install.mjs';
import { launchChromium } from './browser.mjs';
import { info, runMain, UserFacingError } from './log.mjs';
import { repoRoot, testOutputDir } from './paths.mjs';
import { startCodeServer, tempDir, workbenchUrl } from './server.mjs';

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? process.argv[i + 1] : undefined;
})();
const suiteTimeoutMs = Number(process.env.LOOP_PREP_TEST_TIMEOUT_MS || 10 * 60_000);
const summaryFile = path.join(repoRoot, 'out', 'test-summary-host.json');

const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {
      // keep cleaning
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanup().finally(() => process.exit(130));
  });
}

/** Copies the fixture workspace to a temp folder so tests can write to it freely. */
function freshWorkspace() {
  const dir = tempDir('loop-prep-ws-');
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The extension host's console calls arrive as printf-style argument lists. */
function formatLogArgs(args) {
  return Array.isArray(args) ? util.format(...args) : util.format(args);
}

async function runIntegration(browser, server) {
  const suite = path.join(repoRoot, 'out', 'test', 'integration', 'index');
  if (!fs.existsSync(`${suite}.js`)) throw new UserFacingError(`${suite}.js is missing: run "node scripts/build.mjs --tests" first.`);
  const workspace = freshWorkspace();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const lines = [];
  let passed = 0;
  let failed = 0;
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    for (const line of formatLogArgs(args).split('\n')) {
      lines.push(line);
      if (lines.length > 2000) lines.shift();
      if (/ENOTFOUND open-vsx\.org/.test(line)) continue; // the extension gallery; expected offline
      if (/^\s*at .*\/static\/out\//.test(line)) continue; // stack frames of workbench noise
      process.stdout.write(`  ${line}\n`);
      const p = /^\s*(\d+) passing/.exec(line);
      if (p) passed = Number(p[1]);
      const f = /^\s*(\d+) failing/.exec(line);
      if (f) failed = Number(f[1]);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));

  info('integration suite: starting VS Code with the extension under test');
  const started = Date.now();
  await page.goto(workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: suite }));
  let timer;
  const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), suiteTimeoutMs)))]);
  clearTimeout(timer);
  await context.close();
  if (code === 'timeout') {
    const tail = lines.slice(-40).join('\n') || '(the extension host logged nothing)';
    const serverTail = server.logs.slice(-15).join('\n');
    throw new UserFacingError(
      `the integration suite did not report back within ${suiteTimeoutMs / 1000} s (set LOOP_PREP_TEST_TIMEOUT_MS to change this).\n` +
        `Last extension-host lines:\n${tail}\nLast VS Code server lines:\n${serverTail}` +
        (pageErrors.length ? `\nPage errors:\n${pageErrors.slice(-5).join('\n')}` : ''),
    );
  }
  info(`integration suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
  if (code !== 0 && failed === 0) failed = 1; // run() rejected before mocha could count
  return { passed, failed };
}

async function runUi(browser, server) {
  const dir = path.join(repoRoot, 'out', 'test', 'ui');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort() : [];
  if (!files.length) return { passed: 0, failed: 0 };
  fs.mkdirSync(testOutputDir, { recursive: true });
  globalThis.loopPrepUi = {
    browser,
    serverUrl: server.url,
    repoRoot,
    screenshotDir: testOutputDir,
    userDataDir: server.userDataDir,
    freshWorkspace,
    workbenchUrl: (folder) => workbenchUrl(server.url, { folder, extensionDevelopmentPath: repoRoot }),
  };
  const mocha = new Mocha({ timeout: 120_000, reporter: 'spec', color: false });
  for (const f of files) mocha.addFile(path.join(dir, f));
  await mocha.loadFilesAsync();
  info('UI tests: driving the real workbench with Playwright');
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  return { passed: stats.passes, failed: stats.failures };
}

async function main() {
  await ensureInstalled();
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const root = tempDir('loop-prep-host-');
  cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const server = await startCodeServer({ userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') });
  cleanups.push(() => server.stop());
  info(`VS Code is listening on ${server.url}`);

  const results = {};
  try {
    if (!only || only === 'integration') results.integration = await runIntegration(browser, server);
    if (!only || only === 'ui') results.ui = await runUi(browser, server);
  } finally {
    await cleanup();
  }
  fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
  fs.writeFileSync(summaryFile, JSON.stringify(results));
  let failed = 0;
  for (const [name, r] of Object.entries(results)) {
    info(`${name}: ${r.passed} passed, ${r.failed} failed`);
    failed += r.failed;
  }
  return failed ? 1 : 0;
}

runMain(async () => {
  try {
    return await main();
  } finally {
    await cleanup();
  }
});
