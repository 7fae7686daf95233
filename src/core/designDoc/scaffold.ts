/**
 * Builds the text a "missing section" quick fix inserts: the template's heading and guiding questions,
 * placed where the syllabus order says the section belongs, at the doc's own heading level and with its
 * own line endings.
 */
import type { Template } from '../content/types';
import { DESIGN_DOC_SECTIONS, matchSectionHeading, sectionInfo } from './sections';
import type { DesignSectionKey, ParsedDesignDoc } from './types';

/** A template's sections, as the content index holds them. */
export type TemplateSections = Template['sections'];

export interface SectionMarkdownOptions {
  /** Number of #s; default 2, as in the template. */
  readonly level?: number;
  readonly eol?: '\n' | '\r\n';
}

/**
 * The Markdown of one section: heading plus the template's guiding questions as list items, ending with a
 * line break. Falls back to the canonical heading with no questions when the template lacks the section,
 * so a user template with fewer sections still yields a fix.
 */
export function sectionMarkdown(key: DesignSectionKey, templateSections: TemplateSections, options: SectionMarkdownOptions = {}): string {
  const eol = options.eol ?? '\n';
  const level = Math.min(6, Math.max(1, Math.floor(options.level ?? 2)));
  const fromTemplate = templateSections.find((s) => matchSectionHeading(s.heading)?.key === key);
  const heading = fromTemplate?.heading ?? sectionInfo(key).heading;
  const lines = [`${'#'.repeat(level)} ${heading}`, ...(fromTemplate?.guidingQuestions ?? []).map((q) => `- ${q}`)];
  return lines.join(eol) + eol;
}

/** Text to insert before `character` on 0-based `line`, as a vscode TextEdit.insert would take it. */
export interface SectionInsertion {
  readonly line: number;
  readonly character: number;
  readonly text: string;
}

/**
 * Where and what to insert for a missing section: after the nearest earlier section of the syllabus that
 * the doc has, else before the nearest later one, else at the end. A blank line separates it from its
 * neighbours either side.
 */
export function missingSectionInsertion(doc: ParsedDesignDoc, key: DesignSectionKey, templateSections: TemplateSections): SectionInsertion {
  const order = DESIGN_DOC_SECTIONS.findIndex((s) => s.key === key);
  const present = doc.sections.filter((s) => !s.duplicate);
  const rank = (k: DesignSectionKey) => DESIGN_DOC_SECTIONS.findIndex((s) => s.key === k);
  let before: (typeof present)[number] | undefined;
  let after: (typeof present)[number] | undefined;
  for (const s of present) {
    const r = rank(s.key);
    if (r < order && (!before || r > rank(before.key))) before = s;
    if (r > order && (!after || r < rank(after.key))) after = s;
  }
  const markdown = sectionMarkdown(key, templateSections, { level: doc.sectionLevel, eol: doc.eol });
  const lines = doc.lines;
  const insertAt = before ? before.endLine + 1 : after ? after.line : lines.length;

  if (insertAt < lines.length) {
    const prev = insertAt > 0 ? lines[insertAt - 1] : '';
    const gapBefore = insertAt > 0 && prev.trim() !== '' ? doc.eol : '';
    return { line: insertAt, character: 0, text: gapBefore + markdown + doc.eol };
  }
  const lastLine = lines.length - 1;
  const last = lines[lastLine];
  if (last.trim() === '') {
    const prev = lastLine > 0 ? lines[lastLine - 1] : '';
    return { line: lastLine, character: 0, text: (lastLine > 0 && prev.trim() !== '' ? doc.eol : '') + markdown };
  }
  return { line: lastLine, character: last.length, text: doc.eol + doc.eol + markdown };
}
