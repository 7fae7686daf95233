import * as assert from 'assert';
import * as fc from 'fast-check';
import { compileContent } from '../../../src/core/content/compile';
import { lineOfPath, splitFrontMatter } from '../../../src/core/content/frontMatter';
import { parseContentFile, type ContentFile } from '../../../src/core/content/parse';
import type { ContentProblem } from '../../../src/core/content/types';
import { caseFile, flashcard, lessonFile, roleFile, singleQuestion, templateFile, topicFile } from './helpers';

/** Fixed seeds keep the suite deterministic; a failure prints its counterexample and path. */
const RUNS = { numRuns: 300, seed: 20260101 };
const FEW = { numRuns: 100, seed: 20260101 };

/** Lines as the parser counts them: after dropping a BOM, with CRLF and lone CR as line breaks. */
const lineCount = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).length;

/** Every problem names the file, has a 1-based line no further than just past the last line, and a message. */
function assertWellFormed(problems: readonly ContentProblem[], paths: ReadonlyMap<string, string>): void {
  for (const p of problems) {
    const text = paths.get(p.file);
    assert.ok(text !== undefined, `problem on an unknown file ${p.file}`);
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount(text) + 1, `line ${p.line} outside ${JSON.stringify(text)}`);
    assert.ok(p.severity === 'error' || p.severity === 'warning');
    assert.ok(p.message.length > 0);
  }
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('-', '\n', '\r', ' ', ':', '#', '`', '[', ']', '{', '}', '"', 'a', '\uFEFF') }));

const KEYS = ['kind', 'id', 'aliases', 'topic', 'roles', 'difficulty', 'type', 'options', 'answer', 'tolerance', 'unit', 'tags', 'title', 'summary', 'concepts', 'rubric', 'order', 'minutes', 'case', 'name', 'topics', 'text', 'why'];
const ids = fc.constantFrom('evals', 'serving', 'product-ai', 'ml-infra', 'q-one', 'q-two', 'doc-qa', 'intro');
const scalar = fc.oneof(
  fc.constantFrom('question', 'topic', 'single', 'easy', 'evals', 'null', 'true', '~', '', '- x', 'a: b', '[x', '"q'),
  fc.integer({ min: -3, max: 9 }),
  fc.double(),
  fc.string({ maxLength: 12 }),
);
const yamlValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 3 })),
})).value;

const words = fc.string({ minLength: 1, maxLength: 16 });
const point = fc.record({ point: words, evidence: fc.array(words, { maxLength: 2 }) }, { requiredKeys: [] });
/** Plausible values per field, so generated front matter reaches the schema's deeper checks. */
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  kind: fc.constantFrom('question', 'role', 'topic', 'case', 'lesson', 'template', 'quiz'),
  id: fc.oneof(ids, words),
  aliases: fc.array(ids, { maxLength: 2 }),
  topic: ids,
  roles: fc.oneof(fc.array(ids, { maxLength: 3 }), ids),
  difficulty: fc.constantFrom('easy', 'medium', 'hard', 3),
  type: fc.constantFrom('single', 'multi', 'flashcard', 'numeric', 'essay'),
  options: fc.array(fc.record({ text: words, why: words }, { requiredKeys: [] }), { maxLength: 7 }),
  answer: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.array(fc.integer({ min: -1, max: 7 }), { maxLength: 4 }), fc.double()),
  tolerance: fc.double({ min: -1, max: 2, noNaN: true }),
  unit: words,
  tags: fc.array(words, { maxLength: 2 }),
  title: words,
  summary: words,
  concepts: fc.array(words, { maxLength: 2 }),
  rubric: fc.dictionary(fc.constantFrom('requirements', 'data', 'cost', 'safety', 'extra'), fc.array(point, { maxLength: 5 }), { maxKeys: 5 }),
  order: fc.integer({ min: -1, max: 9 }),
  minutes: fc.oneof(fc.integer({ min: -1, max: 30 }), fc.double()),
  case: ids,
  name: words,
  topics: fc.array(fc.oneof(ids, fc.record({ id: ids, weight: fc.constantFrom('core', 'skip', 'x') }, { requiredKeys: [] })), { maxLength: 3 }),
};
/** Each kind's fields; the first `required` of them are always present. */
const FIELDS: Record<string, { keys: string[]; required: number }> = {
  question: { keys: ['id', 'topic', 'roles', 'difficulty', 'type', 'options', 'answer', 'tolerance', 'unit', 'tags', 'aliases'], required: 5 },
  topic: { keys: ['id', 'title', 'summary', 'concepts', 'aliases'], required: 4 },
  role: { keys: ['id', 'name', 'summary', 'topics', 'aliases'], required: 4 },
  case: { keys: ['id', 'title', 'summary', 'roles', 'topics', 'rubric'], required: 6 },
  lesson: { keys: ['id', 'title', 'order', 'minutes', 'roles'], required: 4 },
  template: { keys: ['id', 'title', 'case'], required: 2 },
};
const value = (k: string) => fc.oneof({ weight: 9, arbitrary: plausible[k] }, { weight: 1, arbitrary: yamlValue });
/** A front-matter object: a kind's fields with plausible values, now and then a wrong value, kind or extra key. */
const frontMatterObject = fc.constantFrom(...Object.keys(FIELDS)).chain((kind) => {
  const { keys, required } = FIELDS[kind];
  const fields: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries([['kind', fc.oneof({ weight: 9, arbitrary: fc.constant(kind) }, { weight: 1, arbitrary: plausible.kind })], ...keys.map((k) => [k, value(k)])]);
  return fc.tuple(fc.record(fields, { requiredKeys: ['kind', ...keys.slice(0, required)] }), fc.option(fc.tuple(fc.constantFrom(...KEYS, 'answers'), yamlValue), { freq: 5 }));
}).map(([obj, extra]) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj));

/** Serializes a value as YAML-ish text: block mappings and lists, scalars raw or JSON-quoted at random. */
function yamlish(value: unknown, indent: string, raw: boolean): string[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v) => prefix(yamlish(v, `${indent}  `, raw), `${indent}- `, `${indent}  `)) : [`${indent}[]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' ? [`${indent}${k}:`, ...yamlish(v, `${indent}  `, raw)] : [`${indent}${k}: ${scalarText(v, raw)}`]));
  }
  return [`${indent}${scalarText(value, raw)}`];
}
const scalarText = (v: unknown, raw: boolean) => (raw ? String(v) : JSON.stringify(v) ?? 'null');
const prefix = (lines: string[], first: string, indent: string) => lines.map((l, i) => (i === 0 ? first + l.trimStart() : l.startsWith(indent) ? l : indent + l));

const frontMatterText = fc
  .tuple(frontMatterObject, fc.boolean(), fc.constantFrom('', 'Prompt?\n\n## Explanation\nOne two three. Four five six.\n', '## Answer\nx\n', '## Prompt\nx\n'))
  .map(([data, raw, body]) => `---\n${yamlish(data, '', raw).join('\n')}\n---\n${body}`);

/** Files that are mostly valid, with ids drawn from a small set so duplicates, aliases and missing references occur. */
const contentFile: fc.Arbitrary<ContentFile> = fc
  .tuple(
    fc.constantFrom('topic', 'role', 'flash', 'single', 'case', 'lesson', 'template', 'text', 'fm'),
    ids,
    ids,
    ids,
    anyText,
    frontMatterText,
    fc.nat(99),
  )
  .map(([kind, a, b, c, text, fm, n]) => {
    const body: Record<string, string> = {
      topic: topicFile(a, n % 3 === 0 ? [`aliases: [${b}]`] : []),
      role: roleFile(a, [b, c]),
      flash: flashcard(a, b, `[${c}]`, n % 4 === 0 ? [`aliases: [${b}]`] : []),
      single: singleQuestion(a, { topic: `topic: ${b}`, answer: `answer: ${n % 4}` }),
      case: caseFile(a).replace('topics: [evals]', `topics: [${b}]`),
      lesson: lessonFile(a, n, `[${b}]`),
      template: templateFile(a, n % 2 ? '## Data\n- Where?\n' : '## Data\nNo list.\n', [`case: ${b}`]),
      text,
      fm,
    };
    return { path: `pack/${kind}-${n}.md`, text: body[kind] };
  });

describe('content pipeline properties', () => {
  it('parseContentFile never throws on arbitrary strings, and reports well-formed problems', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { item, problems } = parseContentFile({ path: 'x.md', text }, 'user');
        assertWellFormed(problems, new Map([['x.md', text]]));
        assert.ok(item !== undefined || problems.some((p) => p.severity === 'error'), 'no item and no error');
      }),
      RUNS,
    );
  });

  it('parseContentFile never throws on arbitrary strings after "---\\n"', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('---\n', '---\r\n', '\uFEFF---\n', '---js\n'), (text, head) => {
        const full = head + text;
        const { problems } = parseContentFile({ path: 'x.md', text: full }, 'user');
        assertWellFormed(problems, new Map([['x.md', full]]));
      }),
      RUNS,
    );
  });

  it('parseContentFile never throws on front-matter-like objects serialized as YAML-ish text', () => {
    fc.assert(
      fc.property(frontMatterText, (text) => {
        const { item, problems } = parseContentFile({ path: 'x.md', text }, 'user');
        assertWellFormed(problems, new Map([['x.md', text]]));
        if (item) assert.ok(!problems.some((p) => p.severity === 'error'), 'an item despite errors');
      }),
      RUNS,
    );
  });

  it('compileContent never throws on arrays of arbitrary files, and keeps ids unique', () => {
    fc.assert(
      fc.property(fc.array(contentFile, { maxLength: 12 }), (files) => {
        const byPath = new Map(files.map((f) => [f.path, f.text]));
        if (byPath.size !== files.length) return; // one text per path keeps the line check meaningful
        const { index, problems } = compileContent(files, 'user');
        assertWellFormed(problems, byPath);
        const keys = [...index.roles, ...index.topics, ...index.questions, ...index.cases, ...index.lessons, ...index.templates].flatMap((i) => [...new Set([i.id, ...i.aliases])]);
        assert.strictEqual(new Set(keys).size, keys.length, `two items share an id or alias: ${keys.join(', ')}`);
        const topics = new Set(index.topics.map((t) => t.id));
        for (const q of index.questions) assert.ok(topics.has(q.topic), `question ${q.id} kept with unknown topic ${q.topic}`);
      }),
      FEW,
    );
  });

  it('lineOfPath always returns a line within the front matter', () => {
    const segment = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 }), fc.nat(6), fc.constant(Symbol('s')));
    const yamlLines = fc.oneof(
      fc.array(fc.string(), { maxLength: 20 }),
      fc.dictionary(fc.constantFrom(...KEYS), yamlValue, { maxKeys: 6 }).map((d) => yamlish(d, '', true)),
    );
    fc.assert(
      fc.property(yamlLines, fc.array(segment, { maxLength: 5 }), (lines, path) => {
        const line = lineOfPath(lines, path);
        assert.ok(Number.isInteger(line) && line >= 2 && line <= Math.max(2, lines.length + 1), `line ${line} for ${lines.length} YAML lines`);
      }),
      RUNS,
    );
  });

  it('splitFrontMatter keeps the body line and YAML lines consistent with the text', () => {
    fc.assert(
      fc.property(frontMatterText, (text) => {
        const split = splitFrontMatter(text);
        if (!split.ok) return;
        const lines = text.replace(/\r\n?/g, '\n').split('\n');
        assert.strictEqual(lines[split.file.bodyLine - 2], '---');
        assert.deepStrictEqual(split.file.yamlLines, lines.slice(1, split.file.bodyLine - 2));
      }),
      RUNS,
    );
  });
});
