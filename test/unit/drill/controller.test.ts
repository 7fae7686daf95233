import * as assert from 'assert';
import type { ContentIndex, Question } from '../../../src/core/content/types';
import { DrillController, type DrillBackend } from '../../../src/core/drill/controller';
import type { Rating } from '../../../src/shared/drill';

const src = { pack: 'builtin', file: 'x.md' };
const opts = ['A', 'B', 'C', 'D'].map((t) => ({ html: t, whyHtml: `why ${t}`, text: t }));
const questions: Question[] = [
  {
    kind: 'question',
    id: 'q1',
    aliases: [],
    source: src,
    topic: 't',
    roles: ['r'],
    difficulty: 'easy',
    type: 'single',
    promptHtml: '<p>1</p>',
    promptText: '1',
    explanationHtml: '<p>e1</p>',
    explanationText: 'e1',
    options: opts,
    correct: [1],
    tags: [],
  },
  {
    kind: 'question',
    id: 'q2',
    aliases: [],
    source: src,
    topic: 't',
    roles: ['r'],
    difficulty: 'hard',
    type: 'flashcard',
    promptHtml: '<p>2</p>',
    promptText: '2',
    answerHtml: '<p>a2</p>',
    explanationHtml: '<p>e2</p>',
    explanationText: 'e2',
    tags: [],
  },
  {
    kind: 'question',
    id: 'q3',
    aliases: [],
    source: src,
    topic: 't',
    roles: ['r'],
    difficulty: 'medium',
    type: 'numeric',
    promptHtml: '<p>3</p>',
    promptText: '3',
    explanationHtml: '<p>e3</p>',
    explanationText: 'e3',
    numeric: { answer: 100, tolerance: 0.1, unit: 'GB' },
    tags: [],
  },
];
const index: ContentIndex = { formatVersion: 1, roles: [], topics: [], questions, cases: [], lessons: [], templates: [] };

function backend() {
  const recorded: { cardId: string; rating: Rating; correct: boolean | undefined; xp: number }[] = [];
  const b: DrillBackend = {
    content: () => index,
    preview: (_id, now) =>
      ([1, 2, 3, 4] as Rating[]).map((rating) => ({ rating, due: new Date(now.getTime() + rating * 60000), intervalMs: rating * 60000, label: `${rating}m` })),
    record: async (r) => {
      recorded.push({ cardId: r.cardId, rating: r.rating, correct: r.correct, xp: r.xp });
    },
    // Like StateService: undoes only when the newest review is of the expected card.
    undoLast: async (expected) => (recorded[recorded.length - 1]?.cardId === expected ? recorded.pop()!.cardId : undefined),
    card: () => undefined,
    nextDue: (now) => new Date(now.getTime() + 86400000),
  };
  return { b, recorded };
}

describe('drill controller', () => {
  let clock = Date.parse('2026-03-01T09:00:00Z');
  const now = () => new Date((clock += 1000));

  it('shows cards in order, grades, suggests a rating and records each rating at once', async () => {
    const { b, recorded } = backend();
    const c = new DrillController(b, { cardIds: ['q1', 'gone-card', 'q2', 'q3'], modeLabel: 'Due', now });
    assert.strictEqual(c.total, 3, 'a card from a removed pack is left out');
    const first = c.current();
    assert.strictEqual(first.type, 'card');
    assert.strictEqual(first.type === 'card' && first.progress.position, 1);

    // Options are shuffled: find where file option C (wrong) and B (correct) are on screen.
    const shown = first.type === 'card' ? first.card.options!.map((o) => o.html) : [];
    const wrong = c.submit('q1', { kind: 'choice', indices: [shown.indexOf('C')] });
    assert.ok(wrong && wrong.type === 'result');
    assert.strictEqual(wrong.result.correct, false);
    assert.strictEqual(wrong.result.suggestedRating, 1);
    assert.deepStrictEqual(wrong.result.correctIndices, [shown.indexOf('B')]);
    assert.deepStrictEqual(
      wrong.result.optionWhyHtml,
      shown.map((t) => `why ${t}`),
    );
    assert.deepStrictEqual(
      wrong.result.previews.map((p) => p.label),
      ['Again', 'Hard', 'Good', 'Easy'],
    );
    assert.strictEqual(c.submit('q1', { kind: 'choice', indices: [1] }), undefined, 'a second submit is ignored');

    const next = await c.rate('q1', 1);
    assert.deepStrictEqual(
      recorded.map((r) => [r.cardId, r.rating, r.correct]),
      [['q1', 1, false]],
    );
    assert.ok(next && next.type === 'card' && next.card.id === 'q2');

    const reveal = c.submit('q2', { kind: 'reveal' });
    assert.ok(reveal && reveal.type === 'result' && reveal.result.correct === null && reveal.result.suggestedRating === 3);
    await c.rate('q2', 3);
    const est = c.submit('q3', { kind: 'numeric', value: 95 });
    assert.ok(est && est.type === 'result' && est.result.correct === true && est.result.numeric?.answer === 100);
    const end = await c.rate('q3', 4);
    assert.ok(end && end.type === 'summary');
    assert.strictEqual(end.summary.reviewed, 3);
    assert.strictEqual(end.summary.graded, 2);
    assert.strictEqual(end.summary.correct, 1);
    assert.strictEqual(
      end.summary.xpGained,
      recorded.reduce((s, r) => s + r.xp, 0),
    );
    assert.ok(end.summary.xpGained > 0);
  });

  it('ignores ratings and submits for cards that are not current', async () => {
    const { b, recorded } = backend();
    const c = new DrillController(b, { cardIds: ['q1', 'q2'], modeLabel: 'Due', now });
    assert.strictEqual(c.submit('q2', { kind: 'reveal' }), undefined);
    assert.strictEqual(await c.rate('q1', 3), undefined, 'no rating before an answer');
    assert.strictEqual(recorded.length, 0);
  });

  it('undoes the last rating and shows that card again', async () => {
    const { b, recorded } = backend();
    const c = new DrillController(b, { cardIds: ['q1', 'q2'], modeLabel: 'Due', now });
    c.submit('q1', { kind: 'choice', indices: [1] });
    await c.rate('q1', 3);
    assert.strictEqual(recorded.length, 1);
    const back = await c.undo();
    assert.strictEqual(recorded.length, 0);
    assert.ok(back.type === 'card' && back.card.id === 'q1');
    const nothing = await new DrillController(b, { cardIds: ['q1'], modeLabel: 'Due', now }).undo();
    assert.strictEqual(nothing.type, 'notice');
  });

  it('never undoes a review made elsewhere, and says so', async () => {
    const { b, recorded } = backend();
    const c = new DrillController(b, { cardIds: ['q1', 'q2'], modeLabel: 'Due', now });
    c.submit('q1', { kind: 'choice', indices: [1] });
    await c.rate('q1', 3);
    recorded.push({ cardId: 'q3', rating: 3, correct: undefined, xp: 0 }); // another window's review
    const msg = await c.undo();
    assert.strictEqual(msg.type, 'notice');
    assert.deepStrictEqual(
      recorded.map((r) => r.cardId),
      ['q1', 'q3'],
      'both reviews are kept',
    );
  });

  it('says so when there is nothing to drill', () => {
    const { b } = backend();
    assert.strictEqual(new DrillController(b, { cardIds: [], modeLabel: 'Due', now }).current().type, 'empty');
  });
});
