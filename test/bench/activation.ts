/**
 * Loaded as extensionTestsPath by scripts/host/bench-activation.mjs: activates the hello-world baseline and
 * Loop Prep in one extension host, then opens the drill panel from its command five times and times how
 * long until the first card is sent to the ready webview. Prints one "BENCH {json}" line.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LoopPrepApi } from '../../src/extension/extension';
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
  onDidSend(listener: (msg: HostToDrill) => void): vscode.Disposable;
}

async function timeDrillOpen(api: LoopPrepApi): Promise<number> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const started = performance.now();
  const panel = await vscode.commands.executeCommand<PanelLike>('loopPrep.startDrill', { mode: 'new' });
  if (!panel) throw new Error('Start Drill returned no panel');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no card within 10 s')), 10_000);
    const sub = panel.onDidSend((msg) => {
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

export async function run(): Promise<void> {
  // The runner alternates which extension goes first, so that one-time costs of the first activation in a
  // host do not always land on the same side.
  const orderFile = path.join(__dirname, 'order.txt');
  const loopPrepFirst = fs.existsSync(orderFile) && fs.readFileSync(orderFile, 'utf8').trim() === 'loop-prep-first';
  const order = loopPrepFirst ? ['loop-prep.loop-prep', 'loop-prep-bench.hello-world'] : ['loop-prep-bench.hello-world', 'loop-prep.loop-prep'];
  const result: Record<string, number> = {};
  for (const id of order) result[id] = await timeActivation(id);
  const api = vscode.extensions.getExtension<LoopPrepApi>('loop-prep.loop-prep')!.exports;
  await api.content.load();
  await api.state.ready;
  const drillOpenMs: number[] = [];
  for (let i = 0; i < 5; i++) drillOpenMs.push(await timeDrillOpen(api));
  console.log(`BENCH ${JSON.stringify({ helloWorldMs: result['loop-prep-bench.hello-world'], loopPrepMs: result['loop-prep.loop-prep'], drillOpenMs })}`);
}
