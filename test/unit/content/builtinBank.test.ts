import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compileContent, type CompileResult } from '../../../src/core/content/compile';
import { gateProblems } from '../../../src/core/content/gates';
import { checkQuality } from '../../../src/core/content/quality';
import { contentStats } from '../../../src/core/content/stats';
import type { ContentProblem } from '../../../src/core/content/types';
import { readPackFolder } from '../../../src/node/packFiles';

/** The repository's content/ folder, found from the test bundle's location. */
function contentDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'content', 'topics'))) return path.join(dir, 'content');
  }
  throw new Error(`no content/ folder above ${__dirname}`);
}

const show = (problems: readonly ContentProblem[]) => problems.map((p) => `${p.file}:${p.line} ${p.severity}: ${p.message}`).join('\n');

describe('the built-in bank', () => {
  let compiled: CompileResult;
  let readProblems: ContentProblem[];
  let fileCount: number;

  before(async () => {
    const { files, problems } = await readPackFolder(contentDir());
    readProblems = problems;
    fileCount = files.length;
    compiled = compileContent(files, 'builtin');
  });

  it('reads without problems and compiles with zero errors and zero warnings', () => {
    assert.strictEqual(show(readProblems), '');
    assert.strictEqual(show(compiled.problems), '');
  });

  it('passes every quality gate', () => {
    assert.strictEqual(show(checkQuality(compiled.index)), '');
    assert.strictEqual(show(gateProblems(compiled.index)), '');
  });

  it('holds 30 topics, at least 910 questions, 12 cases and 13 lessons', () => {
    const { index } = compiled;
    assert.strictEqual(index.topics.length, 30);
    assert.ok(index.questions.length >= 910, `only ${index.questions.length} questions`);
    assert.strictEqual(index.cases.length, 12);
    assert.strictEqual(index.lessons.length, 13);
    const items = index.roles.length + index.topics.length + index.questions.length + index.cases.length + index.lessons.length + index.templates.length;
    assert.strictEqual(items, fileCount, 'every file became an item');
  });

  it('orders every topic in every role, and every question has a known topic', () => {
    const { index } = compiled;
    const topics = new Set(index.topics.map((t) => t.id));
    for (const role of index.roles) assert.deepStrictEqual([...new Set(role.topics.map((t) => t.id))].sort(), [...topics].sort(), role.id);
    for (const q of index.questions) assert.ok(topics.has(q.topic), q.id);
    const stats = contentStats(index);
    assert.ok(stats.correctIsLongestShare <= 0.4, `longest share ${stats.correctIsLongestShare}`);
  });
});
