/**
 * Turns one content file into a content item, or into problems that name the file and line. Pure and
 * total: any input (binary, huge, malformed) yields problems, never an exception.
 */
import type { z } from 'zod';
import { lineOfPath, splitFrontMatter, type SplitFile } from './frontMatter';
import { plainText, renderBlock, renderInline } from './markdown';
import {
  schemasByKind,
  KINDS,
  type CaseFrontMatter,
  type FrontMatterKind,
  type LessonFrontMatter,
  type QuestionFrontMatter,
  type RoleFrontMatter,
  type TemplateFrontMatter,
  type TopicFrontMatter,
} from './schema';
import { clip, preview } from './valueBounds';
import { CASE_SECTIONS, type CaseSectionKey, type ContentItem, type ContentProblem, type RubricPoint, type Source } from './types';

import { utf8Length } from '../text';

export { utf8Length };

/** A file with more schema problems than this reports the first ones and a count. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface ContentFile {
  readonly path: string;
  readonly text: string;
}

export interface ParseResult {
  readonly item?: ContentItem;
  readonly problems: ContentProblem[];
}

interface Section {
  readonly heading: string;
  readonly line: number;
  readonly body: string;
}

/** Splits a body into the text before the first `## ` heading and the `## ` sections (outside code fences). */
export function splitSections(body: string, firstLine: number): { intro: string; sections: Section[] } {
  const lines = body.split('\n');
  const sections: { heading: string; line: number; lines: string[] }[] = [];
  const intro: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === undefined ? f[1][0] : line.trim().startsWith(fence) ? undefined : fence;
    const h = fence === undefined && !f ? /^##\s+(.+?)\s*#*\s*$/.exec(line) : null;
    if (h) sections.push({ heading: h[1], line: firstLine + i, lines: [] });
    else (sections.length ? sections[sections.length - 1].lines : intro).push(line);
  }
  return {
    intro: intro.join('\n').trim(),
    sections: sections.map((s) => ({ heading: s.heading, line: s.line, body: s.lines.join('\n').trim() })),
  };
}


function isBinary(text: string): boolean {
  return text.includes('\u0000');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : 'front matter';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${where} is required`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${issue.path.length ? ` in ${where}` : ''}`;
  if (issue.code === 'invalid_union' && issue.path.join('.') === 'type') return 'type must be one of single, multi, flashcard, numeric';
  return `${where}: ${issue.message}`;
}

/** Parses a content file. `source.file` is used in problems. */
export function parseContentFile(file: ContentFile, pack: string): ParseResult {
  const source: Source = { pack, file: file.path };
  const problem = (line: number, message: string, severity: 'error' | 'warning' = 'error'): ContentProblem => ({ file: file.path, line, severity, message });

  const bytes = file.text.length > MAX_FILE_BYTES / 4 ? utf8Length(file.text) : file.text.length;
  if (bytes > MAX_FILE_BYTES) {
    return { problems: [problem(1, `file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`)] };
  }
  if (isBinary(file.text)) return { problems: [problem(1, 'file is binary, not Markdown text')] };

  const split = splitFrontMatter(file.text);
  if (!split.ok) return { problems: [problem(split.line, split.message)] };
  const fm = split.file;
  const data = fm.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    return { problems: [problem(2, 'the front matter is empty or not a YAML mapping of fields')] };
  }
  const kind = data.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind as FrontMatterKind)) {
    return { problems: [problem(lineOfPath(fm.yamlLines, ['kind']), `kind must be one of ${KINDS.join(', ')}${kind === undefined ? ' (it is missing)' : ` (got ${preview(kind)})`}`)] };
  }
  const result = schemasByKind[kind as FrontMatterKind].safeParse(data);
  if (!result.success) {
    const issues = result.error.issues;
    const shown = issues.slice(0, MAX_PROBLEMS_PER_FILE).map((i) => {
      // An unknown field is reported on its parent; point at the field itself.
      const path = i.code === 'unrecognized_keys' && i.keys.length ? [...i.path, i.keys[0]] : i.path;
      return problem(lineOfPath(fm.yamlLines, path), clip(describeIssue(i)));
    });
    if (issues.length > shown.length) shown.push(problem(2, `and ${issues.length - shown.length} more problems in this front matter`));
    return { problems: shown };
  }
  if (!fm.body.trim()) return { problems: [problem(fm.bodyLine, `the body is empty: a ${kind} needs Markdown after the front matter`)] };

  const problems: ContentProblem[] = [];
  const builders: Record<FrontMatterKind, () => ContentItem | undefined> = {
    question: () => buildQuestion(result.data as QuestionFrontMatter, fm, source, problem, problems),
    role: () => buildRole(result.data as RoleFrontMatter, fm, source),
    topic: () => buildTopic(result.data as TopicFrontMatter, fm, source),
    case: () => buildCase(result.data as CaseFrontMatter, fm, source, problem, problems),
    lesson: () => buildLesson(result.data as LessonFrontMatter, fm, source),
    template: () => buildTemplate(result.data as TemplateFrontMatter, fm, source, problem, problems),
  };
  const item = builders[kind as FrontMatterKind]();
  return { item: problems.some((p) => p.severity === 'error') ? undefined : item, problems };
}

type Problem = (line: number, message: string, severity?: 'error' | 'warning') => ContentProblem;

/** What every item starts with: its kind, its id, the old ids it answers to, and where it came from. */
function identity<K extends ContentItem['kind']>(kind: K, fm: { readonly id: string; readonly aliases?: readonly string[] }, source: Source) {
  return { kind, id: fm.id, aliases: fm.aliases ?? [], source };
}

function buildQuestion(q: QuestionFrontMatter, fm: SplitFile, source: Source, problem: Problem, problems: ContentProblem[]): ContentItem | undefined {
  const { intro, sections } = splitSections(fm.body, fm.bodyLine);
  if (!intro) problems.push(problem(fm.bodyLine, 'the prompt is empty: write the question before the first "## " heading'));
  let answer: Section | undefined;
  let explanation: Section | undefined;
  for (const s of sections) {
    const name = s.heading.toLowerCase();
    if (name === 'answer') answer = s;
    else if (name === 'explanation') explanation = s;
    else problems.push(problem(s.line, `unknown section "## ${s.heading}" in a question: use "## Answer" and "## Explanation"`));
  }
  if (!explanation || !explanation.body) problems.push(problem(explanation?.line ?? fm.bodyLine, 'a question needs a non-empty "## Explanation" section that teaches why'));
  if (q.type === 'flashcard' && (!answer || !answer.body)) problems.push(problem(answer?.line ?? fm.bodyLine, 'a flashcard needs a non-empty "## Answer" section: the model answer'));
  if (problems.some((p) => p.severity === 'error')) return undefined;
  const options = 'options' in q ? q.options.map((o) => ({ html: renderInline(o.text), whyHtml: renderInline(o.why), text: plainText(o.text), ...(o.pinLast ? { pinLast: true } : {}) })) : undefined;
  return {
    ...identity('question', q, source),
    topic: q.topic,
    roles: q.roles,
    difficulty: q.difficulty as 'easy' | 'medium' | 'hard',
    type: q.type,
    promptHtml: renderBlock(intro),
    promptText: plainText(intro),
    answerHtml: answer?.body ? renderBlock(answer.body) : undefined,
    explanationHtml: renderBlock(explanation!.body),
    explanationText: plainText(explanation!.body),
    options,
    correct: q.type === 'single' ? [q.answer] : q.type === 'multi' ? [...q.answer].sort((a, b) => a - b) : undefined,
    numeric: q.type === 'numeric' ? { answer: q.answer, tolerance: q.tolerance, unit: q.unit, ...(q.mistakes ? { mistakes: q.mistakes.map((m) => ({ value: m.value, why: plainText(m.why) })) } : {}) } : undefined,
    ...(q.type === 'flashcard' && q.keyPoints ? { keyPoints: q.keyPoints.map(plainText) } : {}),
    tags: q.tags ?? [],
  };
}

function buildRole(r: RoleFrontMatter, fm: SplitFile, source: Source): ContentItem {
  return { ...identity('role', r, source), name: r.name, summary: r.summary, topics: r.topics, html: renderBlock(fm.body) };
}

function buildTopic(t: TopicFrontMatter, fm: SplitFile, source: Source): ContentItem {
  return { ...identity('topic', t, source), title: t.title, summary: t.summary, concepts: t.concepts, html: renderBlock(fm.body) };
}

function buildLesson(l: LessonFrontMatter, fm: SplitFile, source: Source): ContentItem {
  return {
    ...identity('lesson', l, source),
    title: l.title,
    order: l.order,
    minutes: l.minutes,
    roles: l.roles ?? [],
    html: renderBlock(fm.body),
    selfCheck: l.selfCheck ?? [],
  };
}

const CASE_HEADINGS = ['Prompt', 'Clarifying questions', ...CASE_SECTIONS.map((s) => s.heading)];

function buildCase(c: CaseFrontMatter, fm: SplitFile, source: Source, problem: Problem, problems: ContentProblem[]): ContentItem | undefined {
  const { sections } = splitSections(fm.body, fm.bodyLine);
  const byName = new Map(sections.map((s) => [s.heading.toLowerCase(), s]));
  const missing = CASE_HEADINGS.filter((h) => !byName.get(h.toLowerCase())?.body);
  if (missing.length) {
    problems.push(problem(fm.bodyLine, `a case study needs non-empty sections ${missing.map((h) => `"## ${h}"`).join(', ')}`));
    return undefined;
  }
  const order = sections.map((s) => s.heading.toLowerCase()).filter((h) => CASE_HEADINGS.some((x) => x.toLowerCase() === h));
  const expected = CASE_HEADINGS.map((h) => h.toLowerCase());
  if (order.join('|') !== expected.join('|')) problems.push(problem(fm.bodyLine, `case-study sections are out of order: expected ${CASE_HEADINGS.join(', ')}`, 'warning'));
  const html = (h: string) => renderBlock(byName.get(h.toLowerCase())!.body);
  return {
    ...identity('case', c, source),
    title: c.title,
    summary: c.summary,
    roles: c.roles,
    topics: c.topics,
    promptHtml: html('Prompt'),
    clarifyingHtml: html('Clarifying questions'),
    sections: CASE_SECTIONS.map((s) => ({ key: s.key, heading: s.heading, html: html(s.heading) })),
    rubric: c.rubric as Record<CaseSectionKey, RubricPoint[]>,
  };
}

function buildTemplate(t: TemplateFrontMatter, fm: SplitFile, source: Source, problem: Problem, problems: ContentProblem[]): ContentItem | undefined {
  const { sections } = splitSections(fm.body, fm.bodyLine);
  if (!sections.length) {
    problems.push(problem(fm.bodyLine, 'a template needs "## " sections, each with guiding questions as list items'));
    return undefined;
  }
  const parsed = sections.map((s) => ({
    heading: s.heading,
    guidingQuestions: s.body
      .split('\n')
      .map((l) => /^\s*[-*]\s+(.+)$/.exec(l)?.[1]?.trim())
      .filter((q): q is string => !!q),
    line: s.line,
  }));
  for (const s of parsed) if (!s.guidingQuestions.length) problems.push(problem(s.line, `section "## ${s.heading}" has no guiding questions (list items)`));
  return {
    ...identity('template', t, source),
    title: t.title,
    caseId: t.case,
    markdown: fm.body.trim(),
    sections: parsed.map(({ heading, guidingQuestions }) => ({ heading, guidingQuestions })),
  };
}
