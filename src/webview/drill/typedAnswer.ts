/**
 * Typed answers on a flashcard: the answer box before the reveal, the typed answer beside the model
 * answer after it, "What you wrote last time", and "Grade with <model>" with its graded checklist. Every
 * string from the host (the answer, quotes, feedback) is shown as text, never as HTML.
 */
import type { AnswerGrading, TypedAnswerView } from '../../shared/drill';
import { RATING_LABELS } from '../../shared/drill';
import { h } from '../lib/dom';

/** The answer box: a labelled textarea; Ctrl/Cmd+Enter reveals (the drill's keydown handler does that). */
export function answerBox(): HTMLElement {
  const hint = h(
    'p',
    { class: 'muted', id: 'typed-answer-hint' },
    'Type your answer, then press Ctrl+Enter (Cmd+Enter on a Mac) to reveal. Esc leaves the box; from an empty box it ends the session.',
  );
  const box = h('textarea', { id: 'typed-answer', rows: 6, spellcheck: 'true', 'aria-describedby': 'typed-answer-hint' });
  return h('div', { class: 'typed-answer' }, h('label', { for: 'typed-answer' }, 'Your answer'), box, hint);
}

/** The text in the answer box, or undefined when there is none. */
export function typedText(): string | undefined {
  const value = (document.getElementById('typed-answer') as HTMLTextAreaElement | null)?.value.trim();
  return value || undefined;
}

/** The typed answer beside the model answer (`answer`), with last time's answer and the grade button. */
export function typedComparison(typed: TypedAnswerView, answer: HTMLElement | undefined, onGrade: () => void): HTMLElement {
  const mine = h('div', { class: 'compare-mine' }, h('h2', {}, 'Your answer'), h('p', { id: 'typed-text', class: 'typed-text' }, typed.text));
  if (typed.last)
    mine.append(
      h(
        'details',
        { id: 'last-answer' },
        h('summary', {}, `What you wrote last time (${typed.last.when})`),
        h('p', { class: 'typed-text', id: 'last-answer-text' }, typed.last.text),
      ),
    );
  if (typed.grader !== undefined) {
    const button = h('vscode-button', { id: 'grade', appearance: 'secondary' }, `Grade with ${typed.grader} (G)`);
    button.addEventListener('click', onGrade);
    mine.append(h('div', { class: 'actions' }, button), h('p', { id: 'grade-status', class: 'muted', role: 'status' }));
  }
  const theirs = h('div', { class: 'compare-answer' }, h('h2', {}, 'Answer'));
  if (answer) theirs.append(answer);
  return h('div', { class: 'compare', id: 'compare' }, mine, theirs);
}

/** Marks grading as under way; false when it already is (or there is no button). */
export function startGrading(): boolean {
  const button = document.getElementById('grade') as (HTMLElement & { disabled: boolean }) | null;
  if (!button || button.disabled) return false;
  button.disabled = true;
  setStatus('Grading… you can rate at any time.');
  return true;
}

function setStatus(text: string): void {
  const status = document.getElementById('grade-status');
  if (status) status.textContent = text;
}

/** Grading did not happen: says why, and leaves the checklist for self-grading. */
export function gradingFailed(message: string): void {
  setStatus(`${message} Tick the checklist yourself.`);
  const button = document.getElementById('grade') as (HTMLElement & { disabled: boolean }) | null;
  if (button) button.disabled = false;
}

/**
 * Pre-ticks the checklist from a grading and shows each point's evidence and the feedback. The caller
 * then shows `grading.rating` as the suggestion (Enter confirms it, 1-4 picks another).
 */
export function showGrading(grading: AnswerGrading): void {
  grading.points.forEach((p, i) => {
    const box = document.getElementById(`key-point-${i}`) as HTMLInputElement | null;
    if (!box) return;
    box.checked = p.hit;
    const row = box.parentElement!;
    row.querySelector('.evidence')?.remove();
    const text = p.hit ? `“${p.quote ?? ''}”` : p.unverified ? 'Not counted: the quote given is not in your answer.' : 'Missed.';
    const evidence = h('span', { class: `evidence ${p.hit ? 'hit' : 'missed'}`, id: `key-point-evidence-${i}` }, text);
    row.querySelector('label')?.append(h('br'), evidence);
  });
  // The count line and the suggestion follow the ticks as if the user had ticked them.
  document.getElementById('key-points')?.dispatchEvent(new Event('change'));
  const hits = grading.points.filter((p) => p.hit).length;
  setStatus(
    `Graded by ${grading.model}: ${hits} of ${grading.points.length} key points, suggested ${RATING_LABELS[grading.rating]}. Enter confirms; 1-4 picks another.`,
  );
  const feedback = h('p', { id: 'grade-feedback', class: 'grade-feedback' }, grading.feedback);
  document.getElementById('grade-feedback')?.remove();
  document.getElementById('grade-status')?.after(feedback);
}
