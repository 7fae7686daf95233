import * as assert from 'assert';
import { parseDrillMessage } from '../../../src/shared/drill';
import { linksOf, parseReaderMessage, refusalOf, type ReaderDocument } from '../../../src/shared/reader';

describe('webview message validation', () => {
  it('accepts well-formed drill messages and normalizes choices', () => {
    assert.deepStrictEqual(parseDrillMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseDrillMessage({ type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: [2, 0, 2] } }), {
      type: 'submit',
      cardId: 'q1',
      answer: { kind: 'choice', indices: [0, 2] },
    });
    assert.deepStrictEqual(parseDrillMessage({ type: 'submit', cardId: 'q1', answer: { kind: 'numeric', value: 1.5 } }), {
      type: 'submit',
      cardId: 'q1',
      answer: { kind: 'numeric', value: 1.5 },
    });
    assert.deepStrictEqual(parseDrillMessage({ type: 'rate', cardId: 'q1', rating: 4 }), { type: 'rate', cardId: 'q1', rating: 4 });
    assert.deepStrictEqual(parseDrillMessage({ type: 'end', extra: 1 }), { type: 'end' });
    assert.deepStrictEqual(parseDrillMessage({ type: 'continue' }), { type: 'continue' });
    assert.deepStrictEqual(parseDrillMessage({ type: 'openCard', cardId: 'q1' }), { type: 'openCard', cardId: 'q1' });
  });

  it('rejects malformed and unknown drill messages', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'ready',
      [],
      {},
      { type: 'launch' },
      { type: 'rate', cardId: 'q1', rating: 5 },
      { type: 'rate', cardId: 'q1', rating: '3' },
      { type: 'rate', rating: 3 },
      { type: 'submit', cardId: 'q1' },
      { type: 'submit', cardId: '', answer: { kind: 'reveal' } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'numeric', value: Number.NaN } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'numeric', value: '3' } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: [-1] } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: [1.5] } },
      { type: 'submit', cardId: 'q1', answer: { kind: 'choice', indices: 'all' } },
      { type: 'submit', cardId: 'x'.repeat(201), answer: { kind: 'reveal' } },
      { type: 'webviewError', message: 7 },
      { type: 'openCard' },
      { type: 'openCard', cardId: '' },
      { type: 'openCard', cardId: 3 },
    ];
    for (const m of bad) assert.strictEqual(parseDrillMessage(m), undefined, JSON.stringify(m));
  });

  it('accepts reader messages and refuses links that are not http(s)', () => {
    assert.deepStrictEqual(parseReaderMessage({ type: 'setComplete', id: 'what-is-new', complete: true }), {
      type: 'setComplete',
      id: 'what-is-new',
      complete: true,
    });
    assert.deepStrictEqual(parseReaderMessage({ type: 'openLink', href: 'https://example.com/a' }), { type: 'openLink', href: 'https://example.com/a' });
    for (const m of [
      { type: 'openLink', href: 'javascript:alert(1)' },
      { type: 'openLink', href: 'command:workbench.action.quit' },
      { type: 'setComplete', id: 'x', complete: 'yes' },
      { type: 'practiseCase' },
      { type: 'nope' },
    ]) {
      assert.strictEqual(parseReaderMessage(m), undefined, JSON.stringify(m));
    }
  });

  it('refuses reader ids that are not content ids, however short', () => {
    for (const id of ['Not An Id', '../x', 'a'.repeat(81), '__proto__', 'x'.repeat(1999)]) {
      assert.strictEqual(parseReaderMessage({ type: 'practiseCase', id }), undefined, id.slice(0, 20));
      assert.strictEqual(parseReaderMessage({ type: 'setComplete', id, complete: true }), undefined, id.slice(0, 20));
    }
    assert.deepStrictEqual(parseReaderMessage({ type: 'practiseCase', id: 'rag-support-bot' }), { type: 'practiseCase', id: 'rag-support-bot' });
  });

  it('accepts reader actions only for the document on show: its id, a case to practise, its own links', () => {
    const kase: ReaderDocument = {
      kind: 'case',
      id: 'rag-bot',
      title: 'RAG bot',
      subtitle: '',
      complete: false,
      sections: [{ heading: 'Prompt', html: '<p>See <a href="https://example.com/a?x=1&amp;y=2" rel="noopener noreferrer">this</a>.</p>' }],
    };
    const lesson: ReaderDocument = { ...kase, kind: 'lesson', id: 'intro', sections: [{ heading: '', html: '<p>No links.</p>' }] };
    assert.deepStrictEqual([...linksOf(kase)], ['https://example.com/a?x=1&y=2']);
    assert.strictEqual(refusalOf({ type: 'practiseCase', id: 'rag-bot' }, kase), undefined);
    assert.strictEqual(refusalOf({ type: 'practiseCase', id: 'other-case' }, kase), 'practiseCase for "other-case", which is not the open case "rag-bot"');
    assert.strictEqual(refusalOf({ type: 'practiseCase', id: 'intro' }, lesson), 'practiseCase for "intro", but no case study is on show');
    assert.strictEqual(refusalOf({ type: 'practiseCase', id: 'rag-bot' }, undefined), 'practiseCase for "rag-bot", but no case study is on show');
    assert.strictEqual(refusalOf({ type: 'setComplete', id: 'intro', complete: true }, lesson), undefined);
    assert.strictEqual(
      refusalOf({ type: 'setComplete', id: 'rag-bot', complete: true }, lesson),
      'setComplete for "rag-bot", which is not the open lesson "intro"',
    );
    assert.strictEqual(refusalOf({ type: 'openLink', href: 'https://example.com/a?x=1&y=2' }, kase), undefined);
    assert.strictEqual(refusalOf({ type: 'openLink', href: 'https://evil.example/' }, kase), 'openLink for a link that is not in "rag-bot"');
    assert.strictEqual(refusalOf({ type: 'ready' }, undefined), undefined);
  });

  it('opens only the self-check cards of the lesson on show', () => {
    const lesson: ReaderDocument = {
      kind: 'lesson',
      id: 'intro',
      title: 'Intro',
      subtitle: '',
      complete: false,
      sections: [{ heading: '', html: '<p>Text.</p>' }],
      selfCheck: [
        { id: 'evals-golden-set', label: 'What is a golden set?' },
        { id: 'metrics-pr-auc', label: 'When PR-AUC?' },
      ],
    };
    const kase: ReaderDocument = { ...lesson, kind: 'case', id: 'rag-bot' };
    assert.deepStrictEqual(parseReaderMessage({ type: 'openCard', cardId: 'metrics-pr-auc' }), { type: 'openCard', cardId: 'metrics-pr-auc' });
    for (const cardId of ['Not An Id', '__proto__', 'x'.repeat(300)])
      assert.strictEqual(parseReaderMessage({ type: 'openCard', cardId }), undefined, cardId.slice(0, 20));
    assert.strictEqual(refusalOf({ type: 'openCard', cardId: 'metrics-pr-auc' }, lesson), undefined);
    assert.strictEqual(
      refusalOf({ type: 'openCard', cardId: 'serving-replica-count' }, lesson),
      'openCard for "serving-replica-count", which is not a self-check card of "intro"',
    );
    assert.strictEqual(
      refusalOf({ type: 'openCard', cardId: 'metrics-pr-auc' }, { ...lesson, selfCheck: undefined }),
      'openCard for "metrics-pr-auc", which is not a self-check card of "intro"',
    );
    assert.strictEqual(refusalOf({ type: 'openCard', cardId: 'metrics-pr-auc' }, kase), 'openCard for "metrics-pr-auc", but no lesson is on show');
    assert.strictEqual(refusalOf({ type: 'openCard', cardId: 'metrics-pr-auc' }, undefined), 'openCard for "metrics-pr-auc", but no lesson is on show');
  });
});
