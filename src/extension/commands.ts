/**
 * Every command id Loop Prep contributes, in one place, with the view ids and the context keys that
 * package.json's `when` clauses read. `contributes.commands` must list exactly these ids: a unit test
 * (test/unit/packageJson.test.ts) checks package.json against this file, and an integration test checks
 * that each one is registered at runtime. No `vscode` import: the unit test loads this file in Node.
 */
export const Commands = {
  showLog: 'loopPrep.showLog',
  // Study Plan
  focusStudyPlan: 'loopPrep.focusStudyPlan',
  chooseRole: 'loopPrep.chooseRole',
  filterStudyPlan: 'loopPrep.filterStudyPlan',
  clearFilter: 'loopPrep.clearFilter',
  resetTopic: 'loopPrep.resetTopic',
  suspendCard: 'loopPrep.suspendCard',
  buryCard: 'loopPrep.buryCard',
  // Drill
  startDrill: 'loopPrep.startDrill',
  openCard: 'loopPrep.openCard',
  undoReview: 'loopPrep.undoReview',
  // Reader
  openLesson: 'loopPrep.openLesson',
  openCase: 'loopPrep.openCase',
  markComplete: 'loopPrep.markComplete',
  markIncomplete: 'loopPrep.markIncomplete',
  // Timed case practice
  practiseCase: 'loopPrep.practiseCase',
  pausePractice: 'loopPrep.pausePractice',
  resumePractice: 'loopPrep.resumePractice',
  stopPractice: 'loopPrep.stopPractice',
  finishPractice: 'loopPrep.finishPractice',
  practiceActions: 'loopPrep.practiceActions',
  // Design-doc checker
  checkDesignDoc: 'loopPrep.checkDesignDoc',
  sectionHints: 'loopPrep.sectionHints',
  sectionSelfCheck: 'loopPrep.sectionSelfCheck',
  insertTemplate: 'loopPrep.insertTemplate',
  // AI feedback on design docs, and the mock interviewer in Chat
  reviewDesignDocWithAi: 'loopPrep.reviewDesignDocWithAi',
  mockInterview: 'loopPrep.mockInterview',
  mockMissesToCards: 'loopPrep.mockMissesToCards',
  // Progress
  showProgress: 'loopPrep.showProgress',
  exportProgress: 'loopPrep.exportProgress',
  importProgress: 'loopPrep.importProgress',
  resetProgress: 'loopPrep.resetProgress',
  restoreProgress: 'loopPrep.restoreProgress',
  // Review state
  showQuarantine: 'loopPrep.showQuarantine',
  // Interview plan
  setInterviewDate: 'loopPrep.setInterviewDate',
  scheduleBreak: 'loopPrep.scheduleBreak',
  preInterviewReview: 'loopPrep.preInterviewReview',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/**
 * Commands that act on a Study Plan node and have no picker to fall back on. package.json hides them
 * from the Command Palette (`when: false`) and offers them on the tree item's context menu; run without
 * a node (a keybinding, a script), they say how to use them instead.
 */
export const TREE_ITEM_COMMANDS: readonly CommandId[] = [Commands.suspendCard, Commands.buryCard];

/** View and container ids, shared by package.json, the view providers and the tests. */
export const Views = {
  container: 'loopPrep',
  studyPlan: 'loopPrep.studyPlan',
  /** The Progress webview view, in the Loop Prep container under the Study Plan. */
  progress: 'loopPrep.progress',
} as const;

/** The webview panel types, which VS Code restores after a reload through their serializers (`onWebviewPanel:` activation events). */
export const Panels = {
  drill: 'loopPrep.drill',
  reader: 'loopPrep.reader',
  selfReview: 'loopPrep.selfReview',
} as const;

/** The `@loopprep` chat participant's id (package.json `chatParticipants`). */
export const CHAT_PARTICIPANT = 'loop-prep.loopprep';

/** VS Code's built-in command that reveals and focuses a contributed view. */
export function focusViewCommand(view: (typeof Views)[keyof typeof Views]): string {
  return `${view}.focus`;
}

/** `loopPrep.progress.focus`, which the tests run to reveal the Progress view. */
export const FOCUS_PROGRESS_VIEW = focusViewCommand(Views.progress);

/** The context keys Loop Prep sets with `setContext`, which menus and palette `when` clauses read. */
export const ContextKeys = {
  /** True while the Study Plan shows only some difficulties or states. */
  filtered: 'loopPrep.filtered',
  /** 'running', 'paused' or 'review' (time is up, the self-review waits), and undefined with no practice. */
  practiceState: 'loopPrep.practiceState',
} as const;
