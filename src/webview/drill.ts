/**
 * The drill panel: one card at a time, answered and rated entirely from the keyboard.
 * Keys: A-F or 1-6 pick an option, Enter submits, Space reveals a flashcard (Ctrl/Cmd+Enter when it has
 * an answer box, whose typing never triggers these keys), 1-4 rate once the answer is shown (Enter
 * accepts the suggested rating; a flashcard's key-point checklist, ticked with Tab and Space, moves the
 * suggestion; G grades a typed answer with the chat model), U undoes the last rating, Esc ends the
 * session; on the summary, C continues with the cards due again soon, and Tab reaches each failed card.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { parseHostToDrill, type DrillCard, type DrillProgress, type DrillResult, type DrillSummary, type DrillToHost, type Rating } from '../shared/drill';
import { ratingForKeyPoints } from '../shared/keyPoints';
import { keyPointChecklist, ratingButtons, showSuggestion } from './drill/keyPoints';
import { cardHeader, choiceResult, footer, progressBar } from './drill/parts';
import { answerBox, gradingFailed, showGrading, startGrading, typedComparison, typedText } from './drill/typedAnswer';
import { summaryView } from './drill/summary';
import { clear, h, safeHtml } from './lib/dom';
import { connect, onHostMessage } from './lib/host';

const host = connect<DrillToHost>();
const app = document.getElementById('app')!;

type Phase =
  | { kind: 'loading' }
  | { kind: 'answering'; card: DrillCard; selected: Set<number> }
  | { kind: 'result'; card: DrillCard; result: DrillResult; rating: Rating }
  | { kind: 'done' };
let phase: Phase = { kind: 'loading' };

function renderCard(card: DrillCard, progress: DrillProgress): void {
  phase = { kind: 'answering', card, selected: new Set() };
  clear(app);
  const body = h('section', { class: 'card', 'aria-labelledby': 'prompt', 'data-card-id': card.id, 'data-card-type': card.type }, cardHeader(card));
  const prompt = safeHtml(card.promptHtml, 'div', 'content prompt');
  prompt.id = 'prompt';
  body.append(prompt);
  if (card.options) {
    const multi = card.type === 'multi';
    const list = h('div', { class: 'options', role: multi ? 'group' : 'radiogroup', 'aria-labelledby': 'prompt' });
    card.options.forEach((o, i) => {
      const opt = h(
        'button',
        { class: 'option', id: `option-${i}`, role: multi ? 'checkbox' : 'radio', 'aria-checked': 'false', 'data-index': i },
        h('span', { class: 'key' }, o.label),
        safeHtml(o.html, 'span', 'content option-text'),
      );
      opt.addEventListener('click', () => toggle(i));
      list.append(opt);
    });
    body.append(list);
    const submit = h('vscode-button', { id: 'submit', disabled: true }, 'Submit (Enter)');
    submit.addEventListener('click', submitAnswer);
    body.append(h('div', { class: 'actions' }, submit));
  } else if (card.type === 'numeric') {
    const input = h('input', {
      id: 'numeric',
      type: 'text',
      inputmode: 'decimal',
      'aria-label': `Your estimate${card.unit ? ` in ${card.unit}` : ''}`,
      autocomplete: 'off',
    });
    const submit = h('vscode-button', { id: 'submit' }, 'Submit (Enter)');
    submit.addEventListener('click', submitAnswer);
    body.append(h('div', { class: 'numeric' }, input, h('span', { class: 'unit' }, card.unit ?? '')), h('div', { class: 'actions' }, submit));
  } else {
    const reveal = h('vscode-button', { id: 'reveal' }, card.typeAnswer ? 'Reveal answer (Ctrl+Enter)' : 'Reveal answer (Space)');
    reveal.addEventListener('click', submitAnswer);
    body.append(
      card.typeAnswer ? answerBox() : h('p', { class: 'muted' }, 'Answer out loud or in your head, then reveal.'),
      h('div', { class: 'actions' }, reveal),
    );
  }
  app.append(progressBar(progress), body, footer());
  focusCurrent();
  // A numeric input rendered in the same task can refuse focus while the panel is still being laid out.
  if (card.type === 'numeric') setTimeout(focusCurrent, 0);
}

/**
 * Focuses the control the keyboard works on in this phase: the estimate field, the first option, the
 * reveal button, the first key point or the suggested rating, or Continue.
 */
function focusCurrent(): void {
  const id =
    phase.kind === 'answering'
      ? phase.card.type === 'numeric'
        ? 'numeric'
        : phase.card.options
          ? 'option-0'
          : phase.card.typeAnswer
            ? 'typed-answer'
            : 'reveal'
      : phase.kind === 'result'
        ? phase.result.keyPoints?.length
          ? 'key-point-0'
          : `rate-${phase.rating}`
        : phase.kind === 'done'
          ? 'continue'
          : undefined;
  if (id) document.getElementById(id)?.focus();
}

function toggle(i: number): void {
  if (phase.kind !== 'answering' || !phase.card.options || i >= phase.card.options.length) return;
  const multi = phase.card.type === 'multi';
  if (multi) {
    if (phase.selected.has(i)) phase.selected.delete(i);
    else phase.selected.add(i);
  } else {
    phase.selected = new Set([i]);
  }
  app.querySelectorAll<HTMLElement>('.option').forEach((el, j) => {
    const on = phase.kind === 'answering' && phase.selected.has(j);
    el.setAttribute('aria-checked', String(on));
    el.classList.toggle('selected', on);
  });
  document.getElementById(`option-${i}`)?.focus();
  const submit = document.getElementById('submit');
  if (submit) (submit as HTMLElement & { disabled: boolean }).disabled = phase.selected.size === 0;
}

function submitAnswer(): void {
  if (phase.kind !== 'answering') return;
  const card = phase.card;
  if (card.options) {
    if (!phase.selected.size) return;
    host.post({ type: 'submit', cardId: card.id, answer: { kind: 'choice', indices: [...phase.selected] } });
  } else if (card.type === 'numeric') {
    const raw = (document.getElementById('numeric') as HTMLInputElement | null)?.value ?? '';
    const value = Number(raw.replace(/[,_\s]/g, ''));
    if (!raw.trim() || !Number.isFinite(value)) {
      showNotice('Type a number, for example 140 or 1.5e3.');
      return;
    }
    host.post({ type: 'submit', cardId: card.id, answer: { kind: 'numeric', value } });
  } else {
    host.post({ type: 'submit', cardId: card.id, answer: { kind: 'reveal', text: card.typeAnswer ? typedText() : undefined } });
  }
}

function renderResult(result: DrillResult, progress: DrillProgress): void {
  if (phase.kind !== 'answering' && phase.kind !== 'result') return;
  const card = phase.card;
  phase = { kind: 'result', card, result, rating: result.suggestedRating };
  clear(app);
  const verdict =
    result.correct === null
      ? h('p', { class: 'verdict', id: 'verdict' }, 'Compare with the model answer, then rate your recall.')
      : h('p', { class: `verdict ${result.correct ? 'right' : 'wrong'}`, id: 'verdict', role: 'alert' }, result.correct ? '✓ Correct' : '✗ Not quite');
  const body = h('section', { class: 'card result', 'data-card-id': card.id }, cardHeader(card), safeHtml(card.promptHtml, 'div', 'content prompt'), verdict);
  body.append(...choiceResult(card, result));
  // The slip is plain text from the content: shown as text, never as HTML.
  if (result.slip) body.append(h('p', { id: 'numeric-slip', class: 'slip' }, `That is the figure you get if ${result.slip.trim().replace(/[.\s]+$/, '')}.`));
  if (result.typed) body.append(typedComparison(result.typed, result.answerHtml ? safeHtml(result.answerHtml) : undefined, grade));
  else if (result.answerHtml) body.append(h('h2', {}, 'Answer'), safeHtml(result.answerHtml));
  const points = result.keyPoints ?? [];
  // Until a box is ticked the host's suggestion stands; after that the share ticked decides it.
  if (points.length) body.append(keyPointChecklist(points, (ticked) => suggest(ratingForKeyPoints(ticked, points.length))));
  body.append(h('h2', {}, 'Explanation'), safeHtml(result.explanationHtml, 'div', 'content explanation'));
  body.append(h('p', { class: 'muted', id: 'suggested' }), ratingButtons(result.previews, rate));
  showSuggestion(body, result.previews, result.suggestedRating);
  app.append(progressBar(progress), body, footer());
  focusCurrent();
}

function suggest(rating: Rating): void {
  if (phase.kind !== 'result') return;
  phase.rating = rating;
  showSuggestion(app, phase.result.previews, rating);
}

/** "Grade with <model>": the host grades the answer it holds; the result arrives as `graded` or `gradeFailed`. */
function grade(): void {
  if (phase.kind === 'result' && startGrading()) host.post({ type: 'grade', cardId: phase.card.id });
}

function rate(rating: Rating): void {
  if (phase.kind !== 'result') return;
  host.post({ type: 'rate', cardId: phase.card.id, rating });
  phase = { kind: 'loading' };
}

function renderSummary(s: DrillSummary): void {
  phase = { kind: 'done' };
  clear(app);
  app.append(summaryView(s, (msg) => host.post(msg)));
  focusCurrent();
}

function showNotice(message: string): void {
  let el = document.getElementById('notice');
  if (!el) {
    el = h('p', { id: 'notice', class: 'notice', role: 'status' });
    app.prepend(el);
  }
  el.textContent = message;
}

// A panel revived after a window reload renders its card before it is shown, so that focus call can be
// lost; when the panel then gets focus (Ctrl+1, a click on its tab), the keyboard lands on the card's
// control again instead of the page body, where typed digits would go nowhere.
window.addEventListener('focus', () => {
  if (!document.activeElement || document.activeElement === document.body) focusCurrent();
});

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLInputElement | null;
  const key = e.key;
  if ((e.ctrlKey || e.metaKey) && key === 'Enter' && phase.kind === 'answering' && phase.card.typeAnswer) {
    e.preventDefault();
    submitAnswer();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  // Typing fields keep their keys; a key-point checkbox keeps only Space (1-4 and Enter still rate).
  // In the answer box, Esc first leaves a box with text in it (so a typed answer is not lost); from an
  // empty box it ends the session, as from anywhere else.
  if (target?.tagName === 'TEXTAREA' && !(key === 'Escape' && !(target as unknown as HTMLTextAreaElement).value.trim())) {
    if (key === 'Escape') document.getElementById('reveal')?.focus();
    return;
  }
  const inInput = target?.tagName === 'INPUT' && target.type !== 'checkbox';
  if (key === 'Escape') {
    e.preventDefault();
    host.post({ type: 'end' });
    return;
  }
  if (inInput) {
    if (key === 'Enter') {
      e.preventDefault();
      submitAnswer();
    }
    return;
  }
  if (key === 'u' || key === 'U') {
    e.preventDefault();
    host.post({ type: 'undo' });
    return;
  }
  if (phase.kind === 'done' && (key === 'c' || key === 'C') && document.getElementById('continue')) {
    e.preventDefault();
    host.post({ type: 'continue' });
    return;
  }
  if (phase.kind === 'answering') {
    const letter = 'abcdef'.indexOf(key.toLowerCase());
    const digit = '123456'.indexOf(key);
    const i = letter >= 0 && key.length === 1 ? letter : digit;
    if (i >= 0 && phase.card.options) {
      e.preventDefault();
      toggle(i);
    } else if (key === 'Enter') {
      e.preventDefault();
      submitAnswer();
    } else if (key === ' ' && phase.card.type === 'flashcard') {
      e.preventDefault();
      submitAnswer();
    }
  } else if (phase.kind === 'result') {
    const r = '1234'.indexOf(key);
    if (r >= 0) {
      e.preventDefault();
      rate((r + 1) as Rating);
    } else if (key === 'Enter') {
      e.preventDefault();
      rate(phase.rating);
    } else if (key === 'g' || key === 'G') {
      e.preventDefault();
      grade();
    }
  }
});

onHostMessage((raw) => {
  const msg = parseHostToDrill(raw);
  if (!msg) return;
  switch (msg.type) {
    case 'card':
      renderCard(msg.card, msg.progress);
      break;
    case 'result':
      renderResult(msg.result, msg.progress);
      break;
    case 'summary':
      renderSummary(msg.summary);
      break;
    case 'empty':
      phase = { kind: 'done' };
      clear(app);
      app.append(h('section', { class: 'summary' }, h('h1', {}, 'Nothing to drill'), h('p', { id: 'empty-message' }, msg.message)));
      break;
    case 'notice':
      showNotice(msg.message);
      break;
    case 'graded':
      if (phase.kind === 'result' && phase.card.id === msg.cardId) {
        showGrading(msg.grading);
        suggest(msg.grading.rating);
      }
      break;
    case 'gradeFailed':
      if (phase.kind === 'result' && phase.card.id === msg.cardId) gradingFailed(msg.message);
      break;
  }
});

host.post({ type: 'ready' });
