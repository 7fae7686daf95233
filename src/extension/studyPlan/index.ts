/**
 * The Study Plan tree and the commands that act on it: choose a role, filter, reset a topic, suspend or
 * bury a card. `registerStudyPlan` is the one entry point; it returns the provider and its tree view.
 */
import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { CardStatus } from '../../core/studyPlan/studyPlan';
import { Commands, ContextKeys, focusViewCommand, Views } from '../commands';
import { roleSetting } from '../config';
import type { FeatureDeps } from '../features';
import { idFrom, pickTopic } from '../pickers';
import { platform } from '../platform';
import { registerCommand } from '../registerCommand';
import { chooseRole } from './roles';
import { StudyPlanProvider, type StudyNode } from './studyPlanProvider';

export interface StudyPlanApi {
  readonly provider: StudyPlanProvider;
  readonly tree: vscode.TreeView<StudyNode>;
}

const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
const STATUSES: CardStatus[] = ['due', 'learning', 'new', 'mastered', 'suspended'];

export function registerStudyPlan(context: vscode.ExtensionContext, deps: FeatureDeps): StudyPlanApi {
  const { content, state, ready } = deps;
  const studyPlan = new StudyPlanProvider(() => content.index, roleSetting, { statusOf: (id) => state.statusOf(id), isRead: (id) => state.isRead(id) });
  const tree = platform().createTreeView(Views.studyPlan, { treeDataProvider: studyPlan, showCollapseAll: true });
  context.subscriptions.push(tree, studyPlan);
  const register = registerCommand(context);

  const focusStudyPlan = () => vscode.commands.executeCommand(focusViewCommand(Views.studyPlan));

  async function chooseRoleCommand() {
    await ready();
    return chooseRole(content.index);
  }

  const applyFilter = async () => {
    const active = (studyPlan.filter.difficulties?.length ?? 0) + (studyPlan.filter.statuses?.length ?? 0) > 0;
    tree.message = active ? `Filtered: ${[...(studyPlan.filter.difficulties ?? []), ...(studyPlan.filter.statuses ?? [])].join(', ')}` : undefined;
    await vscode.commands.executeCommand('setContext', ContextKeys.filtered, active);
    studyPlan.refreshAll();
  };

  async function filterStudyPlan() {
    const current = studyPlan.filter;
    const picks = await vscode.window.showQuickPick(
      [
        { label: 'Difficulty', kind: vscode.QuickPickItemKind.Separator },
        ...DIFFICULTIES.map((d) => ({ label: d, description: 'difficulty', picked: current.difficulties?.includes(d) ?? false, d })),
        { label: 'State', kind: vscode.QuickPickItemKind.Separator },
        ...STATUSES.map((s) => ({ label: s, description: 'state', picked: current.statuses?.includes(s) ?? false, s })),
      ] as (vscode.QuickPickItem & { d?: (typeof DIFFICULTIES)[number]; s?: CardStatus })[],
      { canPickMany: true, placeHolder: 'Show only cards with these difficulties and states (none picked shows all)' },
    );
    if (!picks) return undefined;
    studyPlan.filter = { difficulties: picks.flatMap((p) => (p.d ? [p.d] : [])), statuses: picks.flatMap((p) => (p.s ? [p.s] : [])) };
    await applyFilter();
    return studyPlan.filter;
  }

  async function clearFilter() {
    studyPlan.filter = {};
    await applyFilter();
  }

  // The second argument `{ confirmed: true }` skips the dialog for scripted callers; the menu never passes it.
  async function resetTopic(arg?: unknown, options?: { confirmed?: boolean }) {
    await ready();
    const topicId = idFrom(arg) ?? (await pickTopic(content.index, 'Reset the progress of which topic?'));
    const catalog = catalogOf(content.index);
    const topic = catalog.resolve('topic', topicId);
    if (!topic) return false;
    const ids = catalog.questionsOf(topic.id).map((q) => q.id);
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
  }

  /**
   * The card a tree-item command acts on. The palette hides these commands (package.json), but a
   * keybinding or script can still run them without a card: then say how to use them.
   */
  async function cardArg(arg: unknown, what: string): Promise<string | undefined> {
    await ready();
    const id = idFrom(arg);
    if (!id) void vscode.window.showInformationMessage(`Loop Prep: right-click a card in the Study Plan to ${what}.`);
    return id;
  }

  async function suspendCard(arg?: unknown) {
    const id = await cardArg(arg, 'suspend or unsuspend it');
    if (!id) return undefined;
    const suspended = state.statusOf(id) !== 'suspended';
    await state.setSuspended(id, suspended);
    return suspended;
  }

  async function buryCard(arg?: unknown) {
    const id = await cardArg(arg, 'bury it until tomorrow');
    return id ? state.buryUntilTomorrow(id) : undefined;
  }

  register(Commands.focusStudyPlan, 'Open Study Plan', focusStudyPlan);
  register(Commands.chooseRole, 'Choose Role', chooseRoleCommand);
  register(Commands.filterStudyPlan, 'Filter Study Plan', filterStudyPlan);
  register(Commands.clearFilter, 'Clear Filter', clearFilter);
  register(Commands.resetTopic, 'Reset Topic Progress', resetTopic);
  register(Commands.suspendCard, 'Suspend Card', suspendCard);
  register(Commands.buryCard, 'Bury Card', buryCard);
  void vscode.commands.executeCommand('setContext', ContextKeys.filtered, false);
  return { provider: studyPlan, tree };
}
