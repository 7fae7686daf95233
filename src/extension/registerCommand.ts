import type * as vscode from 'vscode';
import type { CommandId } from './commands';
import { guarded } from './guarded';
import { platform } from './platform';

/**
 * A `register(id, name, body)` bound to the extension's context: the command is guarded (errors are
 * logged and shown with the command's name) and disposed on deactivation.
 */
export function registerCommand(context: vscode.ExtensionContext) {
  return <A extends unknown[]>(id: CommandId, name: string, body: (...args: A) => unknown): void => {
    context.subscriptions.push(platform().registerCommand(id, guarded(name, body) as (...args: unknown[]) => unknown));
  };
}
