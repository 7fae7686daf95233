/**
 * What a design doc says in the candidate's own words, line by line, and where a quote sits in it. The
 * model is shown this text (headings kept, so it can tell sections apart) and every quote it returns must
 * be found here: a quote of a template's guiding question, a placeholder, a comment or the front matter is
 * not the candidate's answer, so it cannot count as evidence. Pure; the positions map onto editor ranges.
 */
import { parseDesignDoc, type ParsedDesignDoc } from '../designDoc';
import { LINE_COMMENT, LINE_FENCE, LINE_FRONT_MATTER, lineFlags } from '../designDoc/parse';
import { guidingQuestionSpan, inlinePlaceholders } from '../designDoc/text';

/** One line of the candidate's text: its 0-based line in the doc and what is left of it. */
export interface AnswerLine {
  readonly line: number;
  readonly text: string;
}

/** A quote's place in the doc; end is exclusive, like a vscode Range. */
export interface QuoteRange {
  readonly startLine: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** A doc longer than this many lines is read only this far: the sections of a design doc are there. */
export const MAX_REVIEW_LINES = 5_000;

/** Placeholders blanked to spaces of the same length, so columns still line up with the editor's. */
function blankPlaceholders(line: string): string {
  let out = line;
  for (const span of inlinePlaceholders(line)) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

/**
 * The lines of the doc a reviewer reads: headings and prose, with front matter, comments, fence markers
 * and guiding questions left out and placeholders blanked. Code inside fences counts (a config is an answer).
 */
export function answerLines(input: string | ParsedDesignDoc): AnswerLine[] {
  const doc = typeof input === 'string' ? parseDesignDoc(input) : input;
  const flags = lineFlags(doc);
  const out: AnswerLine[] = [];
  const last = Math.min(doc.lines.length, MAX_REVIEW_LINES);
  for (let i = 0; i < last; i++) {
    if (flags[i] & (LINE_FRONT_MATTER | LINE_COMMENT | LINE_FENCE)) continue;
    const line = doc.lines[i];
    if (guidingQuestionSpan(line)) continue;
    const text = blankPlaceholders(line);
    if (text.trim()) out.push({ line: i, text });
  }
  return out;
}

/** The answer lines as one text, the form the model is sent. */
export function answerText(lines: readonly AnswerLine[]): string {
  return lines.map((l) => l.text.trimEnd()).join('\n');
}

/** Folds what models and editors change in a copied phrase: case, curly quotes, dashes, Markdown emphasis. */
function foldChar(c: string): string {
  if (c === '\u2018' || c === '\u2019' || c === '`') return "'";
  if (c === '\u201c' || c === '\u201d') return '"';
  if (/[\u2010-\u2014]/.test(c)) return '-';
  return c.toLowerCase();
}

const SKIPPED = /[*_]/;

interface Folded {
  readonly text: string;
  /** For each character of text, its line index in `lines` and its column. */
  readonly at: readonly (readonly [number, number])[];
}

/** The answer lines folded into one searchable string, white space runs collapsed to one space. */
function fold(lines: readonly AnswerLine[]): Folded {
  let text = '';
  const at: [number, number][] = [];
  lines.forEach((l, li) => {
    for (let col = 0; col < l.text.length; col++) {
      const c = l.text[col];
      if (SKIPPED.test(c)) continue;
      if (/\s/.test(c)) {
        if (text.length && text[text.length - 1] !== ' ') {
          text += ' ';
          at.push([li, col]);
        }
        continue;
      }
      text += foldChar(c);
      at.push([li, col]);
    }
    if (text.length && text[text.length - 1] !== ' ') {
      text += ' ';
      at.push([li, l.text.length]);
    }
  });
  return { text, at };
}

/** The quote folded the same way, with leading list markers, ellipses and wrapping quotes removed. */
export function foldQuote(quote: string): string {
  let q = [...quote]
    .filter((c) => !SKIPPED.test(c))
    .map(foldChar)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  q = q.replace(/^(?:[-+>]|\d{1,3}[.)])\s+/, '');
  q = q.replace(/^["']+|["']+$/g, '').replace(/^(?:\.\.\.|\u2026)\s*|\s*(?:\.\.\.|\u2026)$/g, '');
  return q.trim();
}

/** Finds a quote in a doc's answer lines: its range, or undefined when the doc does not say it. */
export function locateQuote(lines: readonly AnswerLine[], quote: string, folded: Folded = fold(lines)): QuoteRange | undefined {
  const q = foldQuote(quote);
  if (!q) return undefined;
  const index = folded.text.indexOf(q);
  if (index < 0) return undefined;
  const [startLi, startCol] = folded.at[index];
  const [endLi, endCol] = folded.at[index + q.length - 1];
  return { startLine: lines[startLi].line, startCol, endLine: lines[endLi].line, endCol: endCol + 1 };
}

/** A quote locator bound to one doc, so many quotes cost one fold. */
export function quoteLocator(lines: readonly AnswerLine[]): (quote: string) => QuoteRange | undefined {
  const folded = fold(lines);
  return (quote) => locateQuote(lines, quote, folded);
}
