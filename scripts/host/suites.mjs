// The two kinds of suite run-tests.mjs runs against one VS Code server: the integration suite inside the
// extension host (reported back through the workbench's automation hooks), and the Playwright UI tests.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import Mocha from 'mocha';
import { info, UserFacingError } from './log.mjs';
import { repoRoot, testOutputDir } from './paths.mjs';
import { resetUserSettings, workbenchUrl } from './server.mjs';

const suiteTimeoutMs = Number(process.env.LOOP_PREP_TEST_TIMEOUT_MS || 5 * 60_000);

/** The extension host's console calls arrive as printf-style argument lists. */
function formatLogArgs(args) {
  return Array.isArray(args) ? util.format(...args) : util.format(args);
}

/** Lines that every run logs and that say nothing about Loop Prep. */
function isNoise(line) {
  return (
    /ENOTFOUND open-vsx\.org/.test(line) ||
    /^\s*at .*(\/static\/out\/|code-server\/lib\/vscode\/out\/)/.test(line) ||
    /\[AgentHost\] No signed-in session/.test(line)
  );
}

/**
 * Runs the integration suite in one fresh window. Resolves with its counts; throws with the last
 * extension-host and server lines when it does not report back within LOOP_PREP_TEST_TIMEOUT_MS.
 * @param {{ browser: import('playwright-core').Browser, server: any, host: import('./paths.mjs').Host, freshWorkspace: () => string }} ctx
 */
export async function runIntegration({ browser, server, host, freshWorkspace }, suite = path.join(repoRoot, 'out', 'test', 'integration', 'index')) {
  suite ??= path.join(repoRoot, 'out', 'test', 'integration', 'index');
  if (!fs.existsSync(`${suite}.js`)) throw new UserFacingError(`${suite}.js is missing: run "node scripts/build.mjs --tests" first.`);
  const workspace = freshWorkspace();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
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
        if (isNoise(line)) continue;
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

    info(`VS Code ${host.vscode}: integration suite, starting a window with the extension under test`);
    const started = Date.now();
    // Only the first response is awaited: the suite's own timeout covers a page that loads slowly or never.
    await page.goto(workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: suite }), {
      waitUntil: 'commit',
      timeout: 120_000,
    });
    let timer;
    const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), suiteTimeoutMs)))]);
    clearTimeout(timer);
    if (code === 'timeout') {
      const tail =
        lines
          .filter((l) => !isNoise(l))
          .slice(-40)
          .join('\n') || '(the extension host logged nothing)';
      const serverTail = server.logs.slice(-15).join('\n');
      throw new UserFacingError(
        `the integration suite on VS Code ${host.vscode} did not report back within ${suiteTimeoutMs / 1000} s (set LOOP_PREP_TEST_TIMEOUT_MS to change this).\n` +
          `Last extension-host lines:\n${tail}\nLast VS Code server lines:\n${serverTail}` +
          (pageErrors.length ? `\nPage errors:\n${pageErrors.slice(-5).join('\n')}` : ''),
      );
    }
    info(`VS Code ${host.vscode}: integration suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
    if (code !== 0 && failed === 0) failed = 1; // run() rejected before mocha could count
    return { passed, failed };
  } finally {
    await context.close();
  }
}

/**
 * Runs every out/test/ui/*.test.js with mocha in this process. The tests reach the server, browser and
 * version through globalThis.loopPrepUi (see test/ui/harness.ts).
 * @param {{ browser: import('playwright-core').Browser, server: any, host: import('./paths.mjs').Host, userDataDir: string, freshWorkspace: () => string }} ctx
 */
export async function runUi({ browser, server, host, userDataDir, freshWorkspace }) {
  const dir = path.join(repoRoot, 'out', 'test', 'ui');
  const grep = process.env.LOOP_PREP_UI_GREP;
  // LOOP_PREP_UI_REPEAT=N runs the (grep-selected) tests N times in a row on the same server, to tell a
  // steady test from a flaky one; the counts add up over the rounds.
  const repeat = Math.max(1, Number.parseInt(process.env.LOOP_PREP_UI_REPEAT ?? '1', 10) || 1);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.test.js'))
        .sort()
    : [];
  if (!files.length) return { passed: 0, failed: 0 };
  const screenshotDir = path.join(testOutputDir, host.id);
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const f of fs.readdirSync(screenshotDir)) if (f.startsWith('FAILED-')) fs.rmSync(path.join(screenshotDir, f)); // from an earlier run
  globalThis.loopPrepUi = {
    browser,
    serverUrl: server.url,
    repoRoot,
    screenshotDir,
    userDataDir,
    host: { id: host.id, vscode: host.vscode, smokeDriver: host.smokeDriver, lmProviders: host.lmProviders },
    freshWorkspace,
    resetSettings: () => resetUserSettings(userDataDir),
    workbenchUrl: (folder) => workbenchUrl(server.url, { folder, extensionDevelopmentPath: repoRoot }),
  };
  const rootHooks = {
    // A failed test leaves a screenshot of every open window, named after the test.
    async afterEach() {
      if (this.currentTest?.state !== 'failed') return;
      const name = this.currentTest
        .fullTitle()
        .replace(/[^\w.-]+/g, '-')
        .slice(0, 100);
      let n = 0;
      for (const context of browser.contexts()) {
        for (const page of context.pages()) {
          const file = path.join(screenshotDir, `FAILED-${name}-${n++}`);
          await page.screenshot({ path: `${file}.png` }).catch(() => {});
          // What moved the keyboard focus (test/ui/trace.ts): a quick pick closes when something takes it.
          const trace = await page.evaluate(() => globalThis.__loopPrepTrace ?? []).catch(() => []);
          if (!trace.length) continue;
          fs.writeFileSync(`${file}.focus.txt`, `${trace.join('\n')}\n`);
          process.stdout.write(`  focus record of window ${n - 1} (last 25 of ${trace.length} lines, all in ${file}.focus.txt):\n`);
          process.stdout.write(
            `${trace
              .slice(-25)
              .map((l) => `    ${l}`)
              .join('\n')}\n`,
          );
        }
      }
    },
  };
  const total = { passed: 0, failed: 0 };
  try {
    for (let round = 1; round <= repeat; round++) {
      const mocha = new Mocha({ timeout: 120_000, reporter: 'spec', color: false, rootHooks, ...(grep ? { grep } : {}) });
      for (const f of files) mocha.addFile(path.join(dir, f));
      // Loaded with require and unloaded afterwards, so that the next round or version evaluates them afresh.
      mocha.loadFiles();
      info(`VS Code ${host.vscode}: UI tests, driving the real workbench with Playwright${repeat > 1 ? ` (round ${round} of ${repeat})` : ''}`);
      try {
        const stats = await new Promise((resolve) => {
          const runner = mocha.run(() => resolve(runner.stats));
        });
        if (stats.failures)
          process.stdout.write(
            `  last VS Code server lines:\n${server.logs
              .slice(-15)
              .map((l) => `    ${l}`)
              .join('\n')}\n`,
          );
        if (repeat > 1) info(`VS Code ${host.vscode}: round ${round} of ${repeat}: ${stats.passes} passed, ${stats.failures} failed`);
        total.passed += stats.passes;
        total.failed += stats.failures;
      } finally {
        mocha.unloadFiles();
        mocha.dispose();
      }
    }
    return total;
  } finally {
    delete globalThis.loopPrepUi;
  }
}
