import * as assert from 'assert';
import { READINESS_WEIGHTS, bestCaseScores, computeProgress, roleReadiness, topicStats } from '../../../src/core/progress';
import type { ProgressInput, RoleReadiness } from '../../../src/core/progress';
import type { CardState } from '../../../src/core/review/types';
import { NOW, bank, daysAgo, deepFreeze, practice, reviewCard, snapshot, state, utc } from './helpers';

// FSRS recall after exactly S days is 0.9 up to floating-point error.
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} is not ${expected}`);

/**
 * The reference state at NOW (R is FSRS recall; stability S days means R = 0.9 after S days):
 *   evals-1 reviewed now (R 1); evals-2 reviewed 10 days ago with S 10, due now (R 0.9); evals-3/4 unseen
 *   rag-1 suspended and never reviewed; rag-2..4 unseen
 *   gpu (a skip topic for product-ai) and metrics (supporting) fully known
 *   read: what-is-new (for every role); support-assistant practised at 40% and 60%; document-qa never
 */
function reference(): ProgressInput {
  const cards = new Map<string, CardState>([
    ['evals-1', state(reviewCard(NOW, 10))],
    ['evals-2', state(reviewCard(daysAgo(10), 10, { due: NOW }))],
    ['rag-1', state(undefined, { suspended: true })],
    ['gpu-1', state(reviewCard(NOW, 30))],
    ['gpu-2', state(reviewCard(NOW, 30))],
    ['metrics-1', state(reviewCard(NOW, 30))],
    ['metrics-2', state(reviewCard(NOW, 30))],
  ]);
  return {
    index: bank(),
    roleId: 'product-ai',
    reviews: [],
    cards,
    reads: new Map([['what-is-new', daysAgo(3)]]),
    casePractices: [practice('p1', 'support-assistant', daysAgo(5), 8, 20), practice('p2', 'support-assistant', daysAgo(2), 12, 20)],
    desiredRetention: 0.9,
    offsetAt: utc,
  };
}

function readinessOf(input: ProgressInput, roleId = input.roleId): RoleReadiness {
  const index = input.index;
  const ctx = { index, stats: topicStats(index, input.cards, NOW), reads: input.reads, bestScores: bestCaseScores(input.casePractices) };
  return roleReadiness(
    index.roles.find((r) => r.id === roleId)!,
    ctx,
  );
}

describe('progress: readiness', () => {
  it('builds readiness from core mastery, lessons and cases with the documented weights', () => {
    const r = readinessOf(reference());
    const [mastery, lessons, cases] = r.parts;
    // evals (1 + 0.9 + 0 + 0) / 4 = 0.475, rag 0: core mastery 0.2375. Lessons 1 of 2. Cases (0.6 + 0) / 2.
    close(mastery.value!, 0.2375, 'core mastery');
    close(lessons.value!, 0.5, 'lessons');
    close(cases.value!, 0.3, 'cases');
    assert.deepStrictEqual(
      r.parts.map((p) => [p.key, p.weight, p.effectiveWeight]),
      [
        ['mastery', 0.6, 0.6],
        ['lessons', 0.15, 0.15],
        ['cases', 0.25, 0.25],
      ],
    );
    close(r.score, 0.6 * 0.2375 + 0.15 * 0.5 + 0.25 * 0.3, 'score');
    assert.strictEqual(r.percent, 29);
    close(
      r.parts.reduce((s, p) => s + p.points, 0),
      29.25,
      'points add up to the score',
    );
    assert.deepStrictEqual(
      r.parts.map((p) => p.detail),
      ['Mean of 2 core topics', '1 of 2 lessons complete', '1 of 2 cases practised, best scores average 30%'],
    );
    assert.strictEqual(r.summary, 'Readiness for Product AI engineer: 29%: core topic mastery 24%, lessons 1 of 2, case practice 30%.');
  });

  it('counts unseen and reset cards as not known, and suspending does not help', () => {
    const input = reference();
    const empty = readinessOf({ ...input, cards: new Map(), reads: new Map(), casePractices: [] });
    assert.strictEqual(empty.score, 0);
    const cards = new Map(input.cards);
    cards.set('evals-3', state(undefined)); // reset: new again
    cards.set('evals-4', state(undefined, { suspended: true }));
    close(readinessOf({ ...input, cards }).parts[0].value!, 0.2375, 'unchanged by reset or suspended unseen cards');
  });

  it('leaves skip and supporting topics out of core mastery', () => {
    const input = reference();
    const cards = new Map(input.cards);
    for (const id of ['gpu-1', 'gpu-2', 'metrics-1', 'metrics-2']) cards.delete(id);
    close(readinessOf({ ...input, cards }).parts[0].value!, 0.2375, 'gpu (skip) and metrics (supporting) do not count');
    assert.ok(!readinessOf(input).checklist.some((i) => 'topicId' in i.action && ['gpu', 'metrics'].includes(i.action.topicId)));
    // For ml-infra, gpu is core: the same cards do count there.
    assert.ok(readinessOf(input, 'ml-infra').parts[0].value! > readinessOf({ ...input, cards }, 'ml-infra').parts[0].value!);
  });

  it('leaves out a part with nothing to measure and scales the others up', () => {
    const solo = readinessOf(reference(), 'solo');
    assert.deepStrictEqual(
      solo.parts.map((p) => [p.key, p.value === undefined]),
      [
        ['mastery', false],
        ['lessons', false],
        ['cases', true],
      ],
    );
    close(solo.parts[0].effectiveWeight, READINESS_WEIGHTS.mastery / 0.75, 'mastery weight');
    close(solo.parts[1].effectiveWeight, READINESS_WEIGHTS.lessons / 0.75, 'lessons weight');
    assert.strictEqual(solo.parts[2].effectiveWeight, 0);
    close(solo.score, 0.8 * 0.475 + 0.2 * 1, 'solo: evals 0.475, what-is-new read');
    assert.strictEqual(solo.parts[2].detail, 'No case studies for this role');
    assert.ok(!solo.checklist.some((i) => i.part === 'cases'));
  });

  it('lists what is missing as actions ordered by impact', () => {
    const r = readinessOf(reference());
    assert.deepStrictEqual(
      r.checklist.map((i) => [i.action, i.label, Math.round(i.impact * 100) / 100]),
      [
        [{ kind: 'drill', topicId: 'rag' }, 'Learn 3 new cards in Retrieval', 22.5],
        [{ kind: 'drill', topicId: 'evals' }, 'Learn 2 new cards in Evals', 15],
        [{ kind: 'practiseCase', caseId: 'document-qa' }, 'Practise the case "Document Q&A"', 12.5],
        [{ kind: 'openLesson', lessonId: 'choose-your-role' }, 'Read: Choose your role', 7.5],
        [{ kind: 'practiseCase', caseId: 'support-assistant' }, 'Practise the case "Support assistant" again (best so far 60%)', 5],
        [{ kind: 'drillDue', topicId: 'evals' }, 'Review 1 due card in Evals', 0.75],
      ],
    );
  });

  it('ranks due reviews by the recall they restore, and keeps reading order on ties', () => {
    const input = reference();
    const cards = new Map(input.cards);
    // Four rag cards long overdue (R about 0.4 each): reviewing them is worth more than learning evals cards.
    for (let i = 1; i <= 4; i++) cards.set(`rag-${i}`, state(reviewCard(daysAgo(200), 0.5, { due: daysAgo(199) })));
    const r = readinessOf({ ...input, cards, reads: new Map() });
    assert.deepStrictEqual(r.checklist[0].action, { kind: 'drillDue', topicId: 'rag' });
    assert.strictEqual(r.checklist[0].label, 'Review 4 due cards in Retrieval');
    const reads = r.checklist.filter((i) => i.action.kind === 'openLesson').map((i) => i.label);
    assert.deepStrictEqual(reads, ['Read: Choose your role', 'Read: What is new in AI systems'], 'equal impact: lesson order');
  });

  it('drops a case from the checklist once it scored in full, and has nothing left when all is done', () => {
    const input = reference();
    const cards = new Map<string, CardState>(input.index.questions.map((q) => [q.id, state(reviewCard(NOW, 30))]));
    const full = [practice('a', 'support-assistant', daysAgo(1), 20, 20), practice('b', 'document-qa', daysAgo(1), 10, 10)];
    const r = readinessOf({
      ...input,
      cards,
      casePractices: full,
      reads: new Map([
        ['what-is-new', NOW],
        ['choose-your-role', NOW],
      ]),
    });
    assert.strictEqual(r.percent, 100);
    assert.deepStrictEqual(r.checklist, []);
  });

  it('computeProgress gives the chosen role in full and a compact figure for the others, without mutating input', () => {
    const input = deepFreeze(reference());
    const before = snapshot(input);
    const model = computeProgress(input, NOW);
    assert.strictEqual(model.readiness?.percent, 29);
    assert.deepStrictEqual(
      model.otherRoles.map((r) => [r.roleId, r.percent]),
      [
        ['ml-infra', readinessOf(input, 'ml-infra').percent],
        ['solo', readinessOf(input, 'solo').percent],
      ],
    );
    assert.strictEqual(model.otherRoles[1].summary, `Solo: ${model.otherRoles[1].percent}% ready.`);
    assert.strictEqual(snapshot(input), before);
    const none = computeProgress({ ...input, roleId: 'unknown-role' }, NOW);
    assert.strictEqual(none.readiness, undefined);
    assert.strictEqual(none.otherRoles.length, 3);
  });

  it('shows mastery bars in study order with the skip topic last', () => {
    const model = computeProgress(reference(), NOW);
    assert.deepStrictEqual(
      model.topics.map((t) => [t.topicId, t.weight]),
      [
        ['evals', 'core'],
        ['rag', 'core'],
        ['metrics', 'supporting'],
        ['serving', undefined],
        ['gpu', 'skip'],
      ],
    );
    const evals = model.topics[0];
    assert.strictEqual(evals.masteryPct, 48);
    assert.deepStrictEqual({ ...evals.counts }, { new: 2, learning: 1, due: 1, mastered: 0, suspended: 0 });
    assert.strictEqual(evals.label, 'Evals (core): 48% mastery; 2 of 4 cards seen, 1 due, 0 mastered.');
    assert.strictEqual(model.topics[4].counts.mastered, 2, 'interval of 21 days or more: mastered');
  });
});
