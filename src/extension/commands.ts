import { DesignDocCommands } from './designDoc/commandIds';
import { ProgressCommands, ProgressViews } from './progress/commandIds';

/**
 * Every command id Loop Prep contributes, in one place. package.json's `contributes.commands` must list
 * exactly these; an integration test checks both directions.
 */
export const Commands = {
  showLog: 'loopPrep.showLog',
  focusStudyPlan: 'loopPrep.focusStudyPlan',
  chooseRole: 'loopPrep.chooseRole',
  startDrill: 'loopPrep.startDrill',
  openCard: 'loopPrep.openCard',
  resetTopic: 'loopPrep.resetTopic',
  openLesson: 'loopPrep.openLesson',
  markComplete: 'loopPrep.markComplete',
  markIncomplete: 'loopPrep.markIncomplete',
  openCase: 'loopPrep.openCase',
  practiseCase: 'loopPrep.practiseCase',
  filterStudyPlan: 'loopPrep.filterStudyPlan',
  clearFilter: 'loopPrep.clearFilter',
  insertTemplate: 'loopPrep.insertTemplate',
  undoReview: 'loopPrep.undoReview',
  suspendCard: 'loopPrep.suspendCard',
  buryCard: 'loopPrep.buryCard',
  showProgress: 'loopPrep.showProgress',
  showQuarantine: 'loopPrep.showQuarantine',
  ...DesignDocCommands,
  ...ProgressCommands,
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** View and container ids, shared by package.json, the tree provider and the tests. */
export const Views = {
  container: 'loopPrep',
  studyPlan: 'loopPrep.studyPlan',
  progress: ProgressViews.progress,
} as const;
