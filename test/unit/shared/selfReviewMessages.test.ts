import * as assert from 'assert';
import { MAX_TICKED, parseHostToSelfReview, parseSelfReviewMessage, type SelfReview } from '../../../src/shared/selfReview';

describe('self-review: webview messages', () => {
  it('accepts the messages the webview sends', () => {
    assert.deepStrictEqual(parseSelfReviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseSelfReviewMessage({ type: 'drillMissed', extra: 1 }), { type: 'drillMissed' });
    assert.deepStrictEqual(parseSelfReviewMessage({ type: 'close' }), { type: 'close' });
    assert.deepStrictEqual(parseSelfReviewMessage({ type: 'confirm', reviewId: 'r1', ticked: ['a', 'b', 'a'] }), {
      type: 'confirm',
      reviewId: 'r1',
      ticked: ['a', 'b'],
    });
    assert.deepStrictEqual(parseSelfReviewMessage({ type: 'confirm', reviewId: 'r1', ticked: [] }), { type: 'confirm', reviewId: 'r1', ticked: [] });
    const long = parseSelfReviewMessage({ type: 'webviewError', message: 'x'.repeat(5000) });
    assert.strictEqual(long?.type === 'webviewError' && long.message.length, 1000);
  });

  it('rejects anything malformed without throwing', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'confirm',
      42,
      [],
      { type: 'record' },
      { type: 'webviewError' },
      { type: 'confirm', ticked: ['a'] },
      { type: 'confirm', reviewId: '', ticked: ['a'] },
      { type: 'confirm', reviewId: 'r1' },
      { type: 'confirm', reviewId: 'r1', ticked: 'a' },
      { type: 'confirm', reviewId: 'r1', ticked: [1] },
      { type: 'confirm', reviewId: 'r1', ticked: [''] },
      { type: 'confirm', reviewId: 'r1', ticked: ['x'.repeat(201)] },
      { type: 'confirm', reviewId: 'r1', ticked: Array.from({ length: MAX_TICKED + 1 }, (_, i) => `p${i}`) },
      { type: 'confirm', reviewId: 'r'.repeat(201), ticked: [] },
    ];
    for (const raw of bad) assert.strictEqual(parseSelfReviewMessage(raw), undefined, JSON.stringify(raw));
  });

  const review: SelfReview = {
    reviewId: 'r1',
    caseId: 'doc-qa',
    caseTitle: 'Document Q&A',
    reason: 'time-up',
    elapsed: '45:00 of 45:00',
    sections: [{ key: 'latency', heading: 'Latency', points: [{ id: 'doc-qa-latency-0', text: 'Streams.', evidenced: true, found: ['stream'] }] }],
  };

  it('lets the webview accept only well-formed host messages', () => {
    assert.deepStrictEqual(parseHostToSelfReview({ type: 'show', review }), { type: 'show', review });
    const result = { score: 1, maxScore: 2, cards: 1, xp: 30 };
    assert.deepStrictEqual(parseHostToSelfReview({ type: 'recorded', reviewId: 'r1', result }), { type: 'recorded', reviewId: 'r1', result });
    assert.deepStrictEqual(parseHostToSelfReview({ type: 'failed', message: 'no' }), { type: 'failed', message: 'no' });
    const broken: unknown[] = [
      null,
      { type: 'show' },
      { type: 'show', review: { ...review, reason: 'bored' } },
      { type: 'show', review: { ...review, sections: [{ heading: 'Latency', points: [{ id: 'x', text: 'y' }] }] } },
      { type: 'show', review: { ...review, sections: [null] } },
      { type: 'recorded', reviewId: 'r1', result: { ...result, score: Number.NaN } },
      { type: 'recorded', result },
      { type: 'failed' },
    ];
    for (const raw of broken) assert.strictEqual(parseHostToSelfReview(raw), undefined, JSON.stringify(raw));
  });
});
