/**
 * A flashcard's key-point checklist suggests a rating from the share of points the user says their answer
 * covered. The webview updates the suggestion as boxes are ticked; the user can always pick another.
 */
export type KeyPointRating = 1 | 2 | 3;

/** Under a third covered: Again. Under two thirds: Hard. Otherwise Good (Easy stays the user's call). */
export function ratingForKeyPoints(ticked: number, total: number): KeyPointRating {
  if (!Number.isFinite(ticked) || !Number.isFinite(total) || total <= 0) return 3;
  const share = Math.min(Math.max(ticked, 0), total) / total;
  if (share < 1 / 3) return 1;
  if (share < 2 / 3) return 2;
  return 3;
}
