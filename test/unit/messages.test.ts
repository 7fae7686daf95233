import * as assert from 'assert';
import { parseDrillMessage } from '../../src/shared/drill';
import { parseReaderMessage } from '../../src/shared/reader';

describe('webview message validation', () => {
  it('accepts well-formed drill messages and normalizes choices', () => {
    assert.deepStrictEqual(parseDrillMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseDrillMessage({ type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: [2, 0, 2] } }), { type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: [0, 2] } });
    assert.deepStrictEqual(parseDrillMessage({ type: 'submit', cardId: 'q1', answer: { kind: 'numeric', value: 1.5 } }), { type: 'submit', cardId: 'q1', answer: { kind: 'numeric', value: 1.5 } });
    assert.deepStrictEqual(parseDrillMessage({ type: 'rate', cardId: 'q1', rating: 4 }), { type: 'rate', cardId: 'q1', rating: 4 });
    assert.deepStrictEqual(parseDrillMessage({ type: 'end', extra: 1 }), { type: 'end' });
    assert.deepStrictEqual(parseDrillMessage({ type: 'continue' }), { type: 'continue' });
    assert.deepStrictEqual(parseDrillMessage({ type: 'openCard', cardId: 'q1' }), { type: 'openCard', cardId: 'q1' });
  });

  it('rejects malformed and unknown drill messages', () => {
    const bad: unknown[] = [
      null, undefined, 42, 'ready', [], {}, { type: 'launch' },
      { type: 'rate', cardId: 'q1', rating: 5 }, { type: 'rate', cardId: 'q1', rating: '3' }, { type: 'rate', rating: 3 },
      { type: 'submit', cardId: 'q1' }, { type: 'submit', cardId: '', answer: { kind: 'reveal' } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'numeric', value: Number.NaN } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'numeric', value: '3' } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: [-1] } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: [1.5] } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: 'all' } },
      { type: 'submit', cardId: 'x'.repeat(201), answer: { kind: 'reveal' } },
      { type: 'webviewError', message: 7 },
      { type: 'openCard' }, { type: 'openCard', cardId: '' }, { type: 'openCard', cardId: 3 },
    ];
    for (const m of bad) assert.strictEqual(parseDrillMessage(m), undefined, JSON.stringify(m));
  });

  it('accepts reader messages and refuses links that are not http(s)', () => {
    assert.deepStrictEqual(parseReaderMessage({ type: 'setComplete', id: 'what-is-new', complete: true }), { type: 'setComplete', id: 'what-is-new', complete: true });
    assert.deepStrictEqual(parseReaderMessage({ type: 'openLink', href: 'https://example.com/a' }), { type: 'openLink', href: 'https://example.com/a' });
    for (const m of [{ type: 'openLink', href: 'javascript:alert(1)' }, { type: 'openLink', href: 'command:workbench.action.quit' }, { type: 'setComplete', id: 'x', complete: 'yes' }, { type: 'practiseCase' }, { type: 'nope' }]) {
      assert.strictEqual(parseReaderMessage(m), undefined, JSON.stringify(m));
    }
  });
});
