/**
 * Ids that are names on Object.prototype: `constructor` is a valid content id and must work as a card,
 * topic, lesson and case id in the compiled catalog, the study plan, progress and stats. The camelCase
 * and underscore names are not valid ids and are refused at their line.
 */
import * as assert from 'assert';
import { compileContent } from '../../../src/core/content/compile';
import type { ContentFile } from '../../../src/core/content/parse';
import { contentStats } from '../../../src/core/content/stats';
import { buildStudyPlan, questionsByTopic } from '../../../src/core/studyPlan/studyPlan';
import { computeProgress } from '../../../src/core/progress';
import { caseFile, flashcard, lessonFile, lineOf, NEIGHBOURS, roleFile, topicFile } from './helpers';

const NOW = new Date('2026-03-10T12:00:00Z');

function compile(files: ContentFile[]) {
  const result = compileContent(files, 'user');
  assert.deepStrictEqual(result.problems, []);
  return result.index;
}

describe('ids named like Object.prototype members in the catalog', () => {
  it('a topic "constructor" holds its cards in the study plan, stats and progress', () => {
    const index = compile([
      { path: 't.md', text: topicFile('constructor') },
      { path: 'r.md', text: roleFile('product-ai', ['constructor']) },
      { path: 'q1.md', text: flashcard('q-one', 'constructor') },
      { path: 'q2.md', text: flashcard('q-two', 'constructor') },
    ]);
    assert.deepStrictEqual(questionsByTopic(index).get('constructor')?.map((q) => q.id), ['q-one', 'q-two']);
    const plan = buildStudyPlan(index, 'product-ai', () => 'new');
    assert.deepStrictEqual(plan.topics.map((t) => [t.topic.id, t.total, t.counts.new]), [['constructor', 2, 2]]);
    const stats = contentStats(index);
    assert.deepStrictEqual(Object.entries(stats.byTopic), [['constructor', 2]]);
    const model = computeProgress({ index, roleId: 'product-ai', reviews: [], cards: new Map(), reads: new Map(), casePractices: [], desiredRetention: 0.9, offsetAt: () => 0 }, NOW);
    assert.deepStrictEqual(model.topics.map((m) => [m.topicId, m.cards]), [['constructor', 2]]);
    assert.strictEqual(model.readiness?.roleId, 'product-ai');
  });

  it('a card, a lesson and a case named "constructor" load, each in its own pack', () => {
    const card = compile([...NEIGHBOURS, { path: 'q.md', text: flashcard('constructor') }]);
    assert.ok(card.questions.some((q) => q.id === 'constructor'));
    assert.strictEqual(buildStudyPlan(card, 'product-ai', () => 'new').topics[0].total, 2);
    const lesson = compile([...NEIGHBOURS, { path: 'l.md', text: lessonFile('constructor', 1) }]);
    assert.deepStrictEqual(lesson.lessons.map((l) => l.id), ['constructor']);
    const kase = compile([...NEIGHBOURS, { path: 'c.md', text: caseFile('constructor') }]);
    assert.deepStrictEqual(kase.cases.map((c) => c.id), ['constructor']);
  });

  it('an alias "constructor" clashes only with a real "constructor" id, never with Object.prototype', () => {
    const index = compile([...NEIGHBOURS, { path: 'q.md', text: flashcard('q-aliased', 'evals', '[product-ai]', ['aliases: [constructor]']) }]);
    assert.deepStrictEqual(index.questions.find((q) => q.id === 'q-aliased')?.aliases, ['constructor']);
    const clash = compileContent([...NEIGHBOURS, { path: 'a.md', text: flashcard('constructor') }, { path: 'b.md', text: flashcard('q-b', 'evals', '[product-ai]', ['aliases: [constructor]']) }], 'user');
    assert.deepStrictEqual(clash.problems.map((p) => [p.file, p.message]), [['b.md', 'id "constructor" is already used by a.md; the first one wins and this file is skipped']]);
  });

  for (const id of ['__proto__', 'toString', 'hasOwnProperty']) {
    it(`refuses "${id}" as an id at its line, and the rest of the pack loads`, () => {
      const text = flashcard(id);
      const result = compileContent([...NEIGHBOURS, { path: 'bad.md', text }], 'user');
      assert.deepStrictEqual(result.problems.map((p) => [p.file, p.line, p.severity]), [['bad.md', lineOf(text, 'id:'), 'error']]);
      assert.match(result.problems[0].message, /^id: ids are lowercase kebab-case/);
      assert.strictEqual(result.index.questions.length, 1);
    });
  }

  it('a "__proto__" key in front matter is an unknown field, not a prototype', () => {
    const text = topicFile('t-proto', ['__proto__: { kind: question }']);
    const result = compileContent([{ path: 'p.md', text }], 'user');
    assert.deepStrictEqual(result.problems.map((p) => [p.line, p.message]), [[lineOf(text, '__proto__'), 'unknown field "__proto__"']]);
  });
});
