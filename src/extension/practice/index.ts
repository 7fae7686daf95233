/**
 * The VS Code side of timed case practice: "Practise a Case" opens a design doc from the case's template
 * and runs the countdown; when time is up the self-review panel scores the doc against the case's rubric,
 * and missed rubric points become review cards. `registerPractice` is the one entry point.
 */
import * as vscode from 'vscode';
import type { Question } from '../../core/content/types';
import type { PracticePhase } from '../../core/practice/phases';
import type { Clock } from '../../core/practice/timer';
import { Commands } from '../commands';
import type { ContentService } from '../content/contentService';
import { idFrom } from '../pickers';
import { registerCommand } from '../registerCommand';
import type { StateService } from '../state/stateService';
import { registerPanelSerializer } from '../webview/host';
import type { SelfReview } from '../../shared/selfReview';
import { PracticeController, type PracticeOutcome, type PracticeSnapshot } from './practice';
import { drillMissed } from './practiceActions';
import { recordRubricReview, type RecordedReview } from './recordReview';
import { RubricCardSync } from './rubricCardSync';
import { SelfReviewPanel } from './selfReviewPanel';

export type { PracticePhase } from '../../core/practice/phases';
export type { PracticeOutcome, PracticeSnapshot } from './practice';
export type { RecordedReview } from './recordReview';

/** What registerPractice returns: the practice entry point, and hooks for tests. */
export interface PracticeApi {
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
  /**
   * Records a self-review that no timed practice opened (an AI design-doc review, a mock interview) for
   * the case it names, and rates the missed points' cards Again.
   */
  recordReview(review: SelfReview, ticked: readonly string[]): Promise<RecordedReview>;
  /** Opens a drill of these rubric cards ("Drill missed points"). */
  drillCards(cardIds: readonly string[]): void;
}

/** The real time source; tests pass a fake. */
const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Registers timed practice, its commands and the self-review serializer, and returns the API. */
export function registerPractice(
  context: vscode.ExtensionContext,
  deps: { content: ContentService; state: StateService },
  options: { readonly clock?: Clock } = {},
): PracticeApi {
  const { content, state } = deps;
  const cards = new RubricCardSync(content, state);
  const ready = () => Promise.all([content.ensureLoaded(), state.ready]);
  const practiceDeps = {
    extensionUri: context.extensionUri,
    content,
    state,
    cards,
    clock: options.clock ?? systemClock,
    ready,
    memento: context.workspaceState,
  };
  const practice = new PracticeController(practiceDeps);
  const register = registerCommand(context);
  context.subscriptions.push(
    cards,
    practice,
    // The panel is not disposed on deactivation: a window reload keeps it, and the serializer revives it.
    registerPanelSerializer(SelfReviewPanel.viewType, 'self-review', (panel) => practice.revivePanel(panel)),
  );

  register(Commands.practiseCase, 'Practise a Case', (arg?: unknown) => practice.startPractice(idFrom(arg)));
  register(Commands.pausePractice, 'Pause Practice', () => practice.pause());
  register(Commands.resumePractice, 'Resume Practice', () => practice.resume());
  register(Commands.stopPractice, 'Stop Practice', () => practice.stop());
  register(Commands.finishPractice, 'Finish Practice', async () => {
    await practice.finish();
  });
  register(Commands.practiceActions, 'Practice Timer', () => practice.showActions());

  // Rubric cards are derived from stored practices. RubricCardSync publishes them when the content loads
  // and when the store opens, whichever comes last; this covers a store that opened before registration.
  void state.ready.then(() => cards.sync());

  return {
    startPractice: (caseId, phases) => practice.startPractice(caseId, phases),
    practice: () => practice.snapshot(),
    selfReviewPanel: () => {
      const panel = SelfReviewPanel.active;
      return panel ? { reviewId: panel.review.reviewId, ready: panel.probe.ready } : undefined;
    },
    finishPractice: (ticked) => practice.finishWith(ticked),
    stopPractice: () => (practice.snapshot() ? practice.stop() : false),
    rubricCardIds: (caseId) => cards.idsFor(caseId),
    rubricCards: () => cards.cards,
    recordReview: async (review, ticked) => {
      await ready();
      return recordRubricReview(practiceDeps, review, ticked, new Date(practiceDeps.clock.now()));
    },
    drillCards: (cardIds) => drillMissed(practiceDeps, cardIds),
  };
}
