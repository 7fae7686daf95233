// The one build script. Bundles the extension host (CommonJS, Node), the webviews (ESM, browser) and,
// with --tests, the unit, integration and UI test bundles.
//   node scripts/build.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

function filesUnder(dir, suffix) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

/** Reports build problems the way VS Code's esbuild problem matchers expect, and never hides an error. */
const reporter = {
  name: 'reporter',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        const where = location ? `${location.file}:${location.line}:${location.column}: ` : '';
        console.error(`${where}${text}`);
      }
    });
  },
};

const common = { logLevel: 'silent', plugins: [reporter], absWorkingDir: root };

/**
 * `import * as vscode from 'vscode'` in a CommonJS bundle becomes one namespace copy of the whole API per
 * importing file (about 50 files, each copying a few hundred properties as getters) when the bundle loads.
 * This resolves 'vscode' to one module that reads once each name the sources use (`vscode.X`, and
 * `(vscode as …).X` where a host may lack X), so every file refers to the same bindings.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => {
      const names = new Set();
      for (const file of filesUnder('src', '.ts')) {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        for (const m of text.matchAll(/\bvscode\.([A-Za-z_$][\w$]*)|\(vscode as [^)]*\)\.([A-Za-z_$][\w$]*)/g)) names.add(m[1] ?? m[2]);
      }
      const lines = [...names].sort().map((n) => `export const ${n} = api.${n};`);
      return { contents: `const api = require('vscode');\n${lines.join('\n')}\n`, loader: 'js', resolveDir: root };
    });
  },
};

/** A Node CommonJS bundle of the extension host side, `vscode` left to the host. */
const hostBundle = (entry, outfile, extra = {}) => ({
  ...common,
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: true,
  sourcesContent: !production,
  ...extra,
});

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // The pack compiler (Markdown, YAML, schema): required by the extension only when a user has packs.
  hostBundle('src/extension/content/packLoader.ts', 'dist/packs.js'),
  // Activation: stand-ins for every command and view, nothing else (extension.ts).
  hostBundle('src/extension/extension.ts', 'dist/extension.js'),
  // The features, required by the activation bundle on first use (main.ts).
  hostBundle('src/extension/main.ts', 'dist/main.js', { plugins: [reporter, vscodeOnce] }),
];

// Command-line tools (content compiler, design-doc checker), Node CommonJS with their dependencies bundled.
builds.push({
  ...common,
  // Only the top-level files are commands; folders below hold their parts.
  entryPoints: filesUnder('src/tools', '.ts').filter((f) => path.dirname(f) === path.join('src', 'tools')),
  outdir: 'out/tools',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
});

const webviewEntries = filesUnder('src/webview', '.ts').filter((f) => path.dirname(f) === path.join('src', 'webview'));
if (webviewEntries.length) {
  builds.push({
    ...common,
    entryPoints: webviewEntries,
    outdir: 'dist/webview',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
  });
}

if (tests) {
  const testCommon = { ...common, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', packages: 'external' };
  builds.push(
    { ...testCommon, entryPoints: filesUnder('test/unit', '.test.ts'), outdir: 'out/test/unit', outbase: 'test/unit' },
    { ...testCommon, entryPoints: ['test/integration/index.ts'], outdir: 'out/test/integration', external: ['vscode'] },
    { ...testCommon, entryPoints: filesUnder('test/ui', '.test.ts'), outdir: 'out/test/ui', outbase: 'test/ui' },
    { ...testCommon, entryPoints: filesUnder('test/bench', '.ts'), outdir: 'out/test/bench', outbase: 'test/bench', external: ['vscode'] },
  );
}

async function main() {
  const started = Date.now();
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[loop-prep] watching for changes');
    return;
  }
  // Test bundles of deleted tests would otherwise keep running: the runners load every file in out/test.
  if (tests) fs.rmSync(path.join(root, 'out', 'test'), { recursive: true, force: true });
  const active = builds.filter((b) => !Array.isArray(b.entryPoints) || b.entryPoints.length > 0);
  const results = await Promise.allSettled(active.map((b) => esbuild.build(b)));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) {
    console.error(`[loop-prep] build failed (${failed.length} of ${active.length} bundles)`);
    process.exit(1);
  }
  // Webview pages inline their bundle (src/extension/webview/html.ts) unless it holds what would close the
  // script element early; say so, since such a page then waits for one more round trip before it shows.
  for (const file of filesUnder('dist/webview', '.js')) {
    if (/<\/?script/i.test(fs.readFileSync(path.join(root, file), 'utf8')))
      console.warn(`[loop-prep] ${file} holds "<script": its pages link it instead of inlining it`);
  }
  // The content index: compiled from content/ by the tool just built; fails the build on any content error.
  const compiled = spawnSync(process.execPath, ['out/tools/content.js', 'build', 'dist/content.json', 'dist/content.schema.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) {
    console.error('[loop-prep] build failed: content/ has errors (listed above as FILE:LINE)');
    process.exit(1);
  }
  console.log(`[loop-prep] built ${active.length} bundles${production ? ' (production)' : ''} in ${Date.now() - started} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
