/**
 * The Progress view: streak, XP and level, readiness for the chosen role with its checklist, a review
 * heatmap, the due forecast, true retention and topic mastery. The host computes everything; this script
 * only draws. Charts are plain elements styled by media/progress.css with theme colours, hidden from
 * screen readers, each followed by its one-sentence summary and a "Show as table" alternative. Checklist
 * lines are native buttons. The view keeps only view state: which disclosures are open, and the focus
 * and scroll position across redraws.
 */
import { parseHostToProgress, type ChecklistItemView, type ProgressAction, type ProgressView, type ReadinessView, type XpView } from '../shared/progress';
import { h } from './lib/dom';
import { onHostMessage } from './lib/host';
import { forecastBlock, heatmapBlock, retentionBlock, topicsBlock } from './progress/charts';
import { interviewBlock } from './progress/interview';
import { actionButton, clamp01, disclosure, host, lines, meter, num, pct, points, section, width } from './progress/widgets';

const app = document.getElementById('app')!;
/** Checklist lines shown before "Show more". */
const CHECKLIST_SHOWN = 6;

function headline(m: ProgressView): HTMLElement {
  const { streak, xp } = m;
  const streakTile = h(
    'div',
    { class: 'tile', id: 'streak' },
    h('h2', { class: 'tile-title' }, 'Streak'),
    h(
      'p',
      { class: 'big' },
      h('span', { id: 'streak-current' }, String(streak.current)),
      h('span', { class: 'unit' }, streak.current === 1 ? ' day' : ' days'),
    ),
    h(
      'p',
      { class: 'muted' },
      'Longest ',
      h('span', { id: 'streak-longest' }, String(streak.longest)),
      streak.activeToday ? ' · done today' : ' · not yet today',
    ),
  );
  return h('div', { class: 'tiles' }, streakTile, xpTile(xp));
}

function xpTile(xp: XpView): HTMLElement {
  const next = xp.nextLevelAt === null ? 'Top level reached' : `${num(xp.nextLevelAt - xp.total)} XP to ${xp.nextLevelName ?? 'the next level'}`;
  const fill = h('div', { class: 'meter-fill' });
  fill.style.width = width(xp.levelProgress);
  const bar = h(
    'div',
    {
      class: 'meter level-meter',
      role: 'progressbar',
      'aria-label': `Progress to level ${xp.level + 1}`,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': Math.round(clamp01(xp.levelProgress) * 100),
      'aria-valuetext': next,
    },
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
  return h(
    'li',
    {},
    actionButton(
      item.action,
      actionKey(item.action),
      'check-action',
      h('span', { class: 'check-label' }, item.label),
      h('span', { class: 'impact' }, points(item.impact)),
    ),
  );
}

function readinessBlock(m: ProgressView): HTMLElement {
  const r = m.readiness;
  if (!r) {
    const why = m.roleSetting
      ? `Your role setting "${m.roleSetting}" names no role in your content.`
      : 'Choose the role you are preparing for to see how ready you are and what to do next.';
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
    checklist(r, m),
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

function checklist(r: ReadinessView, m: ProgressView): HTMLElement {
  const title = h('h3', { id: 'checklist-title' }, 'Next steps');
  if (!r.checklist.length)
    return h('div', { id: 'checklist' }, title, h('p', { class: 'muted' }, 'Nothing missing for this role. Keep reviewing cards as they come due.'));
  const first = r.checklist.slice(0, CHECKLIST_SHOWN);
  const rest = r.checklist.slice(CHECKLIST_SHOWN);
  return h(
    'div',
    { id: 'checklist' },
    title,
    h(
      'p',
      { class: 'muted small' },
      m.interview?.active ? 'In the order your interview plan needs. Each line starts it.' : 'Largest gain first. Each line starts it.',
    ),
    h('ol', { class: 'checklist', 'aria-labelledby': 'checklist-title' }, ...first.map(checklistItem)),
    rest.length
      ? disclosure('checklist-more', `Show ${rest.length} more`, h('ol', { class: 'checklist', start: CHECKLIST_SHOWN + 1 }, ...rest.map(checklistItem)))
      : undefined,
  );
}

function otherRoles(m: ProgressView): HTMLElement | undefined {
  if (!m.otherRoles.length) return undefined;
  return h(
    'div',
    { id: 'other-roles' },
    h('h3', {}, m.readiness ? 'Other roles' : 'By role'),
    h(
      'ul',
      { class: 'roles' },
      ...m.otherRoles.map((r) =>
        h('li', {}, h('span', { class: 'role-name' }, r.roleName), meter(r.percent / 100, 'role-meter'), h('span', { class: 'role-pct' }, `${r.percent}%`)),
      ),
    ),
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
    interviewBlock(m.interview),
    readinessBlock(m),
    heatmapBlock(m.heatmap),
    forecastBlock(
      m.forecast,
      m.topics.reduce((n, t) => n + t.due, 0),
    ),
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
