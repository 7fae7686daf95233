import * as vscode from 'vscode';
import { log } from './log';

/** Runs a command body; a failure is logged and shown once, never thrown into VS Code's error popup loop. */
export function guarded<A extends unknown[]>(name: string, body: (...args: A) => unknown): (...args: A) => Promise<unknown> {
  return async (...args: A) => {
    try {
      return await body(...args);
    } catch (err) {
      log().error(`${name} failed: ${err instanceof Error ? err.stack : err}`);
      void vscode.window.showErrorMessage(`Loop Prep: ${name} failed: ${err instanceof Error ? err.message : err}. Details are in "Loop Prep: Show Log".`);
      return undefined;
    }
  };
}
