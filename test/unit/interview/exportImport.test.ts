import * as assert from 'assert';
import { buildExport, parseImport } from '../../../src/core/progress';
import { interviewsToImport } from '../../../src/core/progress/importApply';
import { NOW, interview } from './helpers';

const settings = { role: 'product-ai', desiredRetention: 0.9, newCardsPerDay: 15, sessionSize: 20 };
const empty = { reviews: [], cards: new Map(), reads: new Map(), casePractices: [], settings };
const options = { now: NOW, knownCardIds: new Set<string>() };

describe('interview dates in export and import', () => {
  it('exports the interviews and imports them back', () => {
    const interviews = [interview('2026-03-20'), interview('2026-04-02', { id: 'i2', roleId: 'ml-infra' })];
    const file = buildExport({ ...empty, interviews }, NOW);
    assert.deepStrictEqual(file.interviews, [
      { id: 'i1', date: '2026-03-20', roleId: 'product-ai', createdAt: NOW.toISOString() },
      { id: 'i2', date: '2026-04-02', roleId: 'ml-infra', createdAt: NOW.toISOString() },
    ]);
    const parsed = parseImport(JSON.stringify(file), options);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.data.interviews, interviews);
  });

  it('reads files without interviews as before, and leaves them out of exports when not given', () => {
    const file = buildExport(empty, NOW);
    assert.ok(!('interviews' in file));
    const parsed = parseImport(JSON.stringify(file), options);
    assert.ok(parsed.ok);
    assert.strictEqual(parsed.data.interviews, undefined);
  });

  it('refuses a file with a bad interview date or a duplicate id, saying where', () => {
    const file = buildExport({ ...empty, interviews: [interview('2026-03-20')] }, NOW);
    const bad = { ...file, interviews: [{ ...file.interviews![0], date: '2026-13-01' }] };
    const refused = parseImport(JSON.stringify(bad), options);
    assert.ok(!refused.ok);
    assert.match(refused.error.message, /interviews\[0\]\.date must be a date such as "2026-03-20"/);
    const twice = { ...file, interviews: [file.interviews![0], file.interviews![0]] };
    const dup = parseImport(JSON.stringify(twice), options);
    assert.ok(!dup.ok && /interview id "i1" appears twice/.test(dup.error.message));
  });

  it('imports only new or changed interviews', () => {
    const mine = [interview('2026-03-20'), interview('2026-04-01', { id: 'i2' })];
    const theirs = [interview('2026-03-20'), interview('2026-04-03', { id: 'i2' }), interview('2026-05-01', { id: 'i3' })];
    assert.deepStrictEqual(
      interviewsToImport(mine, theirs).map((i) => [i.id, i.date]),
      [
        ['i2', '2026-04-03'],
        ['i3', '2026-05-01'],
      ],
    );
  });
});
