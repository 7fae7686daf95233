// Test-only extensions installed next to Loop Prep: the fake language model (packed as a .vsix and installed
// with code-server's --install-extension, on hosts that support chat providers) and the hello-world
// activation baseline. Neither ever goes into Loop Prep's own .vsix.
import fs from 'node:fs';
import path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { UserFacingError } from './log.mjs';
import { repoRoot } from './paths.mjs';
import { installExtension } from './server.mjs';

export const FAKE_LM_ID = 'loop-prep-test.fake-lm';
export const fakeLmDir = path.join(repoRoot, 'test', 'fixtures', 'fake-lm');

/** Packs test/fixtures/fake-lm into `outDir`/fake-lm.vsix and returns its path. Fails loudly when it cannot. */
export async function packFakeLm(outDir, dir = fakeLmDir) {
  for (const f of ['package.json', 'extension.js']) {
    if (!fs.existsSync(path.join(dir, f)))
      throw new UserFacingError(`the fake language model fixture is missing ${path.join(dir, f)}; the AI tests cannot run without it`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const vsix = path.join(outDir, 'fake-lm.vsix');
  const log = console.log;
  const info = console.info;
  console.log = console.info = () => {}; // vsce lists every file it packs
  try {
    await createVSIX({ cwd: dir, packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
  } catch (err) {
    throw new UserFacingError(`packing the fake language model fixture (${dir}) failed: ${err.message}`);
  } finally {
    console.log = log;
    console.info = info;
  }
  return vsix;
}

/**
 * Installs the extensions a host's test run needs into `extensionsDir`, before its server starts: the fake
 * language model on hosts with chat providers. Returns the ids installed.
 * @param {import('./paths.mjs').Host} host
 */
export async function installTestFixtures(host, extensionsDir, scratchDir) {
  if (!host.lmProviders) return [];
  const vsix = await packFakeLm(scratchDir);
  installExtension({ host, extensionsDir, vsix, id: FAKE_LM_ID });
  return [FAKE_LM_ID];
}

/** Copies the hello-world baseline into an extensions folder, as an ordinary installed extension. */
export function installHelloWorld(extensionsDir) {
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'hello-world'), path.join(extensionsDir, 'loop-prep-bench.hello-world-0.0.1'), { recursive: true });
}
