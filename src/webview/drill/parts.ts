/** The parts every drill screen shares: the progress line, the card's header and the keys footer. */
import type { DrillCard, DrillProgress } from '../../shared/drill';
import { h } from '../lib/dom';

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
