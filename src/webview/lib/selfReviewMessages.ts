/** Checks host messages in the self-review panel before use: the webview trusts nothing it did not validate. */
import type { HostToSelfReview, SelfReview, SelfReviewResult } from '../../shared/selfReview';

function isReview(v: unknown): v is SelfReview {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  if (typeof r.reviewId !== 'string' || typeof r.caseTitle !== 'string' || typeof r.elapsed !== 'string' || !Array.isArray(r.sections)) return false;
  if (r.reason !== 'time-up' && r.reason !== 'finished') return false;
  return r.sections.every((s: unknown) => {
    const sec = s as Record<string, unknown> | null;
    return (
      !!sec &&
      typeof sec.heading === 'string' &&
      Array.isArray(sec.points) &&
      sec.points.every((p: unknown) => {
        const pt = p as Record<string, unknown> | null;
        return !!pt && typeof pt.id === 'string' && typeof pt.text === 'string' && typeof pt.evidenced === 'boolean' && Array.isArray(pt.found);
      })
    );
  });
}

function isResult(v: unknown): v is SelfReviewResult {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return [r.score, r.maxScore, r.cards, r.xp].every((n) => typeof n === 'number' && Number.isFinite(n));
}

export function parseHostToSelfReview(raw: unknown): HostToSelfReview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'show' && isReview(m.review)) return { type: 'show', review: m.review };
  if (m.type === 'recorded' && typeof m.reviewId === 'string' && isResult(m.result)) return { type: 'recorded', reviewId: m.reviewId, result: m.result };
  if (m.type === 'failed' && typeof m.message === 'string') return { type: 'failed', message: m.message };
  return undefined;
}
