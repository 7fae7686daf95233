/**
 * Reviews without a model, in the shape of a checked model review so every caller maps one shape: a
 * case's rubric matched by its evidence phrases (as the self-review pre-ticks a doc today), and the
 * generic template's one point per section, made when the section has a heading and the checker finds
 * nothing missing in it. Pure.
 */
import type { CaseSectionKey, RubricPoint } from '../content/types';
import { checkDesignDocReport, matchRubricEvidence, parseDesignDoc, type ParsedDesignDoc } from '../designDoc';
import type { CheckedPoint, CheckedReview, ReviewRubric } from './docReview';

function tally(points: CheckedPoint[]): CheckedReview {
  return { points, made: points.filter((p) => p.status === 'made').length, rejected: 0, ignored: 0 };
}

/** The rubric's evidence phrases matched in `text` (no quotes: the phrases are the rubric's own). */
export function heuristicReview(rubric: ReviewRubric, input: string | ParsedDesignDoc): CheckedReview {
  const bySection: Partial<Record<CaseSectionKey, RubricPoint[]>> = {};
  for (const p of rubric.points) (bySection[p.section] ??= [])[p.index] = { point: p.text, evidence: p.evidence };
  const evidence = matchRubricEvidence(input, bySection);
  return tally(
    rubric.points.map((point) => {
      const e = evidence.find((x) => x.section === point.section && x.index === point.index);
      return e?.evidenced
        ? { point, status: 'made', reason: `Matched: ${e.found.join(', ')}` }
        : { point, status: 'missed', reason: 'None of the words this point looks for came up.' };
    }),
  );
}

/** The generic rubric by the checker: a section counts when it has its own heading and no warning. */
export function checkerReview(rubric: ReviewRubric, input: string | ParsedDesignDoc): CheckedReview {
  const doc = typeof input === 'string' ? parseDesignDoc(input) : input;
  const report = checkDesignDocReport(doc);
  return tally(
    rubric.points.map((point) => {
      // A heading of its own: a word such as "model" in another section is not a model-choice answer.
      const covered = report.coverage.find((c) => c.key === point.section)?.via === 'heading';
      const warning = report.diagnostics.find((d) => d.section === point.section && d.severity === 'warning');
      if (covered && !warning) return { point, status: 'made', reason: '' };
      return { point, status: 'missed', reason: warning?.message ?? 'The doc has no such section.' };
    }),
  );
}
