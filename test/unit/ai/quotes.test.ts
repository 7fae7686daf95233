import * as assert from 'assert';
import { findQuote, MIN_QUOTE_CHARS, normalizeQuoteText, verifyQuote } from '../../../src/core/ai/quotes';

const answer = `I'd evaluate retrieval with recall@k on a golden set,\n  then measure   answer faithfulness with an LLM judge — calibrated against human labels.`;

describe('ai quote verification', () => {
  it('accepts a real quote despite case, whitespace, quote marks and dashes', () => {
    assert.ok(verifyQuote(answer, 'recall@k on a golden set'));
    assert.ok(verifyQuote(answer, 'Then measure answer faithfulness'));
    assert.ok(verifyQuote(answer, '\u201cI\u2019d evaluate retrieval\u201d'));
    assert.ok(verifyQuote(answer, 'LLM judge - calibrated against human labels'));
    assert.ok(verifyQuote(answer, '...a golden set, then measure...'));
  });

  it('rejects made-up and paraphrased quotes', () => {
    assert.ok(!verifyQuote(answer, 'I would use NDCG on a golden set'));
    assert.ok(!verifyQuote(answer, 'recall at k on a golden set'));
    assert.ok(!verifyQuote(answer, 'the answer covers latency budgets'));
  });

  it('rejects quotes too short to be evidence, even when they occur', () => {
    assert.ok(!verifyQuote(answer, 'a'));
    assert.ok(!verifyQuote(answer, 'recall'));
    assert.ok(!verifyQuote(answer, '"..."'));
    assert.ok(!verifyQuote(answer, ''));
    assert.ok('golden set,'.length < MIN_QUOTE_CHARS);
    assert.ok(!verifyQuote(answer, 'golden set,'));
  });

  it('never throws on bad input', () => {
    assert.strictEqual(verifyQuote(answer, undefined as unknown as string), false);
    assert.strictEqual(verifyQuote(null as unknown as string, 'recall@k on a golden set'), false);
    assert.strictEqual(verifyQuote('', 'recall@k on a golden set'), false);
  });

  it('finds where the quote is in the original text', () => {
    const found = findQuote(answer, 'MEASURE ANSWER FAITHFULNESS');
    assert.ok(found);
    assert.strictEqual(answer.slice(found.start, found.end), 'measure   answer faithfulness');
    const emoji = 'Latency 🚀 budget: p99 under 300 ms';
    const e = findQuote(emoji, 'latency 🚀 budget');
    assert.ok(e);
    assert.strictEqual(emoji.slice(e.start, e.end), 'Latency 🚀 budget');
  });

  it('normalizes the way the file says', () => {
    assert.strictEqual(normalizeQuoteText('  A\u00a0\u201cB\u201d \u2014 C\u2026 '), 'a "b" - c...');
  });
});
