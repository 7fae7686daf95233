import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../commands';
import { formatClock, spokenDuration, type TimerView } from '../../core/practice/timer';

export type PracticeStatus = 'running' | 'paused' | 'review';

/** What the status bar shows of the practice under way. */
export interface PracticeBarState {
  readonly title: string;
  readonly status: PracticeStatus;
  readonly view: TimerView;
  readonly phases: number;
}

/** The practice's status-bar countdown, and the context key that enables the practice commands. */
export class PracticeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('loopPrep.practice', vscode.StatusBarAlignment.Left, 49);
  private shownContext: PracticeStatus | undefined;

  constructor() {
    this.item.name = 'Loop Prep Practice';
    this.item.command = Commands.practiceActions;
  }

  get text(): string {
    return this.item.text;
  }

  /** Shows the practice, or hides the item when there is none. */
  show(state: PracticeBarState | undefined): void {
    if (state?.status !== this.shownContext) {
      this.shownContext = state?.status;
      void vscode.commands.executeCommand('setContext', ContextKeys.practiceState, state?.status);
    }
    if (!state) {
      this.item.hide();
      return;
    }
    const { title, status, view } = state;
    const left = formatClock(view.phaseRemainingMs);
    const phaseOf = `phase ${view.phaseIndex + 1} of ${state.phases}`;
    if (status === 'review') {
      this.item.text = `$(checklist) Self-review: ${title}`;
      this.item.tooltip = `Loop Prep: the practice of ${title} has ended. Click to open the self-review or discard the practice.`;
      this.item.accessibilityInformation = { label: `Loop Prep practice of ${title} ended, self-review waiting`, role: 'button' };
      this.item.backgroundColor = undefined;
    } else {
      const paused = status === 'paused';
      this.item.text = `${paused ? '$(debug-pause)' : '$(watch)'} ${view.phase.label} ${left}${paused ? ' (paused)' : ''}`;
      this.item.tooltip = `Loop Prep practice: ${title}\n${view.phase.label} (${phaseOf}): ${left} left, ${formatClock(view.totalRemainingMs)} in all${paused ? ', paused' : ''}.\nClick to pause, resume, finish or stop.`;
      this.item.accessibilityInformation = {
        label: `Loop Prep practice, ${view.phase.label}, ${spokenDuration(view.phaseRemainingMs)} left${paused ? ', paused' : ''}`,
        role: 'button',
      };
      this.item.backgroundColor = !paused && view.totalRemainingMs <= 60_000 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
