import * as assert from 'assert';
import type { ContentIndex, Question } from '../../../src/core/content/types';
import { createScheduler } from '../../../src/core/review/scheduler';
import type { ReviewCard } from '../../../src/core/review/types';
import { DrillController, describeDueAgain, type DrillBackend } from '../../../src/core/drill/controller';
import { parseDrillSnapshot } from '../../../src/core/drill/snapshot';
import type { HostToDrill, Rating } from '../../../src/shared/drill';

const src = { pack: 'builtin', file: 'x.md' };
const card = (id: string, topic: string): Question => ({
  kind: 'question',
  id,
  aliases: [],
  source: src,
  topic,
  roles: ['r'],
  difficulty: 'medium',
  type: 'flashcard',
  promptHtml: `<p>${id}</p>`,
  promptText: `Prompt of ${id}`,
  explanationHtml: '<p>e</p>',
  explanationText: 'e',
  tags: [],
});
const ids = Array.from({ length: 15 }, (_, i) => `c${i + 1}`);
const index: ContentIndex = {
  formatVersion: 1,
  roles: [],
  topics: [],
  questions: ids.map((id, i) => card(id, `t${i % 3}`)),
  cases: [],
  lessons: [],
  templates: [],
};
const WINDOW = 20 * 60_000;

/** A backend over the real ts-fsrs scheduler (default learning steps 1m, 10m) and an in-memory store. */
function realBackend() {
  const scheduler = createScheduler({ enableFuzz: false });
  const cards = new Map<string, ReviewCard>();
  const undo: { cardId: string; before: ReviewCard | undefined }[] = [];
  const b: DrillBackend = {
    content: () => index,
    preview: (id, now) => scheduler.preview(cards.get(id), now),
    record: async (r) => {
      undo.push({ cardId: r.cardId, before: cards.get(r.cardId) });
      cards.set(r.cardId, scheduler.rate(cards.get(r.cardId), r.rating, r.at).card);
    },
    undoLast: async (expected) => {
      const last = undo[undo.length - 1];
      if (last?.cardId !== expected) return undefined;
      undo.pop();
      if (last.before) cards.set(expected, last.before);
      else cards.delete(expected);
      return expected;
    },
    card: (id) => cards.get(id),
    nextDue: (now) =>
      [...cards.values()]
        .map((c) => c.due)
        .filter((d) => d > now)
        .sort((x, y) => x.getTime() - y.getTime())[0],
  };
  return { b, cards, undo };
}

/** A clock that moves 15 seconds per read of a card: a brisk but human pace. */
function clock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** Shows, reveals and rates cards until the summary; `rating` picks each showing's rating. Returns the ids shown. */
async function drill(
  c: DrillController,
  tick: { advance(ms: number): void },
  rating: (id: string, nth: number) => Rating,
  limit = 200,
  stepMs = 15_000,
): Promise<{ shown: string[]; last: HostToDrill; progress: string[] }> {
  const shown: string[] = [];
  const progress: string[] = [];
  let msg = c.current();
  while (msg.type === 'card' && shown.length < limit) {
    const id = msg.card.id;
    shown.push(id);
    progress.push(`${msg.progress.position} / ${msg.progress.total}${msg.progress.again ? ` · ${msg.progress.again} again` : ''}`);
    tick.advance(stepMs);
    c.submit(id, { kind: 'reveal' });
    msg = (await c.rate(id, rating(id, shown.filter((x) => x === id).length)))!;
  }
  return { shown, last: msg, progress };
}

describe('drill with learn-ahead (real ts-fsrs learning steps)', () => {
  it('shows 35 cards in a 15-card new session where 5 are failed once and everything else is rated Good', async () => {
    const { b, cards } = realBackend();
    const t = clock();
    const c = new DrillController(b, { cardIds: ids, modeLabel: 'New', now: t.now, learnAheadMs: () => WINDOW });
    const failed = new Set(ids.slice(0, 5));
    const { shown, last } = await drill(c, t, (id, nth) => (failed.has(id) && nth === 1 ? 1 : 3));
    // Good on a new card: the 10-minute step, then a graduating Good (2 showings). Again, Good, Good: 3.
    assert.strictEqual(shown.length, 35);
    assert.strictEqual(shown.length, 10 * 2 + 5 * 3);
    assert.ok(last.type === 'summary');
    assert.strictEqual(last.summary.reviewed, 35);
    assert.deepStrictEqual(
      last.summary.failed.map((f) => f.id),
      [...failed],
    );
    assert.ok(
      [...cards.values()].every((x) => x.phase === 'review'),
      'every card graduated before the session ended',
    );
    for (let i = 1; i < shown.length; i++) assert.notStrictEqual(shown[i], shown[i - 1], `no card twice in a row (${i})`);
  });

  it('with Easy for the passed cards, brings back only the 3 failed ones, once due, before the summary, and counts them', async () => {
    const { b } = realBackend();
    const t = clock();
    const c = new DrillController(b, { cardIds: ids, modeLabel: 'New', now: t.now, learnAheadMs: () => WINDOW });
    const failed = new Set(ids.slice(0, 3));
    const { shown, last, progress } = await drill(c, t, (id, nth) => (failed.has(id) && nth === 1 ? 1 : 4));
    assert.strictEqual(shown.length, 18);
    for (const id of failed) {
      const again = shown.indexOf(id, shown.indexOf(id) + 1);
      assert.ok(again > 0, `${id} comes back`);
      assert.ok((again - shown.indexOf(id)) * 15_000 >= 60_000, `${id} comes back after its 1-minute step, not before`);
    }
    assert.strictEqual(progress[3], '4 / 18 · 3 again');
    assert.strictEqual(progress[17], '18 / 18 · 3 again');
    assert.ok(last.type === 'summary' && last.summary.left === 0 && last.summary.dueAgain === undefined);
  });

  it('learns ahead: at a fast pace the failed cards come back at once after the last new card', async () => {
    const { b } = realBackend();
    const t = clock();
    const c = new DrillController(b, { cardIds: ids, modeLabel: 'New', now: t.now, learnAheadMs: () => WINDOW });
    const failed = new Set(ids.slice(0, 3));
    const { shown } = await drill(c, t, (id, nth) => (failed.has(id) && nth === 1 ? 1 : 4), 200, 2000);
    assert.deepStrictEqual(shown.slice(15), ids.slice(0, 3), '15 cards in 30 s: none is due yet, so they come in due order at the end');
  });

  it('with the window at 0 ends after the 15 cards and offers to continue with the failed ones', async () => {
    const { b } = realBackend();
    const t = clock();
    const c = new DrillController(b, { cardIds: ids, modeLabel: 'New', now: t.now, learnAheadMs: () => 0 });
    const { shown, last } = await drill(c, t, (id) => (id === 'c15' ? 1 : 4));
    assert.strictEqual(shown.length, 15);
    assert.ok(last.type === 'summary');
    assert.strictEqual(last.summary.dueAgain, '1 card is due again in 1 min', 'c15, failed last, is due a minute later');
    const back = c.continueNow();
    assert.ok(back.type === 'card' && back.card.id === 'c15');
  });

  it('says how many cards are due again soon after the window, and "Continue now" brings them back at once', async () => {
    const { b } = realBackend();
    const t = clock();
    const c = new DrillController(b, { cardIds: ids.slice(0, 4), modeLabel: 'New', now: t.now, learnAheadMs: () => 5 * 60_000 });
    // Good on a new card: due in 10 minutes, outside a 5-minute window, so it does not come back by itself.
    const { shown, last } = await drill(c, t, () => 3);
    assert.strictEqual(shown.length, 4);
    assert.ok(last.type === 'summary');
    assert.strictEqual(last.summary.dueAgain, '4 cards are due again in 10 min');
    const more = await drill({ current: () => c.continueNow(), submit: c.submit.bind(c), rate: c.rate.bind(c) } as unknown as DrillController, t, () => 3);
    assert.deepStrictEqual([...more.shown].sort(), ids.slice(0, 4));
    assert.ok(more.last.type === 'summary' && more.last.summary.dueAgain === undefined && more.last.summary.reviewed === 8);
  });

  it('undo of a failed card removes its returning copy', async () => {
    const { b, cards } = realBackend();
    const t = clock();
    const c = new DrillController(b, { cardIds: ['c1', 'c2'], modeLabel: 'New', now: t.now, learnAheadMs: () => WINDOW });
    c.current();
    c.submit('c1', { kind: 'reveal' });
    const next = await c.rate('c1', 1);
    assert.ok(next?.type === 'card' && next.card.id === 'c2' && next.progress.total === 3 && next.progress.again === 1);
    const back = await c.undo();
    assert.ok(back.type === 'card' && back.card.id === 'c1');
    assert.deepStrictEqual([back.progress.position, back.progress.total, back.progress.again], [1, 2, 0]);
    assert.strictEqual(cards.has('c1'), false, 'the review was taken back');
    c.submit('c1', { kind: 'reveal' });
    await c.rate('c1', 4);
    const { shown } = await drill(c, t, () => 4);
    assert.deepStrictEqual(shown, ['c2'], 'c1 does not come back');
  });

  it('resumes from a snapshot with its returning cards, as after a window reload', async () => {
    const { b } = realBackend();
    const t = clock();
    const c = new DrillController(b, { cardIds: ids.slice(0, 5), modeLabel: 'New for my role', now: t.now, learnAheadMs: () => WINDOW });
    await drill(c, t, (id) => (id === 'c1' || id === 'c2' ? 1 : 4), 3); // c1, c2 failed, c3 Easy; c4 on screen
    const saved = parseDrillSnapshot(JSON.parse(JSON.stringify(c.snapshot())), t.now());
    assert.ok(saved.snapshot, saved.why);
    const resumed = new DrillController(b, { cardIds: [], modeLabel: saved.snapshot.modeLabel, now: t.now, learnAheadMs: () => WINDOW }, saved.snapshot);
    const first = resumed.current();
    assert.ok(first.type === 'card');
    assert.deepStrictEqual([first.card.id, first.progress.position, first.progress.total, first.progress.again], ['c4', 4, 7, 2]);
    const { shown, last } = await drill(resumed, t, () => 4);
    assert.deepStrictEqual(shown.slice(2).sort(), ['c1', 'c2']);
    assert.ok(last.type === 'summary' && last.summary.reviewed === 7 && last.summary.failed.length === 2);
    assert.strictEqual(parseDrillSnapshot(c.snapshot(), new Date(t.now().getTime() + 7 * 3_600_000)).snapshot, undefined, 'too old to resume');
    assert.match(parseDrillSnapshot({ version: 1 }, t.now()).why ?? '', /not readable/);
  });

  it('words the summary line', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    const at = (min: number) => now.getTime() + min * 60_000;
    assert.strictEqual(describeDueAgain([at(25), at(25), at(24.5), at(24.2)], now), '4 cards are due again in 25 min');
    assert.strictEqual(describeDueAgain([at(-1)], now), '1 card is due again now');
    assert.strictEqual(describeDueAgain([at(2), at(12)], now), '2 cards are due again within 12 min');
  });
});
