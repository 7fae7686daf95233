import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/extension/commands';
import type { LoopPrepApi, ShellInfo } from '../../../src/extension/extension';
import { activateExtension, EXTENSION_ID, waitFor } from '../util';

describe('activation', () => {
  it('activates and returns its API', async () => {
    const api = await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension is not active');
    assert.strictEqual(typeof api.activatedAt, 'number');
  });

  it('activates only on its own events', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const events: string[] = pkg.activationEvents ?? [];
    for (const e of events) {
      assert.ok(!['*', 'onStartupFinished'].includes(e), `activation event ${e} is not allowed`);
    }
  });

  it('registers every command declared in contributes.commands, and declares every command it registers', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const declared: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
    assert.deepStrictEqual([...Object.values(Commands)].sort(), [...declared].sort());
    for (const c of pkg.contributes.commands) assert.strictEqual(c.category, 'Loop Prep', `${c.command} has no Loop Prep category`);
    // Activation registers stand-ins; each needs a handler from the features once they load.
    const api = (await activateExtension()) as LoopPrepApi & { shell: ShellInfo };
    assert.ok(api.studyPlan, 'the features did not load');
    assert.deepStrictEqual(api.shell.unhandledCommands, [], 'commands without a handler in the features');
    assert.strictEqual(typeof api.shell.mainLoadMs, 'number');
  });

  it('reveals the Study Plan view', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitFor(() => !api.studyPlanView.visible, 'Study Plan to be hidden');
    await vscode.commands.executeCommand(Commands.focusStudyPlan);
    await waitFor(() => api.studyPlanView.visible, 'Study Plan to become visible');
  });
});
