import * as assert from 'assert';
import * as vscode from 'vscode';
import { EMPTY_INTERVIEW_STATE, dayStart } from '../../../src/core/interview';
import { dayLabel, localDayOf } from '../../../src/core/time';
import { FOCUS_PROGRESS_VIEW } from '../../../src/extension/commands';
import type { LoopPrepApi } from '../../../src/extension/extension';
import { activateExtension, waitFor } from '../util';

const config = () => vscode.workspace.getConfiguration('loopPrep');
const DAY = 86_400_000;
const offsetAt = (d: Date) => -d.getTimezoneOffset();

describe('interview: a dated plan, caps, and maintenance after the day', () => {
  let api: LoopPrepApi;
  let today: number;
  const date = () => dayLabel(today + 20);

  before(async () => {
    api = await activateExtension();
    await Promise.all([api.content.ensureLoaded(), api.state.ready]);
    await config().update('role', 'product-ai', vscode.ConfigurationTarget.Global);
    await config().update('newCardsPerDay', 100, vscode.ConfigurationTarget.Global);
    await config().update('sessionSize', 100, vscode.ConfigurationTarget.Global);
    await api.state.interviews.set(EMPTY_INTERVIEW_STATE);
    const now = api.interview.clock.now();
    today = localDayOf(now.getTime(), offsetAt(now));
  });

  after(async () => {
    api.interview.clock.setShift(0);
    await api.state.interviews.set(EMPTY_INTERVIEW_STATE);
    api.state.reloadScheduler();
    for (const key of ['role', 'newCardsPerDay', 'sessionSize']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses a past date and an unknown role, saying why', async () => {
    assert.match((await api.interview.setDate({ date: dayLabel(today - 1), roleId: 'product-ai' })) ?? '', /is in the past/);
    assert.match((await api.interview.setDate({ date: date(), roleId: 'no-such-role' })) ?? '', /"no-such-role" is not a role/);
    assert.match((await api.interview.setDate({ date: 'soon', roleId: 'product-ai' })) ?? '', /is not a date/);
    assert.deepStrictEqual(api.interview.stored().interviews, []);
  });

  it('sets a date: the status bar counts the days, Progress shows the pace, and "New for my role" follows the quota', async () => {
    const index = api.content.index;
    const unlimited = api.state.sessionCardIds(index, { kind: 'new' }).length;
    assert.strictEqual(await api.interview.setDate({ date: date(), roleId: 'product-ai' }), undefined);
    assert.strictEqual(api.interview.statusText(), '$(calendar) 20 days to interview');

    const plan = api.interview.plan();
    assert.ok(plan, 'a plan');
    assert.strictEqual(plan.daysLeft, 20);
    assert.strictEqual(plan.learnDays, 18);
    assert.ok(plan.fits && plan.newPerDay > 0 && plan.newPerDay < unlimited, `quota ${plan.newPerDay}, unlimited ${unlimited}`);
    const quota = api.state.sessionCardIds(index, { kind: 'new' }).length;
    assert.ok(quota > 0 && quota <= plan.newPerDay, `"New for my role" offers ${quota}, the plan's quota is ${plan.newPerDay}`);

    await vscode.commands.executeCommand(FOCUS_PROGRESS_VIEW);
    const view = await waitFor(() => api.progress.lastPosted()?.interview?.active, 'the Progress view to show the interview', 20_000);
    assert.match(view.title, new RegExp(`on ${date()}, in 20 days`));
    assert.match(view.pace, /^(On track|Behind): \d+ new a day needed, you average \d+, /);
    assert.ok(view.forecast.length > 0 && view.forecast.every((t) => t.onDayPct >= 0 && t.onDayPct <= 100));
    assert.match(view.readiness, /^Expected readiness on the day: \d+%/);
    assert.strictEqual(api.progress.lastPosted()?.interview?.simulation.length, 4);
  });

  it('caps a core card’s next review at the day before the interview', async () => {
    const index = api.content.index;
    const core = new Set(
      index.roles
        .find((r) => r.id === 'product-ai')!
        .topics.filter((t) => t.weight === 'core')
        .map((t) => t.id),
    );
    const card = index.questions.find((q) => core.has(q.topic) && !api.state.card(q.id)?.card)!;
    const dayBefore = dayStart(today + 19, offsetAt);
    assert.strictEqual(api.interview.capFor(card.id)?.getTime(), dayBefore.getTime());
    let at = api.interview.clock.now();
    for (let i = 0; i < 5; i++) {
      await api.state.recordReview({ cardId: card.id, rating: 4, now: at, durationMs: 1000 });
      at = new Date(at.getTime() + 60_000);
    }
    const due = api.state.card(card.id)!.card!.due;
    assert.ok(due.getTime() <= dayBefore.getTime(), `due ${due.toISOString()} after ${dayBefore.toISOString()}`);
  });

  it('after the date, asks once how it went, and maintenance lifts the caps and lowers the retention', async () => {
    api.interview.clock.setShift(21 * DAY);
    let asked = 0;
    const prompt = await api.interview.checkAfterInterview(async () => {
      asked++;
      return 'maintenance';
    });
    assert.match(prompt ?? '', new RegExp(`how did your interview on ${date()} go\\?`));
    assert.strictEqual(asked, 1);
    assert.strictEqual(await api.interview.checkAfterInterview(async () => 'maintenance'), undefined, 'asked once only');
    assert.strictEqual(api.interview.stored().mode, 'maintenance');
    assert.strictEqual(api.interview.retention(), 0.85);
    assert.strictEqual(api.interview.statusText(), '');
    const card = api.content.index.questions[0];
    assert.strictEqual(api.interview.capFor(card.id), undefined);
  });
});
