/**
 * Command ids and context keys of the design-doc features. `Commands` in ../commands.ts spreads these in,
 * so the one list package.json is checked against still holds every id.
 */
export const DesignDocCommands = {
  checkDesignDoc: 'loopPrep.checkDesignDoc',
  sectionHints: 'loopPrep.sectionHints',
  sectionSelfCheck: 'loopPrep.sectionSelfCheck',
  pausePractice: 'loopPrep.pausePractice',
  resumePractice: 'loopPrep.resumePractice',
  stopPractice: 'loopPrep.stopPractice',
  finishPractice: 'loopPrep.finishPractice',
  practiceActions: 'loopPrep.practiceActions',
} as const;

/**
 * `loopPrep.practiceState`: 'running', 'paused' or 'review' (time is up, the self-review waits), and
 * undefined with no practice. Menus and palette `when` clauses read it.
 */
export const PRACTICE_STATE_CONTEXT = 'loopPrep.practiceState';

/** The setting with the practice phases in minutes, under the `loopPrep` section. */
export const PRACTICE_PHASES_SETTING = 'practice.phases';

/** The name of the design-doc DiagnosticCollection (and of the diagnostics' owner in the Problems panel). */
export const DESIGN_DOC_DIAGNOSTICS = 'loop-prep-design-doc';
