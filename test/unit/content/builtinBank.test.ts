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

  it('holds 30 topics, at least 1,050 questions, 12 cases and 13 lessons', () => {
    const { index } = compiled;
    assert.strictEqual(index.topics.length, 30);
    assert.ok(index.questions.length >= 1050, `only ${index.questions.length} questions`);
    assert.strictEqual(index.cases.length, 12);
    assert.strictEqual(index.lessons.length, 13);
    const items = index.roles.length + index.topics.length + index.questions.length + index.cases.length + index.lessons.length + index.templates.length;
    assert.strictEqual(items, fileCount, 'every file became an item');
  });

  it('gives every topic at least 35 questions in every difficulty, and keeps the type mix', () => {
    const { index } = compiled;
    for (const topic of index.topics) {
      const qs = index.questions.filter((q) => q.topic === topic.id);
      assert.ok(qs.length >= 35, `${topic.id}: ${qs.length} questions`);
      for (const d of ['easy', 'medium', 'hard']) assert.ok(qs.some((q) => q.difficulty === d), `${topic.id} has no ${d} question`);
    }
    const share = (type: string) => index.questions.filter((q) => q.type === type).length / index.questions.length;
    assert.ok(share('numeric') >= 0.15, `numeric ${share('numeric')}`);
    assert.ok(share('multi') >= 0.2, `multi-select ${share('multi')}`);
    assert.ok(share('flashcard') <= 0.35, `flashcards ${share('flashcard')}`);
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
