import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseDesignDoc, type DesignSectionKey } from '../../../src/core/designDoc';
import type { DesignDocApi } from '../../../src/extension/designDoc';
import type { PracticeApi } from '../../../src/extension/practice';
import { Commands } from '../../../src/extension/commands';
import type { SectionCheck } from '../../../src/core/practice/sectionHelp';
import type { LoopPrepApi } from '../../../src/extension/extension';
import { activateExtension, storedState, waitFor } from '../util';

const CASE = 'document-qa';
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Loop Prep');
const codes = (uri: vscode.Uri) => ours(uri).map((d) => String(d.code));

/** A doc of the design-doc corpus (test/fixtures/design-docs), found from the built suite upward. */
function corpusDoc(name: string): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'test', 'fixtures', 'design-docs', `${name}.md`);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  throw new Error(`corpus doc ${name} not found`);
}

/** The extension's API, its design-doc part and its practice part (activate() returns them as `designDocs` and `practice`). */
async function apis(): Promise<{ api: LoopPrepApi; docs: DesignDocApi; practice: PracticeApi }> {
  const api = await activateExtension();
  await Promise.all([api.content.load(), api.state.ready]);
  const { designDocs: docs, practice } = api as LoopPrepApi & { readonly designDocs?: DesignDocApi; readonly practice?: PracticeApi };
  assert.ok(docs, 'activate() returns designDocs');
  assert.ok(practice, 'activate() returns practice');
  return { api, docs, practice };
}

/** Replaces the body of one section (everything under its heading) with `body`. */
async function replaceSection(editor: vscode.TextEditor, key: DesignSectionKey, body: string): Promise<void> {
  const doc = parseDesignDoc(editor.document.getText());
  const s = doc.sections.find((x) => x.key === key && !x.duplicate);
  assert.ok(s, `the doc has a ${key} section`);
  const range = new vscode.Range(s.line + 1, 0, s.endLine, doc.lines[s.endLine].length);
  assert.ok(await editor.edit((e) => e.replace(range, `\n${body}\n`)), 'edit applied');
}

/** Deletes a whole section, heading included. */
async function deleteSection(editor: vscode.TextEditor, key: DesignSectionKey): Promise<void> {
  const s = parseDesignDoc(editor.document.getText()).sections.find((x) => x.key === key)!;
  assert.ok(await editor.edit((e) => e.delete(new vscode.Range(s.line, 0, s.endLine + 1, 0))), 'delete applied');
}

describe('design docs: diagnostics, quick fixes, code lenses and practice', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    const { practice } = await apis();
    practice.stopPractice(); // another suite may have started one through "Practise a Case"
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    const { api, practice } = await apis();
    practice.stopPractice();
    await api.state.resetCards(practice.rubricCardIds(CASE));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('inserts a case template and flags every section that still holds only guiding questions', async () => {
    const { api, docs } = await apis();
    assert.strictEqual(docs.diagnosticCollectionName, 'loop-prep-design-doc');
    const inserted = await vscode.commands.executeCommand<vscode.TextEditor>('loopPrep.insertTemplate', CASE);
    assert.ok(inserted, 'insertTemplate returned an editor');
    editor = inserted;
    const title = api.content.index.cases.find((c) => c.id === CASE)!.title;
    const text = editor.document.getText();
    assert.ok(text.startsWith(`---\nloopPrep: design-doc\ncase: ${CASE}\ntemplate: design-doc\n---\n\n# Design: ${title}\n`), text.slice(0, 200));
    const template = api.content.index.templates.find((t) => t.id === 'design-doc')!;
    for (const s of template.sections) assert.ok(text.includes(`## ${s.heading}\n\n- ${s.guidingQuestions[0]}`), `has ${s.heading}`);

    const uri = editor.document.uri;
    await waitFor(() => codes(uri).filter((c) => c === 'empty-section').length === 10, 'ten empty-section diagnostics');
    for (const d of ours(uri)) {
      assert.notStrictEqual(d.severity, vscode.DiagnosticSeverity.Error, 'never an error');
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(editor.document.lineAt(d.range.start.line).text, /^## /, 'on the heading');
    }
  });

  it('names the rule a weak answer breaks', async () => {
    const uri = editor.document.uri;
    await replaceSection(editor, 'latency', 'It should feel fast for users.');
    await waitFor(() => codes(uri).includes('latency-no-number'), 'latency-no-number');
    assert.strictEqual(codes(uri).filter((c) => c === 'empty-section').length, 9);
    const d = ours(uri).find((x) => x.code === 'latency-no-number')!;
    assert.strictEqual(editor.document.lineAt(d.range.start.line).text, '## Latency');
    assert.match(d.message, /p95 under 800 ms/);

    await replaceSection(editor, 'latency', 'p95 time to first token under 2 s; we stream the answer.');
    await waitFor(() => !codes(uri).includes('latency-no-number'), 'latency fixed');
  });

  it('adds a missing section with its guiding questions through a quick fix', async () => {
    const uri = editor.document.uri;
    await deleteSection(editor, 'cost');
    assert.ok(!editor.document.getText().includes('## Cost'));
    const missing = await waitFor(() => ours(uri).find((d) => d.code === 'missing-section' && d.message.includes('"Cost"')), 'missing-section for Cost');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range);
    const fix = actions.find((a) => a.title === 'Add section: Cost');
    assert.ok(fix?.edit, `a Cost quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = editor.document.getText();
    const template = (await apis()).api.content.index.templates.find((t) => t.id === 'design-doc')!;
    const cost = template.sections.find((s) => s.heading === 'Cost')!;
    assert.ok(text.includes(`## Cost\n- ${cost.guidingQuestions[0]}`), 'the heading and its questions');
    const order = parseDesignDoc(text).sections.map((s) => s.key);
    assert.deepStrictEqual(order.slice(order.indexOf('latency'), order.indexOf('latency') + 3), ['latency', 'cost', 'safety'], 'in syllabus order');
    await waitFor(() => !ours(uri).some((d) => d.code === 'missing-section'), 'no missing section');
  });

  it('shows Hints and Self-check above each section, and runs them', async () => {
    const { api } = await apis();
    const uri = editor.document.uri;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.strictEqual(lenses.filter((l) => l.command?.title === 'Hints').length, 10);
    assert.strictEqual(lenses.filter((l) => l.command?.title === 'Self-check').length, 10);
    const latencyLine = editor.document.getText().split('\n').indexOf('## Latency');
    assert.ok(lenses.some((l) => l.range.start.line === latencyLine && l.command?.command === Commands.sectionSelfCheck));

    const good = await vscode.commands.executeCommand<SectionCheck>(Commands.sectionSelfCheck, uri, 'latency');
    assert.strictEqual(good.complete, true);
    const empty = await vscode.commands.executeCommand<SectionCheck>(Commands.sectionSelfCheck, uri, 'rollout');
    assert.deepStrictEqual([empty.complete, empty.findings.map((f) => f.code)], [false, ['empty-section']]);

    const hints = await vscode.commands.executeCommand<string[]>(Commands.sectionHints, uri, 'latency');
    assert.deepStrictEqual(
      hints,
      api.content.index.cases.find((c) => c.id === CASE)!.rubric.latency.map((p) => p.point),
    );
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('checks a doc without the marker only when asked', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\n## Latency\nIt should be fast.\n' });
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 600));
    assert.deepStrictEqual(ours(doc.uri), [], 'not checked unasked');
    const found = await vscode.commands.executeCommand<{ code: string }[]>(Commands.checkDesignDoc);
    assert.ok(found.some((d) => d.code === 'latency-no-number'));
    assert.ok(codes(doc.uri).includes('latency-no-number'));
    assert.ok(codes(doc.uri).includes('missing-section'));
  });

  it('shows no false warnings in the Problems panel for a complete doc in the common ML template', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: corpusDoc('ml-template-fraud') });
    await vscode.window.showTextDocument(doc);
    const found = await vscode.commands.executeCommand<{ code: string; severity: string }[]>(Commands.checkDesignDoc);
    assert.deepStrictEqual(
      found.filter((d) => d.severity === 'warning').map((d) => d.code),
      [],
    );
    await new Promise((r) => setTimeout(r, 600)); // the checks on open and after the debounce have run too
    assert.deepStrictEqual(
      ours(doc.uri)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Warning)
        .map((d) => `${d.code}: ${d.message}`),
      [],
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(
      lenses.some((l) => l.command?.title === 'Checked as an ML system'),
      lenses.map((l) => l.command?.title).join(', '),
    );
    const evalsLine = doc.getText().split('\n').indexOf('### Experimentation & Validation');
    assert.ok(
      lenses.some((l) => l.range.start.line === evalsLine && l.command?.title === 'Hints'),
      "hints on the template's own heading",
    );

    // A gap planted in the same template is still found, and its quick fix is offered.
    const editor = vscode.window.activeTextEditor!;
    const start = doc.getText().split('\n').indexOf('### Milestones & Timeline');
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(start, 0, doc.lineCount, 0))));
    const missing = await waitFor(() => ours(doc.uri).find((d) => d.code === 'missing-section'), 'missing-section for Rollout');
    assert.match(missing.message, /"Rollout"/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, missing.range);
    assert.deepStrictEqual(
      actions.map((a) => a.title).filter((t) => t.startsWith('Add section')),
      ['Add section: Rollout'],
      'no fix for sections the doc covers under its own names',
    );
  });

  it('reads a team config from .loopprep and shows its problems on the config file', async function () {
    this.timeout(30_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs in a workspace');
    const configUri = vscode.Uri.joinPath(folder.uri, '.loopprep', 'design-doc.yaml');
    const docUri = vscode.Uri.joinPath(folder.uri, 'config-check-design.md');
    const { docs } = await apis();
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await write(configUri, 'headings:\n  Launch plan: rollout\nrules:\n  cost: loud\n');
      await write(docUri, `${corpusDoc('loopprep-doc-qa').replace('## Rollout', '## Launch plan')}`);
      const doc = await vscode.workspace.openTextDocument(docUri);
      await vscode.window.showTextDocument(doc);
      const problem = await waitFor(() => docs.configDiagnostics.get(configUri)?.[0], 'a diagnostic on the config file', 20_000);
      assert.strictEqual(problem.range.start.line, 3);
      assert.match(problem.message, /rules\.cost must be one of off, information, warning/);
      const found = await vscode.commands.executeCommand<{ code: string }[]>(Commands.checkDesignDoc);
      assert.deepStrictEqual(
        found.map((d) => d.code),
        [],
        'the valid part of the config applies: "Launch plan" is the rollout',
      );

      await write(configUri, 'headings:\n  Launch plan: rollout\n');
      await waitFor(() => (docs.configDiagnostics.get(configUri) ?? []).length === 0, 'the fixed config has no problems', 20_000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [configUri, docUri]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('pauses, resumes and stops a practice from the commands', async () => {
    const { practice } = await apis();
    await practice.startPractice(CASE, [{ key: 'deepDive', label: 'Deep dive', seconds: 120 }]);
    assert.match(practice.practice()!.statusBarText, /^\$\(watch\) Deep dive (2:00|1:59)$/);
    await vscode.commands.executeCommand(Commands.pausePractice);
    const paused = practice.practice()!;
    assert.strictEqual(paused.status, 'paused');
    assert.match(paused.statusBarText, /^\$\(debug-pause\) Deep dive \d:\d\d \(paused\)$/);
    await new Promise((r) => setTimeout(r, 1200));
    assert.strictEqual(practice.practice()!.phaseRemainingMs, paused.phaseRemainingMs, 'no time passes while paused');
    await vscode.commands.executeCommand(Commands.resumePractice);
    assert.strictEqual(practice.practice()!.status, 'running');
    await vscode.commands.executeCommand(Commands.stopPractice);
    assert.strictEqual(practice.practice(), undefined);
  });

  it('runs a timed practice, opens the self-review, and turns unticked points into due cards', async function () {
    this.timeout(60_000);
    const { api, practice } = await apis();
    const before = storedState(api.state).casePractices().length;
    const practiceEditor = await practice.startPractice(CASE, [
      { key: 'clarify', label: 'Clarify', seconds: 1 },
      { key: 'wrapUp', label: 'Wrap-up', seconds: 1 },
    ]);
    assert.ok(practiceEditor);
    assert.match(practiceEditor.document.getText(), new RegExp(`^---\\nloopPrep: design-doc\\ncase: ${CASE}\\n`));
    assert.strictEqual(practice.practice()!.phaseLabel, 'Clarify');
    await replaceSection(practiceEditor, 'latency', 'Target p95 time to first token under 2 s, and we stream the answer.');

    await waitFor(() => practice.practice()?.status === 'review', 'time is up', 10_000);
    await waitFor(() => practice.selfReviewPanel()?.ready, 'the self-review webview is ready', 30_000);
    const review = practice.practice()!.review!;
    const caseStudy = api.content.index.cases.find((c) => c.id === CASE)!;
    assert.deepStrictEqual(
      review.sections.map((s) => s.key),
      Object.keys(caseStudy.rubric),
    );
    const points = review.sections.flatMap((s) => s.points);
    assert.ok(
      points.some((p) => p.evidenced),
      'the latency answer pre-ticks something',
    );

    const missedIds = review.sections.find((s) => s.key === 'latency')!.points.map((p) => p.id);
    const ticked = points.map((p) => p.id).filter((id) => !missedIds.includes(id));
    const outcome = await practice.finishPractice(ticked);
    assert.ok(outcome);
    assert.deepStrictEqual([outcome.score, outcome.maxScore], [points.length - missedIds.length, points.length]);
    assert.deepStrictEqual(outcome.missed, missedIds);
    assert.deepStrictEqual(
      outcome.cardIds,
      missedIds.map((_, i) => `${CASE}-rubric-latency-${i}`),
    );
    assert.strictEqual(practice.practice(), undefined, 'the practice is over');

    const practices = storedState(api.state).casePractices();
    assert.strictEqual(practices.length, before + 1);
    const recorded = practices[practices.length - 1];
    assert.deepStrictEqual([recorded.caseId, recorded.score, recorded.maxScore, [...recorded.missed]], [CASE, outcome.score, outcome.maxScore, missedIds]);

    const soon = new Date(Date.now() + 61_000);
    for (const id of outcome.cardIds) {
      const q = api.content.index.questions.find((x) => x.id === id);
      assert.ok(q, `${id} is in the content index`);
      assert.deepStrictEqual([q.type, q.caseId, q.topic], ['flashcard', CASE, caseStudy.topics[0]]);
      assert.strictEqual(api.state.statusOf(id, soon), 'due', `${id} is due after the one-minute learning step`);
    }
    assert.deepStrictEqual(
      practice.rubricCardIds(CASE).filter((id) => outcome.cardIds.includes(id)),
      outcome.cardIds,
    );
    const dueDrill = api.state.sessionCardIds(api.content.index, { kind: 'due' }, soon);
    for (const id of outcome.cardIds) assert.ok(dueDrill.includes(id), `${id} is in the due drill`);
    const caseDrill = api.state.sessionCardIds(api.content.index, { kind: 'case', cardIds: api.state.caseCardIds(api.content.index, CASE) }, soon);
    for (const id of outcome.cardIds) assert.ok(caseDrill.includes(id), `${id} is in the case drill`);
  });
});
