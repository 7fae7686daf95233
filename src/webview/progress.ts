/**
 * The Progress view: streak, XP and level, readiness for the chosen role with its checklist, a review
 * heatmap, the due forecast, true retention and topic mastery. The host computes everything; this script
 * only draws. Charts are plain elements styled by media/progress.css with theme colours, hidden from
 * screen readers, each followed by its one-sentence summary and a "Show as table" alternative. Checklist
 * lines are native buttons. The view keeps only view state: which disclosures are open, and the focus
 * and scroll position across redraws.
 */
import { parseHostToProgress, type ChecklistItemView, type ForecastView, type HeatmapView, type ProgressAction, type ProgressView, type ReadinessView, type RetentionView, type TopicBarView, type XpView } from '../shared/progress';
import { h } from './lib/dom';
import { onHostMessage } from './lib/host';
import { actionButton, clamp01, disclosure, host, lines, meter, num, pct, points, section, table, width } from './progress/widgets';

const app = document.getElementById('app')!;
/** Checklist lines shown before "Show more". */
const CHECKLIST_SHOWN = 6;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function headline(m: ProgressView): HTMLElement {
  const { streak, xp } = m;
  const streakTile = h(
    'div',
    { class: 'tile', id: 'streak' },
    h('h2', { class: 'tile-title' }, 'Streak'),
    h('p', { class: 'big' }, h('span', { id: 'streak-current' }, String(streak.current)), h('span', { class: 'unit' }, streak.current === 1 ? ' day' : ' days')),
    h('p', { class: 'muted' }, 'Longest ', h('span', { id: 'streak-longest' }, String(streak.longest)), streak.activeToday ? ' · done today' : ' · not yet today'),
  );
  return h('div', { class: 'tiles' }, streakTile, xpTile(xp));
}

function xpTile(xp: XpView): HTMLElement {
  const next = xp.nextLevelAt === null ? 'Top level reached' : `${num(xp.nextLevelAt - xp.total)} XP to ${xp.nextLevelName ?? 'the next level'}`;
  const fill = h('div', { class: 'meter-fill' });
  fill.style.width = width(xp.levelProgress);
  const bar = h(
    'div',
    { class: 'meter level-meter', role: 'progressbar', 'aria-label': `Progress to level ${xp.level + 1}`, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(clamp01(xp.levelProgress) * 100), 'aria-valuetext': next },
    fill,
  );
  return h(
    'div',
    { class: 'tile', id: 'xp' },
    h('h2', { class: 'tile-title' }, 'XP'),
    h('p', { class: 'big' }, h('span', { id: 'xp-total' }, num(xp.total)), h('span', { class: 'unit' }, ' XP')),
    h('p', { class: 'muted', id: 'level' }, `Level ${xp.level} · ${xp.levelName}`),
    xp.nextLevelAt === null ? undefined : bar,
    h('p', { class: 'muted small' }, next),
  );
}

/** A stable key for an action, so focus stays on "the same" checklist line across redraws. */
function actionKey(a: ProgressAction): string {
  const id = 'topicId' in a ? a.topicId : 'lessonId' in a ? a.lessonId : 'caseId' in a ? a.caseId : '';
  return `check:${a.kind}:${id}`;
}

function checklistItem(item: ChecklistItemView): HTMLElement {
  return h('li', {}, actionButton(item.action, actionKey(item.action), 'check-action', h('span', { class: 'check-label' }, item.label), h('span', { class: 'impact' }, points(item.impact))));
}

function readinessBlock(m: ProgressView): HTMLElement {
  const r = m.readiness;
  if (!r) {
    const why = m.roleSetting ? `Your role setting "${m.roleSetting}" names no role in your content.` : 'Choose the role you are preparing for to see how ready you are and what to do next.';
    return section('readiness', 'Readiness', h('p', {}, why), actionButton({ kind: 'chooseRole' }, 'choose-role', 'primary', 'Choose Role…'), otherRoles(m));
  }
  return section(
    'readiness',
    `Readiness: ${r.roleName}`,
    h('p', { class: 'big' }, h('span', { id: 'readiness-percent' }, `${r.percent}%`), h('span', { class: 'unit' }, ' ready')),
    stackedParts(r),
    h('p', { class: 'sr-only' }, r.summary),
    h(
      'ul',
      { class: 'parts' },
      ...r.parts.map((p) =>
        h(
          'li',
          { class: `part part-${p.key}` },
          h('span', { class: 'swatch', 'aria-hidden': 'true' }),
          h('span', { class: 'part-label' }, `${p.label}: ${p.value === null ? 'not measured' : pct(p.value)}`),
          h('span', { class: 'muted small' }, ` ${p.detail}. Weight ${pct(p.effectiveWeight)}, ${points(p.points).slice(1)}.`),
        ),
      ),
    ),
    disclosure('readiness-formula', 'How readiness is computed', lines(m.help.readiness)),
    checklist(r),
    otherRoles(m),
  );
}

function stackedParts(r: ReadinessView): HTMLElement {
  const bar = h('div', { class: 'stacked', 'aria-hidden': 'true' });
  for (const p of r.parts) {
    if (p.points <= 0) continue;
    const seg = h('div', { class: `seg part-${p.key}`, title: `${p.label}: ${points(p.points)}` });
    seg.style.width = width(p.points / 100);
    bar.append(seg);
  }
  return bar;
}

function checklist(r: ReadinessView): HTMLElement {
  const title = h('h3', { id: 'checklist-title' }, 'Next steps');
  if (!r.checklist.length) return h('div', { id: 'checklist' }, title, h('p', { class: 'muted' }, 'Nothing missing for this role. Keep reviewing cards as they come due.'));
  const first = r.checklist.slice(0, CHECKLIST_SHOWN);
  const rest = r.checklist.slice(CHECKLIST_SHOWN);
  return h(
    'div',
    { id: 'checklist' },
    title,
    h('p', { class: 'muted small' }, 'Largest gain first. Each line starts it.'),
    h('ol', { class: 'checklist', 'aria-labelledby': 'checklist-title' }, ...first.map(checklistItem)),
    rest.length ? disclosure('checklist-more', `Show ${rest.length} more`, h('ol', { class: 'checklist', start: CHECKLIST_SHOWN + 1 }, ...rest.map(checklistItem))) : undefined,
  );
}

function otherRoles(m: ProgressView): HTMLElement | undefined {
  if (!m.otherRoles.length) return undefined;
  return h(
    'div',
    { id: 'other-roles' },
    h('h3', {}, m.readiness ? 'Other roles' : 'By role'),
    h('ul', { class: 'roles' }, ...m.otherRoles.map((r) => h('li', {}, h('span', { class: 'role-name' }, r.roleName), meter(r.percent / 100, 'role-meter'), h('span', { class: 'role-pct' }, `${r.percent}%`)))),
  );
}

function heatmapBlock(hm: HeatmapView): HTMLElement {
  const grid = h('div', { class: 'heatmap', 'aria-hidden': 'true' });
  for (const week of hm.weeks) for (const c of week) grid.append(h('span', { class: c.future ? 'cell future' : `cell l${c.level}`, title: c.label, 'data-date': c.date, 'data-count': c.count }));
  const legend = h('p', { class: 'legend muted small', 'aria-hidden': 'true' }, 'Less', ...[0, 1, 2, 3, 4].map((l) => h('span', { class: `cell l${l}` })), 'More');
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
function forecastBlock(f: ForecastView, dueNow: number): HTMLElement {
  const max = Math.max(1, ...f.days.map((d) => d.count));
  const bars = h('div', { class: 'bars', 'aria-hidden': 'true' });
  f.days.forEach((d, i) => {
    const bar = h('div', { class: d.overdue ? 'bar overdue' : 'bar' });
    bar.style.height = d.count ? `max(2px, ${width(d.count / max)})` : '0';
    const day = new Date(`${d.date}T00:00:00Z`);
    bars.append(h('div', { class: 'col', title: d.label }, h('span', { class: 'count' }, d.count ? String(d.count) : ''), h('div', { class: 'track' }, bar), h('span', { class: i === 0 ? 'day today' : 'day' }, String(day.getUTCDate()))));
  });
  return section(
    'forecast',
    `Due in the next ${f.days.length} days`,
    bars,
    h('p', { id: 'forecast-summary' }, f.summary),
    dueNow ? actionButton({ kind: 'drillAllDue' }, 'drill-due', 'primary', `Drill the ${dueNow === 1 ? 'card' : `${dueNow} cards`} due now`) : undefined,
    disclosure('forecast-table', 'Show as table', table('Cards due per day', ['Day', 'Cards due', 'Of which overdue'], f.days.map((d) => [d.label.split(':')[0], String(d.count), String(d.overdue)]))),
  );
}

function retentionBlock(r: RetentionView, help: readonly string[]): HTMLElement {
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

function topicsBlock(topics: readonly TopicBarView[]): HTMLElement {
  const list = h('ul', { class: 'topic-bars' });
  for (const t of topics) {
    list.append(
      h(
        'li',
        { class: t.weight === 'skip' ? 'topic skip' : 'topic' },
        h('span', { class: 'topic-head', 'aria-hidden': 'true' }, h('span', { class: 'topic-title' }, t.title, t.weight ? h('span', { class: 'weight' }, ` ${t.weight}`) : undefined), h('span', { class: 'topic-pct' }, `${t.masteryPct}%`)),
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

function helpBlock(m: ProgressView): HTMLElement {
  return section(
    'help',
    'How it works',
    disclosure('help-xp', 'XP and levels', lines([...m.help.xp, m.help.levels])),
    disclosure('help-readiness', 'Readiness', lines(m.help.readiness)),
    disclosure('help-retention', 'True retention', lines(m.help.retention)),
    h(
      'div',
      { class: 'actions', role: 'group', 'aria-label': 'Your data' },
      actionButton({ kind: 'export' }, 'export', 'secondary', 'Export progress…'),
      actionButton({ kind: 'import' }, 'import', 'secondary', 'Import progress…'),
    ),
  );
}

function render(m: ProgressView): void {
  // Only while this view has the keyboard: refocusing otherwise would pull focus out of a running drill.
  const focusKey = document.hasFocus() ? (document.activeElement as HTMLElement | null)?.closest?.('[data-key]')?.getAttribute('data-key') : undefined;
  const scroll = window.scrollY;
  const root = h(
    'div',
    { id: 'progress-root', 'data-computed-at': m.computedAt },
    h('h1', { class: 'sr-only' }, 'Loop Prep progress'),
    headline(m),
    readinessBlock(m),
    heatmapBlock(m.heatmap),
    forecastBlock(m.forecast, m.topics.reduce((n, t) => n + t.due, 0)),
    retentionBlock(m.retention, m.help.retention),
    topicsBlock(m.topics),
    helpBlock(m),
  );
  app.replaceChildren(root);
  if (focusKey) app.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  window.scrollTo(0, scroll);
}

onHostMessage((raw) => {
  const msg = parseHostToProgress(raw);
  if (msg) render(msg.model);
});

host.post({ type: 'ready' });
