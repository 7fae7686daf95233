/** The end-of-session summary: counts, "Continue now", and a button per card rated Again. */
import type { DrillSummary, DrillToHost } from '../../shared/drill';
import { h } from '../lib/dom';

export function summaryView(s: DrillSummary, post: (msg: DrillToHost) => void): HTMLElement {
  const accuracy = s.graded ? `${Math.round((s.correct / s.graded) * 100)}%` : 'n/a';
  const minutes = Math.max(1, Math.round(s.durationMs / 60000));
  const goOn = s.left ? `${s.left} card${s.left === 1 ? ' is' : 's are'} left in this session.` : s.dueAgain ? `${s.dueAgain}.` : undefined;
  let resume: HTMLElement | undefined;
  if (goOn) {
    resume = h('vscode-button', { id: 'continue' }, 'Continue now (C)');
    resume.addEventListener('click', () => post({ type: 'continue' }));
  }
  const failed = s.failed.length
    ? h(
        'ul',
        { class: 'failed-cards', 'aria-labelledby': 'summary-failed-title' },
        ...s.failed.map((f) => {
          const open = h('button', { class: 'link', 'data-card-id': f.id, title: 'Open this card in a drill' }, f.label);
          open.addEventListener('click', () => post({ type: 'openCard', cardId: f.id }));
          return h('li', {}, open);
        }),
      )
    : undefined;
  return h(
    'section',
    { class: 'summary', 'aria-labelledby': 'summary-title' },
    h('h1', { id: 'summary-title' }, s.left ? 'Session paused' : 'Session complete'),
    h(
      'dl',
      { class: 'stats' },
      h('dt', {}, 'Cards reviewed'),
      h('dd', { id: 'summary-reviewed' }, String(s.reviewed)),
      h('dt', {}, 'Accuracy'),
      h('dd', { id: 'summary-accuracy' }, `${accuracy}${s.graded ? ` (${s.correct} of ${s.graded} graded answers)` : ''}`),
      h('dt', {}, 'Time'),
      h('dd', {}, `${minutes} min`),
      h('dt', {}, 'XP gained'),
      h('dd', { id: 'summary-xp' }, `+${s.xpGained}`),
      h('dt', {}, 'Failed'),
      h('dd', { id: 'summary-failed' }, s.failed.length ? `${s.failed.length} card${s.failed.length === 1 ? '' : 's'} rated Again` : 'none'),
      h('dt', {}, 'Next cards due'),
      h('dd', { id: 'summary-next' }, s.nextDue),
    ),
    goOn ? h('p', { id: 'summary-due-again' }, goOn) : undefined,
    resume ? h('div', { class: 'actions' }, resume) : undefined,
    failed ? h('h2', { id: 'summary-failed-title' }, 'Cards you failed') : undefined,
    failed,
    h('p', { class: 'muted' }, `${resume ? 'Press C to continue, ' : 'Press '}U to undo the last rating, or close this tab.`),
  );
}
