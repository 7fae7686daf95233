/** The parts every drill screen shares: the progress line, the card's header and the keys footer. */
import type { DrillCard, DrillProgress, DrillResult } from '../../shared/drill';
import { h, safeHtml } from '../lib/dom';

export function progressBar(p: DrillProgress): HTMLElement {
  const bar = h('progress', { max: p.total, value: p.position - 1, 'aria-hidden': 'true' });
  const again = p.again ? ` · ${p.again} again` : '';
  const label = `Card ${p.position} of ${p.total}${p.again ? `, ${p.again} of them coming back` : ''}`;
  return h(
    'div',
    { class: 'drill-progress' },
    h('span', { id: 'progress-text', role: 'status', 'aria-label': label }, `${p.position} / ${p.total}${again}`),
    bar,
    h('span', { class: 'muted' }, p.modeLabel),
  );
}

export function cardHeader(card: DrillCard): HTMLElement {
  return h(
    'p',
    { class: 'muted card-meta' },
    `${card.topicTitle} · ${card.difficulty} · ${card.type === 'multi' ? 'select all that apply' : card.type === 'numeric' ? 'estimate' : card.type === 'flashcard' ? 'recall' : 'choose one'}`,
  );
}

export function footer(): HTMLElement {
  return h('p', { class: 'muted keys' }, 'Keys: A–F or 1–6 pick · Enter submit · Space reveal · 1–4 rate · U undo · Esc end');
}

/** A choice card's options with their marks and reasons, and a numeric card's estimate against the answer. */
export function choiceResult(card: DrillCard, result: DrillResult): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (card.options) {
    const list = h('ol', { class: 'options-result', type: 'A' });
    card.options.forEach((o, i) => {
      const isCorrect = result.correctIndices?.includes(i) ?? false;
      const chosen = result.chosenIndices?.includes(i) ?? false;
      const li = h(
        'li',
        { class: `${isCorrect ? 'is-correct' : ''} ${chosen ? 'is-chosen' : ''}` },
        safeHtml(o.html, 'div', 'content'),
        h('span', { class: 'sr-only' }, `${isCorrect ? 'correct option' : 'incorrect option'}${chosen ? ', your choice' : ''}`),
      );
      const why = result.optionWhyHtml?.[i];
      if (why) li.append(safeHtml(why, 'div', 'content why'));
      list.append(li);
    });
    out.push(list);
  }
  if (result.numeric) {
    const n = result.numeric;
    out.push(
      h('p', { id: 'numeric-result' }, `Your estimate: ${n.given} ${n.unit}. Answer: ${n.answer} ${n.unit} (within ${Math.round(n.tolerance * 100)}% counts).`),
    );
  }
  return out;
}
