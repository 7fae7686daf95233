/**
 * The reader for lessons and case studies: "Open Lesson", "Open Case Study", "Mark Complete" and
 * "Mark Incomplete", and the reader panel, which a window reload restores. `registerReader` is the one
 * entry point.
 */
import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import { Commands } from '../commands';
import type { FeatureDeps } from '../features';
import { idFrom, pickCase, pickLesson, pickReadable } from '../pickers';
import { registerCommand } from '../registerCommand';
import { registerPanelSerializer } from '../webview/host';
import { ReaderPanel, type ReaderDeps } from './readerPanel';

export function registerReader(context: vscode.ExtensionContext, deps: FeatureDeps): void {
  const { content, state, ready } = deps;
  const register = registerCommand(context);
  const readerDeps: ReaderDeps = {
    extensionUri: context.extensionUri,
    content: () => content.index,
    isComplete: (_kind, id) => state.isRead(id),
    setLessonComplete: (id, complete) => state.setRead(id, complete),
  };

  const openReadable = async (arg: unknown, kind: 'lesson' | 'case') => {
    await ready();
    const id = idFrom(arg) ?? (kind === 'lesson' ? await pickLesson(content.index, (x) => state.isRead(x)) : await pickCase(content.index));
    if (!id) return undefined;
    return ReaderPanel.show(readerDeps, id);
  };
  const openLesson = (arg?: unknown) => openReadable(arg, 'lesson');
  const openCase = (arg?: unknown) => openReadable(arg, 'case');

  const mark = async (arg: unknown, complete: boolean) => {
    await ready();
    const id =
      idFrom(arg) ??
      (await pickReadable(content.index, (x) => state.isRead(x), complete ? 'Mark which lesson or case complete?' : 'Mark which lesson or case incomplete?'));
    if (!id) return undefined;
    const catalog = catalogOf(content.index);
    const item = catalog.resolve('lesson', id) ?? catalog.resolve('case', id);
    if (!item) {
      void vscode.window.showWarningMessage(`Loop Prep has no lesson or case "${id}".`);
      return undefined;
    }
    await state.setRead(item.id, complete);
    return true;
  };
  const markComplete = (arg?: unknown) => mark(arg, true);
  const markIncomplete = (arg?: unknown) => mark(arg, false);

  register(Commands.openLesson, 'Open Lesson', openLesson);
  register(Commands.openCase, 'Open Case Study', openCase);
  register(Commands.markComplete, 'Mark Complete', markComplete);
  register(Commands.markIncomplete, 'Mark Incomplete', markIncomplete);

  context.subscriptions.push(
    registerPanelSerializer(ReaderPanel.viewType, 'reader', async (panel, webviewState) => {
      await content.ensureLoaded();
      ReaderPanel.revive(panel, readerDeps, webviewState);
    }),
  );
}
