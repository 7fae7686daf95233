import * as assert from 'assert';
import matter from 'gray-matter';
import { lineOfPath, splitFrontMatter } from '../../../src/core/content/frontMatter';
import { assertOneError, compileBeside, lineOf, md } from './helpers';

const TOPIC = ['kind: topic', 'id: dots', 'title: T', 'summary: S', 'concepts: [a]'];

type Globals = Record<string, unknown>;

describe('splitFrontMatter', () => {
  it('splits YAML and body, with the body line and the YAML lines', () => {
    const split = splitFrontMatter('---\na: 1\nb: [x, y]\n---\nBody here.\n');
    assert.ok(split.ok);
    assert.deepStrictEqual(split.file.data, { a: 1, b: ['x', 'y'] });
    assert.strictEqual(split.file.body, 'Body here.\n');
    assert.deepStrictEqual(split.file.yamlLines, ['a: 1', 'b: [x, y]']);
    assert.strictEqual(split.file.bodyLine, 5);
  });

  it('strips a UTF-8 BOM and normalizes CRLF and lone CR line endings', () => {
    for (const text of ['\uFEFF---\r\na: 1\r\n---\r\nBody\r\nmore\r\n', '---\ra: 1\r---\rBody\rmore\r']) {
      const split = splitFrontMatter(text);
      assert.ok(split.ok, JSON.stringify(text));
      assert.deepStrictEqual(split.file.data, { a: 1 });
      assert.strictEqual(split.file.body, 'Body\nmore\n');
      assert.deepStrictEqual(split.file.yamlLines, ['a: 1']);
      assert.strictEqual(split.file.bodyLine, 4);
    }
  });

  it('refuses a file without front matter, at line 1, and the rest of the pack still loads', () => {
    for (const text of ['Just Markdown.\n', '', '\n---\nkind: topic\n---\n', '----\nkind: topic\n----\nx\n']) {
      const split = splitFrontMatter(text);
      assert.ok(!split.ok, JSON.stringify(text));
      assert.strictEqual(split.line, 1);
      assert.match(split.message, /^missing front matter: a content file starts with a line "---"/);
    }
    const { problems } = compileBeside({ path: 'p/plain.md', text: '# A heading\n\nNo front matter.\n' });
    assertOneError(problems, 1, /^missing front matter/);
  });

  it('refuses front matter that is never closed, at line 1', () => {
    const split = splitFrontMatter('---\nkind: topic\nid: x\n\nBody without a closing line.\n');
    assert.ok(!split.ok);
    assert.strictEqual(split.line, 1);
    assert.match(split.message, /never closed: add a line "---" after the YAML/);
    const { problems } = compileBeside({ path: 'p/open.md', text: '---\nkind: topic\nid: open\n' });
    assertOneError(problems, 1, /never closed/);
  });

  it('reports bad YAML with the YAML reason and a line inside the front matter', () => {
    const text = md(['kind: topic', 'id: x', 'title: a: b', 'summary: s', 'concepts: [a]'], 'Intro.\n');
    const split = splitFrontMatter(text);
    assert.ok(!split.ok);
    assert.match(split.message, /^bad YAML in front matter: incomplete explicit mapping pair/);
    assert.ok(split.line >= 2 && split.line <= 6, `line ${split.line} is outside the front matter`);
    const { problems } = compileBeside({ path: 'p/bad.md', text });
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /^bad YAML/);
  });

  it('keeps an unclosed flow list inside the front matter', () => {
    const text = md(['kind: topic', 'id: x', 'concepts: [a, b', 'summary: s', 'title: t'], 'Intro.\n');
    const split = splitFrontMatter(text);
    assert.ok(!split.ok);
    assert.match(split.message, /^bad YAML in front matter: /);
    assert.ok(split.line >= lineOf(text, 'concepts:') && split.line <= 6, `line ${split.line}`);
  });

  it('points a bad-YAML error at the bad line itself', () => {
    for (const [bad, reason] of [['title: a: b', /incomplete explicit mapping pair/], ['roles: [a, b}', /missed comma/], ['title: b', /duplicated mapping key/]] as const) {
      const text = md(['kind: topic', 'id: x', bad === 'title: b' ? 'title: a' : 'concepts: [a]', bad, 'summary: s'], 'Intro.\n');
      const { problems } = compileBeside({ path: 'p/bad.md', text });
      assertOneError(problems, lineOf(text, bad), reason);
    }
  });

  it('refuses ---js front matter and never evaluates it', () => {
    const flag = '__loopPrepJsFrontMatterRan';
    const text = `---js\n(globalThis.${flag} = true) && { kind: "topic", id: "js-topic", title: "T", summary: "S", concepts: ["a"] }\n---\nBody.\n`;
    try {
      const split = splitFrontMatter(text);
      assert.ok(!split.ok);
      assert.strictEqual(split.line, 1);
      assert.strictEqual(split.message, 'cannot read front matter: only YAML front matter is allowed (this file declares "js")');
      const { problems } = compileBeside({ path: 'p/js.md', text });
      assertOneError(problems, 1, /only YAML front matter is allowed/);
      assert.strictEqual((globalThis as Globals)[flag], undefined, 'the JavaScript front matter ran');
    } finally {
      delete (globalThis as Globals)[flag];
    }
  });

  it('the ---js fixture would run under gray-matter defaults (so the test above can fail)', () => {
    const flag = '__loopPrepJsControlRan';
    try {
      const parsed = matter(`---js\n(globalThis.${flag} = true) && { kind: "topic" }\n---\nBody.\n`, { excerpt: false });
      assert.deepStrictEqual(parsed.data, { kind: 'topic' });
      assert.strictEqual((globalThis as Globals)[flag], true);
    } finally {
      delete (globalThis as Globals)[flag];
    }
  });

  it('refuses every non-YAML language, in any case, and accepts an explicit ---yaml', () => {
    for (const lang of ['javascript', 'JS', 'Javascript', 'coffee', 'cson', 'json', 'toml']) {
      const split = splitFrontMatter(`---${lang}\n{ "kind": "topic" }\n---\nBody.\n`);
      assert.ok(!split.ok, lang);
      assert.match(split.message, /only YAML front matter is allowed/, lang);
    }
    const unknown = splitFrontMatter('---python\nkind: topic\n---\nBody.\n');
    assert.ok(!unknown.ok);
    assert.match(unknown.message, /^cannot read front matter: .*"python"/);
    const yaml = splitFrontMatter(`---yaml\n${TOPIC.join('\n')}\n---\nBody.\n`);
    assert.ok(yaml.ok);
    assert.strictEqual((yaml.file.data as { id: string }).id, 'dots');
  });

  // gray-matter closes front matter only on "---", so a "..." line (YAML's document end) is not a closer:
  // the file gets the plain "never closed" message instead of a confusing YAML error.
  it('does not take "..." as the closing line, and says how to close', () => {
    const split = splitFrontMatter(`---\n${TOPIC.join('\n')}\n...\nIntro text.\n`);
    assert.ok(!split.ok);
    assert.strictEqual(split.line, 1);
    assert.match(split.message, /never closed: add a line "---"/);
  });
});

describe('lineOfPath', () => {
  const yaml = [
    'kind: question', // line 2
    'id: q', // 3
    'roles: [a, b]', // 4
    'options:', // 5
    '  - text: "A"', // 6
    '    why: "a"', // 7
    '  - text: "B"', // 8
    '    why: "b"', // 9
    '  - { text: "C", why: "c" }', // 10
    'rubric:', // 11
    '  data:', // 12
    '    - point: p', // 13
    '      evidence: [e]', // 14
    '  cost:', // 15
    '    - point: q', // 16
    'answer: 1', // 17
  ];

  it('finds top-level keys, list items and nested keys as 1-based file lines', () => {
    assert.strictEqual(lineOfPath(yaml, ['kind']), 2);
    assert.strictEqual(lineOfPath(yaml, ['answer']), 17);
    assert.strictEqual(lineOfPath(yaml, ['options', 0]), 6);
    assert.strictEqual(lineOfPath(yaml, ['options', 1, 'why']), 9);
    assert.strictEqual(lineOfPath(yaml, ['options', 2]), 10);
    assert.strictEqual(lineOfPath(yaml, ['options', 2, 'why']), 10, 'flow items resolve to the item line');
    assert.strictEqual(lineOfPath(yaml, ['rubric', 'cost']), 15);
    assert.strictEqual(lineOfPath(yaml, ['rubric', 'data', 0, 'evidence']), 14);
    assert.strictEqual(lineOfPath(yaml, ['roles', 1]), 4, 'flow lists resolve to the key line');
  });

  it('falls back to the nearest known line, or the first YAML line', () => {
    assert.strictEqual(lineOfPath(yaml, []), 2);
    assert.strictEqual(lineOfPath(yaml, ['missing']), 2);
    assert.strictEqual(lineOfPath(yaml, ['options', 7]), 5);
    assert.strictEqual(lineOfPath(yaml, ['rubric', 'safety']), 11);
    assert.strictEqual(lineOfPath([], ['kind']), 2);
    assert.strictEqual(lineOfPath(yaml, ['a.b*(c']), 2, 'regex characters in keys are literal');
  });

  it('matches quoted keys', () => {
    assert.strictEqual(lineOfPath(['kind: topic', '"title": T', "'summary': S"], ['summary']), 4);
  });

  it('keeps a missing nested field on its own list item', () => {
    const lines = ['kind: question', 'options:', '  - text: "A"', '  - text: "B"', '    why: "b"', 'answer: 1'];
    assert.strictEqual(lineOfPath(lines, ['options', 0, 'why']), 4);
  });

  it('does not resolve a missing top-level key to a nested key of the same name', () => {
    const lines = ['kind: role', 'name: N', 'topics:', '  - id: evals', '    weight: core'];
    assert.strictEqual(lineOfPath(lines, ['id']), 2);
  });
});
