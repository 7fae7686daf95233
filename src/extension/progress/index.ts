/**
 * The VS Code side of progress: the Progress webview view (streak, XP, readiness and its checklist,
 * heatmap, forecast, true retention, topic mastery) and the Export / Import / Reset Progress commands.
 * `registerProgress` is the one entry point; activate() calls it once.
 */
import * as vscode from 'vscode';
import { REVIEW_KEYS } from '../../core/review/keys';
import type { ProgressAction, ProgressView } from '../../shared/progress';
import { Commands, focusViewCommand, Views } from '../commands';
import { registerCommand } from '../registerCommand';
import { affects, desiredRetention, learnAheadMs, roleSetting, setDesiredRetention, Settings } from '../config';
import type { ContentService } from '../content/contentService';
import type { StateService } from '../state/stateService';
import { registerProgressCommands, runExport, runImport, runReset, runRestore } from './progressCommands';
import { ProgressViewProvider } from './progressView';
import type { ExportOutcome, ImportOutcome, ResetOutcome, TransferDeps } from './transfer';
import { dailySnapshot, type RestoreOutcome } from './restore';
import { buildProgressView } from '../../core/progress/viewModel';
import { orderChecklistForPlan } from '../../core/interview/checklist';
import type { InterviewPlan } from '../../core/interview/plan';
import type { InterviewView } from '../../shared/interview';
import { platform } from '../platform';

export type { ExportOutcome, ImportOutcome, ResetOutcome } from './transfer';

export interface ProgressDeps {
  readonly content: ContentService;
  readonly state: StateService;
  /** The interview plan's section and the plan that orders the checklist; none in tests that skip it. */
  readonly interview?: { view(): InterviewView; plan(): InterviewPlan | undefined };
}

/** What registerProgress returns: hooks for tests, which bypass the dialogs. */
export interface ProgressApi {
  /** 'loopPrep.progress'. */
  readonly viewId: string;
  /** The last model the Progress view was sent; undefined until it has been visible and ready. */
  lastPosted(): ProgressView | undefined;
  /** How many models the view has been sent, to wait for the next one. */
  postCount(): number;
  /** Whether the view is resolved and visible. */
  visible(): boolean;
  /** The view's webview: readiness and the messages each way; undefined until resolved. */
  probe(): ProgressViewProvider['probe'];
  /** The model as of now, computed but not sent. */
  compute(): Promise<ProgressView>;
  /** Does what a button in the view does (a checklist line, "Drill due cards", "Choose Role"…). */
  run(action: ProgressAction): Promise<unknown>;
  /** "Export Progress" to this path, without the save dialog. */
  exportTo(file: string): Promise<ExportOutcome>;
  /** "Import Progress" from this path; `answer` plays the dry-run dialog's button (default 'import'). */
  importFrom(file: string, answer?: 'import' | 'cancel'): Promise<ImportOutcome>;
  /** "Reset Progress" without the confirmation dialog. */
  reset(): Promise<ResetOutcome>;
  /** "Restore Progress from Backup" from this .state.json file, without the confirmation dialog. */
  restoreFrom(file: string): Promise<RestoreOutcome>;
  /** The folder automatic backups are written to. */
  readonly backupsFolder: string;
  /** This activation's daily backup: its file, or undefined when today already had one. */
  dailyBackup(): Promise<vscode.Uri | undefined>;
  /** JSON of every review-state key in globalState: equal before and after means nothing was written. */
  snapshot(): string;
}

async function computeView(deps: ProgressDeps): Promise<ProgressView> {
  await Promise.all([deps.content.ensureLoaded(), deps.state.ready]);
  // Under current card ids (aliases followed), as the Study Plan and the drill see them.
  const view = buildProgressView(
    {
      index: deps.content.index,
      roleId: roleSetting(),
      reviews: deps.state.reviews(),
      history: deps.state.history(),
      cards: deps.state.cards(),
      reads: deps.state.reads(),
      casePractices: deps.state.casePractices(),
      desiredRetention: desiredRetention(),
      offsetAt: (d) => -d.getTimezoneOffset(),
      learnAheadMs: learnAheadMs(),
    },
    deps.state.now(),
  );
  if (!deps.interview) return view;
  const plan = deps.interview.plan();
  const readiness = view.readiness && plan ? { ...view.readiness, checklist: orderChecklistForPlan(view.readiness.checklist, plan) } : view.readiness;
  return { ...view, readiness, interview: deps.interview.view() };
}

/** Runs what a button in the view asked for, through the same commands the palette runs. */
function runAction(action: ProgressAction): Thenable<unknown> {
  switch (action.kind) {
    case 'drillDue':
    case 'drill':
      return vscode.commands.executeCommand(Commands.startDrill, { mode: 'topic', topicId: action.topicId });
    case 'drillAllDue':
      return vscode.commands.executeCommand(Commands.startDrill, { mode: 'due' });
    case 'openLesson':
      return vscode.commands.executeCommand(Commands.openLesson, action.lessonId);
    case 'practiseCase':
      return vscode.commands.executeCommand(Commands.practiseCase, action.caseId);
    case 'chooseRole':
      return vscode.commands.executeCommand(Commands.chooseRole);
    case 'export':
      return vscode.commands.executeCommand(Commands.exportProgress);
    case 'import':
      return vscode.commands.executeCommand(Commands.importProgress);
    case 'setInterviewDate':
      return vscode.commands.executeCommand(Commands.setInterviewDate);
    case 'preInterview':
      return vscode.commands.executeCommand(Commands.preInterviewReview);
    case 'setRetention':
      return setDesiredRetention(action.value);
  }
}

const showProgress = () => vscode.commands.executeCommand(focusViewCommand(Views.progress));

/** Registers the Progress view and its commands; every disposable goes to `context.subscriptions`. */
export function registerProgress(context: vscode.ExtensionContext, deps: ProgressDeps): ProgressApi {
  const backups = vscode.Uri.joinPath(context.globalStorageUri, 'backups');
  const transfer: TransferDeps = { content: deps.content, state: deps.state, backups, memento: context.globalState, now: () => new Date() };
  const provider = new ProgressViewProvider({
    extensionUri: context.extensionUri,
    compute: () => computeView(deps),
    run: (action) => Promise.resolve(runAction(action)),
  });
  context.subscriptions.push(
    provider,
    platform().registerWebviewViewProvider(Views.progress, provider),
    deps.state.onDidChange(() => provider.refresh()),
    deps.content.onDidChange(() => provider.refresh()),
    deps.state.interviews.onDidChange(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, Settings.role) || affects(e, Settings.desiredRetention) || affects(e, Settings.learnAheadMinutes) || affects(e, Settings.newCardsPerDay))
        provider.refresh();
    }),
  );
  registerProgressCommands(context, transfer);
  registerCommand(context)(Commands.showProgress, 'Show Progress', showProgress);
  // The daily backup, once the journal has been compared, so it holds whatever the comparison restored.
  const daily = deps.state.ready.then(() => deps.state.journalChecked).then(() => dailySnapshot(backups, context.globalState, new Date()));

  return {
    viewId: Views.progress,
    lastPosted: () => provider.lastPosted,
    postCount: () => provider.postCount,
    visible: () => provider.visible,
    probe: () => provider.probe,
    compute: () => computeView(deps),
    run: (action) => Promise.resolve(runAction(action)),
    exportTo: (file) => runExport(transfer, vscode.Uri.file(file)),
    importFrom: (file, answer = 'import') => runImport(transfer, vscode.Uri.file(file), async () => answer === 'import'),
    reset: () => runReset(transfer),
    restoreFrom: (file) => runRestore(transfer, vscode.Uri.file(file)),
    backupsFolder: backups.scheme === 'file' ? backups.fsPath : backups.toString(),
    dailyBackup: () => daily,
    snapshot: () => JSON.stringify(REVIEW_KEYS.map((key) => [key, context.globalState.get<unknown>(key) ?? null])),
  };
}
