/**
 * Fixtures for the content-pipeline tests: small valid files of every kind, a compile that mixes one
 * file under test with valid neighbours, and synthetic questions for the quality gates.
 */
import * as assert from 'assert';
import { compileContent, type CompileResult } from '../../../src/core/content/compile';
import type { ContentFile } from '../../../src/core/content/parse';
import { CASE_SECTIONS, type ContentIndex, type ContentProblem, type Difficulty, type Question, type Topic } from '../../../src/core/content/types';

/** A file made of front-matter lines and a body. */
export function md(frontMatter: readonly string[], body: string): string {
  return `---\n${frontMatter.join('\n')}\n---\n${body}`;
}

/** The 1-based line of the first line of `text` that contains `needle`; fails the test when there is none. */
export function lineOf(text: string, needle: string): number {
  const i = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `fixture has no line containing ${JSON.stringify(needle)}`);
  return i + 1;
}

export const EXPLANATION = 'Position bias means the verdict depends on where an answer appears. Run each comparison in both orders to cancel it.';
export const QUESTION_BODY = `Which bias makes a judge prefer the first answer?\n\n## Explanation\n${EXPLANATION}\n`;

/** Front-matter lines of a valid single-choice question; `replace` swaps or drops (undefined) whole lines by key. */
export function singleLines(id = 'q-single', replace: Record<string, string | undefined> = {}): string[] {
  const lines: [string, string][] = [
    ['kind', 'kind: question'],
    ['id', `id: ${id}`],
    ['topic', 'topic: evals'],
    ['roles', 'roles: [product-ai]'],
    ['difficulty', 'difficulty: medium'],
    ['type', 'type: single'],
    ['options', 'options:\n  - text: "Verbosity bias"\n    why: "Prefers longer answers."\n  - text: "Position bias"\n    why: "Correct: order sways it."\n  - text: "Self-preference"\n    why: "Prefers its own family."'],
    ['answer', 'answer: 1'],
  ];
  const out = lines.filter(([k]) => !(k in replace) || replace[k] !== undefined).map(([k, l]) => (k in replace ? replace[k]! : l));
  return out.join('\n').split('\n');
}

export function singleQuestion(id = 'q-single', replace: Record<string, string | undefined> = {}, body = QUESTION_BODY): string {
  return md(singleLines(id, replace), body);
}

export function flashcard(id: string, topic = 'evals', roles = '[product-ai]', extra: string[] = []): string {
  return md(
    ['kind: question', `id: ${id}`, `topic: ${topic}`, `roles: ${roles}`, 'difficulty: easy', 'type: flashcard', ...extra],
    `What does ${id} mean?\n\n## Answer\nA model answer.\n\n## Explanation\n${EXPLANATION}\n`,
  );
}

export function topicFile(id: string, extra: string[] = []): string {
  return md([`kind: topic`, `id: ${id}`, `title: Topic ${id}`, 'summary: "A summary."', 'concepts: [golden sets]', ...extra], 'A short introduction.\n');
}

export function roleFile(id: string, topics: string[] = ['evals']): string {
  return md([`kind: role`, `id: ${id}`, 'name: A role', 'summary: "Builds things."', 'topics:', ...topics.map((t) => `  - { id: ${t}, weight: core }`)], 'Who this role is.\n');
}

export function lessonFile(id: string, order: number, roles = '[product-ai]', extra: readonly string[] = []): string {
  return md([`kind: lesson`, `id: ${id}`, `title: Lesson ${id}`, `order: ${order}`, 'minutes: 5', `roles: ${roles}`, ...extra], 'The lesson.\n');
}

/** Rubric front-matter lines with `points` points per section (`short` gets `shortPoints`). */
export function rubricLines(points = 4, short?: string, shortPoints = 3): string[] {
  const out = ['rubric:'];
  for (const s of CASE_SECTIONS) {
    out.push(`  ${s.key}:`);
    const n = s.key === short ? shortPoints : points;
    for (let i = 0; i < n; i++) out.push(`    - point: "Point ${i} about ${s.key}."`, `      evidence: ["${s.key} ${i}"]`);
  }
  return out;
}

export const CASE_HEADINGS = ['Prompt', 'Clarifying questions', ...CASE_SECTIONS.map((s) => s.heading)];

export function caseBody(headings: readonly string[] = CASE_HEADINGS): string {
  return headings.map((h) => `## ${h}\nText for ${h.toLowerCase()}.\n`).join('\n');
}

export function caseFile(id: string, rubric = rubricLines(), body = caseBody()): string {
  return md([`kind: case`, `id: ${id}`, 'title: A case', 'roles: [product-ai]', 'topics: [evals]', 'summary: "One line."', ...rubric], body);
}

export function templateFile(id: string, body: string, extra: string[] = []): string {
  return md([`kind: template`, `id: ${id}`, 'title: A template', ...extra], body);
}

/** The valid neighbours every "other files still load" check compiles alongside the file under test. */
export const NEIGHBOURS: ContentFile[] = [
  { path: 'topics/evals.md', text: topicFile('evals') },
  { path: 'roles/product-ai.md', text: roleFile('product-ai') },
  { path: 'questions/evals/q-good.md', text: singleQuestion('q-good') },
];

/**
 * Compiles `file` between valid neighbours as a user pack, asserts the neighbours all loaded, and returns
 * the problems reported on `file`.
 */
export function compileBeside(file: ContentFile): { result: CompileResult; problems: ContentProblem[] } {
  const result = compileContent([NEIGHBOURS[0], file, NEIGHBOURS[1], NEIGHBOURS[2]], 'user');
  assert.ok(result.index.topics.some((t) => t.id === 'evals'), 'the valid topic still loads');
  assert.ok(result.index.roles.some((r) => r.id === 'product-ai'), 'the valid role still loads');
  assert.ok(result.index.questions.some((q) => q.id === 'q-good'), 'the valid question still loads');
  for (const p of result.problems) assert.strictEqual(p.file, file.path, `unexpected problem on a valid file: ${p.message}`);
  return { result, problems: result.problems };
}

/** Asserts exactly one error on `file`, at `line`, whose message matches `message`. */
export function assertOneError(problems: readonly ContentProblem[], line: number, message: RegExp): void {
  assert.strictEqual(problems.length, 1, `expected one problem, got ${JSON.stringify(problems)}`);
  assert.strictEqual(problems[0].severity, 'error');
  assert.match(problems[0].message, message);
  assert.strictEqual(problems[0].line, line, `line of "${problems[0].message}"`);
}

let counter = 0;

/** A synthetic compiled question for the quality gates; prompts are distinct unless given. */
export function makeQuestion(over: Partial<Question> & { optionTexts?: string[] } = {}): Question {
  const n = counter++;
  const texts = over.optionTexts ?? ['First option', 'Second option', 'Third option', 'Fourth option'];
  const { optionTexts: _unused, ...rest } = over;
  return {
    kind: 'question',
    id: `q-${n}`,
    aliases: [],
    source: { pack: 'builtin', file: `questions/q-${n}.md` },
    topic: 'evals',
    roles: ['product-ai'],
    difficulty: 'medium',
    type: 'single',
    promptHtml: '',
    promptText: `Prompt number ${n} ${'alpha beta gamma delta epsilon zeta eta theta iota kappa'.split(' ').map((w) => `${w}${n}`).join(' ')}`,
    explanationHtml: '',
    explanationText: EXPLANATION,
    options: texts.map((text) => ({ text, html: text, whyHtml: 'why' })),
    correct: [0],
    tags: [],
    ...rest,
  };
}

export function makeTopic(id = 'evals'): Topic {
  return { kind: 'topic', id, aliases: [], source: { pack: 'builtin', file: `topics/${id}.md` }, title: id, summary: 's', concepts: ['c'], html: '' };
}

/** A topic with `n` questions cycling through the difficulties, correct answers spread over A-D. */
export function balancedQuestions(n: number, difficulties: readonly Difficulty[] = ['easy', 'medium', 'hard']): Question[] {
  return Array.from({ length: n }, (_, i) => makeQuestion({ difficulty: difficulties[i % difficulties.length], correct: [i % 4] }));
}

export function indexOf(questions: readonly Question[], topics: readonly Topic[] = [makeTopic()]): ContentIndex {
  return { formatVersion: 1, roles: [], topics, questions, cases: [], lessons: [], templates: [] };
}

/** "Billion laughs": nine levels of nine aliases each, 9^9 (387 million) strings once expanded. */
export function aliasBomb(levels = 9): string {
  const names = 'abcdefghijklmnop'.slice(0, levels).split('');
  const lines = [`${names[0]}: &${names[0]} [${Array(9).fill('"lol"').join(',')}]`];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  lines.push(`kind: *${names[names.length - 1]}`);
  return md(lines, 'Body.\n');
}
