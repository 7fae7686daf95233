/**
 * The integration suite's entry: the `run()` module VS Code loads as `extensionTestsPath`, under either
 * runner (code-server in headless Chromium for `npm test`, or @vscode/test-electron with internet).
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  // Install describe/it as globals, then evaluate the suites (bundled into this file, loaded lazily).
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the suites must load after mocha installs its globals
  require('./suites');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
