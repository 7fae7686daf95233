/**
 * The design-doc checker: what a reviewer would flag in a practice design doc, as editor diagnostics.
 * Pure and synchronous so the extension can run it on every change and the CLI and tests can run it on a
 * string; it never throws on any text.
 */
import { parseDesignDoc } from './parse';
import { CONTENT_RULES } from './rules';
import { DESIGN_DOC_SECTIONS, sectionInfo } from './sections';
import { readAnswer, sectionAnswer, type PlaceholderSpan } from './text';
import { DESIGN_DOC_CODES, type DesignDocDiagnostic, type DesignDocSection, type DesignSectionKey, type ParsedDesignDoc } from './types';

export interface CheckOptions {
  /**
   * At most this many diagnostics (default 1000), earliest lines first. A 10 MB file of leftover TODOs
   * would otherwise flood the Problems panel and slow the editor; the first ones already show the pattern.
   */
  readonly maxDiagnostics?: number;
}

const CODE_ORDER = new Map<string, number>(DESIGN_DOC_CODES.map((c, i) => [c, i]));

function placeholderMessage(p: PlaceholderSpan): string {
  if (p.kind === 'question') return 'A guiding question is still here. Answer it in the section\'s own words (a decision, a number, a reason), then delete the question.';
  if (p.kind === 'snippet') return `Snippet placeholder ${p.text} is still here. Replace it with your actual value or decision.`;
  if (p.kind === 'angle') return `Placeholder ${p.text.length > 60 ? `${p.text.slice(0, 57)}...>` : p.text} is still here. Replace it with the concrete name, number or choice.`;
  return `"${p.text}" is still here. Replace it with the decision, number or reason; an interviewer reads a gap as "not considered".`;
}

/** The whole heading line, from its first # to its last visible character. */
function headingRange(doc: ParsedDesignDoc, line: number): Pick<DesignDocDiagnostic, 'startLine' | 'startCol' | 'endLine' | 'endCol'> {
  const text = doc.lines[line] ?? '';
  return { startLine: line, startCol: text.length - text.trimStart().length, endLine: line, endCol: text.trimEnd().length };
}

/**
 * Checks a design doc. Pass the text, or a doc from parseDesignDoc when the caller also needs the sections
 * (code lenses, rubric), so the text is parsed once. Runs whether or not the doc has the
 * `loopPrep: design-doc` marker: the caller decides when to check unasked.
 */
export function checkDesignDoc(input: string | ParsedDesignDoc, options: CheckOptions = {}): DesignDocDiagnostic[] {
  const doc = typeof input === 'string' || input == null ? parseDesignDoc(input as string) : input;
  const max = Math.max(0, options.maxDiagnostics ?? 1000);
  const out: DesignDocDiagnostic[] = [];
  let placeholderBudget = max;

  const addPlaceholders = (spans: readonly (PlaceholderSpan & { line: number })[], section?: DesignSectionKey) => {
    for (const p of spans) {
      if (placeholderBudget-- <= 0) return;
      out.push({
        code: 'placeholder',
        severity: 'warning',
        message: placeholderMessage(p),
        ...(section ? { section } : {}),
        startLine: p.line,
        startCol: p.start,
        endLine: p.line,
        endCol: p.end,
      });
    }
  };

  const first = new Map<DesignSectionKey, DesignDocSection>();
  for (const s of doc.sections) {
    if (!s.duplicate) {
      first.set(s.key, s);
      continue;
    }
    const kept = first.get(s.key);
    out.push({
      code: 'duplicate-section',
      severity: 'information',
      message: `A second "${sectionInfo(s.key).heading}" section (the first is on line ${(kept?.line ?? 0) + 1}). Only the first is checked; merge the two so a reviewer finds everything in one place.`,
      section: s.key,
      ...headingRange(doc, s.line),
    });
  }

  const anchor = Math.max(0, doc.frontMatterEnd);
  for (const info of DESIGN_DOC_SECTIONS) {
    const s = first.get(info.key);
    if (!s) {
      out.push({
        code: 'missing-section',
        severity: 'warning',
        message: `No "${info.heading}" section. A strong answer ${info.strongAnswer}.`,
        section: info.key,
        startLine: anchor,
        startCol: 0,
        endLine: anchor,
        endCol: (doc.lines[anchor] ?? '').length,
      });
      continue;
    }
    const answer = sectionAnswer(doc, s, Math.max(0, placeholderBudget));
    if (!answer.hasContent) {
      out.push({
        code: 'empty-section',
        severity: 'warning',
        message: `"${s.heading}" has no answer yet${answer.placeholders.length ? ', only guiding questions or placeholders' : ''}. A strong answer ${info.strongAnswer}.`,
        section: info.key,
        ...headingRange(doc, s.line),
      });
      continue;
    }
    addPlaceholders(answer.placeholders, info.key);
    for (const rule of CONTENT_RULES) {
      if (rule.section === info.key && !rule.satisfied(answer.text)) {
        out.push({ code: rule.code, severity: 'warning', message: rule.message, section: info.key, ...headingRange(doc, s.line) });
      }
    }
  }

  // Placeholders outside the checked sections: the intro, the user's own sections, repeated sections.
  const checked = [...first.values()].sort((a, b) => a.line - b.line);
  let from = doc.frontMatterEnd + 1;
  for (const s of [...checked, undefined]) {
    const to = s ? s.line - 1 : doc.lines.length - 1;
    if (to >= from && placeholderBudget > 0) addPlaceholders(readAnswer(doc, from, to, false, placeholderBudget).placeholders);
    if (s) from = Math.max(from, s.endLine + 1);
  }

  out.sort((a, b) => a.startLine - b.startLine || a.startCol - b.startCol || (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0));
  return out.length > max ? out.slice(0, max) : out;
}
