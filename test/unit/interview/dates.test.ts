import * as assert from 'assert';
import { checkInterviewDate, checkRole, dayOfDate, dayStart, daysUntil, lastPassed, nearestInterview } from '../../../src/core/interview';
import { dayLabel } from '../../../src/core/time';
import { newYork, utc } from '../progress/helpers';
import { interview } from './helpers';

const TODAY = dayOfDate('2026-03-10')!;

describe('interview dates', () => {
  it('accepts today and future dates and gives their day numbers', () => {
    assert.deepStrictEqual(checkInterviewDate('2026-03-10', TODAY), { ok: true, day: TODAY });
    assert.deepStrictEqual(checkInterviewDate(' 2026-03-24 ', TODAY), { ok: true, day: TODAY + 14 });
  });

  it('refuses past dates, nonsense and impossible calendar dates with a message that says why', () => {
    const past = checkInterviewDate('2026-03-09', TODAY);
    assert.ok(!past.ok && /in the past \(today is 2026-03-10\)/.test(past.message), JSON.stringify(past));
    const words = checkInterviewDate('next tuesday', TODAY);
    assert.ok(!words.ok && /"next tuesday" is not a date: use YYYY-MM-DD/.test(words.message));
    const feb30 = checkInterviewDate('2026-02-30', TODAY);
    assert.ok(!feb30.ok && /not a date/.test(feb30.message));
    const far = checkInterviewDate('2062-03-10', TODAY);
    assert.ok(!far.ok && /more than two years away/.test(far.message));
    const empty = checkInterviewDate('', TODAY);
    assert.ok(!empty.ok && /2026-03-24/.test(empty.message));
  });

  it('refuses an unknown role and names the roles that exist', () => {
    const roles = [
      { id: 'product-ai', name: 'Product AI' },
      { id: 'ml-infra', name: 'ML infra' },
    ];
    assert.strictEqual(checkRole('product-ai', roles), undefined);
    assert.match(checkRole('chef', roles) ?? '', /"chef" is not a role .*product-ai, ml-infra/);
  });

  it('lets the nearest upcoming interview drive the plan, and finds the last one that passed', () => {
    const list = [interview('2026-04-01', { id: 'far' }), interview('2026-03-01', { id: 'past' }), interview('2026-03-12', { id: 'near' })];
    assert.strictEqual(nearestInterview(list, TODAY)?.id, 'near');
    assert.strictEqual(nearestInterview(list, TODAY + 3)?.id, 'far');
    assert.strictEqual(nearestInterview(list, TODAY + 30), undefined);
    assert.strictEqual(lastPassed(list, TODAY + 3)?.id, 'near');
    assert.strictEqual(daysUntil(list[2], TODAY), 2);
  });

  it('starts a local day in the offset of that day, across a DST change', () => {
    // New York: EST (UTC-5) on 2026-03-07, EDT (UTC-4) from 2026-03-08 07:00Z.
    assert.strictEqual(dayStart(dayOfDate('2026-03-07')!, newYork).toISOString(), '2026-03-07T05:00:00.000Z');
    assert.strictEqual(dayStart(dayOfDate('2026-03-09')!, newYork).toISOString(), '2026-03-09T04:00:00.000Z');
    assert.strictEqual(dayStart(dayOfDate('2026-03-09')!, utc).toISOString(), '2026-03-09T00:00:00.000Z');
    assert.strictEqual(dayLabel(dayOfDate('2026-03-09')!), '2026-03-09');
  });
});
