// Where the project keeps what it installs: outside the repo, reused across runs.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The cache root: $LOOP_PREP_CACHE, else $XDG_CACHE_HOME/loop-prep, else ~/.cache/loop-prep. */
export function cacheRoot() {
  if (process.env.LOOP_PREP_CACHE) return path.resolve(process.env.LOOP_PREP_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'loop-prep');
}

export function codeServerDir() {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerEntry() {
  return path.join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Chromium from the system (Debian's package), never a downloaded browser. */
export function chromiumPath() {
  return process.env.LOOP_PREP_CHROMIUM || '/usr/bin/chromium';
}

export const testOutputDir = path.join(repoRoot, 'test-output');
