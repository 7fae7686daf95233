import * as vscode from 'vscode';
import { Commands } from '../commands';
import { statusBarEnabled } from '../config';
import { plural } from '../../core/text';

/** "12 due · 5-day streak" in the status bar; a click starts a drill on the due cards. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('loopPrep.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Loop Prep';
    this.item.command = { command: Commands.startDrill, title: 'Start Drill', arguments: [{ mode: 'due' }] };
  }

  get text(): string {
    return this.item.text;
  }

  get visible(): boolean {
    return statusBarEnabled();
  }

  update(due: number, streak: number): void {
    const dueText = `${due} due`;
    const streakText = streak > 0 ? ` · ${streak}-day streak` : '';
    this.item.text = `$(mortar-board) ${dueText}${streakText}`;
    this.item.tooltip = `Loop Prep: ${plural(due, 'card')} due for review${streak ? `, ${streak}-day streak` : ''}. Click to drill the due cards.`;
    this.item.accessibilityInformation = { label: `Loop Prep, ${due} due${streak ? `, ${streak}-day streak` : ''}`, role: 'button' };
    if (statusBarEnabled()) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
