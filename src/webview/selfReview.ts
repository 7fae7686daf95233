/**
 * The self-review after a timed case practice: the case's rubric points by section as native checkboxes
 * (Tab moves, Space ticks), pre-ticked where the doc shows evidence. The host records the result; this
 * view keeps only its ticks as view state, so hiding and showing the panel loses nothing.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { parseHostToSelfReview, type SelfReview, type SelfReviewResult, type SelfReviewToHost } from '../shared/selfReview';
import { clear, h } from './lib/dom';
import { connect, onHostMessage } from './lib/host';

interface ViewState {
  readonly reviewId: string;
  readonly ticked: readonly string[];
}

const host = connect<SelfReviewToHost, ViewState>();
const app = document.getElementById('app')!;
let current: SelfReview | undefined;

function tickedIds(): string[] {
  return [...app.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-id]')].filter((c) => c.checked).map((c) => c.dataset.id!);
}

function updateCount(total: number): void {
  const ticked = tickedIds();
  const count = document.getElementById('count');
  if (count) count.textContent = `${ticked.length} of ${total} points ticked`;
  if (current) host.setState({ reviewId: current.reviewId, ticked });
}

function render(review: SelfReview): void {
  current = review;
  clear(app);
  const saved = host.getState();
  const restored = saved?.reviewId === review.reviewId ? new Set(saved.ticked) : undefined;
  const total = review.sections.reduce((n, s) => n + s.points.length, 0);

  const article = h(
    'article',
    { 'aria-labelledby': 'title' },
    h('h1', { id: 'title' }, `Self-review: ${review.caseTitle}`),
    review.elapsed ? h('p', { class: 'badge' }, `${review.reason === 'time-up' ? 'Time is up' : 'Finished'} after ${review.elapsed}.`) : undefined,
    review.note ? h('p', { class: 'notice' }, review.note) : undefined,
    h(
      'p',
      { class: 'muted', id: 'help' },
      review.preTickedBy
        ? `Tick every point your design doc covers. ${review.preTickedBy} ticked the points it found, each with a quote checked against your doc: untick any you did not really cover. Each point left unticked becomes a review card.`
        : 'Tick every point your design doc covers. Points with matching words in your doc are ticked already: untick any you did not really cover. Each point left unticked becomes a review card.',
    ),
  );

  let n = 0;
  for (const section of review.sections) {
    const headingId = `section-${section.key}`;
    const group = h('div', { class: 'options', role: 'group', 'aria-labelledby': headingId });
    for (const point of section.points) {
      const id = `point-${n++}`;
      const described = point.found.length || point.reason ? `${id}-found` : undefined;
      const box = h('input', { type: 'checkbox', id, 'data-id': point.id, 'aria-describedby': described });
      box.checked = restored ? restored.has(point.id) : point.evidenced;
      const label = h(
        'label',
        { class: box.checked ? 'option selected' : 'option', for: id },
        box,
        h(
          'span',
          {},
          point.text,
          point.found.length
            ? h('span', { class: 'why', id: `${id}-found` }, ` Found in your doc: ${point.found.map((f) => `“${f}”`).join(', ')}.`)
            : point.reason
              ? h('span', { class: 'why', id: `${id}-found` }, ` Missed: ${point.reason}`)
              : undefined,
        ),
      );
      box.addEventListener('change', () => {
        label.classList.toggle('selected', box.checked);
        updateCount(total);
      });
      group.append(label);
    }
    article.append(h('section', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, section.heading), group));
  }

  const confirm = h('vscode-button', { id: 'confirm' }, 'Record self-review');
  confirm.addEventListener('click', () => {
    if (confirm.hasAttribute('disabled')) return;
    confirm.setAttribute('disabled', '');
    host.post({ type: 'confirm', reviewId: review.reviewId, ticked: tickedIds() });
  });
  const later = h('vscode-button', { id: 'close', appearance: 'secondary', title: 'The status bar keeps the review; click it to come back' }, 'Review later');
  later.addEventListener('click', () => host.post({ type: 'close' }));
  article.append(
    h('p', { id: 'count', role: 'status', class: 'muted' }),
    h('p', { id: 'error', class: 'notice', role: 'alert' }),
    h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Self-review actions' }, confirm, later),
  );
  app.append(article);
  updateCount(total);
  app.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
}

function renderResult(result: SelfReviewResult): void {
  clear(app);
  const pct = result.maxScore > 0 ? Math.round((result.score / result.maxScore) * 100) : 0;
  const one = result.cards === 1;
  const cards =
    result.cards > 0
      ? `${result.cards} missed ${one ? 'point is now a review card' : 'points are now review cards'}, rated Again so ${one ? 'it comes' : 'they come'} back in your drills within minutes.`
      : result.score >= result.maxScore
        ? 'You covered every rubric point: no new review cards.'
        : 'No review cards were made for the points left unticked.';
  const actions = h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'After the self-review' });
  if (result.cards > 0) {
    const drill = h('vscode-button', { id: 'drill' }, 'Drill missed points');
    drill.addEventListener('click', () => host.post({ type: 'drillMissed' }));
    actions.append(drill);
  }
  const close = h('vscode-button', { id: 'close', appearance: result.cards > 0 ? 'secondary' : 'primary' }, 'Close');
  close.addEventListener('click', () => host.post({ type: 'close' }));
  actions.append(close);
  app.append(
    h(
      'article',
      { 'aria-labelledby': 'title' },
      h('h1', { id: 'title' }, current ? `Recorded: ${current.caseTitle}` : 'Self-review recorded'),
      h('p', { class: 'badge done', role: 'status' }, `${result.score} of ${result.maxScore} points (${pct}%) · +${result.xp} XP`),
      h('p', {}, cards),
      actions,
    ),
  );
  (actions.firstElementChild as HTMLElement | null)?.focus();
}

onHostMessage((raw) => {
  const msg = parseHostToSelfReview(raw);
  if (!msg) return;
  if (msg.type === 'show') render(msg.review);
  else if (msg.type === 'recorded') renderResult(msg.result);
  else {
    const error = document.getElementById('error');
    if (error) error.textContent = msg.message;
    document.getElementById('confirm')?.removeAttribute('disabled');
  }
});

host.post({ type: 'ready' });
