/**
 * Matches a design doc against a case study's rubric, to pre-tick the self-review: a point counts as
 * evidenced when any of its evidence phrases appears in what the user wrote (guiding questions and
 * placeholders excluded) in the matching section, or anywhere when that section is missing. It is a hint
 * for the user to confirm, not a grade.
 */
import type { RubricPoint } from '../content/types';
import { parseDesignDoc } from './parse';
import { DESIGN_DOC_SECTIONS } from './sections';
import { readAnswer, sectionAnswer } from './text';
import type { DesignSectionKey, ParsedDesignDoc } from './types';

export interface RubricEvidence {
  readonly section: DesignSectionKey;
  /** The point's index in rubric[section]: the stable way to refer to it in stored self-reviews. */
  readonly index: number;
  readonly point: string;
  /** True when at least one evidence phrase was found. */
  readonly evidenced: boolean;
  /** The evidence phrases found, as written in the rubric. */
  readonly found: readonly string[];
  /** True when the doc has no such section, so the whole doc was searched. */
  readonly searchedWholeDoc: boolean;
}

/**
 * Lowercases, folds curly quotes, hyphens, slashes and underscores to plain forms, and collapses white
 * space, so "Time-to-first token" in a doc matches the phrase "time to first token".
 */
export function normalizeForEvidence(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[-_/\u2010-\u2014]/g, ' ')
    .replace(/\s+/g, ' ');
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * True when the normalized phrase occurs in the normalized text starting at a word boundary and ending at
 * one, optionally after a plural "s" or "es": "acl" matches "ACLs" but not "oracle".
 */
export function containsPhrase(text: string, phrase: string): boolean {
  if (!phrase) return false;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (isWordChar(text[at - 1]) && isWordChar(phrase[0])) continue;
    const end = at + phrase.length;
    if (!isWordChar(phrase[phrase.length - 1]) || !isWordChar(text[end])) return true;
    if (text[end] === 's' && !isWordChar(text[end + 1])) return true;
    if (text.startsWith('es', end) && !isWordChar(text[end + 2])) return true;
  }
  return false;
}

/**
 * For every rubric point of every section (in syllabus order), whether the doc shows evidence of it.
 * Accepts the text or a parsed doc; sections the rubric lacks are skipped.
 */
export function matchRubricEvidence(input: string | ParsedDesignDoc, rubric: Partial<Record<DesignSectionKey, readonly RubricPoint[]>>): RubricEvidence[] {
  const doc = typeof input === 'string' || input == null ? parseDesignDoc(input as string) : input;
  let wholeDoc: string | undefined;
  const results: RubricEvidence[] = [];
  for (const { key } of DESIGN_DOC_SECTIONS) {
    const points = rubric[key];
    if (!points?.length) continue;
    const section = doc.sections.find((s) => s.key === key && !s.duplicate);
    let text: string;
    if (section) text = normalizeForEvidence(sectionAnswer(doc, section, 0).text);
    else text = wholeDoc ??= normalizeForEvidence(readAnswer(doc, doc.frontMatterEnd + 1, doc.lines.length - 1, true, 0).text);
    points.forEach((p, index) => {
      const found = (p.evidence ?? []).filter((e) => containsPhrase(text, normalizeForEvidence(e).trim()));
      results.push({ section: key, index, point: p.point, evidenced: found.length > 0, found, searchedWholeDoc: !section });
    });
  }
  return results;
}
