/**
 * Drills: "Start Drill" (by mode), "Open Card", "Undo Last Review", and the quiz panel, which a window
 * reload restores with the session it showed. `registerDrill` is the one entry point.
 */
import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import { Commands } from '../commands';
import type { FeatureDeps } from '../features';
import { idFrom, pickTopic } from '../pickers';
import { registerCommand } from '../registerCommand';
import { registerPanelSerializer } from '../webview/host';
import { DrillPanel } from './drillPanel';
import { DrillSessionStore } from './sessionStore';
import { TypedAnswers } from './typedAnswers';
import { cardsDrillController, createDrillController, modeFromArg, pickMode, resumeDrillController } from './startDrill';

export function registerDrill(context: vscode.ExtensionContext, deps: FeatureDeps): void {
  const { content, state, ready } = deps;
  const register = registerCommand(context);
  DrillPanel.sessions = new DrillSessionStore(context.workspaceState);
  DrillPanel.typed = new TypedAnswers(deps);
  context.subscriptions.push(DrillPanel.typed);

  async function startDrill(arg?: unknown) {
    await ready();
    const mode = modeFromArg(arg, content.index) ?? (await pickMode(content, state));
    if (!mode) return undefined;
    return DrillPanel.show(context.extensionUri, createDrillController(content, state, mode));
  }

  async function openCard(arg?: unknown) {
    await ready();
    let id = idFrom(arg);
    if (!id) {
      const topicId = await pickTopic(content.index, 'Open a card from which topic?');
      if (!topicId) return undefined;
      const pick = await vscode.window.showQuickPick(
        catalogOf(content.index)
          .questionsOf(topicId)
          .map((q) => ({ label: q.promptText.slice(0, 120), description: `${q.difficulty} · ${state.statusOf(q.id)}`, id: q.id })),
        { placeHolder: 'Which card?', matchOnDescription: true },
      );
      id = pick?.id;
    }
    // An old id (a renamed card's alias) opens the card it now names.
    const card = catalogOf(content.index).resolve('question', id);
    if (!card) {
      if (id) void vscode.window.showWarningMessage(`Loop Prep has no card "${id}" any more. Its history is kept in case its pack comes back.`);
      return undefined;
    }
    return DrillPanel.show(context.extensionUri, cardsDrillController(content, state, [card.id], 'One card'));
  }

  async function undoReview() {
    await ready();
    const cardId = await state.undoLast();
    if (!cardId) {
      void vscode.window.showInformationMessage('Loop Prep: there is no review to undo.');
      return undefined;
    }
    void vscode.window.showInformationMessage(
      `Loop Prep: undid the last review (${catalogOf(content.index).get('question', cardId)?.promptText.slice(0, 60) ?? cardId}).`,
    );
    return cardId;
  }

  register(Commands.startDrill, 'Start Drill', startDrill);
  register(Commands.openCard, 'Open Card', openCard);
  register(Commands.undoReview, 'Undo Last Review', undoReview);

  context.subscriptions.push(
    registerPanelSerializer(DrillPanel.viewType, 'drill', async (panel) => {
      await ready();
      // The session the panel showed, with its cards coming back; a new "due and new" one if none can resume.
      const kept = DrillPanel.sessions?.load(new Date());
      DrillPanel.revive(
        panel,
        context.extensionUri,
        kept ? resumeDrillController(content, state, kept) : createDrillController(content, state, { kind: 'mixed' }),
      );
    }),
  );
}
