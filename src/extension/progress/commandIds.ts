/**
 * Command and view ids of the Progress view and of export, import and reset. `Commands` in ../commands.ts
 * spreads these in, so the one list package.json is checked against still holds every id.
 */
export const ProgressCommands = {
  exportProgress: 'loopPrep.exportProgress',
  importProgress: 'loopPrep.importProgress',
  resetProgress: 'loopPrep.resetProgress',
  restoreProgress: 'loopPrep.restoreProgress',
} as const;

export const ProgressViews = {
  /** The Progress webview view, in the Loop Prep container under the Study Plan. */
  progress: 'loopPrep.progress',
} as const;

/** VS Code's built-in command that reveals and focuses a contributed view. */
export const FOCUS_PROGRESS_VIEW = `${ProgressViews.progress}.focus`;
