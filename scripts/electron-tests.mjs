// `npm run test:electron`: the same integration suite in desktop VS Code through @vscode/test-electron.
// It downloads VS Code from Microsoft, so it needs internet; `npm test` uses code-server instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-ws-'));
fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.LOOP_PREP_VSCODE_VERSION || '1.100.3',
    // The fake language model loads next to Loop Prep; VS Code before 1.104 skips it (its engine is ^1.104).
    extensionDevelopmentPath: [root, path.join(root, 'test', 'fixtures', 'fake-lm')],
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (err) {
  console.error(`integration tests failed under @vscode/test-electron: ${err}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
