import * as assert from 'assert';
import { DEFAULT_PHASES, parsePhasesSetting, phasesFromMinutes, validPhases, type PracticePhase } from '../../../src/core/practice/phases';

const seconds = (phases: readonly PracticePhase[]) => phases.map((p) => [p.key, p.seconds]);

describe('self-review: practice phases', () => {
  it('defaults to a 45-minute round: clarify 5, high-level design 10, deep dive 20, wrap-up 10', () => {
    assert.deepStrictEqual(seconds(DEFAULT_PHASES), [
      ['clarify', 300],
      ['highLevelDesign', 600],
      ['deepDive', 1200],
      ['wrapUp', 600],
    ]);
    assert.deepStrictEqual(
      DEFAULT_PHASES.map((p) => p.label),
      ['Clarify', 'High-level design', 'Deep dive', 'Wrap-up'],
    );
  });

  it('uses the defaults without complaint when the setting is unset', () => {
    for (const raw of [undefined, null]) assert.deepStrictEqual(parsePhasesSetting(raw), { phases: DEFAULT_PHASES, problems: [] });
  });

  it('takes minutes per phase, keeps defaults for missing keys, and skips phases set to 0', () => {
    const { phases, problems } = parsePhasesSetting({ deepDive: 25, clarify: 0, wrapUp: 7.5 });
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(seconds(phases), [
      ['highLevelDesign', 600],
      ['deepDive', 1500],
      ['wrapUp', 450],
    ]);
  });

  it('falls back per key for bad values and reports each problem', () => {
    const { phases, problems } = parsePhasesSetting({ clarify: -1, highLevelDesign: '10', deepDive: Number.NaN, wrapUp: 241, coffee: 5 });
    assert.deepStrictEqual(seconds(phases), seconds(DEFAULT_PHASES));
    assert.strictEqual(problems.length, 5);
    assert.match(
      problems.find((p) => p.includes('coffee'))!,
      /unknown phase "coffee"/,
    );
    assert.match(
      problems.find((p) => p.includes('.wrapUp'))!,
      /from 0 to 240, not 241; using 10/,
    );
  });

  it('uses the defaults for a value that is not an object, or when every phase is 0', () => {
    for (const raw of [45, 'long', [5, 10, 20, 10], true]) {
      const r = parsePhasesSetting(raw);
      assert.strictEqual(r.phases, DEFAULT_PHASES, JSON.stringify(raw));
      assert.strictEqual(r.problems.length, 1);
    }
    const zero = parsePhasesSetting({ clarify: 0, highLevelDesign: 0, deepDive: 0, wrapUp: 0 });
    assert.strictEqual(zero.phases, DEFAULT_PHASES);
    assert.match(zero.problems[0], /every phase to 0/);
  });

  it('builds phases from minutes in interview order whatever the key order', () => {
    assert.deepStrictEqual(
      phasesFromMinutes({ wrapUp: 1, deepDive: 2, highLevelDesign: 0, clarify: 0.5 }).map((p) => p.key),
      ['clarify', 'deepDive', 'wrapUp'],
    );
  });

  it('accepts phases in seconds from code only when every one is usable', () => {
    const quick: PracticePhase[] = [
      { key: 'clarify', label: 'Clarify', seconds: 1 },
      { key: 'wrapUp', label: 'Wrap-up', seconds: 0.5 },
    ];
    assert.strictEqual(validPhases(quick), quick);
    assert.strictEqual(validPhases(undefined), undefined);
    assert.strictEqual(validPhases([]), undefined);
    assert.strictEqual(validPhases([{ key: 'clarify', label: 'Clarify', seconds: 0 }]), undefined);
    assert.strictEqual(validPhases([{ key: 'nap' as 'clarify', label: 'Nap', seconds: 5 }]), undefined);
    assert.strictEqual(validPhases([{ key: 'clarify', label: 'Clarify', seconds: Infinity }]), undefined);
  });
});
