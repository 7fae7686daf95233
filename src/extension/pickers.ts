import * as vscode from 'vscode';
import type { ContentIndex } from '../core/content/types';

/**
 * Quick picks that let every command work from the palette with nothing selected in the tree.
 * Each returns undefined when the user cancels.
 */
export async function pickTopic(index: ContentIndex, placeHolder = 'Which topic?'): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick(
    index.topics.map((t) => ({ label: t.title, description: t.id, detail: t.summary, id: t.id })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return pick?.id;
}

export async function pickLesson(index: ContentIndex, isRead: (id: string) => boolean, placeHolder = 'Which lesson?'): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick(
    index.lessons.map((l) => ({ label: `${isRead(l.id) ? '$(pass-filled) ' : ''}${l.title}`, description: `${l.minutes} min`, id: l.id })),
    { placeHolder },
  );
  return pick?.id;
}

export async function pickCase(index: ContentIndex, placeHolder = 'Which case study?'): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick(
    index.cases.map((c) => ({ label: c.title, description: c.id, detail: c.summary, id: c.id })),
    { placeHolder, matchOnDetail: true },
  );
  return pick?.id;
}

export async function pickReadable(index: ContentIndex, isRead: (id: string) => boolean, placeHolder: string): Promise<string | undefined> {
  const items = [
    ...index.lessons.map((l) => ({ label: `${isRead(l.id) ? '$(pass-filled) ' : '$(book) '}${l.title}`, description: 'lesson', id: l.id })),
    ...index.cases.map((c) => ({ label: `${isRead(c.id) ? '$(pass-filled) ' : '$(briefcase) '}${c.title}`, description: 'case study', id: c.id })),
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.id;
}

/** Accepts a tree node, a plain id string, or nothing: what a command receives from menus, code or the palette. */
export function idFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const a = arg as { id?: unknown; summary?: { topic?: { id?: unknown } }; question?: { id?: unknown } };
    if (typeof a.id === 'string') return a.id;
    if (typeof a.summary?.topic?.id === 'string') return a.summary.topic.id;
    if (typeof a.question?.id === 'string') return a.question.id;
  }
  return undefined;
}
