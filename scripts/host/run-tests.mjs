// Runs the integration suite and the UI tests inside real VS Code (code-server + headless Chromium), on
// every version the harness knows (VS Code 1.100.3 and 1.139.1), or on one:
//   node scripts/host/run-tests.mjs [--only integration|ui] [--vscode 1.100|1.139] [--suite PATH]
// (LOOP_PREP_VSCODE works like --vscode; --suite names another extensionTestsPath module, relative to the
// repository and without .js, e.g. test/fixtures/hang-suite/index to see how a hanging suite is stopped.)
// Expects the test bundles to be built (node scripts/build.mjs --tests). Exits non-zero on any failure,
// on a suite that never reports back (after LOOP_PREP_TEST_TIMEOUT_MS), and always stops what it started.
// Writes each version's counts to out/test-summary-host.json.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled } from './install.mjs';
import { launchChromium } from './browser.mjs';
import { installTestFixtures } from './fixtures.mjs';
import { info, runMain, UserFacingError } from './log.mjs';
import { HOSTS, repoRoot } from './paths.mjs';
import { hostsFromArgs } from './select.mjs';
import { startCodeServer, tempDir } from './server.mjs';
import { runIntegration, runUi } from './suites.mjs';

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? process.argv[i + 1] : undefined;
})();
const suite = (() => {
  const i = process.argv.indexOf('--suite');
  return i > 0 ? path.resolve(repoRoot, process.argv[i + 1]) : undefined;
})();
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

/** One version: its own server, profile and fixtures; the shared browser. Fills `results` as suites finish. */
async function runHost(host, browser, results) {
  const root = tempDir(`loop-prep-host-${host.id}-`);
  const own = [() => fs.rmSync(root, { recursive: true, force: true })];
  cleanups.push(...own);
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const fixtures = await installTestFixtures(host, extensionsDir, root);
  if (fixtures.length) info(`VS Code ${host.vscode}: installed test fixtures ${fixtures.join(', ')}`);
  const server = await startCodeServer({ host, userDataDir, extensionsDir, testDriver: true });
  cleanups.push(() => server.stop());
  info(`VS Code ${host.vscode} is listening on ${server.url}`);
  const ctx = { browser, server, host, userDataDir, freshWorkspace: () => freshWorkspace() };
  try {
    if (!only || only === 'integration') results.integration = await runIntegration(ctx, suite);
    if (!only || only === 'ui') results.ui = await runUi(ctx);
  } finally {
    await server.stop();
  }
}

/** Copies the fixture workspace to a temp folder so tests can write to it freely. */
function freshWorkspace() {
  const dir = tempDir('loop-prep-ws-');
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function main() {
  if (only && !['integration', 'ui'].includes(only)) throw new UserFacingError(`--only takes "integration" or "ui", not "${only}"`);
  const hosts = hostsFromArgs(process.argv, HOSTS);
  for (const host of hosts) await ensureInstalled(host);
  const browser = await launchChromium();
  cleanups.push(() => browser.close());

  const summary = {};
  try {
    for (const host of hosts) {
      const started = Date.now();
      info(`── VS Code ${host.vscode} (code-server ${host.codeServer})`);
      const results = (summary[host.vscode] = {});
      try {
        await runHost(host, browser, results);
      } catch (err) {
        // One version failing to run is reported, and the other versions still run.
        process.stderr.write(`\n[loop-prep] VS Code ${host.vscode}: ${err instanceof UserFacingError ? err.message : err.stack}\n`);
        results.harness = { passed: 0, failed: 1 };
      }
      summary[host.vscode].seconds = Math.round((Date.now() - started) / 1000);
    }
  } finally {
    await cleanup();
  }
  fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
  fs.writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
  let failed = 0;
  for (const [version, r] of Object.entries(summary)) {
    const parts = Object.entries(r)
      .filter(([k]) => k !== 'seconds')
      .map(([k, v]) => {
        failed += v.failed;
        return `${k} ${v.passed} passed, ${v.failed} failed`;
      });
    info(`VS Code ${version}: ${parts.join('; ')} (${r.seconds} s)`);
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
