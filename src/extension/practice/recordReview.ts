/**
 * Recording a rubric self-review, whoever opened it (a timed practice, an AI design-doc review, a mock
 * interview): the case practice with its score, then a review card rated Again for every missed point, so
 * each one comes back in the review queue.
 */
import type { SelfReview, SelfReviewResult } from '../../shared/selfReview';
import { casePracticeXp } from '../../core/progress/xp';
import { cardIdForPoint, scoreSelfReview } from '../../core/practice/selfReviewRubric';
import type { StateService } from '../state/stateService';
import type { RubricCardSync } from './rubricCardSync';

export interface RecordedReview extends SelfReviewResult {
  readonly missed: readonly string[];
  /** The rubric cards rated Again. */
  readonly cardIds: readonly string[];
}

/** Records `review` with these point ids ticked, for the case it names. */
export async function recordRubricReview(
  deps: { readonly state: StateService; readonly cards: RubricCardSync },
  review: SelfReview,
  ticked: readonly string[],
  now: Date,
  /** Runs once the practice is stored and before cards are rated: the timed practice ends its session here. */
  afterPractice?: () => void,
): Promise<RecordedReview> {
  const { score, maxScore, missed } = scoreSelfReview(review, ticked);
  await deps.state.recordCasePractice({ caseId: review.caseId, score, maxScore, missed, now });
  afterPractice?.();
  deps.cards.sync();
  const cardIds = missed.map((p) => cardIdForPoint(review.caseId, p)).filter((id): id is string => !!id && deps.cards.has(id));
  for (const cardId of cardIds) await deps.state.recordReview({ cardId, rating: 1, now, durationMs: 0, xp: 0 });
  return { score, maxScore, cards: cardIds.length, xp: casePracticeXp(score, maxScore), missed, cardIds };
}
