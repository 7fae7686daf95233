import * as assert from 'assert';
import {
  afterRating,
  comesBack,
  createLearnQueue,
  isFinished,
  parseLearnQueue,
  pickNext,
  queueProgress,
  requeue,
  undoRating,
  type LearnQueue,
} from '../../../src/core/review/learnQueue';
import type { ReviewCard } from '../../../src/core/review/types';
import { T0, days, minutes } from './helpers';

const WINDOW = 20 * 60_000;

/** A card state after a rating: in learning steps due at `due`, or in review. */
function learning(due: Date, phase: ReviewCard['phase'] = 'learning'): ReviewCard {
  return { due, stability: 0.5, difficulty: 5, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, phase, lastReview: T0 };
}

/** Shows the next card at `at` and returns its id (asserting there is one). */
function show(q: LearnQueue, at: Date): [LearnQueue, string] {
  const next = pickNext(q, at);
  assert.ok(next.current, `a card is shown at ${at.toISOString()}`);
  return [next, next.current.cardId];
}

/** Rates the card on screen at `at`; `card` is its state after the rating (undefined: graduated far off). */
function rate(q: LearnQueue, at: Date, card: ReviewCard | undefined, window = WINDOW): LearnQueue {
  const out = afterRating(q, q.current!.cardId, card ?? learning(days(3, at), 'review'), at, window);
  assert.ok(out);
  return out;
}

/** Runs a whole session: `decide` gives each showing's post-rating card; returns the ids shown in order. */
function run(ids: string[], decide: (id: string, at: Date, nth: number) => ReviewCard | undefined, stepMs = 20_000, window = WINDOW): string[] {
  let q = createLearnQueue(ids);
  let at = T0;
  const shown: string[] = [];
  for (;;) {
    q = pickNext(q, at);
    if (!q.current) return shown;
    const id = q.current.cardId;
    shown.push(id);
    assert.ok(shown.length < 500, 'the session ends');
    q = rate(q, at, decide(id, at, shown.filter((x) => x === id).length), window);
    at = new Date(at.getTime() + stepMs);
  }
}

describe('learn-ahead session queue', () => {
  it('brings a failed card back after its due time, before the remaining cards', () => {
    let q = createLearnQueue(['a', 'b', 'c', 'd']);
    let id: string;
    [q, id] = show(q, T0);
    assert.strictEqual(id, 'a');
    q = rate(q, T0, learning(minutes(1))); // Again: due in 1 min
    [q, id] = show(q, minutes(0.5));
    assert.strictEqual(id, 'b', 'a is not due yet, so the next new card comes');
    q = rate(q, minutes(0.5), undefined);
    [q, id] = show(q, minutes(1.5));
    assert.strictEqual(id, 'a', 'once due, a comes before c');
    q = rate(q, minutes(1.5), undefined);
    [q, id] = show(q, minutes(2));
    assert.strictEqual(id, 'c');
  });

  it('orders returning cards by due time and learns ahead when nothing else is left', () => {
    let q = createLearnQueue(['a', 'b', 'c']);
    q = rate(pickNext(q, T0), T0, learning(minutes(10))); // a: Good on a new card, 10 min step
    q = rate(pickNext(q, minutes(0.2)), minutes(0.2), learning(minutes(1.2))); // b: Again, 1 min
    q = rate(pickNext(q, minutes(0.4)), minutes(0.4), undefined); // c: Easy
    const order: string[] = [];
    for (let at = minutes(0.5); ; at = new Date(at.getTime() + 1000)) {
      q = pickNext(q, at);
      if (!q.current) break;
      order.push(q.current.cardId);
      q = rate(q, at, undefined);
    }
    assert.deepStrictEqual(order, ['b', 'a'], 'neither is due at 0.5 min: b (due sooner) then a, at once');
    assert.ok(isFinished(q));
  });

  it('never shows a card right after itself while another card is waiting', () => {
    // Every card is failed on its first two showings: 1 min steps, 10 s apart, so returns pile up.
    const shown = run(['a', 'b', 'c'], (_id, at, nth) => (nth <= 2 ? learning(minutes(1, at)) : undefined), 10_000);
    for (let i = 1; i < shown.length; i++) {
      if (shown[i] === shown[i - 1]) assert.fail(`"${shown[i]}" shown twice in a row: ${shown.join(' ')}`);
    }
    assert.deepStrictEqual([...shown].sort(), ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c']);

    // Due now and just shown, with another card to show: the other one goes first.
    let q = createLearnQueue(['a', 'b']);
    q = rate(pickNext(q, T0), T0, learning(minutes(1)));
    q = { ...q, upcoming: ['b'] };
    assert.strictEqual(pickNext(q, minutes(5)).current?.cardId, 'b');
  });

  it('shows the only card left again at once', () => {
    assert.deepStrictEqual(
      run(['solo'], (_id, at, nth) => (nth === 1 ? learning(minutes(1, at)) : nth === 2 ? learning(minutes(10, at)) : undefined)),
      ['solo', 'solo', 'solo'],
    );
  });

  it('undo of a rating removes the copy it queued, also when that copy is on screen', () => {
    let q = createLearnQueue(['a', 'b']);
    q = rate(pickNext(q, T0), T0, learning(minutes(1))); // a failed
    q = pickNext(q, minutes(0.5)); // b on screen
    assert.strictEqual(q.current?.cardId, 'b');
    const undone = undoRating(q)!;
    assert.deepStrictEqual(undone.current, { cardId: 'a' }, 'a is on screen again');
    assert.deepStrictEqual(undone.again, [], "a's returning copy is gone");
    assert.deepStrictEqual(undone.upcoming, ['b'], 'b goes back to the upcoming cards');
    assert.deepStrictEqual(queueProgress(undone), { position: 1, total: 2, again: 0 });

    // The copy already on screen (nothing else was left): undo removes it too.
    let solo = createLearnQueue(['a']);
    solo = rate(pickNext(solo, T0), T0, learning(minutes(1)));
    solo = pickNext(solo, minutes(0.1));
    assert.deepStrictEqual(solo.current, { cardId: 'a', due: minutes(1).getTime() });
    const back = undoRating(solo)!;
    assert.deepStrictEqual(back, { upcoming: [], again: [], current: { cardId: 'a' }, rated: [] });

    // Undo of the returning copy's own rating puts that copy back on screen, with its due time.
    solo = rate(solo, minutes(0.1), undefined);
    assert.ok(isFinished(solo));
    assert.deepStrictEqual(undoRating(solo)!.current, { cardId: 'a', due: minutes(1).getTime() });
    assert.strictEqual(undoRating(createLearnQueue(['a'])), undefined, 'nothing rated, nothing to undo');
  });

  it('with the window at 0, no card comes back', () => {
    const shown = run(['a', 'b', 'c'], (_id, at) => learning(minutes(1, at)), 20_000, 0);
    assert.deepStrictEqual(shown, ['a', 'b', 'c']);
    assert.strictEqual(comesBack(learning(minutes(1)), T0, 0), false);
    assert.strictEqual(comesBack(learning(T0), T0, 0), false, 'not even a card due at once');
  });

  it('ends when nothing is due within the window: later steps and review cards do not come back', () => {
    assert.strictEqual(comesBack(learning(minutes(20)), T0, WINDOW), true, 'exactly at the window edge');
    assert.strictEqual(comesBack(learning(minutes(21)), T0, WINDOW), false);
    assert.strictEqual(comesBack(learning(minutes(10), 'relearning'), T0, WINDOW), true, 'a lapsed review card relearns in the session');
    assert.strictEqual(comesBack(learning(minutes(5), 'review'), T0, WINDOW), false, 'review cards never do');
    const shown = run(['a', 'b'], (id, at) => (id === 'a' ? learning(minutes(25, at)) : undefined));
    assert.deepStrictEqual(shown, ['a', 'b']);
  });

  it('counts returning cards in the progress: "12 / 18 · 3 again"', () => {
    let q = createLearnQueue(Array.from({ length: 15 }, (_, i) => `c${i}`));
    let at = T0;
    for (let i = 0; i < 11; i++) {
      q = pickNext(q, at);
      q = rate(q, at, i < 3 ? learning(minutes(15, T0)) : undefined); // the first three fail, due after the cards left
      at = minutes(0.1, at);
    }
    q = pickNext(q, at);
    assert.deepStrictEqual(queueProgress(q), { position: 12, total: 18, again: 3 });
    for (;;) {
      q = pickNext(q, at);
      if (!q.current) break;
      q = rate(q, at, undefined);
    }
    assert.deepStrictEqual(queueProgress(q), { position: 18, total: 18, again: 3 });
  });

  it('puts cards back for "Continue now" and survives a JSON round trip', () => {
    let q = createLearnQueue(['a']);
    q = rate(pickNext(q, T0), T0, undefined);
    assert.ok(isFinished(q));
    q = requeue(q, [{ cardId: 'a', due: minutes(40).getTime() }]);
    assert.strictEqual(pickNext(q, minutes(1)).current?.cardId, 'a', 'learned ahead at once');
    const mid = pickNext(createLearnQueue(['x', 'y']), T0);
    const failed = rate(mid, T0, learning(minutes(1)));
    assert.deepStrictEqual(parseLearnQueue(JSON.parse(JSON.stringify(failed))), failed);
  });

  it('rejects a malformed stored queue and drops duplicate copies', () => {
    for (const bad of [
      null,
      'x',
      {},
      { upcoming: [1], again: [], rated: [] },
      { upcoming: [], again: [{ cardId: 'a', due: -1 }], rated: [] },
      { upcoming: [''], again: [], rated: [] },
    ]) {
      assert.strictEqual(parseLearnQueue(bad), undefined, JSON.stringify(bad));
    }
    const q = parseLearnQueue({
      upcoming: ['a', 'a', 'b'],
      again: [
        { cardId: 'b', due: 5 },
        { cardId: 'b', due: 6 },
      ],
      current: { cardId: 'c' },
      rated: [],
    });
    assert.deepStrictEqual(q, { upcoming: ['a'], again: [{ cardId: 'b', due: 5 }], current: { cardId: 'c' }, rated: [] });
  });
});
