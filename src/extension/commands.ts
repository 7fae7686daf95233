/**
 * Every command id Loop Prep contributes, in one place. package.json's `contributes.commands` must list
 * exactly these; an integration test checks both directions.
 */
export const Commands = {
  showLog: 'loopPrep.showLog',
  focusStudyPlan: 'loopPrep.focusStudyPlan',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** View and container ids, shared by package.json, the tree provider and the tests. */
export const Views = {
  container: 'loopPrep',
  studyPlan: 'loopPrep.studyPlan',
} as const;
