import * as vscode from 'vscode';
import { learnAheadMs as toLearnAheadMs } from '../core/review/due';

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
  maintenanceRetention: 'maintenanceRetention',
  learnAheadMinutes: 'learnAheadMinutes',
  statusBarEnabled: 'statusBar.enabled',
  /** The practice phases in minutes. */
  practicePhases: 'practice.phases',
  aiEnabled: 'ai.enabled',
  aiModel: 'ai.model',
  typeAnswers: 'drill.typeAnswers',
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

export const ROLE_IDS = ['product-ai', 'applied-ml', 'ml-infra'] as const;

/**
 * A role just chosen, until the configuration reports it: in the browser workbench the written setting
 * reaches this extension host a moment later, and a drill started in that moment must use the new role.
 */
let chosenRole: string | undefined;

/** The role setting as written, which may be unknown (hand-edited settings); undefined when unset. */
export function roleSetting(): string | undefined {
  if (chosenRole !== undefined) return chosenRole;
  const value = section().get<unknown>(Settings.role);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export async function setRole(id: string): Promise<void> {
  chosenRole = id;
  await section().update(Settings.role, id, vscode.ConfigurationTarget.Global);
}

/** Called when the role setting changes: from then on the configuration is the source of truth. */
export function roleSettingChanged(): void {
  chosenRole = undefined;
}

function numberSetting(key: string, fallback: number, min: number, max: number): number {
  const v = section().get<unknown>(key);
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

export const newCardsPerDay = (): number => Math.round(numberSetting(Settings.newCardsPerDay, 15, 0, 500));
export const sessionSize = (): number => Math.round(numberSetting(Settings.sessionSize, 20, 1, 200));
export const desiredRetention = (): number => numberSetting(Settings.desiredRetention, 0.9, 0.7, 0.97);
/** `loopPrep.maintenanceRetention`: the desired retention after an interview, in maintenance mode. */
export const maintenanceRetention = (): number => numberSetting(Settings.maintenanceRetention, 0.85, 0.7, 0.97);

export async function setDesiredRetention(value: number): Promise<void> {
  await section().update(Settings.desiredRetention, value, vscode.ConfigurationTarget.Global);
}
/** `loopPrep.learnAheadMinutes` in ms (default 20 min, 0 off, at most 240 min): see core/review/due.ts. */
export const learnAheadMs = (): number => toLearnAheadMs(section().get<unknown>(Settings.learnAheadMinutes));
export const statusBarEnabled = (): boolean => section().get<unknown>(Settings.statusBarEnabled) !== false;

/** `loopPrep.ai.enabled` (default on) and `loopPrep.ai.model` (`vendor/family`; '' for the first available). */
export function aiSettings(): { enabled: boolean; model: string } {
  const model = section().get<unknown>(Settings.aiModel);
  return { enabled: section().get<unknown>(Settings.aiEnabled) !== false, model: typeof model === 'string' ? model.trim() : '' };
}

/** `loopPrep.drill.typeAnswers`: 'flashcards' (default) shows an answer box on flashcards; 'off' does not. */
export const typeAnswers = (): 'off' | 'flashcards' => (section().get<unknown>(Settings.typeAnswers) === 'off' ? 'off' : 'flashcards');
