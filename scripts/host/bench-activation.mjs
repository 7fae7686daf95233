// `npm run bench:activation`: how long Loop Prep takes to activate next to a minimal hello-world extension,
// both loaded in the same real VS Code 1.100.3, over several fresh windows, and how long the drill panel
// takes from its command to the first card. Prints one JSON object.
// Budgets: a median activation ratio of at most 2.0, dist/extension.js at most 300 KB minified, and the
// first drill card within 500 ms (median).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { ensureInstalled } from './install.mjs';
import { launchChromium } from './browser.mjs';
import { runMain, UserFacingError } from './log.mjs';
import { repoRoot } from './paths.mjs';
import { startCodeServer, tempDir, workbenchUrl } from './server.mjs';

const runs = Number(process.env.LOOP_PREP_BENCH_RUNS || 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

runMain(async () => {
  await ensureInstalled();
  const suite = path.join(repoRoot, 'out', 'test', 'bench', 'activation');
  if (!fs.existsSync(`${suite}.js`)) throw new UserFacingError('out/test/bench/activation.js is missing: run "node scripts/build.mjs --tests" first.');
  const browser = await launchChromium();
  const root = tempDir('loop-prep-bench-');
  // The baseline is installed as an ordinary extension: the workbench loads only one development path.
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'hello-world'), path.join(root, 'extensions', 'loop-prep-bench.hello-world-0.0.1'), { recursive: true });
  const server = await startCodeServer({ userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') });
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      fs.writeFileSync(path.join(path.dirname(suite), 'order.txt'), i % 2 ? 'loop-prep-first' : 'hello-first');
      const context = await browser.newContext();
      const page = await context.newPage();
      let resolveLine;
      const line = new Promise((r) => (resolveLine = r));
      await page.exposeFunction('codeAutomationLog', (_t, args) => {
        const text = Array.isArray(args) ? util.format(...args) : String(args);
        if (process.env.LOOP_PREP_BENCH_DEBUG) console.error(text);
        if (text.startsWith('BENCH ')) resolveLine(JSON.parse(text.slice(6)));
      });
      await page.exposeFunction('codeAutomationExit', () => {});
      const url = workbenchUrl(server.url, {
        folder: path.join(repoRoot, 'playground'),
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: suite,
      });
      await page.goto(url);
      const sample = await Promise.race([line, new Promise((_, rej) => setTimeout(() => rej(new UserFacingError('no BENCH line within 90 s')), 90_000))]);
      samples.push(sample);
      await context.close();
    }
  } finally {
    fs.rmSync(path.join(path.dirname(suite), 'order.txt'), { force: true });
    await browser.close();
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
  const hello = median(samples.map((s) => s.helloWorldMs));
  const loop = median(samples.map((s) => s.loopPrepMs));
  const bundle = fs.statSync(path.join(repoRoot, 'dist', 'extension.js')).size;
  // The first open in each fresh window is what a user sees; later opens in the same window (after closing
  // the panel) are reported apart, since the browser workbench takes a second to set up a replacement iframe.
  const coldOpen = samples.map((s) => s.drillOpenMs?.[0]).filter((x) => typeof x === 'number');
  const reopen = samples.flatMap((s) => s.drillOpenMs?.slice(1) ?? []);
  const result = {
    runs,
    helloWorldActivationMedianMs: +hello.toFixed(2),
    loopPrepActivationMedianMs: +loop.toFixed(2),
    ratio: +(loop / hello).toFixed(2),
    ratioBudget: 2.0,
    extensionJsBytes: bundle,
    extensionJsBudgetBytes: 300 * 1024,
    drillPanelFirstCardMedianMs: coldOpen.length ? +median(coldOpen).toFixed(1) : null,
    drillPanelFirstCardSamples: coldOpen.length,
    drillPanelBudgetMs: 500,
    drillPanelReopenAfterCloseMedianMs: reopen.length ? +median(reopen).toFixed(1) : null,
    samples,
  };
  console.log(JSON.stringify(result, null, 2));
  return 0;
});
