import * as assert from 'assert';
import { compileContent, EMPTY_INDEX, mergeIndexes } from '../../../src/core/content/compile';
import type { ContentFile } from '../../../src/core/content/parse';
import { caseFile, compileBeside, flashcard, lessonFile, lineOf, NEIGHBOURS, roleFile, singleQuestion, templateFile, topicFile } from './helpers';

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

/** A small built-in bank: one topic, one role, two questions. */
function builtin() {
  return compileContent(
    [
      { path: 'content/topics/evals.md', text: topicFile('evals') },
      { path: 'content/roles/product-ai.md', text: roleFile('product-ai') },
      { path: 'content/questions/q-base.md', text: flashcard('q-base', 'evals', '[product-ai]', ['aliases: [q-base-old]']) },
      { path: 'content/questions/q-two.md', text: flashcard('q-two') },
    ],
    'builtin',
  );
}

describe('compileContent', () => {
  it('compiles a valid pack with no problems, every kind in its list', () => {
    const files: ContentFile[] = [
      ...NEIGHBOURS,
      { path: 'c/case.md', text: caseFile('doc-qa') },
      { path: 'l/b.md', text: lessonFile('b-lesson', 2) },
      { path: 'l/a.md', text: lessonFile('a-lesson', 2) },
      { path: 'l/z.md', text: lessonFile('z-lesson', 1) },
      { path: 't/t.md', text: templateFile('doc-template', '## Data\n- Where?\n', ['case: doc-qa']) },
    ];
    const { index, problems } = compileContent(files, 'user');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(index.formatVersion, 1);
    assert.deepStrictEqual([ids(index.topics), ids(index.roles), ids(index.questions), ids(index.cases), ids(index.templates)], [['evals'], ['product-ai'], ['q-good'], ['doc-qa'], ['doc-template']]);
    assert.deepStrictEqual(ids(index.lessons), ['z-lesson', 'a-lesson', 'b-lesson'], 'lessons sort by order, then title');
    assert.strictEqual(index.templates[0].caseId, 'doc-qa');
  });

  it('skips a question with an unknown topic, naming it on the topic line; others are kept', () => {
    const text = flashcard('q-lost', 'no-such-topic');
    const { result, problems } = compileBeside({ path: 'q/lost.md', text });
    assert.deepStrictEqual(problems, [{ file: 'q/lost.md', line: lineOf(text, 'topic:'), severity: 'error', message: 'unknown topic "no-such-topic": this question is skipped' }]);
    assert.ok(!ids(result.index.questions).includes('q-lost'));
  });

  it('skips a question with unknown roles, naming each on the roles line', () => {
    const text = flashcard('q-lost', 'evals', '[product-ai, ghost, spook]');
    const { result, problems } = compileBeside({ path: 'q/lost.md', text });
    assert.deepStrictEqual(problems, [{ file: 'q/lost.md', line: lineOf(text, 'roles:'), severity: 'error', message: 'unknown roles "ghost", "spook": this question is skipped' }]);
    assert.deepStrictEqual(ids(result.index.questions), ['q-good']);
  });

  it('skips cases, lessons and templates with unknown references', () => {
    const badCase = caseFile('doc-qa').replace('topics: [evals]', 'topics: [evals, nowhere]');
    const badLesson = lessonFile('a-lesson', 1, '[nobody]');
    const badTemplate = templateFile('doc-template', '## Data\n- Where?\n', ['case: no-case']);
    const { index, problems } = compileContent([...NEIGHBOURS, { path: 'c.md', text: badCase }, { path: 'l.md', text: badLesson }, { path: 't.md', text: badTemplate }], 'user');
    assert.deepStrictEqual(
      problems.map((p) => [p.file, p.line, p.message]),
      [
        ['c.md', lineOf(badCase, 'topics:'), 'unknown topic "nowhere": this case is skipped'],
        ['l.md', lineOf(badLesson, 'roles:'), 'unknown role "nobody": this lesson is skipped'],
        ['t.md', lineOf(badTemplate, 'case:'), 'unknown case "no-case": this template is skipped'],
      ],
    );
    assert.deepStrictEqual([index.cases, index.lessons, index.templates], [[], [], []]);
  });

  it('warns about a role that orders an unknown topic, and keeps the role', () => {
    const text = roleFile('ml-infra', ['evals', 'ghost-topic']);
    const { result, problems } = compileBeside({ path: 'r/ml.md', text });
    assert.deepStrictEqual(problems, [{ file: 'r/ml.md', line: lineOf(text, 'topics:'), severity: 'warning', message: 'unknown topic "ghost-topic": those entries are ignored' }]);
    assert.ok(ids(result.index.roles).includes('ml-infra'));
  });

  it('keeps a lesson whose self-check names an unknown card, warning on that line and dropping the link', () => {
    const known = NEIGHBOURS.find((f) => f.text.includes('kind: question'))!.text.match(/^id: (.+)$/m)![1];
    const text = lessonFile('checks', 1, '[product-ai]', [`selfCheck: [${known}, ghost-card]`]);
    const { result, problems } = compileBeside({ path: 'l/checks.md', text });
    assert.deepStrictEqual(problems, [{ file: 'l/checks.md', line: lineOf(text, 'selfCheck:'), severity: 'warning', message: 'unknown card "ghost-card": those self-check links are left out' }]);
    assert.deepStrictEqual(result.index.lessons.find((l) => l.id === 'checks')?.selfCheck, [known]);
  });

  it('drops the unknown topic entries from the kept role', () => {
    const { result } = compileBeside({ path: 'r/ml.md', text: roleFile('ml-infra', ['evals', 'ghost-topic']) });
    assert.deepStrictEqual(result.index.roles.find((r) => r.id === 'ml-infra')?.topics, [{ id: 'evals', weight: 'core' }]);
  });

  it('resolves references against the base index', () => {
    const base = builtin();
    assert.deepStrictEqual(base.problems, []);
    const pack = compileContent([{ path: 'u/q.md', text: flashcard('q-user') }], 'mine', base.index);
    assert.deepStrictEqual(pack.problems, []);
    assert.deepStrictEqual(ids(pack.index.questions), ['q-user']);
    assert.deepStrictEqual(pack.index.topics, [], 'the pack index holds only its own items');
  });

  it('keeps the first of two files with the same id in a user pack and warns, naming both files', () => {
    const second = flashcard('q-good');
    const { index, problems } = compileContent([...NEIGHBOURS, { path: 'q/copy.md', text: second }], 'user');
    assert.deepStrictEqual(problems, [
      { file: 'q/copy.md', line: lineOf(second, 'id:'), severity: 'warning', message: 'id "q-good" is already used by questions/evals/q-good.md; the first one wins and this file is skipped' },
    ]);
    assert.deepStrictEqual(ids(index.questions), ['q-good']);
    assert.strictEqual(index.questions[0].type, 'single', 'the first file wins');
  });

  it('makes a duplicate id inside the built-in bank an error', () => {
    const files = [...NEIGHBOURS, { path: 'content/q/copy.md', text: flashcard('q-good') }];
    const { index, problems } = compileContent(files, 'builtin');
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].severity, 'error');
    assert.match(problems[0].message, /^id "q-good" is already used by questions\/evals\/q-good\.md;.*this file is skipped$/);
    assert.strictEqual(index.questions.length, 1);
  });

  it('lets a built-in item win over a user pack repeating its id, with a warning naming both files', () => {
    const text = flashcard('q-base');
    const { index, problems } = compileContent([{ path: 'pack/q.md', text }, { path: 'pack/new.md', text: flashcard('q-new') }], 'mine', builtin().index);
    assert.deepStrictEqual(problems, [
      { file: 'pack/q.md', line: lineOf(text, 'id:'), severity: 'warning', message: 'id "q-base" is already used by content/questions/q-base.md (built in); the built-in item wins and this file is skipped' },
    ]);
    assert.deepStrictEqual(ids(index.questions), ['q-new']);
  });

  it('treats aliases like ids: a user item may not take a built-in alias, nor alias a built-in id', () => {
    const takesAlias = flashcard('q-base-old');
    const aliasesId = flashcard('q-fresh', 'evals', '[product-ai]', ['aliases: [q-two]']);
    const { index, problems } = compileContent([{ path: 'p/a.md', text: takesAlias }, { path: 'p/b.md', text: aliasesId }], 'mine', builtin().index);
    assert.deepStrictEqual(
      problems.map((p) => [p.file, p.line, p.severity, p.message]),
      [
        ['p/a.md', lineOf(takesAlias, 'id:'), 'warning', 'id "q-base-old" is already used by content/questions/q-base.md (built in); the built-in item wins and this file is skipped'],
        ['p/b.md', lineOf(aliasesId, 'aliases:'), 'warning', 'id "q-two" is already used by content/questions/q-two.md (built in); the built-in item wins and this file is skipped'],
      ],
    );
    assert.deepStrictEqual(index.questions, []);
  });

  it('detects alias collisions inside one pack, whichever file comes first', () => {
    const renamed = flashcard('q-new-name', 'evals', '[product-ai]', ['aliases: [q-old-name]']);
    const old = flashcard('q-old-name');
    const { index, problems } = compileContent([...NEIGHBOURS, { path: 'q/renamed.md', text: renamed }, { path: 'q/old.md', text: old }], 'user');
    assert.deepStrictEqual(problems.map((p) => [p.file, p.line, p.message]), [['q/old.md', lineOf(old, 'id:'), 'id "q-old-name" is already used by q/renamed.md; the first one wins and this file is skipped']]);
    assert.deepStrictEqual(ids(index.questions), ['q-good', 'q-new-name']);
  });

  it('keeps valid items when other files are broken in several ways', () => {
    const files: ContentFile[] = [
      { path: 'x/plain.md', text: 'no front matter' },
      ...NEIGHBOURS,
      { path: 'x/bin.md', text: '\u0000' },
      { path: 'x/range.md', text: singleQuestion('q-range', { answer: 'answer: 9' }) },
      { path: 'x/topic.md', text: topicFile('second-topic') },
    ];
    const { index, problems } = compileContent(files, 'user');
    assert.deepStrictEqual(problems.map((p) => p.file), ['x/plain.md', 'x/bin.md', 'x/range.md']);
    assert.deepStrictEqual([ids(index.topics), ids(index.questions)], [['evals', 'second-topic'], ['q-good']]);
  });
});

describe('mergeIndexes', () => {
  it('puts the base first, then each pack, and re-sorts lessons', () => {
    const base = builtin().index;
    const a = compileContent([{ path: 'a/q.md', text: flashcard('q-a') }, { path: 'a/l.md', text: lessonFile('late', 9) }], 'a', base).index;
    const b = compileContent([{ path: 'b/l.md', text: lessonFile('early', 0) }], 'b', base).index;
    const merged = mergeIndexes(base, a, b);
    assert.deepStrictEqual(ids(merged.questions), ['q-base', 'q-two', 'q-a']);
    assert.deepStrictEqual(ids(merged.lessons), ['early', 'late']);
    assert.deepStrictEqual(mergeIndexes(EMPTY_INDEX), EMPTY_INDEX);
  });
});
