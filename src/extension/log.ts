import type * as vscode from 'vscode';
import { platform } from './platform';

let channel: vscode.LogOutputChannel | undefined;

/** The "Loop Prep" log channel. Created on first use so that tests and activation share one instance. */
export function log(): vscode.LogOutputChannel {
  channel ??= platform().createLog();
  return channel;
}

/** Disposes the channel; called on deactivate so a re-activation in tests starts clean. */
export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
