/**
 * The end of a mock interview: the candidate's answers scored against the case's rubric, as Markdown for
 * the chat, with the missed points listed so they can become review cards. The score comes from a model's
 * review checked by the host (core/ai/docReview.ts) or, without a model, from the rubric's evidence
 * phrases (core/ai/heuristic.ts). Pure.
 */
import type { CaseSectionKey } from '../content/types';
import { sectionInfo } from '../designDoc';
import type { CheckedReview } from '../ai/docReview';

/** Escapes Markdown so the candidate's and the content's text shows as written, never as links or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

export interface MockSummary {
  readonly markdown: string;
  readonly score: number;
  readonly maxScore: number;
  /** The self-review ids of the points missed: what "turn misses into cards" records. */
  readonly missed: readonly string[];
}

/** The summary of a finished mock: score, then each section's points made and missed. */
export function mockSummary(review: CheckedReview, scoredBy: string): MockSummary {
  const maxScore = review.points.length;
  const lines = [`**Score: ${review.made} of ${maxScore} rubric points** (${escapeMarkdown(scoredBy)}).`, ''];
  let section: CaseSectionKey | undefined;
  for (const c of review.points) {
    if (c.point.section !== section) {
      section = c.point.section;
      lines.push('', `**${escapeMarkdown(sectionInfo(section).heading)}**`, '');
    }
    const mark = c.status === 'made' ? '✓ made' : '✗ missed';
    const why = c.status === 'made' ? (c.quote ? ` You said: “${escapeMarkdown(c.quote)}”` : '') : c.reason ? ` ${escapeMarkdown(c.reason)}` : '';
    lines.push(`- ${mark}: ${escapeMarkdown(c.point.text)}${why}`);
  }
  const missed = review.points.filter((p) => p.status !== 'made').map((p) => p.point.id);
  if (missed.length) lines.push('', `${missed.length} missed ${missed.length === 1 ? 'point' : 'points'} can become review cards.`);
  return { markdown: lines.join('\n'), score: review.made, maxScore, missed };
}
