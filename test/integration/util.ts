import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LoopPrepApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'loop-prep.loop-prep';

/** Activates Loop Prep (if needed) and returns its test API. */
export async function activateExtension(): Promise<LoopPrepApi> {
  const ext = vscode.extensions.getExtension<LoopPrepApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext.activate();
}

/** Polls until check() returns a truthy value, or fails with the message after timeoutMs. */
export async function waitFor<T>(check: () => T | Promise<T>, message: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out: ${message} (last value: ${JSON.stringify(last)})`);
}

/** How many files of each kind the repository's content/ folder holds: what the built-in bank must contain. */
export function builtinFileCounts(): { topics: number; cases: number; lessons: number; roles: number } {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const count = (kind: string) => fs.readdirSync(path.join(root, 'content', kind)).filter((f) => f.endsWith('.md')).length;
  return { topics: count('topics'), cases: count('cases'), lessons: count('lessons'), roles: count('roles') };
}

/**
 * The review state as stored, under the ids it is stored under (a renamed card's history stays under its
 * alias), read through StateService, the one door to the store. Each call reads afresh.
 */
export function storedState(state: LoopPrepApi['state']) {
  return {
    reviews: (cardId?: string) => state.stored().reviews.filter((r) => cardId === undefined || r.cardId === cardId),
    cards: () => state.stored().cards,
    card: (cardId: string) => state.stored().cards.get(cardId),
    lessons: () => state.stored().reads,
    casePractices: () => state.stored().casePractices,
  };
}
