import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/extension/commands';
import type { StudyNode } from '../../../src/extension/studyPlan/studyPlanProvider';
import { activateExtension, builtinFileCounts, waitFor } from '../util';

const config = () => vscode.workspace.getConfiguration('loopPrep');

async function setRole(role: string | undefined): Promise<void> {
  await config().update('role', role, vscode.ConfigurationTarget.Global);
}

describe('study plan, status bar and walkthrough', () => {
  after(async () => {
    await setRole(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is empty until a role is chosen, so the welcome content shows', async () => {
    const api = await activateExtension();
    await api.content.load();
    await api.state.ready;
    await setRole(undefined);
    assert.deepStrictEqual(api.studyPlan.getChildren(), []);
  });

  it('orders topics by each role, with "skip" topics last in a collapsed group', async () => {
    const api = await activateExtension();
    for (const role of api.content.index.roles) {
      await setRole(role.id);
      const top = api.studyPlan.getChildren();
      const topicIds = top.filter((n): n is Extract<StudyNode, { kind: 'topic' }> => n.kind === 'topic').map((n) => n.summary.topic.id);
      const expected = [...role.topics.filter((t) => t.weight === 'core'), ...role.topics.filter((t) => t.weight === 'supporting')].map((t) => t.id);
      assert.deepStrictEqual(topicIds, expected, `topic order for ${role.id}`);
      const skip = top.find((n) => n.kind === 'skipGroup');
      assert.ok(skip, `${role.id} has a skip group`);
      assert.strictEqual(api.studyPlan.getTreeItem(skip).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.deepStrictEqual(
        api.studyPlan.getChildren(skip).map((n) => (n.kind === 'topic' ? n.summary.topic.id : '')),
        role.topics.filter((t) => t.weight === 'skip').map((t) => t.id),
      );
      assert.deepStrictEqual(
        top.slice(-2).map((n) => n.kind),
        ['lessonsGroup', 'casesGroup'],
      );
    }
  });

  it('falls back to all topics for an unknown role setting', async () => {
    const api = await activateExtension();
    await setRole('data-wizard');
    const topics = api.studyPlan.getChildren().filter((n) => n.kind === 'topic');
    assert.strictEqual(topics.length, api.content.index.topics.length);
  });

  it('updates the topic counts and the status bar after a review', async () => {
    const api = await activateExtension();
    await setRole('product-ai');
    const topicNode = () =>
      api.studyPlan.getChildren().find((n) => n.kind === 'topic' && n.summary.topic.id === 'evals') as Extract<StudyNode, { kind: 'topic' }>;
    const before = topicNode().summary;
    const card = api.content.index.questions.find((q) => q.topic === 'evals' && api.state.statusOf(q.id) === 'new')!;
    const dueBefore = api.state.dueCount(api.content.index);
    // Rated Again an hour ago: due again one minute later, so due now.
    await api.state
      .drillBackend(() => api.content.index)
      .record({ cardId: card.id, rating: 1, at: new Date(Date.now() - 3600_000), correct: false, durationMs: 5000, xp: 1 });
    const after = topicNode().summary;
    assert.strictEqual(after.counts.due, before.counts.due + 1);
    assert.strictEqual(after.counts.new, before.counts.new - 1);
    assert.match(
      api.studyPlan.getTreeItem(topicNode()).description as string,
      new RegExp(`^${after.counts.due} due · ${after.counts.new} new · \\d+% mastered$`),
    );
    await waitFor(() => api.statusBar.text.includes(`${dueBefore + 1} due`), 'status bar due count');
    assert.match(api.statusBar.text, /^\$\(mortar-board\) \d+ due( · \d+-day streak)?$/);
    assert.match(api.statusBar.text, /1-day streak/);
  });

  it('counts a card failed a moment ago as due at once, within the learn-ahead window, and not with the window at 0', async () => {
    const api = await activateExtension();
    await setRole('product-ai');
    const card = api.content.index.questions.find((q) => api.state.statusOf(q.id) === 'new')!;
    const dueBefore = api.state.dueCount(api.content.index);
    await api.state.drillBackend(() => api.content.index).record({ cardId: card.id, rating: 1, at: new Date(), correct: false, durationMs: 5000, xp: 1 });
    assert.strictEqual(api.state.statusOf(card.id), 'due', 'due again in a minute: due now with learn-ahead');
    await waitFor(() => api.statusBar.text.includes(`${dueBefore + 1} due`), 'status bar counts the failed card');
    try {
      await config().update('learnAheadMinutes', 0, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.state.statusOf(card.id) === 'learning', 'the card is learning, not due, without learn-ahead');
      // Earlier tests' cards in learning steps stop counting too, so the count is at most the one before.
      const dueNow = api.state.dueCount(api.content.index);
      assert.ok(dueNow <= dueBefore, `${dueNow} due without learn-ahead, ${dueBefore} with it before the failure`);
      await waitFor(() => api.statusBar.text.includes(` ${dueNow} due`), 'status bar without learn-ahead');
    } finally {
      await config().update('learnAheadMinutes', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('runs each context-menu command on tree nodes', async () => {
    const api = await activateExtension();
    await setRole('product-ai');
    const top = api.studyPlan.getChildren();
    const evals = top.find((n) => n.kind === 'topic' && n.summary.topic.id === 'evals')!;

    await vscode.commands.executeCommand(Commands.startDrill, evals);
    await waitFor(() => api.panels.drill(), 'drill panel');
    assert.match(api.panels.drill()!.session.current().type, /card|empty/);
    assert.ok(api.panels.drill()!.session.total > 0);
    assert.ok(api.content.index.questions.find((q) => q.id === api.panels.drill()!.session.currentCardId)?.topic === 'evals');

    const card = api.studyPlan.getChildren(evals)[0];
    assert.strictEqual(card.kind, 'card');
    await vscode.commands.executeCommand(Commands.openCard, card);
    assert.strictEqual(api.panels.drill()!.session.total, 1);
    assert.strictEqual(api.panels.drill()!.session.currentCardId, card.kind === 'card' ? card.question.id : '');

    const reviewed = api.content.index.questions.filter((q) => q.topic === 'evals' && api.state.statusOf(q.id) !== 'new').length;
    assert.ok(reviewed > 0);
    assert.strictEqual(await vscode.commands.executeCommand(Commands.resetTopic, evals, { confirmed: true }), true);
    assert.strictEqual(api.content.index.questions.filter((q) => q.topic === 'evals' && api.state.statusOf(q.id) !== 'new').length, 0);

    const lessons = top.find((n) => n.kind === 'lessonsGroup')!;
    const lesson = api.studyPlan.getChildren(lessons)[0];
    assert.strictEqual(lesson.kind, 'lesson');
    await vscode.commands.executeCommand(Commands.openLesson, lesson);
    await waitFor(() => api.panels.reader()?.itemId === (lesson.kind === 'lesson' ? lesson.id : ''), 'reader shows the lesson');
    await vscode.commands.executeCommand(Commands.markComplete, lesson);
    assert.strictEqual(api.studyPlan.getTreeItem(lesson).contextValue, 'lesson.complete');
    assert.strictEqual(api.studyPlan.getTreeItem(lessons).description, `1 / ${builtinFileCounts().lessons} complete`);
    await vscode.commands.executeCommand(Commands.markIncomplete, lesson);
    assert.strictEqual(api.studyPlan.getTreeItem(lesson).contextValue, 'lesson.incomplete');

    const cases = top.find((n) => n.kind === 'casesGroup')!;
    const firstCase = api.studyPlan.getChildren(cases)[0];
    await vscode.commands.executeCommand(Commands.openCase, firstCase);
    await waitFor(() => api.panels.reader()?.itemId === (firstCase.kind === 'case' ? firstCase.id : ''), 'reader shows the case');
    // Case nodes are marked complete and incomplete from their context menu, as lessons are.
    assert.strictEqual(await vscode.commands.executeCommand(Commands.markComplete, firstCase), true);
    assert.strictEqual(api.state.isRead(firstCase.kind === 'case' ? firstCase.id : ''), true);
    assert.strictEqual(api.studyPlan.getTreeItem(firstCase).contextValue, 'case.complete');
    assert.strictEqual(api.studyPlan.getTreeItem(firstCase).description, 'read');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.markIncomplete, firstCase), true);
    assert.strictEqual(api.studyPlan.getTreeItem(firstCase).contextValue, 'case.incomplete');
    assert.strictEqual(api.studyPlan.getTreeItem(firstCase).description, undefined);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.practiseCase, firstCase);
    assert.ok(editor, 'practise opened an editor');
    assert.strictEqual(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), new RegExp(`^---\\nloopPrep: design-doc\\ncase: ${firstCase.kind === 'case' ? firstCase.id : ''}\\n`));
  });

  it('registers the Getting Started walkthrough with four steps that run commands', async () => {
    const api = await activateExtension();
    const ext = vscode.extensions.getExtension('loop-prep.loop-prep')!;
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs;
    assert.strictEqual(walkthrough.id, 'loopPrep.gettingStarted');
    assert.strictEqual(walkthrough.steps.length, 4);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      const cmd = /\(command:([\w.]+)\)/.exec(step.description)?.[1];
      assert.ok(cmd && commands.has(cmd), `step ${step.id} runs a registered command (${cmd})`);
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'loop-prep.loop-prep#loopPrep.gettingStarted', false);
    assert.ok(api.activatedAt > 0);
  });

  it('hides the status bar item when loopPrep.statusBar.enabled is false', async () => {
    const api = await activateExtension();
    await config().update('statusBar.enabled', false, vscode.ConfigurationTarget.Global);
    assert.strictEqual(api.statusBar.visible, false);
    await config().update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
    assert.strictEqual(api.statusBar.visible, true);
  });
});
