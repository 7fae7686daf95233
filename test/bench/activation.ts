/**
 * Loaded as extensionTestsPath by scripts/host/bench-activation.mjs: waits for the window to settle, then
 * activates the hello-world baseline and Loop Prep in one extension host; loads Loop Prep's features (which
 * activation defers) and times that; times the baseline's bare webview (command to its one message
 * delivered) and the drill panel (command to the first card sent to the ready webview) in the same window;
 * then opens the drill four more times. Prints one "BENCH {json}" line.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LoopPrepApi, ShellInfo } from '../../src/extension/extension';
import type { HostToDrill } from '../../src/shared/drill';

async function timeActivation(id: string): Promise<number> {
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`extension ${id} is not loaded`);
  if (ext.isActive) throw new Error(`extension ${id} was already active; the measurement would be meaningless`);
  const started = performance.now();
  await ext.activate();
  return performance.now() - started;
}

interface PanelLike {
  readonly probe: { onDidPost(listener: (msg: HostToDrill) => void): vscode.Disposable };
}

async function timeDrillOpen(api: LoopPrepApi): Promise<number> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const started = performance.now();
  const panel = await vscode.commands.executeCommand<PanelLike>('loopPrep.startDrill', { mode: 'new' });
  if (!panel) throw new Error('Start Drill returned no panel');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no card within 10 s')), 10_000);
    const sub = panel.probe.onDidPost((msg) => {
      if (msg.type === 'card') {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
  const elapsed = performance.now() - started;
  if (!api.panels.drill()) throw new Error('drill panel is not open');
  return elapsed;
}

/** Command to first message in the hello-world fixture's empty webview panel. */
async function timeBareWebview(): Promise<number> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const started = performance.now();
  const delivered = await vscode.commands.executeCommand<boolean>('helloWorld.openWebview');
  if (delivered !== true) throw new Error('the baseline webview did not take its message');
  return performance.now() - started;
}

/**
 * A new window's extension host starts while the workbench is still loading on the same cores: samples
 * taken then measure that contention (37 to 600 ms for a hello-world) more than either extension.
 */
const SETTLE_MS = 4000;
/** After each activation, for whatever the extension deferred (see run). */
const SETTLE_BETWEEN_MS = 1000;

export async function run(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  // The runner alternates which extension goes first, so that one-time costs of the first activation in a
  // host do not always land on the same side.
  const orderFile = path.join(__dirname, 'order.txt');
  const loopPrepFirst = fs.existsSync(orderFile) && fs.readFileSync(orderFile, 'utf8').trim() === 'loop-prep-first';
  const order = loopPrepFirst ? ['loop-prep.loop-prep', 'loop-prep-bench.hello-world'] : ['loop-prep-bench.hello-world', 'loop-prep.loop-prep'];
  const result: Record<string, number> = {};
  const loopPrep = () => vscode.extensions.getExtension<LoopPrepApi & { shell: ShellInfo }>('loop-prep.loop-prep')!.exports;
  // Features loaded (dist/main.js), content read and review state open, from the end of Loop Prep's
  // activation: what the Study Plan waits for.
  let ready: Promise<number> | undefined;
  for (const id of order) {
    result[id] = await timeActivation(id);
    if (id === 'loop-prep.loop-prep') {
      const activated = performance.now();
      ready = Promise.all([loopPrep().content.ensureLoaded(), loopPrep().state.ready]).then(() => performance.now() - activated);
    }
    // Loop Prep loads its features just after activation returns: without this pause that load lands in the
    // hello-world's activation when Loop Prep goes first (115-122 ms instead of 13-16 ms seen that way).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_BETWEEN_MS));
  }
  const readyMs = await ready;
  const api = loopPrep();
  const mainLoadMs = api.shell.mainLoadMs;
  // The first webview in a window pays one-time costs; it alternates between the two like activation does.
  const drillOpenMs: number[] = [];
  let bareWebviewMs: number;
  if (loopPrepFirst) {
    drillOpenMs.push(await timeDrillOpen(api));
    bareWebviewMs = await timeBareWebview();
  } else {
    bareWebviewMs = await timeBareWebview();
    drillOpenMs.push(await timeDrillOpen(api));
  }
  for (let i = 0; i < 4; i++) drillOpenMs.push(await timeDrillOpen(api));
  console.log(
    `BENCH ${JSON.stringify({ helloWorldMs: result['loop-prep-bench.hello-world'], loopPrepMs: result['loop-prep.loop-prep'], mainLoadMs, readyMs, drillFirst: loopPrepFirst, bareWebviewMs, drillOpenMs })}`,
  );
}
