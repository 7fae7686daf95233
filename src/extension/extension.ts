import * as vscode from 'vscode';
import { Commands, Views } from './commands';
import { registerCommands } from './commands/register';
import { ContentService } from './content/contentService';
import { affects, roleSetting, roleSettingChanged, Settings } from './config';
import { disposeLog, log } from './log';
import { DrillPanel } from './panels/drillPanel';
import { ReaderPanel } from './panels/readerPanel';
import { warnAboutUnknownRole } from './commands/roles';
import { StateService } from './state/stateService';
import { registerShowQuarantine, type QuarantineAnswers, type ShowQuarantineOutcome } from './state/showQuarantine';
import { StatusBar } from './statusBar';
import { StudyPlanProvider } from './studyPlan';
import { createDrillController, resumeDrillController } from './drill/startDrill';
import { DrillSessionStore } from './drill/sessionStore';
import { registerDesignDocs, type DesignDocApi } from './designDoc';
import { registerProgress, type ProgressApi } from './progress';

/** What activate() returns: a small surface that integration tests use to observe the extension. */
export interface LoopPrepApi {
  readonly activatedAt: number;
  readonly studyPlanView: vscode.TreeView<unknown>;
  readonly studyPlan: StudyPlanProvider;
  readonly content: ContentService;
  readonly state: StateService;
  readonly statusBar: StatusBar;
  /** Design-doc diagnostics, quick fixes, code lenses and timed case practice. */
  readonly designDocs: DesignDocApi;
  /** The Progress view, and export, import and reset of progress. */
  readonly progress: ProgressApi;
  /** "Show Quarantined Data" with the dialogs' answers given. */
  readonly showQuarantine: (answers?: QuarantineAnswers) => Promise<ShowQuarantineOutcome>;
  /** The open panels (the test bundle has its own copies of these classes, so it asks here). */
  readonly panels: { drill(): DrillPanel | undefined; reader(): ReaderPanel | undefined };
}

export function activate(context: vscode.ExtensionContext): LoopPrepApi {
  const started = Date.now();
  const output = log();
  context.subscriptions.push(output);

  const content = new ContentService(context.extensionPath);
  const state = new StateService(context.globalState, () => new Date(), context.globalStorageUri);
  const statusBar = new StatusBar();
  const studyPlan = new StudyPlanProvider(() => content.index, roleSetting, { statusOf: (id) => state.statusOf(id), isRead: (id) => state.isRead(id) });
  const tree = vscode.window.createTreeView(Views.studyPlan, { treeDataProvider: studyPlan, showCollapseAll: true });
  context.subscriptions.push(content, state, statusBar, tree, studyPlan);

  const refreshStatus = () => statusBar.update(state.dueCount(content.index), state.currentStreak());
  context.subscriptions.push(
    content.onDidChange(() => {
      state.setContent(content.index);
      warnAboutUnknownRole(content.index);
      studyPlan.refreshAll();
      refreshStatus();
      ReaderPanel.active?.refresh();
    }),
    state.onDidChange((e) => {
      if (e.cardIds) studyPlan.refreshCards(e.cardIds);
      else studyPlan.refreshAll();
      if (e.reads) {
        studyPlan.refreshReads();
        ReaderPanel.active?.refresh();
      }
      refreshStatus();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, Settings.role)) {
        roleSettingChanged();
        warnAboutUnknownRole(content.index);
        studyPlan.refreshAll();
      }
      if (affects(e, Settings.statusBarEnabled)) refreshStatus();
      if (affects(e, Settings.learnAheadMinutes)) {
        state.reloadLearnAhead();
        studyPlan.refreshAll();
        refreshStatus();
      }
      if (affects(e, Settings.desiredRetention)) state.reloadScheduler();
    }),
  );

  DrillPanel.sessions = new DrillSessionStore(context.workspaceState);
  const readerDeps = {
    extensionUri: context.extensionUri,
    content: () => content.index,
    isComplete: (_kind: 'lesson' | 'case', id: string) => state.isRead(id),
    setLessonComplete: (id: string, complete: boolean) => state.setRead(id, complete),
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(ReaderPanel.viewType, {
      deserializeWebviewPanel: async (panel, webviewState) => {
        await content.ensureLoaded();
        ReaderPanel.revive(panel, readerDeps, webviewState);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(DrillPanel.viewType, {
      deserializeWebviewPanel: async (panel) => {
        await Promise.all([content.ensureLoaded(), state.ready]);
        // The session the panel showed, with its cards coming back; a new "due and new" one if none can resume.
        const kept = DrillPanel.sessions?.load(new Date());
        DrillPanel.revive(panel, context.extensionUri, kept ? resumeDrillController(content, state, kept) : createDrillController(content, state, { kind: 'mixed' }));
      },
    }),
  );

  const showQuarantine = registerShowQuarantine(context, state.quarantine!);
  const designDocs = registerDesignDocs(context, { content, state });
  const progress = registerProgress(context, { content, state });
  // Cards come due and days end without any event: re-check once a minute, and repaint only on a change.
  let lastDue = -1;
  let lastStreak = -1;
  const tick = setInterval(() => {
    const due = state.dueCount(content.index);
    const streak = state.currentStreak();
    if (due !== lastDue || streak !== lastStreak) {
      if (lastDue >= 0) studyPlan.refreshAll();
      lastDue = due;
      lastStreak = streak;
      statusBar.update(due, streak);
    }
  }, 60_000);
  context.subscriptions.push({ dispose: () => clearInterval(tick) });

  registerCommands(context, { content, state, studyPlan, tree, readerDeps, statusBar, startPractice: (caseId) => designDocs.startPractice(caseId) });

  // The first load runs just after activation returns (views and commands await it anyway).
  void new Promise<void>((resolve) => setImmediate(resolve)).then(() => Promise.all([content.ensureLoaded(), state.ready])).then(() => {
    state.setContent(content.index);
    warnAboutUnknownRole(content.index);
    studyPlan.refreshAll();
    refreshStatus();
  });
  output.info(`Loop Prep ${context.extension.packageJSON.version} activated in ${Date.now() - started} ms`);
  void vscode.commands.executeCommand('setContext', 'loopPrep.filtered', false);
  return { activatedAt: Date.now(), studyPlanView: tree, studyPlan, content, state, statusBar, designDocs, progress, showQuarantine, panels: { drill: () => DrillPanel.active, reader: () => ReaderPanel.active } };
}

export function deactivate(): void {
  disposeLog();
}

export { Commands };
