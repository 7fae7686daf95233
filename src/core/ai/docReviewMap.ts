/**
 * Where a checked design-doc review goes: the self-review panel (pre-ticked with the points that passed
 * the host's check, each with its quote, and each miss with its one-line reason) and editor diagnostics
 * (on the quote for a point made, on the section's heading for a point missed). Pure.
 */
import { parseDesignDoc, sectionInfo, type DesignSectionKey, type ParsedDesignDoc } from '../designDoc';
import type { SelfReview, SelfReviewSection } from '../../shared/selfReview';
import { plural } from '../text';
import type { CheckedPoint, CheckedReview, ReviewRubric } from './docReview';
import type { QuoteRange } from './docText';

/** The self-review for a checked review. `info` carries the panel's id, reason, elapsed time and note. */
export function reviewToSelfReview(
  rubric: ReviewRubric,
  review: CheckedReview,
  info: Pick<SelfReview, 'reviewId' | 'reason' | 'elapsed' | 'note' | 'preTickedBy'>,
): SelfReview {
  const sections: SelfReviewSection[] = [];
  for (const checked of review.points) {
    const key = checked.point.section;
    let section = sections.find((s) => s.key === key);
    if (!section) {
      section = { key, heading: sectionInfo(key).heading, points: [] };
      sections.push(section);
    }
    (section.points as SelfReviewSection['points'][number][]).push({
      id: checked.point.id,
      text: checked.point.text,
      evidenced: checked.status === 'made',
      found: checked.status === 'made' && checked.quote ? [checked.quote] : [],
      ...(checked.status !== 'made' && checked.reason ? { reason: checked.reason } : {}),
    });
  }
  return { ...info, caseId: rubric.caseId ?? '', caseTitle: rubric.title, sections };
}

/** One sentence on what the review found and what the host did not count. */
export function reviewSummary(review: CheckedReview, model: string): string {
  const total = review.points.length;
  const rejected =
    review.rejected > 0 ? ` ${plural(review.rejected, 'claimed point')} did not count: the quote was not in your doc or did not show the point.` : '';
  return `${model} found ${review.made} of ${total} rubric points in your doc, each with a quote checked against it.${rejected}`;
}

/** A diagnostic for one rubric point; lines and columns 0-based, end exclusive. */
export interface ReviewFinding extends QuoteRange {
  readonly severity: 'information' | 'warning';
  readonly message: string;
  readonly pointId: string;
  readonly section: DesignSectionKey;
  readonly status: CheckedPoint['status'];
}

function headingRange(doc: ParsedDesignDoc, line: number): QuoteRange {
  const text = doc.lines[line] ?? '';
  return { startLine: line, startCol: text.length - text.trimStart().length, endLine: line, endCol: Math.max(1, text.trimEnd().length) };
}

/** Where a point's section is: its heading, or the doc's first heading (or line) when it has no such section. */
function sectionRange(doc: ParsedDesignDoc, key: DesignSectionKey): { range: QuoteRange; present: boolean } {
  const section = doc.sections.find((s) => s.key === key && !s.duplicate);
  if (section) return { range: headingRange(doc, section.line), present: true };
  const first = doc.headings[0]?.line ?? Math.max(0, doc.frontMatterEnd + 1);
  return { range: headingRange(doc, Math.min(first, Math.max(0, doc.lines.length - 1))), present: false };
}

/** The diagnostics of a checked review: information on each quote that counts, a warning per point missed. */
export function reviewFindings(input: string | ParsedDesignDoc, review: CheckedReview): ReviewFinding[] {
  const doc = typeof input === 'string' ? parseDesignDoc(input) : input;
  return review.points.map((c) => {
    const { point } = c;
    const heading = sectionInfo(point.section).heading;
    const base = { pointId: point.id, section: point.section, status: c.status };
    if (c.status === 'made' && c.range) {
      return { ...base, ...c.range, severity: 'information' as const, message: `Rubric point made (${heading}): ${point.text}` };
    }
    const { range, present } = sectionRange(doc, point.section);
    const where = present ? '' : ` (the doc has no ${heading} section)`;
    return { ...base, ...range, severity: 'warning' as const, message: `Rubric point missed${where}: ${point.text} Why: ${c.reason}` };
  });
}
