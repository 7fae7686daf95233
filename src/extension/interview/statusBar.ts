import * as vscode from 'vscode';
import { FOCUS_PROGRESS_VIEW } from '../commands';
import { daysLeftText } from '../../core/interview';
import { statusBarEnabled } from '../config';

/** "12 days to interview" in the status bar while an interview is coming; a click shows the plan. */
export class InterviewStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('loopPrep.interview', vscode.StatusBarAlignment.Left, 49);
  private shown = '';

  constructor() {
    this.item.name = 'Loop Prep: Interview';
    this.item.command = { command: FOCUS_PROGRESS_VIEW, title: 'Show the interview plan' };
  }

  /** The text shown, '' when hidden. */
  get text(): string {
    return this.shown;
  }

  update(next: { date: string; days: number; roleName: string } | undefined): void {
    if (!next || !statusBarEnabled()) {
      this.shown = '';
      this.item.hide();
      return;
    }
    const label = next.days === 0 ? 'Interview today' : next.days === 1 ? '1 day to interview' : `${next.days} days to interview`;
    this.shown = `$(calendar) ${label}`;
    this.item.text = this.shown;
    this.item.tooltip = `Loop Prep: interview for ${next.roleName} on ${next.date}, ${daysLeftText(next.days)}. Click to see the plan.`;
    this.item.accessibilityInformation = { label: `Loop Prep, ${label}`, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
