/**
 * "Loop Prep: Show Quarantined Data": opens the kept-aside values as a read-only JSON document (a
 * virtual document, so it cannot be edited or saved over the quarantine), then offers to discard them
 * after a modal confirmation.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { log } from '../log';
import { registerCommand } from '../registerCommand';
import type { QuarantineFiles } from './quarantineFiles';
import { plural } from '../../core/text';

export const QUARANTINE_SCHEME = 'loop-prep-quarantine';
const DOC = vscode.Uri.from({ scheme: QUARANTINE_SCHEME, path: '/quarantined-data.json' });

export type ShowQuarantineOutcome =
  { readonly status: 'empty' } | { readonly status: 'shown' | 'discarded'; readonly items: number; readonly document: vscode.TextDocument };

/** The answers a user gives: "Discard" on the offer, then on the modal confirmation. */
export interface QuarantineAnswers {
  offer(message: string): Thenable<boolean>;
  confirm(message: string, detail: string): Thenable<boolean>;
}

const dialogs: QuarantineAnswers = {
  offer: async (message) => (await vscode.window.showInformationMessage(message, 'Discard…')) === 'Discard…',
  confirm: async (message, detail) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Discard')) === 'Discard',
};

/** Shows the quarantine; resolves once the user has answered the offer (or at once when nothing is kept). */
export async function showQuarantine(
  quarantine: QuarantineFiles,
  provider: QuarantineDocument,
  answers: QuarantineAnswers = dialogs,
): Promise<ShowQuarantineOutcome> {
  const { items, bytes } = await quarantine.read();
  if (!items.length) {
    void vscode.window.showInformationMessage('Loop Prep has no quarantined data: everything it saved could be read.');
    return { status: 'empty' };
  }
  provider.set(`${JSON.stringify(items, null, 2)}\n`);
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(DOC), 'json');
  await vscode.window.showTextDocument(document, { preview: true });
  const count = plural(items.length, 'value');
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  if (!(await answers.offer(`Loop Prep kept ${count} (${size}) it could not read, in ${quarantine.where}. They are not used; discard them?`)))
    return { status: 'shown', items: items.length, document };
  if (
    !(await answers.confirm(
      `Discard ${count} of quarantined data?`,
      'They are deleted for good. Your progress is not affected: these values were already left out of it.',
    ))
  )
    return { status: 'shown', items: items.length, document };
  await quarantine.discard();
  provider.set('[]\n');
  log().info(`discarded ${count} of quarantined data from ${quarantine.where}`);
  void vscode.window.showInformationMessage(`Loop Prep discarded ${count} of quarantined data.`);
  return { status: 'discarded', items: items.length, document };
}

/** The read-only document's content. */
export class QuarantineDocument implements vscode.TextDocumentContentProvider {
  private text = '[]\n';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(text: string): void {
    this.text = text;
    this.changed.fire(DOC);
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the command and the document provider; returns the function the test API calls. */
export function registerShowQuarantine(
  context: vscode.ExtensionContext,
  quarantine: QuarantineFiles,
): (answers?: QuarantineAnswers) => Promise<ShowQuarantineOutcome> {
  const provider = new QuarantineDocument();
  context.subscriptions.push(provider, vscode.workspace.registerTextDocumentContentProvider(QUARANTINE_SCHEME, provider));
  registerCommand(context)(Commands.showQuarantine, 'Show Quarantined Data', () => showQuarantine(quarantine, provider));
  return (answers) => showQuarantine(quarantine, provider, answers);
}
