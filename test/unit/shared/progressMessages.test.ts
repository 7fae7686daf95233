import * as assert from 'assert';
import { READINESS_FORMULA } from '../../../src/core/progress';
import type { ProgressInput } from '../../../src/core/progress';
import { XP_RULES } from '../../../src/core/progress/xp';
import { PROGRESS_HELP, buildProgressView, viewAction } from '../../../src/core/progress/viewModel';
import { parseHostToProgress, parseProgressMessage, type ProgressView } from '../../../src/shared/progress';
import { NOW, bank, daysAgo, practice, review, reviewCard, state, utc } from '../progress/helpers';

function input(roleId: string | undefined): ProgressInput {
  const reviews = [review('evals-1', daysAgo(2), 3, { xp: 8 }), review('evals-1', daysAgo(0.1), 3, { xp: 9 }), review('rag-1', daysAgo(0.05), 1, { xp: 2 })];
  const cards = new Map([
    ['evals-1', state(reviewCard(daysAgo(0.1), 4))],
    ['rag-1', state(reviewCard(daysAgo(0.05), 0.1, { due: daysAgo(0.01), phase: 'relearning', scheduledDays: 0 }))],
  ]);
  return {
    index: bank(),
    roleId,
    reviews,
    cards,
    reads: new Map([['what-is-new', daysAgo(1)]]),
    casePractices: [practice('p1', 'document-qa', daysAgo(3), 5, 10)],
    desiredRetention: 0.9,
    offsetAt: utc,
  };
}

/** What the webview receives: the message after a JSON round trip, as postMessage delivers it. */
const delivered = (model: ProgressView): unknown => JSON.parse(JSON.stringify({ type: 'model', model }));

describe('progress view: messages', () => {
  it('accepts the messages the webview sends', () => {
    assert.deepStrictEqual(parseProgressMessage({ type: 'ready' }), { type: 'ready' });
    const long = parseProgressMessage({ type: 'webviewError', message: 'x'.repeat(5000) });
    assert.strictEqual(long?.type === 'webviewError' && long.message.length, 1000);
    const actions = [
      { kind: 'drillDue', topicId: 'evals' },
      { kind: 'drill', topicId: 'rag' },
      { kind: 'openLesson', lessonId: 'what-is-new' },
      { kind: 'practiseCase', caseId: 'document-qa' },
      { kind: 'drillAllDue' },
      { kind: 'chooseRole' },
      { kind: 'export' },
      { kind: 'import' },
    ];
    for (const action of actions) assert.deepStrictEqual(parseProgressMessage({ type: 'run', action }), { type: 'run', action }, JSON.stringify(action));
    assert.deepStrictEqual(
      parseProgressMessage({ type: 'run', action: { kind: 'chooseRole', topicId: 'x', extra: 1 } }),
      { type: 'run', action: { kind: 'chooseRole' } },
      'extra fields are dropped',
    );
  });

  it('rejects anything malformed without throwing', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'ready',
      7,
      [],
      { type: 'refresh' },
      { type: 'webviewError' },
      { type: 'webviewError', message: '' },
      { type: 'run' },
      { type: 'run', action: 'drill' },
      { type: 'run', action: { kind: 'deleteEverything' } },
      { type: 'run', action: { kind: 'drill' } },
      { type: 'run', action: { kind: 'drillDue', topicId: 'Evals' } },
      { type: 'run', action: { kind: 'openLesson', lessonId: '../../etc/passwd' } },
      { type: 'run', action: { kind: 'openLesson', topicId: 'what-is-new' } },
      { type: 'run', action: { kind: 'practiseCase', caseId: 'a'.repeat(81) } },
      { type: 'run', action: { kind: 'practiseCase', caseId: 42 } },
    ];
    for (const raw of bad) assert.strictEqual(parseProgressMessage(raw), undefined, JSON.stringify(raw));
  });
});

describe('progress view: the model the host posts', () => {
  it('is accepted by the webview after a JSON round trip, with a role and without', () => {
    for (const roleId of ['product-ai', undefined, 'no-such-role']) {
      const model = buildProgressView(input(roleId), NOW);
      const msg = parseHostToProgress(delivered(model));
      assert.ok(msg, `accepted for role ${roleId}`);
      assert.deepStrictEqual(msg.model, JSON.parse(JSON.stringify(model)));
      assert.strictEqual(model.readiness === null, roleId !== 'product-ai');
      assert.strictEqual(model.roleSetting, roleId ?? null);
    }
  });

  it('carries the numbers the view shows', () => {
    const model = buildProgressView(input('product-ai'), NOW);
    const today = model.heatmap.weeks.flat().find((c) => c.date === '2026-03-10');
    assert.strictEqual(today?.count, 2, 'two reviews today');
    assert.strictEqual(model.heatmap.total, 3);
    assert.deepStrictEqual([model.xp.reviews, model.xp.reads, model.xp.casePractices, model.xp.total], [19, 20, 30, 69]);
    assert.deepStrictEqual([model.streak.current, model.streak.activeToday], [4, true], 'a practice, a review, a read and today');
    assert.strictEqual(model.forecast.days.length, 14);
    assert.strictEqual(model.forecast.days[0].count, 1, 'rag-1 is due today');
    assert.strictEqual(model.retention.desired, 0.9);
    assert.strictEqual(model.retention.retention, null, 'no mature reviews yet');
    assert.strictEqual(model.otherRoles.length, 2);
    assert.deepStrictEqual(model.topics.map((t) => t.topicId).slice(0, 2), ['evals', 'rag']);
    const r = model.readiness!;
    assert.ok(r.checklist.length > 0);
    assert.ok(r.checklist.some((c) => c.action.kind === 'drillDue' && c.action.topicId === 'rag'));
    assert.ok(r.parts.every((p) => p.value === null || (p.value >= 0 && p.value <= 1)));
  });

  it('shows the formulas computed with: XP rules, readiness and retention', () => {
    assert.strictEqual(PROGRESS_HELP.readiness, READINESS_FORMULA);
    const xp = PROGRESS_HELP.xp.join(' ');
    for (const part of [`easy ${XP_RULES.base.easy}`, `hard ${XP_RULES.base.hard}`, 'Again 0.2', 'Easy 1.1', `${XP_RULES.read} XP`, '10 minutes'])
      assert.ok(xp.includes(part), part);
    assert.match(PROGRESS_HELP.levels, /^Levels: 1 Novice \(0 XP\), 2 Apprentice \(100 XP\)/);
    assert.match(PROGRESS_HELP.retention.join(' '), /last 30 days.*21 days/);
  });

  it('maps each checklist action to the view action of the same kind', () => {
    assert.deepStrictEqual(viewAction({ kind: 'drillDue', topicId: 'evals' }), { kind: 'drillDue', topicId: 'evals' });
    assert.deepStrictEqual(viewAction({ kind: 'drill', topicId: 'rag' }), { kind: 'drill', topicId: 'rag' });
    assert.deepStrictEqual(viewAction({ kind: 'openLesson', lessonId: 'what-is-new' }), { kind: 'openLesson', lessonId: 'what-is-new' });
    assert.deepStrictEqual(viewAction({ kind: 'practiseCase', caseId: 'document-qa' }), { kind: 'practiseCase', caseId: 'document-qa' });
  });

  it('lets the webview refuse a model it could not draw', () => {
    const good = JSON.parse(JSON.stringify(buildProgressView(input('product-ai'), NOW))) as Record<string, Record<string, unknown>>;
    const broken = (change: (m: Record<string, Record<string, unknown>>) => void): unknown => {
      const copy = JSON.parse(JSON.stringify(good)) as Record<string, Record<string, unknown>>;
      change(copy);
      return { type: 'model', model: copy };
    };
    const cases: unknown[] = [
      null,
      { type: 'model' },
      { type: 'show', model: good },
      broken((m) => (m.xp.total = 'many')),
      broken((m) => (m.xp.levelProgress = null)),
      broken((m) => (m.streak.activeToday = 1)),
      broken((m) => ((m.heatmap.weeks as { level: number }[][])[0][0].level = 5)),
      broken((m) => (m.heatmap.weeks = 'none')),
      broken((m) => ((m.readiness!.checklist as { action: unknown }[])[0].action = { kind: 'drill', topicId: 'Not An Id' })),
      broken((m) => ((m.readiness!.parts as { key: string }[])[0].key = 'luck')),
      broken((m) => ((m.topics as unknown as { weight: string }[])[0].weight = 'vital')),
      broken((m) => (m.retention.retention = 'high')),
      broken((m) => delete (m as Record<string, unknown>).help),
    ];
    for (const raw of cases) assert.strictEqual(parseHostToProgress(raw), undefined, JSON.stringify(raw)?.slice(0, 120));
  });
});
