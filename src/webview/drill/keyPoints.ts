/**
 * The result screen's extras for one card: a flashcard's key-point checklist, and the rating buttons
 * whose suggestion can change while the result is on screen (as the checklist is ticked).
 */
import type { RatingPreview, Rating } from '../../shared/drill';
import { h } from '../lib/dom';

/**
 * A checklist of a flashcard's key points, as native checkboxes with labels (Tab moves, Space ticks).
 * `onChange` gets how many are ticked after each change; the count is announced politely.
 */
export function keyPointChecklist(points: readonly string[], onChange: (ticked: number) => void): HTMLElement {
  const count = h('p', { class: 'muted', id: 'key-points-count', 'aria-live': 'polite' }, `0 of ${points.length} covered`);
  const list = h('fieldset', { class: 'key-points', id: 'key-points' }, h('legend', {}, 'Tick what your answer covered'));
  const boxes = points.map((point, i) => {
    const box = h('input', { type: 'checkbox', id: `key-point-${i}` });
    list.append(h('div', { class: 'key-point' }, box, h('label', { for: `key-point-${i}` }, point)));
    return box;
  });
  list.addEventListener('change', () => {
    const ticked = boxes.filter((b) => b.checked).length;
    count.textContent = `${ticked} of ${points.length} covered`;
    onChange(ticked);
  });
  list.append(count);
  return list;
}

/** The rating buttons, each with its next interval; `onRate` gets the one pressed. */
export function ratingButtons(previews: readonly RatingPreview[], onRate: (rating: Rating) => void): HTMLElement {
  const ratings = h('div', { class: 'ratings', role: 'group', 'aria-label': 'Rate how well you knew it' });
  for (const p of previews) {
    const b = h('vscode-button', { id: `rate-${p.rating}` }, ratingText(p));
    b.addEventListener('click', () => onRate(p.rating));
    ratings.append(b);
  }
  return ratings;
}

// The accessible name starts with the visible text, so speech users can say what they see.
const ratingText = (p: RatingPreview) => `${p.rating} ${p.label} · ${p.interval}`;

/** Marks `rating` as the suggested one: its button primary, the others secondary, and the hint line. */
export function showSuggestion(root: ParentNode, previews: readonly RatingPreview[], rating: Rating): void {
  for (const p of previews) {
    const b = root.querySelector(`#rate-${p.rating}`);
    if (!b) continue;
    const on = p.rating === rating;
    b.setAttribute('appearance', on ? 'primary' : 'secondary');
    b.setAttribute('aria-label', `${ratingText(p)}: next review in ${p.interval}${on ? ', suggested' : ''}`);
  }
  const hint = root.querySelector('#suggested');
  if (hint) hint.textContent = `Suggested: ${previews.find((p) => p.rating === rating)?.label ?? ''} (Enter). Press 1-4 to choose another.`;
}
