import * as assert from 'assert';
import { applyCardImport, applyProgressImport, emptyImportTally, planImport } from '../../../src/core/progress';
import type { CardImport, ImportCurrent, ImportData, ParsedImport } from '../../../src/core/progress';
import { emptyProgress, encodeLog, encodeSched, unpackCard, packCard } from '../../../src/core/review/format';
import type { CardParts } from '../../../src/core/review/format';
import { emptyParts } from '../../../src/core/review/storeParts';
import type { CardState, CasePractice, ReviewEntry } from '../../../src/core/review/types';
import { DAY, NOW, daysAgo, deepFreeze, practice, review, reviewCard, state } from './helpers';

function current(over: Partial<ImportCurrent> = {}): ImportCurrent {
  return { reviews: [], cards: new Map(), reads: new Map(), casePractices: [], ...over };
}

function file(over: Partial<ImportData> = {}, unknown: string[] = []): ParsedImport {
  const data: ImportData = {
    formatVersion: 1,
    exportedAt: NOW,
    settings: { role: 'product-ai', desiredRetention: 0.9, newCardsPerDay: 15, sessionSize: 20 },
    reviews: [],
    cards: new Map(),
    reads: new Map(),
    casePractices: [],
    ...over,
  };
  return { data, unknownCards: { cardIds: unknown, reviews: data.reviews.filter((r) => unknown.includes(r.cardId)).length } };
}

const r = (id: string, days: number, rating: 1 | 2 | 3 | 4 = 3): ReviewEntry => review(id.split('#')[0], daysAgo(days), rating, { id });

describe('progress: import plan', () => {
  it('adds what is missing, counts what is already there, and keeps unknown cards', () => {
    const mine = current({
      reviews: [r('evals-1#a0', 5)],
      reads: new Map([['what-is-new', daysAgo(4)]]),
      casePractices: [practice('c0', 'document-qa', daysAgo(3), 5, 10)],
    });
    const theirs = file(
      {
        reviews: [r('evals-1#a0', 5), r('evals-1#b0', 2), r('gone-card#b0', 3), r('gone-card#b1', 1)],
        reads: new Map([
          ['what-is-new', daysAgo(9)],
          ['choose-your-role', daysAgo(2)],
        ]),
        casePractices: [practice('c0', 'document-qa', daysAgo(3), 5, 10), practice('b0', 'support-assistant', daysAgo(1), 7, 10)],
      },
      ['gone-card'],
    );
    const plan = planImport(deepFreeze(mine), deepFreeze(theirs));
    const s = plan.summary;
    assert.deepStrictEqual(s.newReviewIds, ['evals-1#b0', 'gone-card#b0', 'gone-card#b1']);
    assert.deepStrictEqual([s.newReadIds, s.newCasePracticeIds, s.changedCardIds], [['choose-your-role'], ['b0'], []]);
    assert.deepStrictEqual(s.alreadyPresent, { reviews: 1, cards: 0, reads: 1, casePractices: 1 });
    assert.deepStrictEqual(s.unknownCards, { cardIds: ['gone-card'], reviews: 2 });
    assert.deepStrictEqual(
      plan.cards.map((c) => [c.cardId, c.reviews.map((x) => x.id)]),
      [
        ['evals-1', ['evals-1#b0']],
        ['gone-card', ['gone-card#b0', 'gone-card#b1']],
      ],
      'oldest first',
    );
    assert.deepStrictEqual(
      plan.reads.map((x) => x.id),
      ['choose-your-role'],
    );
    assert.deepStrictEqual(s.lines, [
      'Adds 3 reviews of 2 cards.',
      'Marks 1 lesson or case walkthrough complete.',
      'Adds 1 case practice.',
      'Keeps 2 reviews of 1 card not in your question bank, in case their pack comes back.',
    ]);
    assert.strictEqual(s.empty, false);
  });

  it('does not promise to re-mark a lesson the user marked incomplete after the file was made', () => {
    const mine = {
      ...current({}),
      readsUndone: new Map([
        ['what-is-new', daysAgo(1)],
        ['choose-your-role', daysAgo(9)],
      ]),
    };
    const plan = planImport(
      mine,
      file({
        reads: new Map([
          ['what-is-new', daysAgo(4)],
          ['choose-your-role', daysAgo(2)],
        ]),
      }),
    );
    assert.deepStrictEqual(
      plan.reads.map((x) => x.id),
      ['choose-your-role'],
      'only the read newer than the local undo is planned',
    );
    assert.deepStrictEqual(plan.summary.newReadIds, ['choose-your-role']);
  });

  it('keeps the local version of a review or case practice that the file holds differently', () => {
    const mine = current({ reviews: [r('evals-1#a0', 5, 3)], casePractices: [practice('c0', 'document-qa', daysAgo(3), 5, 10)] });
    const plan = planImport(mine, file({ reviews: [r('evals-1#a0', 5, 1)], casePractices: [practice('c0', 'document-qa', daysAgo(3), 9, 10)] }));
    assert.deepStrictEqual(
      plan.summary.reviewConflicts.map((c) => [c.id, c.local.rating, c.imported.rating]),
      [['evals-1#a0', 3, 1]],
    );
    assert.deepStrictEqual(
      plan.summary.casePracticeConflicts.map((c) => [c.id, c.local.score, c.imported.score]),
      [['c0', 5, 9]],
    );
    assert.deepStrictEqual([plan.cards, plan.casePractices, plan.summary.empty], [[], [], true]);
    assert.ok(plan.summary.lines.includes('Keeps your version of 1 review that the file holds differently.'));
  });

  it("takes a card state only when the file's last review is newer, never discarding newer local history", () => {
    const s = (days: number, extra = {}) => state(reviewCard(daysAgo(days), 10), extra);
    const mine = current({
      cards: new Map<string, CardState>([
        ['evals-1', s(1)], // local newer
        ['evals-2', s(6)], // file newer
        ['evals-3', s(4)], // same last review, file suspends: keep local
        ['evals-4', state(undefined)], // reset locally after a review 1 day ago (in the log)
      ]),
      reviews: [r('evals-4#a0', 1)],
    });
    const theirs = file({
      cards: new Map<string, CardState>([
        ['evals-1', s(3)],
        ['evals-2', s(2)],
        ['evals-3', s(4, { suspended: true })],
        ['evals-4', s(3)],
        ['rag-1', s(8)],
        ['rag-2', state(undefined)],
      ]),
    });
    const plan = planImport(mine, theirs);
    assert.deepStrictEqual(plan.summary.changedCardIds, ['evals-2', 'rag-1'], 'file newer, or nothing stored locally');
    assert.deepStrictEqual(
      plan.summary.cardStateConflicts.map((c) => [c.cardId, c.localLastReviewAt?.getTime(), c.importedLastReviewAt?.getTime()]),
      [
        ['evals-1', daysAgo(1).getTime(), daysAgo(3).getTime()],
        ['evals-3', daysAgo(4).getTime(), daysAgo(4).getTime()],
        ['evals-4', daysAgo(1).getTime(), daysAgo(3).getTime()],
      ],
    );
    assert.strictEqual(plan.summary.alreadyPresent.cards, 1, 'a blank state for a card with nothing stored is no change');
    assert.deepStrictEqual(plan.cards.find((c) => c.cardId === 'evals-2')?.state, theirs.data.cards.get('evals-2'));
  });

  it("counts the file's reviews of a card towards its last review", () => {
    const mine = current({ cards: new Map([['evals-1', state(reviewCard(daysAgo(3), 10))]]) });
    const stale = state(reviewCard(daysAgo(4), 10));
    const plan = planImport(mine, file({ cards: new Map([['evals-1', stale]]), reviews: [r('evals-1#b0', 2)] }));
    assert.deepStrictEqual(plan.summary.changedCardIds, ['evals-1']);
    assert.strictEqual(plan.cards[0].importedLastReviewAt, daysAgo(2).getTime());
  });
});

function parts(over: Partial<CardParts> = {}): CardParts {
  return { ...emptyParts(), ...over };
}

describe('progress: applying an import to stored values', () => {
  const t = NOW.getTime();
  const newer = state(reviewCard(daysAgo(2), 10), { suspended: true });
  const change = (over: Partial<CardImport> = {}): CardImport => ({
    cardId: 'evals-1',
    reviews: [r('evals-1#b0', 2), r('evals-1#b1', 9)],
    state: newer,
    importedLastReviewAt: daysAgo(2).getTime(),
    ...over,
  });

  it('adds reviews in log order and takes the newer state, restamped; a second apply changes nothing', () => {
    const local = parts({
      sched: encodeSched(reviewCard(daysAgo(5), 10)),
      schedAt: daysAgo(5).getTime(),
      log: [encodeLog('a0', 3, daysAgo(5).getTime(), 8000, undefined, undefined)],
    });
    const tally = emptyImportTally();
    const next = applyCardImport(deepFreeze(local), deepFreeze(change()), t, tally)!;
    assert.deepStrictEqual(
      next.log.map((e) => e[0]),
      ['b1', 'a0', 'b0'],
    );
    assert.deepStrictEqual(next.sched, encodeSched(newer.card!));
    assert.strictEqual(next.schedAt, t);
    assert.deepStrictEqual(next.flags, [1, 0, t]);
    assert.deepStrictEqual(tally, { reviews: 2, cardStates: 1, reads: 0, casePractices: 0 });
    const again = unpackCard(packCard(next));
    assert.strictEqual(applyCardImport(again, change(), t + DAY, tally), undefined);
    assert.strictEqual(tally.reviews, 2);
  });

  it('re-checks the rules when applied: a review made since the plan keeps the local state', () => {
    const local = parts({ sched: encodeSched(reviewCard(daysAgo(1), 10)), log: [encodeLog('a0', 3, daysAgo(1).getTime(), 8000, undefined, undefined)] });
    const next = applyCardImport(local, change(), t)!;
    assert.deepStrictEqual([next.sched, next.flags], [local.sched, 0]);
    assert.strictEqual(next.log.length, 3);
  });

  it('never brings back a review undone here', () => {
    const local = parts({ sched: encodeSched(reviewCard(daysAgo(5), 10)), undone: ['b0'], log: [] });
    const next = applyCardImport(local, change({ state: undefined }), t)!;
    assert.deepStrictEqual(
      next.log.map((e) => e[0]),
      ['b1'],
    );
  });

  it('adds reads and case practices once, and leaves a lesson marked incomplete later alone', () => {
    const progress = deepFreeze({
      ...emptyProgress('aaaa'),
      l: { 'what-is-new': [daysAgo(1).getTime(), 0] as [number, 0 | 1], 'gpu-basics': [daysAgo(9).getTime(), 0] as [number, 0 | 1] },
    });
    const cases: CasePractice[] = [practice('b0', 'document-qa', daysAgo(2), 6, 10)];
    const plan = {
      reads: [
        { id: 'what-is-new', completedAt: daysAgo(3) },
        { id: 'gpu-basics', completedAt: daysAgo(3) },
        { id: 'choose-your-role', completedAt: daysAgo(3) },
      ],
      casePractices: cases,
    };
    const tally = emptyImportTally();
    const next = applyProgressImport(progress, plan, tally);
    assert.deepStrictEqual(
      { ...next.l },
      { 'what-is-new': [daysAgo(1).getTime(), 0], 'gpu-basics': [daysAgo(3).getTime(), 1], 'choose-your-role': [daysAgo(3).getTime(), 1] },
    );
    assert.strictEqual(Object.getPrototypeOf(next.l), null, 'lesson ids are keys of a null-prototype record');
    assert.deepStrictEqual(next.p, [['b0', 'document-qa', daysAgo(2).getTime(), 6, 10, []]]);
    assert.deepStrictEqual(tally, { reviews: 0, cardStates: 0, reads: 2, casePractices: 1 });
    assert.strictEqual(applyProgressImport(next, plan, tally), next, 'nothing to do: the same object back');
    assert.deepStrictEqual(progress.l['gpu-basics'], [daysAgo(9).getTime(), 0], 'input not mutated');
  });
});
