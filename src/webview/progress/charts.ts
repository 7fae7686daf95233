/** The Progress view's charts: heatmap, due forecast, true retention and topic mastery, each with its table. */
import type { ForecastView, HeatmapView, RetentionView, TopicBarView } from '../../shared/progress';
import { h } from '../lib/dom';
import { actionButton, disclosure, lines, meter, pct, section, table, width } from './widgets';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function heatmapBlock(hm: HeatmapView): HTMLElement {
  const grid = h('div', { class: 'heatmap', 'aria-hidden': 'true' });
  for (const week of hm.weeks)
    for (const c of week)
      grid.append(h('span', { class: c.future ? 'cell future' : `cell l${c.level}`, title: c.label, 'data-date': c.date, 'data-count': c.count }));
  const legend = h(
    'p',
    { class: 'legend muted small', 'aria-hidden': 'true' },
    'Less',
    ...[0, 1, 2, 3, 4].map((l) => h('span', { class: `cell l${l}` })),
    'More',
  );
  const days = Array.from({ length: 7 }, (_, d) => WEEKDAYS[(hm.weekStartsOn + d) % 7]);
  const rows = hm.weeks.map((w) => [`Week of ${w[0]?.date ?? ''}`, ...w.map((c) => (c.future ? '–' : String(c.count)))]);
  return section(
    'heatmap',
    `Reviews, last ${hm.weeks.length} weeks`,
    grid,
    legend,
    h('p', { id: 'heatmap-summary' }, hm.summary),
    disclosure('heatmap-table', 'Show as table', table('Reviews per day, one row per week', ['Week', ...days], [...rows].reverse())),
  );
}

/** `dueNow`: cards due at this moment (the forecast's today also counts cards due later today). */
export function forecastBlock(f: ForecastView, dueNow: number): HTMLElement {
  const max = Math.max(1, ...f.days.map((d) => d.count));
  const bars = h('div', { class: 'bars', 'aria-hidden': 'true' });
  f.days.forEach((d, i) => {
    const bar = h('div', { class: d.overdue ? 'bar overdue' : 'bar' });
    bar.style.height = d.count ? `max(2px, ${width(d.count / max)})` : '0';
    const day = new Date(`${d.date}T00:00:00Z`);
    bars.append(
      h(
        'div',
        { class: 'col', title: d.label },
        h('span', { class: 'count' }, d.count ? String(d.count) : ''),
        h('div', { class: 'track' }, bar),
        h('span', { class: i === 0 ? 'day today' : 'day' }, String(day.getUTCDate())),
      ),
    );
  });
  return section(
    'forecast',
    `Due in the next ${f.days.length} days`,
    bars,
    h('p', { id: 'forecast-summary' }, f.summary),
    dueNow ? actionButton({ kind: 'drillAllDue' }, 'drill-due', 'primary', `Drill the ${dueNow === 1 ? 'card' : `${dueNow} cards`} due now`) : undefined,
    disclosure(
      'forecast-table',
      'Show as table',
      table(
        'Cards due per day',
        ['Day', 'Cards due', 'Of which overdue'],
        f.days.map((d) => [d.label.split(':')[0], String(d.count), String(d.overdue)]),
      ),
    ),
  );
}

export function retentionBlock(r: RetentionView, help: readonly string[]): HTMLElement {
  const gauge = h('div', { class: 'retention-gauge', 'aria-hidden': 'true' }, meter(r.retention ?? 0, 'retention-meter'), h('div', { class: 'target-mark' }));
  (gauge.lastElementChild as HTMLElement).style.left = width(r.desired);
  return section(
    'retention',
    'True retention',
    r.retention === null
      ? h('p', { class: 'muted', id: 'retention-value' }, `Not measured yet; desired ${pct(r.desired)}.`)
      : h('p', { class: 'big' }, h('span', { id: 'retention-value' }, pct(r.retention)), h('span', { class: 'unit' }, ` of ${pct(r.desired)} desired`)),
    gauge,
    h('p', { id: 'retention-summary' }, r.summary),
    disclosure('retention-formula', 'How true retention is computed', lines(help)),
  );
}

export function topicsBlock(topics: readonly TopicBarView[]): HTMLElement {
  const list = h('ul', { class: 'topic-bars' });
  for (const t of topics) {
    list.append(
      h(
        'li',
        { class: t.weight === 'skip' ? 'topic skip' : 'topic' },
        h(
          'span',
          { class: 'topic-head', 'aria-hidden': 'true' },
          h('span', { class: 'topic-title' }, t.title, t.weight ? h('span', { class: 'weight' }, ` ${t.weight}`) : undefined),
          h('span', { class: 'topic-pct' }, `${t.masteryPct}%`),
        ),
        meter(t.masteryPct / 100, 'topic-meter'),
        h('span', { class: 'sr-only' }, t.label),
      ),
    );
  }
  const rows = topics.map((t) => [t.title, t.weight ?? '–', `${t.masteryPct}%`, `${t.seen} of ${t.cards}`, String(t.due), String(t.mastered)]);
  return section(
    'topics',
    'Topic mastery',
    topics.length ? list : h('p', { class: 'muted' }, 'No topics in your content yet.'),
    disclosure('topics-table', 'Show as table', table('Mastery per topic', ['Topic', 'Weight', 'Mastery', 'Cards seen', 'Due', 'Mastered'], rows)),
  );
}
