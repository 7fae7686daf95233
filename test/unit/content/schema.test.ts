import * as assert from 'assert';
import { parseContentFile } from '../../../src/core/content/parse';
import type { ContentProblem, Question } from '../../../src/core/content/types';
import { assertOneError, compileBeside, flashcard, lineOf, md, NEIGHBOURS, QUESTION_BODY, singleQuestion } from './helpers';

function errorsOf(path: string, text: string): ContentProblem[] {
  const { problems } = compileBeside({ path, text });
  assert.ok(problems.length > 0, 'expected problems');
  for (const p of problems) assert.strictEqual(p.severity, 'error', p.message);
  return problems;
}

const numericLines = (extra: string[]) => ['kind: question', 'id: q-num', 'topic: evals', 'roles: [product-ai]', 'difficulty: hard', 'type: numeric', 'answer: 40', ...extra];

describe('front-matter schema', () => {
  it('the neighbour fixtures are valid on their own (guards every "still loads" check)', () => {
    for (const f of NEIGHBOURS) assert.deepStrictEqual(parseContentFile(f, 'user').problems, [], f.path);
    const q = parseContentFile(NEIGHBOURS[2], 'user').item as Question;
    assert.strictEqual(q.kind, 'question');
    assert.deepStrictEqual(q.correct, [1]);
    assert.deepStrictEqual(q.source, { pack: 'user', file: 'questions/evals/q-good.md' });
  });

  it('refuses wrong types on the line of the field, naming it, and skips only that item', () => {
    const diff = singleQuestion('q-diff', { difficulty: 'difficulty: 3' });
    const [d] = errorsOf('q/diff.md', diff);
    assert.match(d.message, /^difficulty: /);
    assert.strictEqual(d.line, lineOf(diff, 'difficulty:'));

    const roles = singleQuestion('q-roles', { roles: 'roles: "x"' });
    const [r] = errorsOf('q/roles.md', roles);
    assert.match(r.message, /^roles: /);
    assert.strictEqual(r.line, lineOf(roles, 'roles:'));
  });

  it('says what a wrong-typed field should be', () => {
    const [d] = errorsOf('q/diff.md', singleQuestion('q-diff', { difficulty: 'difficulty: 3' }));
    assert.match(d.message, /easy.*medium.*hard/);
    const [r] = errorsOf('q/roles.md', singleQuestion('q-roles', { roles: 'roles: "x"' }));
    assert.match(r.message, /expected array/);
  });

  it('names an unknown field (a typo like "answers")', () => {
    const text = singleQuestion('q-typo', { answer: 'answers: 1' });
    const problems = errorsOf('q/typo.md', text);
    assert.ok(problems.some((p) => p.message === 'unknown field "answers"'), JSON.stringify(problems));
    assert.ok(problems.some((p) => /^answer[: ]/.test(p.message)), 'the missing "answer" is reported too');
    const extra = errorsOf('q/extra.md', singleQuestion('q-extra', { answer: 'answer: 1\nanswers: 1\nhint: x' }));
    assertOneError(extra, extra[0].line, /^unknown fields "answers", "hint"$/);
  });

  it('puts an unknown field on its own line', () => {
    const text = singleQuestion('q-typo', { answer: 'answer: 1\nanswers: 1' });
    assertOneError(errorsOf('q/typo.md', text), lineOf(text, 'answers:'), /unknown field "answers"/);
  });

  it('reports a missing required field and skips the item', () => {
    const text = singleQuestion('q-notopic', { topic: undefined });
    const problems = errorsOf('q/notopic.md', text);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /^topic\b/);
    assert.strictEqual(problems[0].line, 2, 'a missing field points at the first YAML line');
  });

  it('says a missing field is required', () => {
    assertOneError(errorsOf('q/notopic.md', singleQuestion('q-notopic', { topic: undefined })), 2, /^topic is required$/);
    const num = errorsOf('q/num.md', md(numericLines([]), QUESTION_BODY));
    assert.deepStrictEqual(num.map((p) => p.message).sort(), ['tolerance is required', 'unit is required']);
  });

  it('refuses a numeric question without tolerance and unit, naming both', () => {
    const problems = errorsOf('q/num.md', md(numericLines([]), QUESTION_BODY));
    assert.deepStrictEqual(problems.map((p) => p.message.split(/[: ]/)[0]).sort(), ['tolerance', 'unit']);
    assert.deepStrictEqual(problems.map((p) => p.line), [2, 2]);
  });

  it('accepts a complete numeric question and refuses a tolerance above 1', () => {
    const ok = parseContentFile({ path: 'q/num.md', text: md(numericLines(['tolerance: 0.25', 'unit: GB']), QUESTION_BODY) }, 'user');
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual((ok.item as Question).numeric, { answer: 40, tolerance: 0.25, unit: 'GB' });
    const text = md(numericLines(['tolerance: 1.5', 'unit: GB']), QUESTION_BODY);
    assertOneError(errorsOf('q/tol.md', text), lineOf(text, 'tolerance:'), /^tolerance: tolerance is a fraction from 0 to 1/);
  });

  it('keeps numeric mistakes, and refuses one that the tolerance would accept, on its value line', () => {
    const ok = parseContentFile(
      { path: 'q/num.md', text: md(numericLines(['tolerance: 0.02', 'unit: replicas', 'mistakes:', '  - { value: 33, why: "rounded down instead of up" }']), QUESTION_BODY) },
      'user',
    );
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual((ok.item as Question).numeric?.mistakes, [{ value: 33, why: 'rounded down instead of up' }]);

    const lines = ['tolerance: 0.1', 'unit: replicas', 'mistakes:', '  - value: 50', '    why: "ignores headroom"', '  - value: 37', '    why: "off by a little"'];
    const text = md(numericLines(lines), QUESTION_BODY);
    const [p] = errorsOf('q/slip.md', text);
    assert.match(p.message, /^mistakes\.1\.value: tolerance 0\.1 accepts the listed mistake 37 \(within 10% of 40\)/);
    assert.strictEqual(p.line, lineOf(text, '  - value: 37'));
    const four = md(numericLines(['tolerance: 0', 'unit: x', 'mistakes: [{ value: 1, why: a }, { value: 2, why: b }, { value: 3, why: c }, { value: 4, why: d }]']), QUESTION_BODY);
    assert.match(errorsOf('q/four.md', four)[0].message, /list 1 to 3 common mistakes/);
  });

  it('keeps 3 to 6 flashcard key points as plain text, and refuses too few or a long one', () => {
    const ok = parseContentFile({ path: 'q/f.md', text: flashcard('q-kp', 'evals', '[product-ai]', ['keyPoints: ["a **golden** set", "a metric", "a threshold"]']) }, 'user');
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual((ok.item as Question).keyPoints, ['a golden set', 'a metric', 'a threshold']);
    const two = flashcard('q-kp2', 'evals', '[product-ai]', ['keyPoints: [one, two]']);
    assertOneError(errorsOf('q/f2.md', two), lineOf(two, 'keyPoints:'), /list 3 to 6 key points/);
    const long = flashcard('q-kp3', 'evals', '[product-ai]', [`keyPoints: [a, b, "${'x'.repeat(161)}"]`]);
    assert.match(errorsOf('q/f3.md', long)[0].message, /one short line/);
    const onChoice = singleQuestion('q-kp4', { answer: 'answer: 1\nkeyPoints: [a, b, c]' });
    assert.ok(errorsOf('q/f4.md', onChoice).some((e) => /keyPoints/.test(e.message)), 'key points belong to flashcards only');
  });

  it('keeps pinLast on an option', () => {
    const text = singleQuestion('q-pin', { options: 'options:\n  - { text: "A", why: "a" }\n  - { text: "B", why: "b" }\n  - { text: "None of these", why: "c", pinLast: true }' });
    const ok = parseContentFile({ path: 'q/pin.md', text }, 'user');
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual((ok.item as Question).options?.map((o) => o.pinLast ?? false), [false, false, true]);
  });

  it('refuses a single-choice answer out of range, on the answer line', () => {
    const text = singleQuestion('q-range', { answer: 'answer: 3' });
    assertOneError(errorsOf('q/range.md', text), lineOf(text, 'answer:'), /^answer: answer 3 is out of range: there are 3 options \(0 to 2\)$/);
  });

  it('refuses a multi answer out of range and a repeated index', () => {
    const multi = (answer: string) => singleQuestion('q-multi', { type: 'type: multi', answer });
    const range = multi('answer: [0, 5]');
    assertOneError(errorsOf('q/m1.md', range), lineOf(range, 'answer:'), /^answer: answer 5 is out of range: there are 3 options/);
    const twice = multi('answer: [1, 2, 1]');
    assertOneError(errorsOf('q/m2.md', twice), lineOf(twice, 'answer:'), /^answer: answer 1 is listed twice$/);
    const ok = parseContentFile({ path: 'q/m3.md', text: multi('answer: [2, 0]') }, 'user');
    assert.deepStrictEqual((ok.item as Question).correct, [0, 2], 'multi answers are sorted');
  });

  it('refuses too few options, a bad id and an unknown type or kind', () => {
    const two = singleQuestion('q-two', { options: 'options:\n  - { text: A, why: a }\n  - { text: B, why: b }' });
    assertOneError(errorsOf('q/two.md', two), lineOf(two, 'options:'), /^options: single-choice questions have 3 to 5 options$/);
    const badId = singleQuestion('Bad_Id');
    assertOneError(errorsOf('q/id.md', badId), 3, /^id: ids are lowercase kebab-case/);
    const type = singleQuestion('q-type', { type: 'type: essay' });
    assertOneError(errorsOf('q/type.md', type), lineOf(type, 'type:'), /^type must be one of single, multi, flashcard, numeric$/);
    const kind = singleQuestion('q-kind', { kind: 'kind: quiz' });
    assertOneError(errorsOf('q/kind.md', kind), 2, /^kind must be one of question, role, topic, case, lesson, template \(got "quiz"\)$/);
    const noKind = singleQuestion('q-kind', { kind: undefined });
    assertOneError(errorsOf('q/nokind.md', noKind), 2, /\(it is missing\)$/);
  });

  it('refuses empty or non-mapping front matter at line 2', () => {
    for (const text of ['---\n---\nBody.\n', '---\n- a\n- b\n---\nBody.\n', '---\njust a string\n---\nBody.\n']) {
      assertOneError(errorsOf('q/empty.md', text), 2, /^the front matter is empty or not a YAML mapping of fields$/);
    }
  });

  const blankOption = singleQuestion('q-opt', { options: 'options:\n  - text: "A"\n    why: "a"\n  - text: "  "\n    why: "b"\n  - text: "C"\n    why: "c"' });

  it('refuses an empty option text, naming the option', () => {
    const [p, ...rest] = errorsOf('q/opt.md', blankOption);
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(p.message, 'options.1.text: must not be empty');
    assert.ok(p.line >= lineOf(blankOption, 'options:'), `line ${p.line}`);
  });

  it('puts an error on the first key of a list item on that item', () => {
    assertOneError(errorsOf('q/opt.md', blankOption), lineOf(blankOption, 'text: "  "'), /^options\.1\.text: must not be empty$/);
  });

  it('accepts aliases and tags and carries them into the item', () => {
    const text = flashcard('q-new', 'evals', '[product-ai]', ['aliases: [q-old, q-older]', 'tags: [bias, judges]']);
    const { result } = compileBeside({ path: 'q/new.md', text });
    const q = result.index.questions.find((x) => x.id === 'q-new');
    assert.ok(q);
    assert.deepStrictEqual(q.aliases, ['q-old', 'q-older']);
    assert.deepStrictEqual(q.tags, ['bias', 'judges']);
    assert.strictEqual(q.type, 'flashcard');
    assert.strictEqual(q.correct, undefined);
  });
});
