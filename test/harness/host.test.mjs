// Tests of the real-VS-Code harness's failure handling: they run in plain Node, without VS Code.
import assert from 'node:assert';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isInstalled } from '../../scripts/host/install.mjs';
import { UserFacingError } from '../../scripts/host/log.mjs';
import { assertPortFree, workbenchUrl } from '../../scripts/host/server.mjs';
import { CODE_SERVER_VERSION } from '../../scripts/host/paths.mjs';
import { launchChromium } from '../../scripts/host/browser.mjs';
import { ensureSystemPackages } from '../../scripts/host/system-deps.mjs';

describe('harness', () => {
  describe('install cache', () => {
    let dir;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-cache-test-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('treats a folder without the completion marker as not installed (half-written cache)', () => {
      fs.mkdirSync(path.join(dir, 'node_modules', 'code-server', 'out', 'node'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '');
      assert.strictEqual(isInstalled(dir), false);
    });

    it('treats a marker for another version, or a marker without the files, as not installed', () => {
      fs.writeFileSync(path.join(dir, '.loop-prep-complete'), '0.0.1');
      assert.strictEqual(isInstalled(dir), false);
      fs.writeFileSync(path.join(dir, '.loop-prep-complete'), CODE_SERVER_VERSION);
      assert.strictEqual(isInstalled(dir), false, 'marker alone must not count');
    });

    it('accepts a complete install', () => {
      fs.mkdirSync(path.join(dir, 'node_modules', 'code-server', 'out', 'node'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '');
      fs.writeFileSync(path.join(dir, '.loop-prep-complete'), CODE_SERVER_VERSION);
      assert.strictEqual(isInstalled(dir), true);
    });
  });

  describe('ports', () => {
    it('fails with a clear message when the port is taken', async () => {
      const server = net.createServer();
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address();
      try {
        await assert.rejects(assertPortFree(port, 'Try another.'), (err) => {
          assert.ok(err instanceof UserFacingError);
          assert.match(err.message, new RegExp(`port ${port} on 127.0.0.1 is already in use.*Try another`));
          return true;
        });
      } finally {
        server.close();
      }
    });

    it('accepts a free port', async () => {
      const server = net.createServer();
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address();
      await new Promise((r) => server.close(r));
      await assertPortFree(port);
    });
  });

  it('builds a workbench URL whose payload names the extension on the same host', () => {
    const url = new URL(workbenchUrl('http://127.0.0.1:1234', { folder: '/ws', extensionDevelopmentPath: '/ext', extensionTestsPath: '/ext/out/index' }));
    assert.strictEqual(url.searchParams.get('folder'), '/ws');
    const payload = JSON.parse(url.searchParams.get('payload'));
    assert.deepStrictEqual(payload, [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:1234/ext'],
      ['skipWelcome', 'true'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:1234/ext/out/index'],
    ]);
  });

  describe('Chromium', () => {
    const saved = process.env.LOOP_PREP_CHROMIUM;
    afterEach(() => {
      if (saved === undefined) delete process.env.LOOP_PREP_CHROMIUM;
      else process.env.LOOP_PREP_CHROMIUM = saved;
    });

    it('stops with a clear message when the named Chromium is missing, before launching anything', async () => {
      process.env.LOOP_PREP_CHROMIUM = '/nonexistent/chromium';
      assert.throws(() => ensureSystemPackages({ forInstall: false }), (err) => err instanceof UserFacingError && /LOOP_PREP_CHROMIUM points at \/nonexistent\/chromium, which does not exist/.test(err.message));
      await assert.rejects(launchChromium(), (err) => err instanceof UserFacingError && /Chromium is missing at \/nonexistent\/chromium.*apt-get install -y chromium/.test(err.message));
    });
  });
});
