import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileContent } from '../../../src/core/content/compile';
import { splitBodies } from '../../../src/core/content/lean';
import { readBuiltinIndex, writeBuiltinIndex } from '../../../src/node/builtinIndex';
import { flashcard, NEIGHBOURS, singleQuestion, topicFile } from './helpers';

/** A small bank in two topics, written the way the build writes the built-in one. */
function writeBank(): { dir: string; index: ReturnType<typeof compileContent>['index'] } {
  const { index } = compileContent(
    [
      ...NEIGHBOURS,
      { path: 'topics/serving.md', text: topicFile('serving') },
      { path: 'questions/serving/q-flash.md', text: flashcard('q-flash', 'serving') },
      { path: 'questions/evals/constructor.md', text: singleQuestion('constructor') },
    ],
    'builtin',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-lean-'));
  writeBuiltinIndex(dir, index, splitBodies);
  return { dir, index };
}

describe('the built-in index on disk', () => {
  it('reads back every question, its body loaded on first use', () => {
    const { dir, index } = writeBank();
    try {
      const problems: string[] = [];
      const read = readBuiltinIndex(dir, (p) => problems.push(p));
      assert.deepStrictEqual(read.questions.map((q) => q.id), index.questions.map((q) => q.id));
      for (const q of index.questions) {
        const back = read.questions.find((x) => x.id === q.id)!;
        assert.strictEqual(back.promptHtml, q.promptHtml);
        assert.deepStrictEqual(back.correct, q.correct);
        assert.deepStrictEqual(back.options?.map((o) => o.html), q.options?.map((o) => o.html));
      }
      assert.deepStrictEqual(problems, []);
      // A JSON copy (what a webview message or an export would hold) carries the body too.
      const copy = JSON.parse(JSON.stringify(read.questions)) as typeof index.questions;
      assert.deepStrictEqual(copy.map((q) => [q.id, q.promptHtml, q.explanationHtml]), index.questions.map((q) => [q.id, q.promptHtml, q.explanationHtml]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the lean index free of bodies, so the Study Plan never parses them', () => {
    const { dir } = writeBank();
    try {
      const raw = fs.readFileSync(path.join(dir, 'content.json'), 'utf8');
      assert.ok(!raw.includes('promptHtml'), 'no prompt HTML in the index');
      assert.ok(!raw.includes('explanationHtml'), 'no explanations in the index');
      assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'bodies')).sort(), ['evals.json', 'serving.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing or broken topic file once, and its cards show a note while the others load', () => {
    const { dir } = writeBank();
    try {
      fs.rmSync(path.join(dir, 'bodies', 'serving.json'));
      fs.writeFileSync(path.join(dir, 'bodies', 'evals.json'), '{"q-good": {"promptHtml": 1}}');
      const problems: string[] = [];
      const read = readBuiltinIndex(dir, (p) => problems.push(p));
      const flash = read.questions.find((q) => q.id === 'q-flash')!;
      assert.match(flash.promptHtml, /could not load this card's text/);
      void flash.explanationHtml;
      assert.strictEqual(problems.filter((p) => p.includes('"serving"')).length, 1, problems.join('\n'));
      const good = read.questions.find((q) => q.id === 'q-good')!;
      assert.match(good.promptHtml, /could not load/);
      assert.ok(problems.some((p) => p.includes('no text for card "q-good"')), problems.join('\n'));
      assert.match(read.questions.find((q) => q.id === 'constructor')!.promptHtml, /could not load/, 'an id named like an Object method is not found on the prototype');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an index of another format, for the caller to report', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-lean-'));
    try {
      fs.writeFileSync(path.join(dir, 'content.json'), JSON.stringify({ formatVersion: 1, questions: [] }));
      assert.throws(() => readBuiltinIndex(dir, () => undefined), /unexpected format \(formatVersion 1\)/);
      fs.rmSync(path.join(dir, 'content.json'));
      assert.throws(() => readBuiltinIndex(dir, () => undefined), /ENOENT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
