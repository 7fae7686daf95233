/**
 * Reading a section's lines the way a reviewer would: guiding questions and placeholders are not answers,
 * comments are invisible, code counts. Shared by the checker (what is left unanswered) and the rubric
 * matcher (what the user actually wrote), so both agree on what "written" means.
 */
import { LINE_CODE, LINE_COMMENT, LINE_FENCE, LINE_FRONT_MATTER, LINE_HEADING, lineFlags } from './parse';
import type { DesignDocSection, ParsedDesignDoc } from './types';

/** A stretch of placeholder text on one line; end is exclusive. */
export interface PlaceholderSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'question' | 'marker' | 'angle' | 'snippet';
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const MARKER = /\b(?:TODO|TBD|FIXME)\b/gi;
/** `${1}`, `${1:text}`, `${1|a,b|}`: bounded so a file of unclosed `${1:` stays linear. */
const SNIPPET = /\$\{\d{1,4}(?:[:|][^}\n]{0,200})?\}/g;
/**
 * `<model name>`, `<N>`: no space just inside the brackets and no digit first, so "p95 < 300 ms and > 50
 * tps" and "latency<300ms, cost>$1" are not placeholders.
 */
const ANGLE = /<([^\s\d<>=-][^<>\n]{0,98}[^\s<>]|[^\s\d<>=!/-])>/g;
const HTML_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'code',
  'dd',
  'del',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
]);
const CODE_SPAN = /`[^`\n]*`/g;

/** A list item ending in "?": the template's guiding questions, which the user replaces with answers. */
export function guidingQuestionSpan(line: string): PlaceholderSpan | undefined {
  const m = LIST_ITEM.exec(line);
  if (!m) return undefined;
  const trimmedEnd = line.trimEnd();
  if (!trimmedEnd.endsWith('?') || trimmedEnd.length <= m[0].length) return undefined;
  const start = line.length - line.trimStart().length;
  return { start, end: trimmedEnd.length, text: trimmedEnd.slice(start), kind: 'question' };
}

function isAnglePlaceholder(inner: string): boolean {
  if (inner.startsWith('/') || inner.startsWith('!') || inner.includes('://')) return false;
  if (/^[^\s@]+@[^\s@]+$/.test(inner)) return false;
  const tag = /^[a-zA-Z][a-zA-Z0-9]*/.exec(inner);
  if (tag && HTML_TAGS.has(tag[0].toLowerCase()) && (tag[0].length === inner.length || /^\s|^\/$/.test(inner.slice(tag[0].length)))) return false;
  return true;
}

/** Placeholders left inside a line of prose: TODO/TBD/FIXME, `<...>` and snippet tab stops. */
export function inlinePlaceholders(line: string): PlaceholderSpan[] {
  const spans: PlaceholderSpan[] = [];
  if (line.length === 0) return spans;
  const prose = line.includes('`') ? line.replace(CODE_SPAN, (s) => ' '.repeat(s.length)) : line;
  for (const m of prose.matchAll(MARKER)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'marker' });
  if (prose.includes('${')) for (const m of prose.matchAll(SNIPPET)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'snippet' });
  if (prose.includes('<')) {
    for (const m of prose.matchAll(ANGLE)) {
      if (isAnglePlaceholder(m[1])) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'angle' });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function blank(line: string, spans: readonly PlaceholderSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += `${line.slice(at, s.start)} `;
    at = s.end;
  }
  return out + line.slice(at);
}

const WORD = /[\p{L}\p{N}]/u;

/** What one section (or the whole body) says once placeholders and comments are taken out. */
export interface AnswerText {
  /** The answer lines joined with '\n', placeholders blanked: what rules and evidence search. */
  readonly text: string;
  /** True when some line outside headings has a word in it: false means the section is unanswered. */
  readonly hasContent: boolean;
  /** Every placeholder, with its 0-based line. */
  readonly placeholders: readonly (PlaceholderSpan & { readonly line: number })[];
}

/**
 * Reads lines [from, to] of a doc. Guiding questions are collected only when `questions` is set: in an
 * "Open questions" section of the user's own, a list of questions is the answer. Without `withText` only
 * the placeholders and hasContent are wanted, and the text stays empty (a 10 MB doc is not copied).
 */
export function readAnswer(doc: ParsedDesignDoc, from: number, to: number, questions: boolean, maxPlaceholders = Infinity, withText = true): AnswerText {
  const flags = lineFlags(doc);
  const parts: string[] = [];
  const placeholders: (PlaceholderSpan & { line: number })[] = [];
  let hasContent = false;
  const last = Math.min(to, doc.lines.length - 1);
  for (let i = Math.max(0, from); i <= last; i++) {
    const f = flags[i];
    const line = doc.lines[i];
    if (f & (LINE_FRONT_MATTER | LINE_COMMENT | LINE_FENCE)) continue;
    if (f & LINE_CODE) {
      if (withText) parts.push(line);
      hasContent ||= WORD.test(line);
      continue;
    }
    const question = questions ? guidingQuestionSpan(line) : undefined;
    if (question) {
      if (placeholders.length < maxPlaceholders) placeholders.push({ ...question, line: i });
      continue;
    }
    const spans = inlinePlaceholders(line);
    for (const s of spans) if (placeholders.length < maxPlaceholders) placeholders.push({ ...s, line: i });
    const cleaned = spans.length ? blank(line, spans) : line;
    if (withText) parts.push(cleaned);
    if (!(f & LINE_HEADING)) hasContent ||= WORD.test(cleaned.replace(LIST_ITEM, ''));
  }
  return { text: parts.join('\n'), hasContent, placeholders };
}

/** A section's answer: the lines below its heading. */
export function sectionAnswer(doc: ParsedDesignDoc, section: DesignDocSection, maxPlaceholders?: number): AnswerText {
  return readAnswer(doc, section.line + 1, section.endLine, true, maxPlaceholders);
}
