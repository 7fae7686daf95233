import * as vscode from 'vscode';

/**
 * Loop Prep's settings, typed. Mirrors `contributes.configuration` in package.json; read through here
 * so a bad value (a hand-edited settings.json) falls back to the default instead of breaking a feature.
 */
export const Settings = {
  section: 'loopPrep',
  contentFolders: 'contentFolders',
  role: 'role',
  newCardsPerDay: 'newCardsPerDay',
  sessionSize: 'sessionSize',
  desiredRetention: 'desiredRetention',
  statusBarEnabled: 'statusBar.enabled',
} as const;

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(Settings.section);
}

/** Folders named in `loopPrep.contentFolders`; non-strings are ignored, `~` is expanded by the caller. */
export function contentFolders(): string[] {
  const value = section().get<unknown>(Settings.contentFolders, []);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

export function affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
  return e.affectsConfiguration(`${Settings.section}.${key}`);
}
