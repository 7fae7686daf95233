// `npm start`: the newest VS Code (1.139.1) on 127.0.0.1 with Loop Prep on playground/; LOOP_PREP_VSCODE=1.100
// (or --vscode 1.100) picks VS Code 1.100.3. You open the printed URL in your own browser.
// On 1.100 Loop Prep loads in development mode through the URL payload. A 1.139 workbench honours that
// payload only in smoke-test mode, which hides notifications, so there Loop Prep is linked into the profile's
// extensions folder as an ordinary extension instead: a symlink to this repository, so a rebuild
// (`npm run watch`) plus "Developer: Reload Window" loads the new code.
// State persists between starts: a fixed user-data folder per version in the cache, and a fixed port,
// because the browser keeps globalState per origin.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled } from './install.mjs';
import { info, runMain, UserFacingError } from './log.mjs';
import { NEWEST, cacheRoot, repoRoot } from './paths.mjs';
import { hostsFromArgs } from './select.mjs';
import { startCodeServer, workbenchUrl } from './server.mjs';

const port = Number(process.env.LOOP_PREP_PORT || 3580);

/** Links the repository into an extensions folder as `publisher.name-version`, replacing older links. */
export function linkExtension(extensionsDir, root = repoRoot) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const name of fs.readdirSync(extensionsDir)) {
    if (name.startsWith(`${id}-`)) fs.rmSync(path.join(extensionsDir, name), { recursive: true, force: true });
  }
  const link = path.join(extensionsDir, `${id}-${pkg.version}`);
  fs.symlinkSync(root, link, 'dir');
  return link;
}

runMain(async () => {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserFacingError(`LOOP_PREP_PORT must be a port number, not "${process.env.LOOP_PREP_PORT}"`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new UserFacingError('dist/extension.js is missing: run "npm run build" first.');
  const [host] = hostsFromArgs(process.argv, [NEWEST]);
  await ensureInstalled(host, { needBrowser: false }); // you open the URL in your own browser
  // 1.100's profile keeps the folder name it always had, so existing settings carry over.
  const profile = path.join(cacheRoot(), host.smokeDriver ? `start-profile-${host.id}` : 'start-profile');
  const extensionsDir = path.join(profile, 'extensions');
  for (const name of fs.existsSync(extensionsDir) ? fs.readdirSync(extensionsDir) : []) {
    if (name.startsWith('loop-prep.loop-prep-')) fs.rmSync(path.join(extensionsDir, name), { recursive: true, force: true });
  }
  if (host.smokeDriver) linkExtension(extensionsDir);
  const server = await startCodeServer({ host, port, userDataDir: path.join(profile, 'user-data'), extensionsDir });
  const folder = path.join(repoRoot, 'playground');
  const url = host.smokeDriver
    ? `${server.url}/?${new URLSearchParams({ folder }).toString()}`
    : workbenchUrl(server.url, { folder, extensionDevelopmentPath: repoRoot });
  info(`Loop Prep is running in VS Code ${host.vscode}. Open this URL in a browser:`);
  process.stdout.write(`\n  ${url}\n\n`);
  info(`Press Ctrl-C to stop.${host === NEWEST ? ' LOOP_PREP_VSCODE=1.100 npm start opens the oldest supported VS Code instead.' : ''}`);
  await new Promise((resolve) => {
    let stopping = false;
    const stop = () => {
      stopping = true;
      info('stopping VS Code');
      server.stop().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.exited.then(({ code, signal }) => {
      if (stopping) return;
      process.stderr.write(`${server.logs.slice(-15).join('\n')}\n`);
      info(`VS Code stopped on its own (code ${code}, signal ${signal})`);
      process.exitCode = 1;
      resolve();
    });
  });
  return process.exitCode ?? 0;
});
