import * as assert from 'assert';
import { MAX_FILE_BYTES, parseContentFile, splitSections } from '../../../src/core/content/parse';
import type { CaseStudy, Lesson, Question, Template } from '../../../src/core/content/types';
import {
  assertOneError,
  CASE_HEADINGS,
  caseBody,
  caseFile,
  compileBeside,
  EXPLANATION,
  lessonFile,
  lineOf,
  md,
  rubricLines,
  singleLines,
  singleQuestion,
  templateFile,
} from './helpers';

const flashLines = ['kind: question', 'id: q-flash', 'topic: evals', 'roles: [product-ai]', 'difficulty: easy', 'type: flashcard'];

describe('parseContentFile: file-level guards', () => {
  it('refuses a 5 MB file before parsing it', () => {
    const text = singleQuestion('q-huge', {}, `${'word '.repeat(1024 * 1024)}\n\n## Explanation\n${EXPLANATION}\n`);
    assert.ok(text.length > 5 * 1024 * 1024);
    const { item, problems } = parseContentFile({ path: 'q/huge.md', text }, 'user');
    assert.strictEqual(item, undefined);
    assertOneError(problems, 1, /^file is too large \(5\.0 MB; the limit is 1 MB\)$/);
    assertOneError(compileBeside({ path: 'q/huge.md', text }).problems, 1, /too large/);
  });

  it('accepts a file of exactly MAX_FILE_BYTES characters and refuses one more', () => {
    const base = singleQuestion('q-edge');
    const pad = (n: number) => base + ' '.repeat(n - base.length);
    assert.deepStrictEqual(parseContentFile({ path: 'a.md', text: pad(MAX_FILE_BYTES) }, 'user').problems, []);
    assertOneError(parseContentFile({ path: 'a.md', text: pad(MAX_FILE_BYTES + 1) }, 'user').problems, 1, /too large/);
  });

  it('measures the size limit in bytes, like readPackFolder', () => {
    const text = singleQuestion('q-euro', {}, `${'€'.repeat(400_000)}\n\n## Explanation\n${EXPLANATION}\n`);
    assert.ok(Buffer.byteLength(text) > MAX_FILE_BYTES && text.length < MAX_FILE_BYTES);
    assertOneError(parseContentFile({ path: 'q/euro.md', text }, 'user').problems, 1, /too large/);
  });

  it('refuses a binary file (NUL bytes) at line 1', () => {
    const text = singleQuestion('q-bin', {}, `Prompt\u0000\u0001\u0002?\n\n## Explanation\n${EXPLANATION}\n`);
    assertOneError(compileBeside({ path: 'q/bin.md', text }).problems, 1, /^file is binary, not Markdown text$/);
  });

  it('parses a file with a UTF-8 BOM and CRLF endings, with lines that match the file', () => {
    const good = `\uFEFF${singleQuestion('q-crlf')}`.replace(/\n/g, '\r\n');
    const parsed = parseContentFile({ path: 'q/crlf.md', text: good }, 'user');
    assert.deepStrictEqual(parsed.problems, []);
    const q = parsed.item as Question;
    assert.strictEqual(q.promptText, 'Which bias makes a judge prefer the first answer?');
    assert.strictEqual(q.explanationText, EXPLANATION);
    assert.ok(!q.promptHtml.includes('\r'));

    const bad = `\uFEFF${singleQuestion('q-crlf', { answer: 'answer: 7' })}`.replace(/\n/g, '\r\n');
    assertOneError(compileBeside({ path: 'q/crlf.md', text: bad }).problems, lineOf(bad, 'answer: 7'), /answer 7 is out of range/);
    const unknown = `\uFEFF${singleQuestion('q-crlf', {}, 'Prompt?\n\n## Hints\nx\n\n## Explanation\nx\n')}`.replace(/\n/g, '\r\n');
    assertOneError(parseContentFile({ path: 'u.md', text: unknown }, 'user').problems, lineOf(unknown, '## Hints'), /## Hints/);
  });
});

describe('parseContentFile: question bodies', () => {
  it('splits prompt, answer and explanation and renders them', () => {
    const text = md(flashLines, 'What is **position** bias?\n\n## Answer\nThe order sways the verdict.\n\n## Explanation\nIt matters. It really matters here.\n');
    const { item, problems } = parseContentFile({ path: 'q/f.md', text }, 'builtin');
    assert.deepStrictEqual(problems, []);
    const q = item as Question;
    assert.strictEqual(q.promptHtml, '<p>What is <strong>position</strong> bias?</p>');
    assert.strictEqual(q.promptText, 'What is position bias?');
    assert.strictEqual(q.answerHtml, '<p>The order sways the verdict.</p>');
    assert.strictEqual(q.explanationText, 'It matters. It really matters here.');
    assert.deepStrictEqual(q.source, { pack: 'builtin', file: 'q/f.md' });
  });

  it('refuses a flashcard without "## Answer", at the body line', () => {
    const text = md(flashLines, `What is it?\n\n## Explanation\n${EXPLANATION}\n`);
    assertOneError(compileBeside({ path: 'q/f.md', text }).problems, lineOf(text, 'What is it?'), /^a flashcard needs a non-empty "## Answer" section/);
    const empty = md(flashLines, `What is it?\n\n## Answer\n\n## Explanation\n${EXPLANATION}\n`);
    assertOneError(compileBeside({ path: 'q/f.md', text: empty }).problems, lineOf(empty, '## Answer'), /"## Answer"/);
  });

  it('refuses a question without "## Explanation", or with an empty one', () => {
    const none = singleQuestion('q-x', {}, 'Just a prompt?\n');
    assertOneError(compileBeside({ path: 'q/x.md', text: none }).problems, lineOf(none, 'Just a prompt'), /^a question needs a non-empty "## Explanation" section that teaches why$/);
    const empty = singleQuestion('q-x', {}, 'Prompt?\n\n## Explanation\n\n');
    assertOneError(compileBeside({ path: 'q/x.md', text: empty }).problems, lineOf(empty, '## Explanation'), /"## Explanation"/);
  });

  it('refuses an unknown "## " section in a question, on its heading line', () => {
    const text = singleQuestion('q-x', {}, `Prompt?\n\n## Hints\nTry harder.\n\n## Explanation\n${EXPLANATION}\n`);
    assertOneError(compileBeside({ path: 'q/x.md', text }).problems, lineOf(text, '## Hints'), /^unknown section "## Hints" in a question: use "## Answer" and "## Explanation"$/);
  });

  it('refuses an empty prompt and an empty body', () => {
    const noPrompt = singleQuestion('q-x', {}, `## Explanation\n${EXPLANATION}\n`);
    assertOneError(compileBeside({ path: 'q/x.md', text: noPrompt }).problems, lineOf(noPrompt, '## Explanation'), /^the prompt is empty/);
    const empty = md(singleLines('q-x'), '\n   \n');
    const bodyLine = singleLines('q-x').length + 3;
    assertOneError(compileBeside({ path: 'q/x.md', text: empty }).problems, bodyLine, /^the body is empty: a question needs Markdown after the front matter$/);
  });
});

describe('splitSections', () => {
  it('keeps headings inside code fences in their section, with file lines', () => {
    const body = ['Intro line.', '```md', '## Not a heading', '```', '## First ##', 'one', '~~~', '## still code', '~~~', '## Second', 'two'].join('\n');
    const { intro, sections } = splitSections(body, 10);
    assert.strictEqual(intro, 'Intro line.\n```md\n## Not a heading\n```');
    assert.deepStrictEqual(sections.map((s) => [s.heading, s.line]), [['First', 14], ['Second', 19]]);
    assert.strictEqual(sections[0].body, 'one\n~~~\n## still code\n~~~');
    assert.strictEqual(sections[1].body, 'two');
  });

  it('does not treat ### or #Heading as a section', () => {
    const { intro, sections } = splitSections('### Sub\n#NoSpace\ntext', 1);
    assert.deepStrictEqual(sections, []);
    assert.strictEqual(intro, '### Sub\n#NoSpace\ntext');
  });
});

describe('parseContentFile: case studies, templates, lessons', () => {
  it('builds a complete case study', () => {
    const { item, problems } = parseContentFile({ path: 'c/doc.md', text: caseFile('doc-qa') }, 'user');
    assert.deepStrictEqual(problems, []);
    const c = item as CaseStudy;
    assert.strictEqual(c.promptHtml, '<p>Text for prompt.</p>');
    assert.deepStrictEqual(c.sections.map((s) => s.key), ['requirements', 'data', 'model-choice', 'evals', 'latency', 'cost', 'safety', 'monitoring', 'failure-modes', 'rollout']);
    assert.strictEqual(c.rubric.cost.length, 4);
  });

  it('refuses a case study with a missing section, naming it, and the pack still loads', () => {
    const body = caseBody(CASE_HEADINGS.filter((h) => h !== 'Latency'));
    const text = caseFile('doc-qa', rubricLines(), body);
    assertOneError(compileBeside({ path: 'c/doc.md', text }).problems, lineOf(text, '## Prompt'), /^a case study needs non-empty sections "## Latency"$/);
  });

  it('warns about case-study sections out of order but keeps the case', () => {
    const order = [...CASE_HEADINGS];
    [order[3], order[4]] = [order[4], order[3]];
    const text = caseFile('doc-qa', rubricLines(), caseBody(order));
    const { result, problems } = compileBeside({ path: 'c/doc.md', text });
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].severity, 'warning');
    assert.match(problems[0].message, /^case-study sections are out of order: expected Prompt, Clarifying questions, Requirements/);
    assert.strictEqual(problems[0].line, lineOf(text, '## Prompt'));
    assert.deepStrictEqual(result.index.cases.map((c) => c.id), ['doc-qa']);
  });

  it('refuses a rubric section with fewer than 4 points, on that rubric key', () => {
    const text = caseFile('doc-qa', rubricLines(4, 'safety', 3));
    assertOneError(compileBeside({ path: 'c/doc.md', text }).problems, lineOf(text, '  safety:'), /^rubric\.safety: the safety rubric needs at least 4 points$/);
  });

  it('refuses a rubric missing a section key', () => {
    const text = caseFile('doc-qa', rubricLines(4, 'cost', 0).filter((l) => l !== '  cost:'));
    const { problems } = compileBeside({ path: 'c/doc.md', text });
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /^rubric\.cost\b/);
    assert.strictEqual(problems[0].line, lineOf(text, 'rubric:'));
  });

  it('parses a template into sections and guiding questions', () => {
    const text = templateFile('design-doc', '## Problem\n- Who is the user?\n* What is the metric?\n\n## Data\n- Where is it stored?\n');
    const { item, problems } = parseContentFile({ path: 't/d.md', text }, 'user');
    assert.deepStrictEqual(problems, []);
    const t = item as Template;
    assert.deepStrictEqual(t.sections, [
      { heading: 'Problem', guidingQuestions: ['Who is the user?', 'What is the metric?'] },
      { heading: 'Data', guidingQuestions: ['Where is it stored?'] },
    ]);
    assert.ok(t.markdown.startsWith('## Problem'));
  });

  it('refuses template sections without guiding questions, each on its heading', () => {
    const text = templateFile('design-doc', '## Problem\n- Who is the user?\n\n## Data\nJust prose.\n\n## Cost\n');
    const { problems } = compileBeside({ path: 't/d.md', text });
    assert.deepStrictEqual(
      problems.map((p) => [p.line, p.message, p.severity]),
      [
        [lineOf(text, '## Data'), 'section "## Data" has no guiding questions (list items)', 'error'],
        [lineOf(text, '## Cost'), 'section "## Cost" has no guiding questions (list items)', 'error'],
      ],
    );
    const none = templateFile('design-doc', 'No sections at all.\n');
    assertOneError(compileBeside({ path: 't/d.md', text: none }).problems, lineOf(none, 'No sections'), /^a template needs "## " sections/);
  });

  it('builds a lesson and refuses minutes that are not positive', () => {
    const { result } = compileBeside({ path: 'l/b.md', text: lessonFile('b-lesson', 2) });
    assert.deepStrictEqual((result.index.lessons as Lesson[]).map((l) => [l.id, l.order, l.minutes]), [['b-lesson', 2, 5]]);
    const bad = lessonFile('c-lesson', 1).replace('minutes: 5', 'minutes: 0');
    assertOneError(compileBeside({ path: 'l/c.md', text: bad }).problems, lineOf(bad, 'minutes:'), /^minutes: minutes must be positive$/);
  });
});
