// `npm start`: VS Code 1.100.3 on 127.0.0.1 with Loop Prep loaded in development mode on playground/.
// State persists between starts: a fixed user-data folder in the cache, and a fixed port, because the
// browser keeps globalState per origin.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled } from './install.mjs';
import { info, runMain, UserFacingError } from './log.mjs';
import { cacheRoot, repoRoot } from './paths.mjs';
import { startCodeServer, workbenchUrl } from './server.mjs';

const port = Number(process.env.LOOP_PREP_PORT || 3580);

runMain(async () => {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserFacingError(`LOOP_PREP_PORT must be a port number, not "${process.env.LOOP_PREP_PORT}"`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new UserFacingError('dist/extension.js is missing: run "npm run build" first.');
  await ensureInstalled({ needBrowser: false }); // you open the URL in your own browser
  const profile = path.join(cacheRoot(), 'start-profile');
  const server = await startCodeServer({ port, userDataDir: path.join(profile, 'user-data'), extensionsDir: path.join(profile, 'extensions') });
  const url = workbenchUrl(server.url, { folder: path.join(repoRoot, 'playground'), extensionDevelopmentPath: repoRoot });
  info('Loop Prep is running in VS Code 1.100.3. Open this URL in a browser:');
  process.stdout.write(`\n  ${url}\n\n`);
  info('Press Ctrl-C to stop.');
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
