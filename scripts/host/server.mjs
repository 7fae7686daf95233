// Starts VS Code (code-server) on loopback and stops it, with everything it spawned, when asked.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerEntry } from './paths.mjs';
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

/**
 * Starts code-server and resolves with { url, origin, stop, logs } once it listens.
 * @param {{ port?: number, userDataDir: string, extensionsDir: string, startTimeoutMs?: number, onLog?: (line: string) => void }} opts
 */
export async function startCodeServer({ port = 0, userDataDir, extensionsDir, startTimeoutMs = 60_000, onLog }) {
  if (port !== 0) await assertPortFree(port, 'Stop the other process, or choose another port with LOOP_PREP_PORT=<port>.');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const configFile = path.join(userDataDir, 'code-server-config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  // Quiet defaults for a fresh profile; a user's own settings are never overwritten.
  const settings = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'git.openRepositoryInParentFolders': 'never', 'workbench.startupEditor': 'none', 'extensions.ignoreRecommendations': true }, null, 2));
  }
  const args = [
    codeServerEntry(),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '-e',
  ];
  // Its own process group, so that stop() also ends the extension host and watchers it forks.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } });
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
  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));

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
