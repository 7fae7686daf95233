import * as assert from 'assert';
import type { ContentIndex, Question } from '../../../src/core/content/types';
import { DrillController, type DrillBackend } from '../../../src/core/drill/controller';
import type { ReviewCard } from '../../../src/core/review/types';
import type { HostToDrill, Rating } from '../../../src/shared/drill';

/**
 * What one showing of a card looks like: options shuffled per review and graded by position on screen,
 * the same order after an undo and a reload, the numeric slip named, and a flashcard's key points.
 */
const src = { pack: 'builtin', file: 'x.md' };
const base = {
  kind: 'question',
  aliases: [],
  source: src,
  topic: 't',
  roles: ['r'],
  difficulty: 'medium',
  promptText: 'p',
  explanationHtml: '<p>e</p>',
  explanationText: 'e',
  tags: [],
} as const;
const letters = ['A', 'B', 'C', 'D', 'E', 'None of these'];
const multi: Question = {
  ...base,
  id: 'multi-card',
  type: 'multi',
  promptHtml: '<p>Which?</p>',
  options: letters.map((t, i) => ({ html: t, whyHtml: `why ${t}`, text: t, ...(i === 5 ? { pinLast: true } : {}) })),
  correct: [0, 2],
};
const numeric: Question = {
  ...base,
  id: 'numeric-card',
  type: 'numeric',
  promptHtml: '<p>How many?</p>',
  numeric: {
    answer: 120,
    tolerance: 0.1,
    unit: 'GB',
    mistakes: [
      { value: 60, why: 'forgets the 2 bytes per parameter' },
      { value: 240, why: 'counts both copies' },
    ],
  },
};
const flash: Question = {
  ...base,
  id: 'flash-card',
  type: 'flashcard',
  promptHtml: '<p>Explain.</p>',
  answerHtml: '<p>a</p>',
  keyPoints: ['prefill', 'decode', 'KV cache'],
};
const plainFlash: Question = { ...base, id: 'plain-flash', type: 'flashcard', promptHtml: '<p>Explain.</p>', answerHtml: '<p>a</p>' };
const index: ContentIndex = { formatVersion: 1, roles: [], topics: [], questions: [multi, numeric, flash, plainFlash], cases: [], lessons: [], templates: [] };

/** A store that keeps each card's review count, like the real one: a rating adds one, an undo takes it back. */
function backend() {
  const reviews: { cardId: string; rating: Rating; at: Date; answer?: string }[] = [];
  const b: DrillBackend = {
    content: () => index,
    preview: (_id, now) =>
      ([1, 2, 3, 4] as Rating[]).map((rating) => ({ rating, due: new Date(now.getTime() + rating * 60000), intervalMs: rating * 60000, label: `${rating}m` })),
    record: async (r) => {
      reviews.push({ cardId: r.cardId, rating: r.rating, at: r.at, ...(r.answer === undefined ? {} : { answer: r.answer }) });
    },
    undoLast: async (expected) => (reviews[reviews.length - 1]?.cardId === expected ? reviews.pop()!.cardId : undefined),
    card: (id): ReviewCard | undefined => {
      const mine = reviews.filter((r) => r.cardId === id);
      const last = mine[mine.length - 1];
      if (!last) return undefined;
      const due = new Date(last.at.getTime() + (last.rating === 1 ? 60_000 : 5 * 86400_000));
      return {
        due,
        stability: 1,
        difficulty: 5,
        scheduledDays: last.rating === 1 ? 0 : 5,
        learningSteps: 0,
        reps: mine.length,
        lapses: 0,
        phase: last.rating === 1 ? 'learning' : 'review',
        lastReview: last.at,
      };
    },
    nextDue: () => undefined,
  };
  return { b, reviews };
}

const optionsOf = (msg: HostToDrill | undefined): string[] => {
  assert.ok(msg && msg.type === 'card', `a card is on screen: ${JSON.stringify(msg)}`);
  return msg.card.options!.map((o) => o.html);
};

describe('drill controller: each showing of a card', () => {
  let clock = Date.parse('2026-03-01T09:00:00Z');
  const now = () => new Date((clock += 1000));
  const session = (b: DrillBackend, cardIds: string[]) => new DrillController(b, { cardIds, modeLabel: 'Due', now, learnAheadMs: () => 3600_000 });

  it('shows the options in a new order each review, pinned options last, keys A-F in screen order', async () => {
    const { b } = backend();
    const c = session(b, ['multi-card']);
    const first = c.current();
    const order1 = optionsOf(first);
    assert.deepStrictEqual([...order1].sort(), [...letters].sort());
    assert.strictEqual(order1[5], 'None of these', 'the pinned option stays last');
    assert.deepStrictEqual(first.type === 'card' && first.card.options!.map((o) => o.label), ['A', 'B', 'C', 'D', 'E', 'F']);
    c.submit('multi-card', { kind: 'choice', indices: [order1.indexOf('B')] });
    const back = await c.rate('multi-card', 1); // Again: it comes back in this session
    const order2 = optionsOf(back);
    assert.notDeepStrictEqual(order2, order1, 'the second showing has a new order');
    assert.strictEqual(order2[5], 'None of these');
    // A later session that shows it after the next review gets yet another order, and the same one each time.
    c.submit('multi-card', { kind: 'choice', indices: [order2.indexOf('A'), order2.indexOf('C')] });
    await c.rate('multi-card', 3);
    const order3 = optionsOf(session(b, ['multi-card']).current());
    assert.notDeepStrictEqual(order3, order2);
    assert.deepStrictEqual(optionsOf(session(b, ['multi-card']).current()), order3);
  });

  it('grades the positions on screen against the file order, and lists the result in screen order', () => {
    const { b } = backend();
    const c = session(b, ['multi-card']);
    const shown = optionsOf(c.current());
    const right = [shown.indexOf('A'), shown.indexOf('C')].sort((x, y) => x - y);
    assert.notDeepStrictEqual(right, [0, 2], 'this order moves the correct options (else the test proves nothing)');
    const result = c.submit('multi-card', { kind: 'choice', indices: right });
    assert.ok(result && result.type === 'result');
    assert.strictEqual(result.result.correct, true);
    assert.deepStrictEqual(result.result.correctIndices, right);
    assert.deepStrictEqual(result.result.chosenIndices, right);
    assert.deepStrictEqual(
      result.result.optionWhyHtml,
      shown.map((t) => `why ${t}`),
    );

    const other = session(backend().b, ['multi-card']);
    optionsOf(other.current());
    const literal = other.submit('multi-card', { kind: 'choice', indices: [0, 2] });
    assert.ok(literal && literal.type === 'result');
    assert.strictEqual(literal.result.correct, false, 'file indices sent as positions are not the right answer here');
    assert.deepStrictEqual(literal.result.chosenIndices, [0, 2]);
  });

  it('shows the same order after an undo, an undo of the answer, and a reload', async () => {
    const { b } = backend();
    const c = session(b, ['multi-card', 'flash-card']);
    const order = optionsOf(c.current());
    c.submit('multi-card', { kind: 'choice', indices: [0] });
    assert.deepStrictEqual(optionsOf(await c.undo()), order, 'taking back the answer');
    c.submit('multi-card', { kind: 'choice', indices: [0] });
    await c.rate('multi-card', 3);
    assert.notDeepStrictEqual(optionsOf(session(b, ['multi-card']).current()), order, 'once rated, its next showing has a new order');
    assert.deepStrictEqual(optionsOf(await c.undo()), order, 'taking back the rating');
    const revived = new DrillController(b, { cardIds: [], modeLabel: 'Due', now }, c.snapshot());
    assert.deepStrictEqual(optionsOf(revived.current()), order, 'after a window reload');
  });

  it('names the slip a wrong estimate lands near, as plain text', () => {
    const run = (value: number) => {
      const c = session(backend().b, ['numeric-card']);
      c.current();
      const r = c.submit('numeric-card', { kind: 'numeric', value });
      assert.ok(r && r.type === 'result');
      return r.result;
    };
    assert.strictEqual(run(61).slip, 'forgets the 2 bytes per parameter');
    assert.strictEqual(run(238).slip, 'counts both copies');
    assert.strictEqual(run(90).slip, undefined, 'wrong, but near no listed mistake');
    assert.strictEqual(run(121).slip, undefined, 'right');
  });

  it('sends a flashcard its key points, and none to a flashcard without them', () => {
    const c = session(backend().b, ['flash-card', 'plain-flash']);
    c.current();
    const r = c.submit('flash-card', { kind: 'reveal' });
    assert.ok(r && r.type === 'result');
    assert.deepStrictEqual(r.result.keyPoints, ['prefill', 'decode', 'KV cache']);
    assert.strictEqual(r.result.suggestedRating, 3, 'Good until the user ticks the checklist');
    const c2 = session(backend().b, ['plain-flash']);
    c2.current();
    const plain = c2.submit('plain-flash', { kind: 'reveal' });
    assert.ok(plain && plain.type === 'result');
    assert.strictEqual(plain.result.keyPoints, undefined);
  });

  it('keeps a typed flashcard answer with the result and the review, and only for that card', async () => {
    const { b, reviews } = backend();
    const c = session(b, ['flash-card', 'plain-flash']);
    c.current();
    const r = c.submit('flash-card', { kind: 'reveal', text: '  Prefill is compute-bound.\n' });
    assert.ok(r && r.type === 'result');
    assert.deepStrictEqual(r.result.typed, { text: 'Prefill is compute-bound.' });
    assert.strictEqual(c.typedAnswer('flash-card'), 'Prefill is compute-bound.');
    assert.strictEqual(c.typedAnswer('plain-flash'), undefined);
    await c.rate('flash-card', 2);
    assert.strictEqual(c.typedAnswer('flash-card'), undefined, 'gone once rated');
    c.submit('plain-flash', { kind: 'reveal', text: '   ' });
    await c.rate('plain-flash', 3);
    assert.deepStrictEqual(
      reviews.map((x) => [x.cardId, x.answer]),
      [
        ['flash-card', 'Prefill is compute-bound.'],
        ['plain-flash', undefined],
      ],
    );
  });
});
