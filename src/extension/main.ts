import * as vscode from 'vscode';
import { verifyQuote } from '../core/ai/quotes';
import { registerAi } from './ai';
import type { AiService } from './ai/service';
import { registerAiReview, type AiReviewApi } from './aiReview';
import { clock } from './clock';
import { Commands } from './commands';
import { affects, roleSettingChanged, Settings } from './config';
import { ContentService } from './content/contentService';
import { registerDesignDocs, type DesignDocApi } from './designDoc';
import { registerDrill } from './drill';
import { DrillPanel } from './drill/drillPanel';
import type { FeatureDeps } from './features';
import { disposeLog, log } from './log';
import { usePlatform, type Platform } from './platform';
import { registerPractice, type PracticeApi } from './practice';
import { SelfReviewPanel } from './practice/selfReviewPanel';
import { registerProgress, type ProgressApi } from './progress';
import { StatusBar } from './progress/statusBar';
import { registerInterview, type InterviewApi } from './interview';
import { registerReader } from './reader';
import { ReaderPanel } from './reader/readerPanel';
import { registerCommand } from './registerCommand';
import { registerShowQuarantine, type QuarantineAnswers, type ShowQuarantineOutcome } from './state/showQuarantine';
import { StateService } from './state/stateService';
import { registerStudyPlan } from './studyPlan';
import { warnAboutUnknownRole } from './studyPlan/roles';
import type { ChannelProbe } from './webview/host';
import type { StudyPlanProvider } from './studyPlan/studyPlanProvider';

/** What activate() returns: a small surface that integration tests use to observe the extension. */
export interface LoopPrepApi {
  readonly activatedAt: number;
  readonly studyPlanView: vscode.TreeView<unknown>;
  readonly studyPlan: StudyPlanProvider;
  readonly content: ContentService;
  readonly state: StateService;
  /** The AI service (tests shorten its timeout and answer its consent question). */
  readonly ai: AiService;
  readonly statusBar: StatusBar;
  /** Design-doc diagnostics, quick fixes and code lenses. */
  readonly designDocs: DesignDocApi;
  /** Timed case practice, its self-review and its rubric cards. */
  readonly practice: PracticeApi;
  /** Design-doc reviews with AI, their diagnostics, and the `@loopprep` chat participant. */
  readonly aiReview: AiReviewApi;
  /** The Progress view, and export, import and reset of progress. */
  readonly progress: ProgressApi;
  /** The interview plan: dates, status bar, caps, the post-interview prompt, and the clock tests move. */
  readonly interview: InterviewApi;
  /** "Show Quarantined Data" with the dialogs' answers given. */
  readonly showQuarantine: (answers?: QuarantineAnswers) => Promise<ShowQuarantineOutcome>;
  /** The open panels (the test bundle has its own copies of these classes, so it asks here). */
  readonly panels: { drill(): DrillPanel | undefined; reader(): ReaderPanel | undefined };
  /** Any webview's readiness and the messages it took and sent: one hook for all four; undefined while closed. */
  readonly webviews: (kind: WebviewKind) => ChannelProbe<{ readonly type: string }, unknown> | undefined;
}

export type WebviewKind = 'drill' | 'reader' | 'selfReview' | 'progress';

/**
 * Everything Loop Prep does, loaded by the activation shell (extension.ts) on first use: the shell hands
 * over its stand-ins for the registrations VS Code needed during activation (`platform`).
 */
export function activateMain(context: vscode.ExtensionContext, platform?: Platform): LoopPrepApi {
  const started = Date.now();
  if (platform) usePlatform(platform);
  const output = log();
  context.subscriptions.push(output);

  const content = new ContentService(context.extensionPath);
  const state = new StateService(context.globalState, clock.now, context.globalStorageUri);
  const statusBar = new StatusBar();
  context.subscriptions.push(content, state, statusBar);
  const ai = registerAi(context);
  const deps: FeatureDeps = { content, state, ai, ready: () => Promise.all([content.ensureLoaded(), state.ready]) };

  registerCommand(context)(Commands.showLog, 'Show Log', () => log().show(true));
  const { provider: studyPlan, tree } = registerStudyPlan(context, deps);
  registerDrill(context, deps);
  registerReader(context, deps);
  const designDocs = registerDesignDocs(context, deps);
  const practice = registerPractice(context, deps);
  const interview = registerInterview(context, deps);
  const aiReview = registerAiReview(context, { content, practice, ai, verifyQuote });
  const progress = registerProgress(context, { ...deps, interview });
  const showQuarantine = registerShowQuarantine(context, state.quarantine!);

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

  // The first load runs just after activation returns (views and commands await it anyway).
  void new Promise<void>((resolve) => setImmediate(resolve)).then(deps.ready).then(() => {
    state.setContent(content.index);
    warnAboutUnknownRole(content.index);
    studyPlan.refreshAll();
    refreshStatus();
  });
  output.info(`Loop Prep ${context.extension.packageJSON.version}: features set up in ${Date.now() - started} ms`);
  return {
    activatedAt: Date.now(),
    studyPlanView: tree,
    studyPlan,
    content,
    state,
    ai,
    statusBar,
    designDocs,
    practice,
    aiReview,
    progress,
    interview,
    showQuarantine,
    panels: { drill: () => DrillPanel.active, reader: () => ReaderPanel.active },
    webviews: (kind) =>
      ({ drill: DrillPanel.active?.probe, reader: ReaderPanel.active?.probe, selfReview: SelfReviewPanel.active?.probe, progress: progress.probe() })[kind],
  };
}

export function deactivateMain(): void {
  disposeLog();
}
