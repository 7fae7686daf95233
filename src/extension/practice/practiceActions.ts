/** Pieces of a practice that need the editor but not the controller: its doc, and the status-bar menu. */
import * as vscode from 'vscode';
import { parseDesignDoc } from '../../core/designDoc';
import { DrillController } from '../../core/drill/controller';
import { parsePhasesSetting, type PracticePhase } from '../../core/practice/phases';
import type { TimerView } from '../../core/practice/timer';
import { Settings } from '../config';
import { isMarkdown, openDocument } from '../designDoc/documents';
import { DrillPanel } from '../drill/drillPanel';
import { log } from '../log';
import type { PracticeStatus } from './practiceStatusBar';
import type { PracticeDeps, PracticeSession } from './practiceTypes';

/** The design doc of a practice: the doc it opened, or, after a Save As, an open doc for the same case. */
export function practiceDocument(documentUri: string, caseId: string): vscode.TextDocument | undefined {
  const byUri = openDocument(documentUri);
  if (byUri && !byUri.isClosed) return byUri;
  const forCase = (d: vscode.TextDocument) => {
    if (!isMarkdown(d)) return false;
    const doc = parseDesignDoc(d.getText());
    return doc.isDesignDoc && doc.caseId === caseId;
  };
  const active = vscode.window.activeTextEditor?.document;
  if (active && forCase(active)) return active;
  return vscode.workspace.textDocuments.find(forCase);
}

export type ActionItem = vscode.QuickPickItem & { run: () => unknown };

/** What "Practice Timer Actions" offers in each status. */
export function actionItems(status: PracticeStatus, run: { finish(): unknown; stop(): unknown; pause(): unknown; resume(): unknown }): ActionItem[] {
  return status === 'review'
    ? [
        { label: '$(checklist) Open the self-review', run: () => run.finish() },
        { label: '$(trash) Discard this practice', detail: 'Nothing is recorded.', run: () => run.stop() },
      ]
    : [
        status === 'running' ? { label: '$(debug-pause) Pause', run: () => run.pause() } : { label: '$(debug-start) Resume', run: () => run.resume() },
        { label: '$(pass) Finish now', detail: 'End the countdown and review your doc against the rubric.', run: () => run.finish() },
        { label: '$(debug-stop) Stop', detail: 'End the practice without a self-review. Nothing is recorded.', run: () => run.stop() },
      ];
}

/** The phases of `loopPrep.practice.phases`; a bad setting is reported and the defaults used. */
export function phasesFromSettings(): readonly PracticePhase[] {
  const { phases, problems } = parsePhasesSetting(vscode.workspace.getConfiguration('loopPrep').get<unknown>(Settings.practicePhases));
  for (const p of problems) log().warn(p);
  if (problems.length) void vscode.window.showWarningMessage(`Loop Prep: ${problems[0]}`);
  return phases;
}

export function practiceStatus(s: PracticeSession, view: TimerView): PracticeStatus {
  if (s.review || view.status === 'finished') return 'review';
  return view.status === 'paused' ? 'paused' : 'running';
}

/** "Drill missed points" in the self-review: a drill of the rubric cards the last confirm rated Again. */
export function drillMissed(deps: PracticeDeps, cardIds: readonly string[]): void {
  const { content, state, extensionUri } = deps;
  if (!cardIds.length) {
    void vscode.window.showInformationMessage('Loop Prep: you missed no rubric points, so there is nothing to drill.');
    return;
  }
  const controller = new DrillController(
    state.drillBackend(() => content.index),
    { cardIds, modeLabel: 'Missed rubric points', now: () => new Date() },
  );
  DrillPanel.show(extensionUri, controller);
}
