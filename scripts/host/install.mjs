// Installs VS Code 1.100.3 (as code-server 4.100.3) into the cache, the first time it is needed.
// Everything comes from the npm registry; nothing is downloaded from elsewhere.
// The install happens in a temporary folder that is renamed into place only when it is complete,
// so a half-written cache is never mistaken for a good one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_VERSION, VSCODE_VERSION, cacheRoot, codeServerDir, codeServerEntry } from './paths.mjs';
import { info, runMain, UserFacingError } from './log.mjs';
import { ensureSystemPackages } from './system-deps.mjs';

const MARKER = '.loop-prep-complete';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** True when the cached install is complete and starts. */
export function isInstalled(dir = codeServerDir()) {
  try {
    if (fs.readFileSync(path.join(dir, MARKER), 'utf8').trim() !== CODE_SERVER_VERSION) return false;
  } catch {
    return false;
  }
  return fs.existsSync(path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'));
}

function nodeHeadersDir() {
  const prefix = path.dirname(path.dirname(fs.realpathSync(process.execPath)));
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
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
        reject(new UserFacingError(`installing VS Code failed at "${title}" (exit ${code}). Last lines of ${logFile}:\n${tail}`));
      }
    });
  });
}

function symlink(target, linkPath) {
  fs.rmSync(linkPath, { force: true });
  fs.symlinkSync(target, linkPath);
}

/** Installs code-server into the cache unless a complete install is already there. Returns its folder. */
export async function ensureInstalled({ needBrowser = true } = {}) {
  ensureSystemPackages({ forInstall: !isInstalled(), needBrowser });
  const dir = codeServerDir();
  if (isInstalled(dir)) return dir;

  fs.mkdirSync(cacheRoot(), { recursive: true });
  if (fs.existsSync(dir)) {
    info(`the cached VS Code at ${dir} is incomplete (an earlier install was interrupted); reinstalling it`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const name of fs.readdirSync(cacheRoot())) {
    // Leftovers of interrupted installs by processes that are gone.
    const m = /^code-server-.*\.partial-(\d+)$/.exec(name);
    if (m && !processAlive(Number(m[1]))) fs.rmSync(path.join(cacheRoot(), name), { recursive: true, force: true });
  }

  const partial = `${dir}.partial-${process.pid}`;
  fs.mkdirSync(partial, { recursive: true });
  const logFile = path.join(cacheRoot(), 'install.log');
  fs.writeFileSync(logFile, `installing code-server ${CODE_SERVER_VERSION} at ${new Date().toISOString()}\n`);
  info(`installing VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) into ${dir}; this takes a few minutes, once`);
  const started = Date.now();
  const headers = nodeHeadersDir();
  const nativeEnv = headers ? { npm_config_nodedir: headers } : {};
  try {
    fs.writeFileSync(path.join(partial, 'package.json'), JSON.stringify({ private: true, name: 'loop-prep-vscode-host' }));
    await step(logFile, 'code-server package', npm, ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], partial);
    await step(logFile, 'argon2 native module', npm, ['rebuild', 'argon2'], partial, nativeEnv);

    const vscodeDir = path.join(partial, 'node_modules', 'code-server', 'lib', 'vscode');
    const pkgPath = path.join(vscodeDir, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
    // Older ripgrep packages download a binary from outside the registry; 1.18.0 ships it in a registry package.
    pkg.dependencies['@vscode/ripgrep'] = '1.18.0';
    fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    await step(logFile, 'VS Code server modules', npm, ['install', '--omit=dev'], vscodeDir, nativeEnv);

    symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
    await step(logFile, 'built-in extensions modules', npm, ['install', '--omit=dev'], path.join(vscodeDir, 'extensions'), nativeEnv);

    const entry = path.join(partial, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    const version = spawnSync(process.execPath, [entry, '--version'], { encoding: 'utf8' });
    if (!String(version.stdout).includes(`with Code ${VSCODE_VERSION}`)) {
      throw new UserFacingError(`the installed code-server does not start: ${version.stdout}${version.stderr}`);
    }
    fs.writeFileSync(path.join(partial, MARKER), CODE_SERVER_VERSION);
    if (isInstalled(dir)) {
      fs.rmSync(partial, { recursive: true, force: true }); // another process finished first
    } else {
      fs.renameSync(partial, dir);
    }
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  info(`VS Code installed in ${Math.round((Date.now() - started) / 1000)} s`);
  if (!fs.existsSync(codeServerEntry())) throw new UserFacingError(`install finished but ${codeServerEntry()} is missing`);
  return dir;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(async () => {
    const dir = await ensureInstalled();
    info(`VS Code ${VSCODE_VERSION} is ready in ${dir}`);
  });
}
