/**
 * The Progress view's interview section: the date and pace, what to drop, today's plan items, the
 * forecast of recall on the day as CSS bars (hidden from screen readers) with a table, the expected
 * readiness, and the retention comparison, whose rows are buttons that set the desired retention.
 */
import type { InterviewView } from '../../shared/interview';
import { h } from '../lib/dom';
import { actionButton, disclosure, meter, section, table } from './widgets';

function forecastChart(view: NonNullable<InterviewView['active']>): HTMLElement {
  const rows = view.forecast.map((t) =>
    h(
      'li',
      { class: 'forecast-topic' },
      h('span', { class: 'ft-title' }, t.title),
      h('span', { class: 'ft-bars' }, meter(t.nowPct / 100, 'ft-now'), meter(t.onDayPct / 100, 'ft-day')),
      h('span', { class: 'ft-pct' }, `${t.nowPct}% → ${t.onDayPct}%`),
    ),
  );
  return h(
    'div',
    { id: 'interview-forecast' },
    h('h3', {}, 'Recall on the day'),
    h('p', { class: 'muted small', 'aria-hidden': 'true' }, h('span', { class: 'key key-now' }, 'now'), ' ', h('span', { class: 'key key-day' }, 'on the day')),
    h('ul', { class: 'forecast-topics', 'aria-hidden': 'true' }, ...rows),
    table(
      'Predicted recall per core topic',
      ['Topic', 'Now', 'On the day'],
      view.forecast.map((t) => [t.title, `${t.nowPct}%`, `${t.onDayPct}%`]),
    ),
    h('p', { id: 'interview-readiness', class: 'big-line' }, view.readiness),
  );
}

function simulationTable(view: InterviewView): HTMLElement {
  return h(
    'div',
    { id: 'interview-simulation' },
    h('h3', { id: 'simulation-title' }, `Help me decide: the next ${view.simulationDays} days`),
    h('p', { class: 'muted small' }, 'Simulated with FSRS from your cards. Pick a row to set your desired retention.'),
    h(
      'ul',
      { class: 'simulation', 'aria-labelledby': 'simulation-title' },
      ...view.simulation.map((r) =>
        h(
          'li',
          {},
          actionButton(
            { kind: 'setRetention', value: r.retention },
            `retention:${r.retention}`,
            r.current ? 'sim-row current' : 'sim-row',
            h('span', { class: 'sim-ret' }, `${Math.round(r.retention * 100)}%`),
            h('span', {}, `${r.reviewsPerDay} reviews/day`),
            h('span', {}, `${r.recallPct}% recall at the end`),
            r.current ? h('span', { class: 'sim-current' }, '(current)') : undefined,
          ),
        ),
      ),
    ),
  );
}

/** The section; `undefined` when the host sent no interview part. */
export function interviewBlock(view: InterviewView | undefined): HTMLElement | undefined {
  if (!view) return undefined;
  const set = actionButton(
    { kind: 'setInterviewDate' },
    'set-interview-date',
    view.active ? 'secondary' : 'primary',
    view.active ? 'Add or change a date…' : 'Set interview date…',
  );
  if (!view.active)
    return section(
      'interview',
      view.mode === 'maintenance' ? 'Interview: maintenance mode' : 'Interview',
      h(
        'p',
        {},
        view.mode === 'maintenance'
          ? 'Maintenance: no date set, reviews at the maintenance retention.'
          : 'Have a date? Set it to get a daily plan, pace and a forecast of recall on the day.',
      ),
      set,
      simulationTable(view),
    );
  const a = view.active;
  return section(
    'interview',
    a.title,
    h('p', { id: 'interview-pace', class: `pace pace-${a.status}` }, a.pace),
    a.drop ? h('p', { id: 'interview-drop', class: 'drop' }, a.drop) : undefined,
    a.today.length
      ? h('ul', { id: 'interview-today', class: 'help-lines', 'aria-label': 'Today in the plan' }, ...a.today.map((t) => h('li', {}, t)))
      : undefined,
    h('div', { class: 'actions' }, actionButton({ kind: 'preInterview' }, 'pre-interview', 'secondary', 'Pre-interview review'), set),
    forecastChart(a),
    view.later.length
      ? disclosure('interview-later', `${view.later.length} more upcoming`, h('ul', { class: 'help-lines' }, ...view.later.map((l) => h('li', {}, l))))
      : undefined,
    simulationTable(view),
  );
}
