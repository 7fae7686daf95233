import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, builtinFileCounts, storedState, waitFor } from '../util';

function packFile(name: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  return vscode.Uri.file(path.join(root, '.loopprep', name));
}

describe('content', () => {
  it('loads the built-in bank from the compiled index', async () => {
    const api = await activateExtension();
    await api.content.load();
    const index = api.content.index;
    const files = builtinFileCounts();
    assert.ok(index.questions.length >= 800, `only ${index.questions.length} questions`);
    assert.strictEqual(index.topics.length, files.topics);
    assert.strictEqual(index.cases.length, files.cases);
    assert.strictEqual(index.lessons.length, files.lessons);
    assert.strictEqual(index.roles.length, 3);
    // Card texts come from the per-topic body files, read when a card is first shown.
    const card = index.questions.find((q) => q.source.pack === 'builtin' && q.type === 'multi')!;
    assert.match(card.promptHtml, /^<p>/);
    assert.ok(card.options!.length >= 4 && card.options!.every((o) => o.html.length > 0 && o.text.length > 0), card.id);
    assert.ok(index.templates.some((t) => t.id === 'design-doc'));
  });

  it("loads the workspace's .loopprep pack and shows its items", async () => {
    const api = await activateExtension();
    await api.content.load();
    const q = api.content.index.questions.find((x) => x.id === 'fixture-pack-question');
    assert.ok(q, 'pack question not loaded');
    assert.strictEqual(q.source.pack, path.dirname(packFile('x').fsPath));
    assert.match(q.promptText, /which eval set must a prompt change pass/);
    assert.ok(api.content.packs.some((p) => p.origin === 'workspace' && p.questions === 1));
  });

  it('puts pack errors in the Problems panel on the offending file and line', async () => {
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(packFile('broken.md'));
      return d.length ? d : undefined;
    }, 'diagnostics for broken.md');
    assert.strictEqual(diags.length, 1);
    assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(diags[0].message, /bad YAML/);
    assert.strictEqual(diags[0].source, 'Loop Prep');
    assert.ok(diags[0].range.start.line >= 3 && diags[0].range.start.line <= 5, `error on line ${diags[0].range.start.line + 1}`);
  });

  it('warns about an id that repeats a built-in one, naming both files, and keeps the built-in item', async () => {
    const api = await activateExtension();
    const [d] = vscode.languages.getDiagnostics(packFile('duplicate.md'));
    assert.ok(d, 'no diagnostic for duplicate.md');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /"evals" is already used by content\/topics\/evals\.md.*built-in item wins/);
    assert.strictEqual(api.content.index.topics.find((t) => t.id === 'evals')?.source.pack, 'builtin');
  });

  it('reloads when pack files change: a new file appears and a fixed file loses its diagnostic', async () => {
    const api = await activateExtension();
    const added = packFile('added-later.md');
    fs.writeFileSync(added.fsPath, fs.readFileSync(packFile('team-question.md').fsPath, 'utf8').replace('fixture-pack-question', 'fixture-added-later'));
    await waitFor(() => api.content.index.questions.some((q) => q.id === 'fixture-added-later'), 'the new pack file to load', 10_000);

    fs.writeFileSync(
      packFile('broken.md').fsPath,
      fs
        .readFileSync(packFile('broken.md').fsPath, 'utf8')
        .replace('[product-ai\n', '[product-ai]\n')
        .replace('difficulty: easy\n', 'difficulty: easy\ntype: flashcard\n')
        .replace('This file', 'Fixed. This file') + '\n## Answer\nYes.\n\n## Explanation\nIt parses now. Nothing else changed.\n',
    );
    await waitFor(() => vscode.languages.getDiagnostics(packFile('broken.md')).length === 0, 'the fixed file to lose its diagnostic', 10_000);
    assert.ok(api.content.index.questions.some((q) => q.id === 'fixture-broken'));
  });

  it("keeps a card's history when its id is renamed with an alias", async () => {
    const api = await activateExtension();
    await api.state.ready;
    // Easy: in review for days (Good would leave it in a 10-minute step, due now with learn-ahead).
    await api.state
      .drillBackend(() => api.content.index)
      .record({ cardId: 'fixture-pack-question', rating: 4, at: new Date(), correct: undefined, durationMs: 1000, xp: 5 });
    assert.strictEqual(api.state.statusOf('fixture-pack-question'), 'learning');
    const file = packFile('team-question.md').fsPath;
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('id: fixture-pack-question\n', 'id: fixture-pack-question-renamed\naliases: [fixture-pack-question]\n'),
    );
    await waitFor(() => api.content.index.questions.some((q) => q.id === 'fixture-pack-question-renamed'), 'the renamed card to load', 10_000);
    assert.strictEqual(api.state.statusOf('fixture-pack-question-renamed'), 'learning', 'history follows the alias');
    await api.state
      .drillBackend(() => api.content.index)
      .record({ cardId: 'fixture-pack-question-renamed', rating: 1, at: new Date(), correct: undefined, durationMs: 1000, xp: 0 });
    assert.strictEqual(storedState(api.state).reviews('fixture-pack-question').length, 2, 'new reviews continue the same history');
    assert.strictEqual(await api.state.undoLast(), 'fixture-pack-question-renamed');
  });

  it('keeps a lesson complete when its id is renamed with an alias', async () => {
    const api = await activateExtension();
    const file = packFile('team-lesson.md').fsPath;
    const lesson = (id: string, aliases = '') =>
      `---\nkind: lesson\nid: ${id}\n${aliases}title: Our eval rules\norder: 50\nminutes: 2\n---\nWhat our team checks before a prompt ships.\n`;
    fs.writeFileSync(file, lesson('fixture-team-lesson'));
    await waitFor(() => api.content.index.lessons.some((l) => l.id === 'fixture-team-lesson'), 'the pack lesson to load', 10_000);
    await api.state.setRead('fixture-team-lesson', true);
    fs.writeFileSync(file, lesson('fixture-team-lesson-v2', 'aliases: [fixture-team-lesson]\n'));
    await waitFor(() => api.content.index.lessons.some((l) => l.id === 'fixture-team-lesson-v2'), 'the renamed lesson to load', 10_000);
    await waitFor(() => api.state.isRead('fixture-team-lesson-v2'), 'the renamed lesson to stay complete');
    await api.state.setRead('fixture-team-lesson-v2', false);
    assert.strictEqual(api.state.isRead('fixture-team-lesson-v2'), false, 'marking it incomplete clears the mark stored under the alias');
    fs.rmSync(file);
  });
});
