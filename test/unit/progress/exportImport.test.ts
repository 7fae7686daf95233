import * as assert from 'assert';
import { DEFAULT_MAX_IMPORT_BYTES, EXPORT_FORMAT_VERSION, buildExport, importSizeError, parseImport } from '../../../src/core/progress';
import type { ExportInput, ImportErrorKind, ParseImportOptions } from '../../../src/core/progress';
import type { CardState } from '../../../src/core/review/types';
import { NOW, at, daysAgo, deepFreeze, practice, review, reviewCard, snapshot, state } from './helpers';

/** A small history with every kind of item and every optional field both ways. */
export function history(): ExportInput {
  return {
    reviews: [
      review('evals-1', daysAgo(2), 3, { id: 'evals-1#aaaa1', xp: 8, correct: true }),
      review('evals-1', daysAgo(9), 1, { id: 'evals-1#aaaa0', correct: false }),
      review('gone-card', daysAgo(5), 4, { id: 'gone-card#aaaa0', durationMs: 1234 }),
    ],
    cards: new Map<string, CardState>([
      ['evals-1', state(reviewCard(daysAgo(2), 3.1234, { phase: 'review' }))],
      ['rag-1', state(undefined, { suspended: true })],
      ['gone-card', state(reviewCard(daysAgo(5), 12), { buriedUntil: at('2026-03-11T04:00:00Z') })],
    ]),
    reads: new Map([
      ['what-is-new', daysAgo(4)],
      ['support-assistant', daysAgo(3)],
    ]),
    casePractices: [{ ...practice('aaaa0', 'support-assistant', daysAgo(1), 14, 20), missed: ['evals-2', 'cost-1'] }],
    settings: { role: 'product-ai', desiredRetention: 0.9, newCardsPerDay: 15, sessionSize: 20 },
  };
}

export const KNOWN = new Set(['evals-1', 'evals-2', 'rag-1']);
const options = (extra: Partial<ParseImportOptions> = {}): ParseImportOptions => deepFreeze({ now: NOW, knownCardIds: KNOWN, ...extra });
const text = () => JSON.stringify(buildExport(history(), NOW));

function refused(input: string, kind: ImportErrorKind, message: RegExp, opts = options()): void {
  const result = parseImport(input, opts);
  assert.ok(!result.ok, `expected a refusal (${kind})`);
  assert.strictEqual(result.error.kind, kind);
  assert.match(result.error.message, message);
  assert.match(result.error.message, /Nothing was imported\.$/);
}

/** The export with the value at `path` replaced (`undefined` deletes it). */
function edited(path: readonly (string | number)[] = [], value?: unknown): string {
  const file = JSON.parse(text()) as Record<string | number, unknown>;
  let node = file;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (path.length && value === undefined) delete node[path[path.length - 1]];
  else if (path.length) node[path[path.length - 1]] = value;
  return JSON.stringify(file);
}

describe('progress: export', () => {
  it('writes the documented, versioned, sorted format', () => {
    const input = deepFreeze(history());
    const before = snapshot(input);
    const file = buildExport(input, NOW);
    assert.strictEqual(snapshot(input), before, 'input not mutated');
    assert.deepStrictEqual([file.formatVersion, file.app, file.exportedAt], [EXPORT_FORMAT_VERSION, 'loop-prep', '2026-03-10T12:00:00.000Z']);
    assert.deepStrictEqual(file.settings, { role: 'product-ai', desiredRetention: 0.9, newCardsPerDay: 15, sessionSize: 20 });
    assert.deepStrictEqual(
      file.reviews.map((r) => r.id),
      ['evals-1#aaaa0', 'gone-card#aaaa0', 'evals-1#aaaa1'],
      'oldest first',
    );
    assert.deepStrictEqual(file.reviews[2], {
      id: 'evals-1#aaaa1',
      cardId: 'evals-1',
      rating: 3,
      reviewedAt: '2026-03-08T12:00:00.000Z',
      durationMs: 8000,
      correct: true,
      xp: 8,
    });
    assert.ok(!('xp' in file.reviews[0]) && !('correct' in file.reviews[1]), 'unknown optional fields are left out');
    assert.deepStrictEqual(
      file.cards.map((c) => c.cardId),
      ['evals-1', 'gone-card', 'rag-1'],
    );
    assert.deepStrictEqual(file.cards[2], { cardId: 'rag-1', suspended: true, buriedUntil: null, fsrs: null });
    assert.strictEqual(file.cards[1].buriedUntil, '2026-03-11T04:00:00.000Z');
    assert.strictEqual(file.cards[0].fsrs?.phase, 'review');
    assert.deepStrictEqual(file.reads, [
      { id: 'support-assistant', completedAt: '2026-03-07T12:00:00.000Z' },
      { id: 'what-is-new', completedAt: '2026-03-06T12:00:00.000Z' },
    ]);
    assert.deepStrictEqual(file.casePractices[0].missed, ['evals-2', 'cost-1']);
  });

  it('keeps review ids unique', () => {
    const input = history();
    const file = buildExport({ ...input, reviews: [...input.reviews, input.reviews[0]] }, NOW);
    assert.strictEqual(file.reviews.length, 3);
  });
});

describe('progress: import parsing', () => {
  it('round-trips an export: parse gives back the input, and exporting that gives the same file', () => {
    const input = history();
    const result = parseImport(text(), options());
    assert.ok(result.ok);
    const { data } = result;
    assert.deepStrictEqual(
      [...data.reviews].sort((a, b) => a.id.localeCompare(b.id)),
      [...input.reviews].sort((a, b) => a.id.localeCompare(b.id)),
    );
    assert.deepStrictEqual(new Map([...data.cards].sort()), new Map([...input.cards].sort()));
    assert.deepStrictEqual(data.reads, input.reads);
    assert.deepStrictEqual(data.casePractices, input.casePractices);
    assert.deepStrictEqual(data.settings, input.settings);
    assert.deepStrictEqual(data.exportedAt, NOW);
    assert.strictEqual(JSON.stringify(buildExport({ ...data }, NOW)), text());
  });

  it('keeps reviews of cards the bank lacks, and reports them', () => {
    const result = parseImport(text(), options());
    assert.ok(result.ok);
    assert.deepStrictEqual(result.unknownCards, { cardIds: ['gone-card'], reviews: 1 });
    assert.ok(result.data.reviews.some((r) => r.cardId === 'gone-card'));
    assert.ok(result.data.cards.has('gone-card'));
  });

  it('accepts a byte-order mark, extra fields and dates within a day of now', () => {
    assert.ok(parseImport(`\uFEFF${edited(['comment'], 'from my laptop')}`, options()).ok);
    assert.ok(parseImport(edited(['reviews', 0, 'reviewedAt'], '2026-03-11T11:00:00.000Z'), options()).ok);
  });

  it('refuses a file over the size limit before parsing it', () => {
    refused('x'.repeat(2000), 'tooLarge', /^This file is 2 KB; Loop Prep imports files of at most 1 KB\./, options({ maxBytes: 1000 }));
    refused('€'.repeat(400), 'tooLarge', /of at most/, options({ maxBytes: 1000 })); // 400 characters, 1,200 bytes
    assert.ok(parseImport(edited(), options({ maxBytes: text().length })).ok, 'exactly at the limit is fine');
    assert.match(importSizeError(200 * 1024 * 1024)!.message, /^This file is 200 MB; Loop Prep imports files of at most 50 MB\./);
    assert.strictEqual(importSizeError(DEFAULT_MAX_IMPORT_BYTES), undefined);
  });

  it('refuses text that is not JSON', () => {
    refused('{"formatVersion": 1,', 'notJson', /^This file is not valid JSON \(/);
    refused('', 'notJson', /not valid JSON/);
  });

  it('refuses JSON of the wrong shape, naming what is wrong', () => {
    refused('[]', 'wrongShape', /not a Loop Prep export file: it does not hold a JSON object/);
    refused('{"app": "anki", "formatVersion": 1}', 'wrongShape', /lacks "app": "loop-prep"/);
    refused(edited(['reviews', 1, 'rating'], 5), 'wrongShape', /reviews\[1\]\.rating must be 1 or 2 or 3 or 4/);
    refused(edited(['settings']), 'wrongShape', /settings must be an object/);
    refused(edited(['cards', 0, 'fsrs', 'reps'], 1.5), 'wrongShape', /cards\[0\]\.fsrs\.reps must be a whole number/);
    refused(edited(['reviews', 0, 'reviewedAt'], 'yesterday'), 'wrongShape', /reviews\[0\]\.reviewedAt must be an ISO 8601 date/);
    refused(edited(['reviews', 0, 'cardId'], 'Not An Id'), 'wrongShape', /reviews\[0\]\.cardId must be a content id/);
    refused(edited(['formatVersion'], 0), 'wrongShape', /formatVersion must be 1/);
    refused(edited(['reviews', 1, 'id'], 'evals-1#aaaa0'), 'wrongShape', /must be "gone-card#" followed by/);
    refused(edited(['reviews', 3], (JSON.parse(text()) as { reviews: unknown[] }).reviews[0]), 'wrongShape', /review id "evals-1#aaaa0" appears twice/);
    refused(edited(['casePractices', 0, 'score'], 21), 'wrongShape', /casePractices\[0\]\.score must not exceed its maxScore/);
    refused(edited(['settings', 'sessionSize'], 0), 'wrongShape', /settings\.sessionSize must be at least 1/);
  });

  it('refuses a newer format version, whatever else the file holds', () => {
    refused(
      '{"app": "loop-prep", "formatVersion": 2, "reviews": "not even a list"}',
      'futureVersion',
      /newer Loop Prep \(format 2\); this version reads format 1\. Update Loop Prep/,
    );
  });

  it('refuses dates more than a day in the future', () => {
    refused(
      edited(['reviews', 0, 'reviewedAt'], '2026-03-11T12:00:01.000Z'),
      'futureTimestamp',
      /review "evals-1#aaaa0" is dated 2026-03-11T12:00:01\.000Z, after now \(2026-03-10T12:00:00\.000Z\)/,
    );
    refused(edited(['exportedAt'], '2027-01-01T00:00:00.000Z'), 'futureTimestamp', /the export itself/);
    refused(edited(['cards', 0, 'fsrs', 'lastReview'], '2027-01-01T00:00:00Z'), 'futureTimestamp', /card "evals-1" was last reviewed/);
    refused(edited(['reads', 0, 'completedAt'], '2027-01-01T00:00:00Z'), 'futureTimestamp', /"support-assistant" was completed/);
    refused(edited(['casePractices', 0, 'practicedAt'], '2027-01-01T00:00:00Z'), 'futureTimestamp', /case practice "aaaa0"/);
    assert.ok(parseImport(edited(['cards', 0, 'fsrs', 'due'], '2027-01-01T00:00:00Z'), options()).ok, 'due dates are meant to be in the future');
  });
});
