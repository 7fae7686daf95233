/**
 * Loaded as extensionTestsPath by scripts/host/bench-activation.mjs: activates the hello-world baseline and
 * Loop Prep in one extension host and prints how long each took, as one "BENCH {json}" line.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

async function timeActivation(id: string): Promise<number> {
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`extension ${id} is not loaded`);
  if (ext.isActive) throw new Error(`extension ${id} was already active; the measurement would be meaningless`);
  const started = performance.now();
  await ext.activate();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  // The runner alternates which extension goes first, so that one-time costs of the first activation in a
  // host do not always land on the same side.
  const orderFile = path.join(__dirname, 'order.txt');
  const loopPrepFirst = fs.existsSync(orderFile) && fs.readFileSync(orderFile, 'utf8').trim() === 'loop-prep-first';
  const order = loopPrepFirst ? ['loop-prep.loop-prep', 'loop-prep-bench.hello-world'] : ['loop-prep-bench.hello-world', 'loop-prep.loop-prep'];
  const result: Record<string, number> = {};
  for (const id of order) result[id] = await timeActivation(id);
  console.log(`BENCH ${JSON.stringify({ helloWorldMs: result['loop-prep-bench.hello-world'], loopPrepMs: result['loop-prep.loop-prep'] })}`);
}
