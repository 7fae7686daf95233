/**
 * The VS Code side of design docs: diagnostics as you type, "Add section" quick fixes, "Hints" and
 * "Self-check" code lenses, and timed case practice with a self-review that feeds missed rubric points
 * into the review queue. `registerDesignDocs` is the one entry point; activate() calls it once.
 */
import * as vscode from 'vscode';
import type { Question } from '../../core/content/types';
import type { DesignDocDiagnostic } from '../../core/designDoc';
import type { ContentService } from '../content/contentService';
import type { StateService } from '../state/stateService';
import { DesignDocCodeActions } from './codeActions';
import { DesignDocCodeLenses, runSectionSelfCheck, showSectionHints } from './codeLens';
import { DESIGN_DOC_DIAGNOSTICS, DesignDocCommands } from './commandIds';
import { DesignDocDiagnostics } from './diagnostics';
import { isMarkdown, MARKDOWN, ParsedDocs } from './documents';
import { DesignDocConfigs } from './teamConfig';
import type { PracticePhase } from './phases';
import { PracticeController, type PracticeOutcome, type PracticeSnapshot } from './practice';
import { RubricCardSync } from './rubricCardSync';
import { summarizeFindings } from './sectionHelp';
import { SelfReviewPanel } from './selfReviewPanel';
import { systemClock, type Clock } from './timer';
import { guarded } from '../guarded';

export { DesignDocCommands, PRACTICE_PHASES_SETTING, PRACTICE_STATE_CONTEXT, DESIGN_DOC_DIAGNOSTICS } from './commandIds';
export type { PracticePhase } from './phases';
export type { PracticeOutcome, PracticeSnapshot } from './practice';

/** What registerDesignDocs returns: the practice entry point for "Practise a Case", and hooks for tests. */
export interface DesignDocApi {
  /** The DiagnosticCollection's name, 'loop-prep-design-doc'. */
  readonly diagnosticCollectionName: string;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Problems in `.loopprep/design-doc.*` config files, shown on those files. */
  readonly configDiagnostics: vscode.DiagnosticCollection;
  /**
   * "Practise a Case": asks for a case when none is given, opens a new design doc from its template and
   * starts the countdown. `phases` (seconds) overrides the `loopPrep.practice.phases` setting. Resolves to
   * the new doc's editor, or undefined when cancelled.
   */
  startPractice(caseId?: string, phases?: readonly PracticePhase[]): Promise<vscode.TextEditor | undefined>;
  /** The running practice (status, phase, time left, the self-review once open), or undefined. */
  practice(): PracticeSnapshot | undefined;
  /** The self-review panel, once open: whether its webview is ready. */
  selfReviewPanel(): { readonly reviewId: string; readonly ready: boolean } | undefined;
  /**
   * Finishes the practice now and confirms its self-review with these rubric point ids ticked (default:
   * the pre-ticked ones). Resolves to what was recorded, or undefined when no practice runs.
   */
  finishPractice(ticked?: readonly string[]): Promise<PracticeOutcome | undefined>;
  /** Ends the practice without a self-review; false when none runs. */
  stopPractice(): boolean;
  /** The rubric cards linked to a case, by id. */
  rubricCardIds(caseId: string): string[];
  /** Every rubric card now published to the content index. */
  rubricCards(): readonly Question[];
}

/** Test seams; activate() passes none. */
export interface DesignDocOptions {
  /** The practice countdown's time source. */
  readonly clock?: Clock;
}


/** "Loop Prep: Check Design Doc": checks the active Markdown editor, marker or not, and says what it found. */
async function checkActiveDoc(diagnostics: DesignDocDiagnostics): Promise<DesignDocDiagnostic[] | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !isMarkdown(document)) {
    void vscode.window.showInformationMessage('Loop Prep: open a Markdown design doc to check it.');
    return undefined;
  }
  const found = await diagnostics.checkNow(document);
  const summary = `Loop Prep: ${summarizeFindings(found)}.`;
  if (found.length === 0) void vscode.window.showInformationMessage(summary);
  else
    void vscode.window.showWarningMessage(summary, 'Show Problems').then((choice) => {
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  return found;
}

/** Registers every design-doc feature, pushes each disposable to the context, and returns the API. */
export function registerDesignDocs(context: vscode.ExtensionContext, deps: { content: ContentService; state: StateService }, options: DesignDocOptions = {}): DesignDocApi {
  const { content, state } = deps;
  const configs = new DesignDocConfigs();
  const parsed = new ParsedDocs(configs);
  const diagnostics = new DesignDocDiagnostics(parsed);
  context.subscriptions.push(configs, configs.onDidChange(() => diagnostics.recheckAll()));
  const cards = new RubricCardSync(content, state);
  const ready = () => Promise.all([content.ensureLoaded(), state.ready]);
  const practice = new PracticeController({ extensionUri: context.extensionUri, content, state, cards, clock: options.clock ?? systemClock, ready, memento: context.workspaceState });

  const register = <A extends unknown[]>(id: string, name: string, body: (...args: A) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(name, body)));

  context.subscriptions.push(
    parsed,
    diagnostics,
    cards,
    practice,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new DesignDocCodeActions(parsed, () => content.index), DesignDocCodeActions.metadata),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new DesignDocCodeLenses(parsed)),
    // The panel is not disposed on deactivation: a window reload keeps it, and the serializer revives it.
    vscode.window.registerWebviewPanelSerializer(SelfReviewPanel.viewType, { deserializeWebviewPanel: (panel) => practice.revivePanel(panel) }),
  );

  register(DesignDocCommands.checkDesignDoc, 'Check Design Doc', () => checkActiveDoc(diagnostics));
  register(DesignDocCommands.sectionHints, 'Section Hints', async (uri?: unknown, key?: unknown) => {
    await ready();
    return showSectionHints(parsed, content.index, uri, key);
  });
  register(DesignDocCommands.sectionSelfCheck, 'Section Self-check', async (uri?: unknown, key?: unknown) => {
    await ready();
    return runSectionSelfCheck(parsed, content.index, uri, key);
  });
  register(DesignDocCommands.pausePractice, 'Pause Practice', () => practice.pause());
  register(DesignDocCommands.resumePractice, 'Resume Practice', () => practice.resume());
  register(DesignDocCommands.stopPractice, 'Stop Practice', () => practice.stop());
  register(DesignDocCommands.finishPractice, 'Finish Practice', async () => {
    await practice.finish();
  });
  register(DesignDocCommands.practiceActions, 'Practice Timer', () => practice.showActions());

  // Rubric cards are derived from stored practices. RubricCardSync publishes them when the content loads
  // and when the store opens, whichever comes last; this covers a store that opened before registration.
  void state.ready.then(() => cards.sync());

  return {
    diagnosticCollectionName: DESIGN_DOC_DIAGNOSTICS,
    diagnostics: diagnostics.collection,
    configDiagnostics: configs.collection,
    startPractice: (caseId, phases) => practice.startPractice(caseId, phases),
    practice: () => practice.snapshot(),
    selfReviewPanel: () => {
      const panel = SelfReviewPanel.active;
      return panel ? { reviewId: panel.review.reviewId, ready: panel.isReady } : undefined;
    },
    finishPractice: (ticked) => practice.finishWith(ticked),
    stopPractice: () => (practice.snapshot() ? practice.stop() : false),
    rubricCardIds: (caseId) => cards.idsFor(caseId),
    rubricCards: () => cards.cards,
  };
}
