import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import { roleSetting, setRole } from '../config';

/** "Loop Prep: Choose Role": a quick pick of the roles, saved to the user setting `loopPrep.role`. */
export async function chooseRole(index: ContentIndex): Promise<string | undefined> {
  const current = roleSetting();
  const pick = await vscode.window.showQuickPick(
    index.roles.map((r) => ({ label: r.name, description: r.id === current ? 'current' : undefined, detail: r.summary, id: r.id })),
    { placeHolder: 'Which role are you preparing for? It orders your study plan.', matchOnDetail: true },
  );
  if (!pick) return undefined;
  await setRole(pick.id);
  return pick.id;
}

/** The role in effect: the setting when it names a known role, otherwise undefined. */
export function effectiveRole(index: ContentIndex): string | undefined {
  const value = roleSetting();
  return value && catalogOf(index).has('role', value) ? value : undefined;
}

let warnedFor: string | undefined;

/**
 * Warns once per bad value about a role setting Loop Prep does not know, with a button to fix it. The
 * study plan then shows every topic. Returns the bad value, if any.
 */
export function warnAboutUnknownRole(index: ContentIndex): string | undefined {
  const value = roleSetting();
  if (!value || !index.roles.length || catalogOf(index).has('role', value)) return undefined;
  if (warnedFor === value) return value;
  warnedFor = value;
  void vscode.window
    .showWarningMessage(
      `Loop Prep does not know the role "${value}" in your settings (loopPrep.role). The study plan shows all topics until you choose one of: ${index.roles.map((r) => r.id).join(', ')}.`,
      'Choose Role',
    )
    .then((choice) => {
      if (choice === 'Choose Role') void vscode.commands.executeCommand('loopPrep.chooseRole');
    });
  return value;
}
