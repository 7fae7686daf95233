import * as assert from 'assert';
import { computeProgress } from '../../../src/core/progress';
import type { ProgressInput } from '../../../src/core/progress';
import { LEVELS } from '../../../src/core/progress/xp';
import type { CasePractice, ReviewEntry } from '../../../src/core/review/types';
import { NOW, at, bank, daysAgo, deepFreeze, newYork, practice, review, snapshot, utc } from './helpers';

function input(reviews: ReviewEntry[], reads = new Map<string, Date>(), casePractices: CasePractice[] = []): ProgressInput {
  return { index: bank(), roleId: 'product-ai', reviews, cards: new Map(), reads, casePractices, desiredRetention: 0.9, offsetAt: utc };
}

describe('progress: XP and streaks', () => {
  it('totals XP from history: review XP as stored, 20 per read the bank has, case practice by score', () => {
    const reviews = [review('evals-1', daysAgo(3), 3, { xp: 10 }), review('evals-2', daysAgo(2), 1, { xp: 5 }), review('evals-3', daysAgo(1))];
    const reads = new Map([
      ['what-is-new', daysAgo(4)],
      ['support-assistant', daysAgo(4)],
      ['removed-lesson', daysAgo(4)],
    ]);
    const cases = [practice('p1', 'support-assistant', daysAgo(2), 14, 20), practice('p2', 'document-qa', daysAgo(1), 0, 10)];
    const xp = computeProgress(input(reviews, reads, cases), NOW).xp;
    assert.deepStrictEqual([xp.reviews, xp.reads, xp.casePractices, xp.total], [15, 40, 42, 97]);
    assert.deepStrictEqual({ ...xp.level }, { level: 1, name: 'Novice', xp: 97, nextName: 'Apprentice', nextAt: 100 });
    assert.ok(Math.abs(xp.levelProgress - 0.97) < 1e-12);
    assert.strictEqual(xp.summary, '97 XP: level 1, Novice; 3 XP to Apprentice.');
  });

  it('levels up at each threshold and tops out', () => {
    const levelAt = (total: number) => computeProgress(input([review('evals-1', daysAgo(1), 3, { xp: total })]), NOW).xp;
    assert.deepStrictEqual([levelAt(299).level.level, levelAt(300).level.level, levelAt(1500).level.name], [2, 3, 'Expert']);
    assert.strictEqual(levelAt(300).levelProgress, 0);
    assert.strictEqual(levelAt(1234).summary, '1,234 XP: level 4, Specialist; 266 XP to Expert.');
    const top = levelAt(LEVELS[LEVELS.length - 1].xp + 5);
    assert.deepStrictEqual([top.level.name, top.levelProgress, top.summary], ['Distinguished', 1, '6,005 XP: level 7, Distinguished; the top level.']);
  });

  it('counts streaks over reviews, reads and case practices in local days', () => {
    const reviews = [review('evals-1', daysAgo(3)), review('evals-1', daysAgo(3)), review('evals-2', daysAgo(1))];
    const s = computeProgress(input(reviews, new Map([['what-is-new', daysAgo(2)]]), [practice('p', 'document-qa', NOW, 5, 10)]), NOW).streak;
    assert.deepStrictEqual({ ...s }, { current: 4, longest: 4, activeToday: true, summary: 'Current streak 4 days; longest 4; done today.' });
    const broken = computeProgress(input([review('evals-1', daysAgo(5)), review('evals-1', daysAgo(4))]), NOW).streak;
    assert.deepStrictEqual([broken.current, broken.longest, broken.summary], [0, 2, 'Current streak 0 days; longest 2.']);
  });

  it('keeps a late-evening review on its local day for the streak', () => {
    // 23:30 New York time on Mar 8 and Mar 9 (EDT): UTC says Mar 9 and Mar 10.
    const reviews = [review('evals-1', at('2026-03-09T03:30:00Z')), review('evals-2', at('2026-03-10T03:30:00Z'))];
    const local = computeProgress({ ...input(reviews), offsetAt: newYork }, at('2026-03-10T16:00:00Z')).streak;
    assert.deepStrictEqual([local.current, local.activeToday], [2, false], 'alive: today (Mar 10 local) is not over');
  });

  it('is pure: frozen input, same answer twice, nothing mutated', () => {
    const reviews = Array.from({ length: 30 }, (_, i) => review(`evals-${(i % 4) + 1}`, daysAgo(30 - i), ((i % 4) + 1) as 1 | 2 | 3 | 4, { xp: i }));
    const frozen = deepFreeze(input(reviews, new Map([['what-is-new', daysAgo(2)]]), [practice('p', 'document-qa', daysAgo(1), 5, 10)]));
    const before = snapshot(frozen);
    const first = computeProgress(frozen, NOW);
    assert.deepStrictEqual(computeProgress(frozen, NOW), first);
    assert.strictEqual(snapshot(frozen), before);
  });

  it('treats a broken offset function as UTC rather than misplacing days', () => {
    const model = computeProgress({ ...input([review('evals-1', daysAgo(1))]), offsetAt: () => NaN }, NOW);
    assert.strictEqual(model.heatmap.busiest?.date, '2026-03-09');
  });
});
