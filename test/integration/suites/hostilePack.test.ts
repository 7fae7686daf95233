/**
 * A hostile pack in a content folder: a YAML alias bomb, ids named like Object.prototype members, a
 * tooltip image, invalid UTF-8 and a broken link target. Each bad file gets its diagnostic; the rest of
 * the pack and the whole built-in bank load, drill and rate; nothing in a tooltip can fetch anything.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DrillController } from '../../../src/core/drill/controller';
import { createDrillController } from '../../../src/extension/drill/startDrill';
import type { StudyNode } from '../../../src/extension/studyPlan/studyPlanProvider';
import { activateExtension, builtinFileCounts, storedState, waitFor } from '../util';

const config = () => vscode.workspace.getConfiguration('loopPrep');
const IMAGE = 'https://tracker.loop-prep.invalid/pixel.png';

function aliasBomb(): string {
  const names = 'abcdefghi'.split('');
  const lines = [`a: &a [${Array(9).fill('"lol"').join(',')}]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return `---\n${lines.join('\n')}\nkind: *i\n---\nBody.\n`;
}

const flashcard = (id: string, topic: string) =>
  `---\nkind: question\nid: ${id}\ntopic: ${topic}\nroles: [product-ai]\ndifficulty: easy\ntype: flashcard\n---\nWhat does the card ${id} ask?\n\n## Answer\nA model answer.\n\n## Explanation\nAn explanation long enough to teach why the answer holds, in a sentence or two.\n`;

describe('a hostile content pack', function () {
  this.timeout(60_000);
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-hostile-'));
    fs.writeFileSync(file('bomb.md'), aliasBomb());
    fs.writeFileSync(
      file('topic.md'),
      `---\nkind: topic\nid: hostile-topic\ntitle: Hostile topic\nsummary: "Look ![pixel](${IMAGE}) and [click](command:workbench.action.quit)"\nconcepts: [tooltips]\n---\nA topic whose summary tries to load an image.\n`,
    );
    fs.writeFileSync(file('constructor.md'), flashcard('constructor', 'hostile-topic'));
    fs.writeFileSync(file('proto.md'), flashcard('__proto__', 'hostile-topic'));
    const latin1 = Buffer.from(flashcard('hostile-latin1', 'hostile-topic').replace('A model answer.', 'A model answer, caf\u0000.'), 'utf8');
    fs.writeFileSync(file('latin1.md'), Buffer.from(latin1.toString('latin1').replace('\u0000', '\u00e9'), 'latin1'));
    const api = await activateExtension();
    await api.state.ready;
    await config().update('contentFolders', [dir], vscode.ConfigurationTarget.Global);
    await waitFor(() => api.content.index.questions.some((q) => q.id === 'constructor'), 'the hostile pack to load', 30_000);
  });

  after(async () => {
    await config().update('contentFolders', undefined, vscode.ConfigurationTarget.Global);
    await config().update('role', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the alias bomb on its own line and loads everything else, built-in bank included', async () => {
    const api = await activateExtension();
    const [bomb, ...more] = vscode.languages.getDiagnostics(vscode.Uri.file(file('bomb.md')));
    assert.strictEqual(more.length, 0);
    assert.strictEqual(bomb.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(bomb.range.start.line, 2, 'line 3: the first alias');
    assert.match(bomb.message, /expands to more than 20000 values through YAML aliases/);
    const index = api.content.index;
    assert.ok(index.questions.filter((q) => q.source.pack === 'builtin').length >= 320, 'the built-in bank is still there');
    assert.strictEqual(index.cases.length, builtinFileCounts().cases);
    assert.ok(index.topics.some((t) => t.id === 'hostile-topic'));
    assert.ok(
      api.content.packs.some((p) => p.folder === dir && p.questions === 2),
      JSON.stringify(api.content.packs),
    );
  });

  it('refuses the id "__proto__" at its line, and warns about invalid UTF-8 at the first bad byte', () => {
    const [proto] = vscode.languages.getDiagnostics(vscode.Uri.file(file('proto.md')));
    assert.strictEqual(proto.range.start.line, 2);
    assert.match(proto.message, /^id: ids are lowercase kebab-case/);
    const [utf8, ...rest] = vscode.languages.getDiagnostics(vscode.Uri.file(file('latin1.md')));
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(utf8.severity, vscode.DiagnosticSeverity.Warning);
    const line = flashcard('hostile-latin1', 'hostile-topic')
      .split('\n')
      .findIndex((l) => l.startsWith('A model answer'));
    assert.deepStrictEqual([utf8.range.start.line, utf8.range.start.character], [line, 'A model answer, caf'.length]);
    assert.match(utf8.message, /^invalid UTF-8 at line \d+, column 20 \(byte 0xE9\)/);
  });

  it('still drills the built-in bank, and rates the card "constructor"', async () => {
    const api = await activateExtension();
    await config().update('role', 'product-ai', vscode.ConfigurationTarget.Global);
    const builtin = createDrillController(api.content, api.state, { kind: 'new' });
    assert.ok(builtin.total > 0, 'a drill of new built-in cards');
    const first = builtin.current();
    assert.strictEqual(first.type, 'card');

    const drill = new DrillController(
      api.state.drillBackend(() => api.content.index),
      { cardIds: ['constructor'], modeLabel: 'One card', now: () => new Date() },
    );
    assert.strictEqual(drill.current().type, 'card');
    const result = drill.submit('constructor', { kind: 'reveal' });
    assert.strictEqual(result?.type, 'result');
    const next = await drill.rate('constructor', 3);
    assert.strictEqual(next?.type, 'summary');
    // Good leaves a new card in its 10-minute learning step, which the 20-minute learn-ahead window counts as due.
    assert.strictEqual(api.state.statusOf('constructor'), 'due');
    assert.strictEqual(storedState(api.state).reviews('constructor').length, 1);
  });

  it('shows pack text in the Study Plan as plain text: no Markdown, so no image or link to fetch on hover', async () => {
    const api = await activateExtension();
    await config().update('role', 'product-ai', vscode.ConfigurationTarget.Global);
    const node = await waitFor(
      () => api.studyPlan.getChildren().find((n): n is Extract<StudyNode, { kind: 'topic' }> => n.kind === 'topic' && n.summary.topic.id === 'hostile-topic'),
      'the hostile topic in the Study Plan',
    );
    const item = api.studyPlan.getTreeItem(node);
    assert.strictEqual(typeof item.tooltip, 'string', 'a plain-text tooltip, not a MarkdownString');
    assert.ok((item.tooltip as string).includes(`![pixel](${IMAGE})`), 'the summary shows literally');
    assert.strictEqual(typeof item.label, 'string');
    for (const card of api.studyPlan.getChildren(node)) {
      const tip = api.studyPlan.getTreeItem(card).tooltip;
      assert.ok(typeof tip === 'string' || tip === undefined, 'card tooltips are plain text too');
    }
  });
});
