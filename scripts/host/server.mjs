// Starts VS Code (code-server) on loopback and stops it, with everything it spawned, when asked.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerEntry, nodeFor } from './paths.mjs';
import { UserFacingError } from './log.mjs';

/** Resolves when 127.0.0.1:port can be bound; rejects with a clear message when it is taken. */
export function assertPortFree(port, hint = '') {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err) => {
      const why = err.code === 'EADDRINUSE' ? 'is already in use by another process' : `cannot be opened (${err.code})`;
      reject(new UserFacingError(`port ${port} on 127.0.0.1 ${why}.${hint ? ` ${hint}` : ''}`));
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** The settings a fresh profile starts with: quiet, and nothing Loop Prep reads. */
export const DEFAULT_SETTINGS = Object.freeze({
  'git.openRepositoryInParentFolders': 'never',
  'workbench.startupEditor': 'none',
  'extensions.ignoreRecommendations': true,
  // Newer versions open the Chat side bar in every fresh window; it takes a third of the width.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
});

/** Writes the profile's user settings.json back to DEFAULT_SETTINGS (the server keeps settings, not the browser). */
export function resetUserSettings(userDataDir) {
  const settings = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, JSON.stringify(DEFAULT_SETTINGS, null, 2));
}

/**
 * Starts code-server and resolves with { url, origin, stop, logs } once it listens.
 * `testDriver` starts it with enable-smoke-test-driver on hosts whose workbench needs it to honour a test
 * payload (it also hides notification toasts, so `npm start` never sets it).
 * @param {{ host: import('./paths.mjs').Host, port?: number, userDataDir: string, extensionsDir: string, testDriver?: boolean, startTimeoutMs?: number, onLog?: (line: string) => void }} opts
 */
export async function startCodeServer({ host, port = 0, userDataDir, extensionsDir, testDriver = false, startTimeoutMs = 60_000, onLog }) {
  if (port !== 0) await assertPortFree(port, 'Stop the other process, or choose another port with LOOP_PREP_PORT=<port>.');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const configFile = path.join(userDataDir, 'code-server-config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  // Quiet defaults for a fresh profile; a user's own settings are never overwritten.
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) resetUserSettings(userDataDir);
  const args = [
    codeServerEntry(host),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--config',
    configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '-e',
  ];
  if (testDriver && host.smokeDriver) args.push('--vscode-option=enable-smoke-test-driver');
  // Its own process group, so that stop() also ends the extension host and watchers it forks.
  const child = spawn(nodeFor(host), args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } });
  const logs = [];
  const remember = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      logs.push(line);
      if (logs.length > 400) logs.shift();
      onLog?.(line);
    }
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);

  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

  const stop = async () => {
    if (exited) return;
    killGroup(child.pid, 'SIGTERM');
    const done = await Promise.race([exitedPromise.then(() => true), delay(4000).then(() => false)]);
    if (!done) killGroup(child.pid, 'SIGKILL');
    killGroup(child.pid, 'SIGKILL'); // children that outlived their parent
  };

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`VS Code did not start listening within ${startTimeoutMs / 1000} s.`), startTimeoutMs);
    const onData = (chunk) => {
      const m = /HTTP server listening on (http:\/\/\S+)/.exec(String(chunk));
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    function fail(msg) {
      clearTimeout(timer);
      const tail = logs.slice(-20).join('\n');
      stop().finally(() => reject(new UserFacingError(`${msg}\nLast lines from VS Code:\n${tail}`)));
    }
    child.stdout.on('data', onData);
    exitedPromise.then(({ code, signal }) => {
      const inUse = logs.some((l) => l.includes('EADDRINUSE'));
      fail(inUse ? `port ${port} on 127.0.0.1 is already in use.` : `VS Code exited before it started (code ${code}, signal ${signal}).`);
    });
    child.once('error', (err) => fail(`could not start VS Code: ${err.message}`));
  });
  return { url, origin: new URL(url).host, userDataDir, stop, logs, pid: child.pid, exited: exitedPromise };
}

/**
 * Installs a .vsix into an extensions folder before the server starts (the workbench payload loads only one
 * development extension). Throws with code-server's output when it does not end up installed.
 * @param {{ host: import('./paths.mjs').Host, extensionsDir: string, vsix: string, id: string }} opts
 */
export function installExtension({ host, extensionsDir, vsix, id }) {
  if (!fs.existsSync(vsix)) throw new UserFacingError(`cannot install ${id}: ${vsix} does not exist`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const r = spawnSync(nodeFor(host), [codeServerEntry(host), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const installed = fs.readdirSync(extensionsDir).some((d) => d.toLowerCase().startsWith(`${id.toLowerCase()}-`));
  if (r.status !== 0 || !installed) {
    throw new UserFacingError(
      `installing ${id} from ${vsix} into VS Code ${host.vscode} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${r.stdout}${r.stderr}`,
    );
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fresh temporary folder that the caller removes. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Builds the workbench URL that loads the extension in development mode.
 * @param {string} baseUrl e.g. http://127.0.0.1:1234
 * @param {{ folder?: string, extensionDevelopmentPath: string | string[], extensionTestsPath?: string }} opts
 */
export function workbenchUrl(baseUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const host = new URL(baseUrl).host;
  const devPaths = Array.isArray(extensionDevelopmentPath) ? extensionDevelopmentPath : [extensionDevelopmentPath];
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', `vscode-remote://${host}${p}`]), ['skipWelcome', 'true']];
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${extensionTestsPath}`]);
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  params.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${params.toString()}`;
}
