import * as vscode from 'vscode';
import type { CardStatus } from '../../core/plan/studyPlan';
import { Commands, Views } from '../commands';
import type { ContentService } from '../content/contentService';
import { cardsDrillController, createDrillController, modeFromArg, pickMode } from '../drill/startDrill';
import { log } from '../log';
import { DrillPanel } from '../panels/drillPanel';
import { ReaderPanel, type ReaderDeps } from '../panels/readerPanel';
import type { StateService } from '../state/stateService';
import type { StatusBar } from '../statusBar';
import type { StudyNode, StudyPlanProvider } from '../studyPlan';
import { idFrom, pickCase, pickLesson, pickReadable, pickTopic } from './pickers';
import { chooseRole } from './roles';
import { insertTemplate } from './templates';
import { guarded } from '../guarded';

export interface CommandDeps {
  readonly content: ContentService;
  readonly state: StateService;
  readonly studyPlan: StudyPlanProvider;
  readonly tree: vscode.TreeView<StudyNode>;
  readonly readerDeps: ReaderDeps;
  readonly statusBar: StatusBar;
  /** "Practise a Case": the design-doc module's timed practice (asks for a case when given none). */
  readonly startPractice: (caseId?: string) => Promise<vscode.TextEditor | undefined>;
}


export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const { content, state, studyPlan, readerDeps } = deps;
  const ready = () => Promise.all([content.ensureLoaded(), state.ready]);
  const register = <A extends unknown[]>(id: string, name: string, body: (...args: A) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(name, body)));

  register(Commands.showLog, 'Show Log', () => log().show(true));
  register(Commands.focusStudyPlan, 'Open Study Plan', () => vscode.commands.executeCommand(`${Views.studyPlan}.focus`));
  register(Commands.chooseRole, 'Choose Role', async () => {
    await ready();
    return chooseRole(content.index);
  });

  register(Commands.startDrill, 'Start Drill', async (arg?: unknown) => {
    await ready();
    const mode = modeFromArg(arg, content.index) ?? (await pickMode(content, state));
    if (!mode) return undefined;
    return DrillPanel.show(context.extensionUri, createDrillController(content, state, mode));
  });

  register(Commands.openCard, 'Open Card', async (arg?: unknown) => {
    await ready();
    let id = idFrom(arg);
    if (!id) {
      const topicId = await pickTopic(content.index, 'Open a card from which topic?');
      if (!topicId) return undefined;
      const pick = await vscode.window.showQuickPick(
        content.index.questions.filter((q) => q.topic === topicId).map((q) => ({ label: q.promptText.slice(0, 120), description: `${q.difficulty} · ${state.statusOf(q.id)}`, id: q.id })),
        { placeHolder: 'Which card?', matchOnDescription: true },
      );
      id = pick?.id;
    }
    if (!id || !content.index.questions.some((q) => q.id === id)) {
      if (id) void vscode.window.showWarningMessage(`Loop Prep has no card "${id}" any more. Its history is kept in case its pack comes back.`);
      return undefined;
    }
    return DrillPanel.show(context.extensionUri, cardsDrillController(content, state, [id], 'One card'));
  });

  // The second argument `{ confirmed: true }` skips the dialog for scripted callers; the menu never passes it.
  register(Commands.resetTopic, 'Reset Topic Progress', async (arg?: unknown, options?: { confirmed?: boolean }) => {
    await ready();
    const topicId = idFrom(arg) ?? (await pickTopic(content.index, 'Reset the progress of which topic?'));
    const topic = content.index.topics.find((t) => t.id === topicId);
    if (!topic) return false;
    const ids = content.index.questions.filter((q) => q.topic === topic.id).map((q) => q.id);
    const answer =
      options?.confirmed === true
        ? 'Reset Topic'
        : await vscode.window.showWarningMessage(
            `Reset your progress on ${topic.title}? Its ${ids.length} cards become new again. Your review history is kept for statistics.`,
            { modal: true },
            'Reset Topic',
          );
    if (answer !== 'Reset Topic') return false;
    await state.resetCards(ids);
    return true;
  });

  const openReadable = async (arg: unknown, kind: 'lesson' | 'case') => {
    await ready();
    const id = idFrom(arg) ?? (kind === 'lesson' ? await pickLesson(content.index, (x) => state.isRead(x)) : await pickCase(content.index));
    if (!id) return undefined;
    return ReaderPanel.show(readerDeps, id);
  };
  register(Commands.openLesson, 'Open Lesson', (arg?: unknown) => openReadable(arg, 'lesson'));
  register(Commands.openCase, 'Open Case Study', (arg?: unknown) => openReadable(arg, 'case'));

  const mark = async (arg: unknown, complete: boolean) => {
    await ready();
    const id = idFrom(arg) ?? (await pickReadable(content.index, (x) => state.isRead(x), complete ? 'Mark which lesson or case complete?' : 'Mark which lesson or case incomplete?'));
    if (!id) return undefined;
    const known = content.index.lessons.some((l) => l.id === id) || content.index.cases.some((c) => c.id === id);
    if (!known) {
      void vscode.window.showWarningMessage(`Loop Prep has no lesson or case "${id}".`);
      return undefined;
    }
    await state.setRead(id, complete);
    return true;
  };
  register(Commands.markComplete, 'Mark Complete', (arg?: unknown) => mark(arg, true));
  register(Commands.markIncomplete, 'Mark Incomplete', (arg?: unknown) => mark(arg, false));

  register(Commands.practiseCase, 'Practise a Case', (arg?: unknown) => deps.startPractice(idFrom(arg)));

  register(Commands.insertTemplate, 'Insert Design-Doc Template', async (arg?: unknown) => {
    await ready();
    return insertTemplate(content.index, typeof arg === 'string' ? arg : undefined);
  });

  register(Commands.filterStudyPlan, 'Filter Study Plan', async () => {
    const difficulties = ['easy', 'medium', 'hard'] as const;
    const statuses: CardStatus[] = ['due', 'learning', 'new', 'mastered', 'suspended'];
    const current = studyPlan.filter;
    const picks = await vscode.window.showQuickPick(
      [
        { label: 'Difficulty', kind: vscode.QuickPickItemKind.Separator },
        ...difficulties.map((d) => ({ label: d, description: 'difficulty', picked: current.difficulties?.includes(d) ?? false, d })),
        { label: 'State', kind: vscode.QuickPickItemKind.Separator },
        ...statuses.map((s) => ({ label: s, description: 'state', picked: current.statuses?.includes(s) ?? false, s })),
      ] as (vscode.QuickPickItem & { d?: (typeof difficulties)[number]; s?: CardStatus })[],
      { canPickMany: true, placeHolder: 'Show only cards with these difficulties and states (none picked shows all)' },
    );
    if (!picks) return undefined;
    studyPlan.filter = { difficulties: picks.flatMap((p) => (p.d ? [p.d] : [])), statuses: picks.flatMap((p) => (p.s ? [p.s] : [])) };
    const active = (studyPlan.filter.difficulties?.length ?? 0) + (studyPlan.filter.statuses?.length ?? 0) > 0;
    deps.tree.message = active ? `Filtered: ${[...(studyPlan.filter.difficulties ?? []), ...(studyPlan.filter.statuses ?? [])].join(', ')}` : undefined;
    await vscode.commands.executeCommand('setContext', 'loopPrep.filtered', active);
    studyPlan.refreshAll();
    return studyPlan.filter;
  });
  register(Commands.clearFilter, 'Clear Filter', async () => {
    studyPlan.filter = {};
    deps.tree.message = undefined;
    await vscode.commands.executeCommand('setContext', 'loopPrep.filtered', false);
    studyPlan.refreshAll();
  });

  register(Commands.undoReview, 'Undo Last Review', async () => {
    await ready();
    const cardId = await state.undoLast();
    if (!cardId) {
      void vscode.window.showInformationMessage('Loop Prep: there is no review to undo.');
      return undefined;
    }
    void vscode.window.showInformationMessage(`Loop Prep: undid the last review (${content.index.questions.find((q) => q.id === cardId)?.promptText.slice(0, 60) ?? cardId}).`);
    return cardId;
  });

  register(Commands.suspendCard, 'Suspend Card', async (arg?: unknown) => {
    await ready();
    const id = idFrom(arg);
    if (!id) {
      void vscode.window.showInformationMessage('Loop Prep: right-click a card in the Study Plan to suspend or unsuspend it.');
      return undefined;
    }
    const suspended = state.statusOf(id) !== 'suspended';
    await state.setSuspended(id, suspended);
    return suspended;
  });

  register(Commands.buryCard, 'Bury Card', async (arg?: unknown) => {
    await ready();
    const id = idFrom(arg);
    if (!id) {
      void vscode.window.showInformationMessage('Loop Prep: right-click a card in the Study Plan to bury it until tomorrow.');
      return undefined;
    }
    const until = await state.buryUntilTomorrow(id);
    return until;
  });

  register(Commands.showProgress, 'Show Progress', () => vscode.commands.executeCommand(`${Views.progress}.focus`));
}
