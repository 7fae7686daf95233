/**
 * A card renamed through `aliases` keeps its history everywhere: the Study Plan, the Progress view, a drill
 * and an export agree on it. (Progress used to read the store under stored ids and showed such a card as
 * new with 0 recall while the Study Plan showed it learning.)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportFile } from '../../../src/core/progress';
import { Commands } from '../../../src/extension/commands';
import type { LoopPrepApi } from '../../../src/extension/extension';
import type { StudyNode } from '../../../src/extension/studyPlan/studyPlanProvider';
import { activateExtension, storedState, waitFor } from '../util';

const OLD = 'fixture-alias-card';
const NEW = 'fixture-alias-card-renamed';

function card(id: string, aliases = ''): string {
  return `---\nkind: question\nid: ${id}\n${aliases}topic: evals\nroles: [product-ai]\ndifficulty: easy\ntype: flashcard\n---\nWhich set gates a prompt change before it ships?\n\n## Answer\nThe frozen regression set.\n\n## Explanation\nA fixed set lets two prompt versions be compared on the same items, so a change is judged on its own.\n`;
}

/** The renamed card's node in the Study Plan tree, under its topic. */
function planNode(api: LoopPrepApi, id: string): Extract<StudyNode, { kind: 'card' }> | undefined {
  const evals = api.studyPlan.getChildren().find((n) => n.kind === 'topic' && n.summary.topic.id === 'evals');
  const node = evals && api.studyPlan.getChildren(evals).find((n) => n.kind === 'card' && n.question.id === id);
  return node?.kind === 'card' ? node : undefined;
}

const evalsBar = async (api: LoopPrepApi) => (await api.progress.compute()).topics.find((t) => t.topicId === 'evals')!;

describe('a card renamed through aliases', () => {
  let dir: string;
  let file: string;

  before(async () => {
    await vscode.workspace.getConfiguration('loopPrep').update('role', 'product-ai', vscode.ConfigurationTarget.Global);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-aliases-'));
    file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.loopprep', 'alias-card.md');
  });

  after(async () => {
    fs.rmSync(file, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('loopPrep').update('role', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the same history in the Study Plan, Progress, a drill and an export', async () => {
    const api = await activateExtension();
    await Promise.all([api.content.ensureLoaded(), api.state.ready]);
    fs.writeFileSync(file, card(OLD));
    await waitFor(() => api.content.index.questions.some((q) => q.id === OLD), 'the pack card to load', 10_000);

    // A drill of the card, through the command and the panel's controller: Easy puts it in review for days.
    await vscode.commands.executeCommand(Commands.openCard, OLD);
    const first = await waitFor(() => (api.panels.drill()?.session.currentCardId === OLD ? api.panels.drill()!.session : undefined), 'the drill of the card');
    first.submit(OLD, { kind: 'reveal' });
    await first.rate(OLD, 4);
    await waitFor(() => api.state.statusOf(OLD) === 'learning', 'the card to be learning');
    const before = await evalsBar(api);
    const schedule = api.state.card(OLD);
    assert.ok(schedule?.card, 'the drill stored a schedule');

    fs.writeFileSync(file, card(NEW, `aliases: [${OLD}]\n`));
    await waitFor(() => api.content.index.questions.some((q) => q.id === NEW), 'the renamed card to load', 10_000);

    // Study Plan.
    assert.strictEqual(api.state.statusOf(NEW), 'learning');
    assert.strictEqual(await waitFor(() => planNode(api, NEW)?.status, 'the renamed card in the Study Plan'), 'learning');
    // Progress: the same cards seen and the same mastery as before the rename, not one card fewer at 0 recall.
    const after = await evalsBar(api);
    assert.strictEqual(after.seen, before.seen, 'Progress counts the renamed card as seen');
    assert.strictEqual(after.masteryPct, before.masteryPct, 'with the recall it had');
    assert.deepStrictEqual(api.state.cards().get(NEW), schedule);
    assert.strictEqual(api.state.cards().has(OLD), false);

    // A drill: the old id opens the renamed card, with the schedule it had, and a new rating continues that history.
    await vscode.commands.executeCommand(Commands.openCard, OLD);
    const drill = await waitFor(
      () => (api.panels.drill()?.session.currentCardId === NEW ? api.panels.drill()!.session : undefined),
      'the drill of the renamed card',
    );
    assert.deepStrictEqual(api.state.drillBackend(() => api.content.index).card(NEW), schedule.card);
    drill.submit(NEW, { kind: 'reveal' });
    await drill.rate(NEW, 1);
    await waitFor(() => api.state.reviews(NEW).length === 2, 'the second review');
    assert.strictEqual(storedState(api.state).reviews(OLD).length, 2, 'the history stays under the old id');
    assert.strictEqual(storedState(api.state).reviews(NEW).length, 0);
    assert.strictEqual((await evalsBar(api)).seen, before.seen);

    // Export: the card's two reviews and its schedule, under the id that holds them, which the content still resolves.
    const out = path.join(dir, 'export.json');
    await api.progress.exportTo(out);
    const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as ExportFile;
    assert.deepStrictEqual(
      exported.reviews.filter((r) => r.cardId === OLD).map((r) => r.id),
      api.state.reviews(NEW).map((r) => r.id),
    );
    const entry = exported.cards.find((c) => c.cardId === OLD);
    assert.ok(entry?.fsrs, "the export has the card's schedule");
    assert.strictEqual(entry.fsrs.reps, api.state.card(NEW)!.card!.reps);
    assert.strictEqual(entry.fsrs.due, api.state.card(NEW)!.card!.due.toISOString());
    assert.strictEqual((await api.progress.importFrom(out)).status, 'nothingNew', 'importing the export adds nothing');
  });
});
