import * as assert from 'assert';
import * as z from 'zod/mini';
import { extractJsonObject, parseModelJson, retryMessage } from '../../../src/core/ai/json';

const schema = z.object({ rating: z.enum(['again', 'hard', 'good', 'easy']), points: z.array(z.object({ hit: z.boolean() })) });

describe('ai JSON parsing', () => {
  it('reads a bare object, a ```json fenced one, and one inside prose', () => {
    const want = { rating: 'good', points: [{ hit: true }] };
    const json = JSON.stringify(want);
    for (const text of [json, `\`\`\`json\n${json}\n\`\`\``, `Here is my grading:\n${json}\nHope this helps {really}.`, `\`\`\`\n${json}\n\`\`\``]) {
      assert.deepStrictEqual(parseModelJson(text, schema), { ok: true, value: want }, text);
    }
  });

  it('skips braces in prose and inside strings', () => {
    const text = 'Think of {this} first. {"rating": "hard", "points": [{"hit": false}], "note": "a } inside \\" a string"}';
    assert.deepStrictEqual(parseModelJson(text, schema), { ok: true, value: { rating: 'hard', points: [{ hit: false }] } });
    assert.deepStrictEqual(extractJsonObject(text), { ok: true, value: { rating: 'hard', points: [{ hit: false }], note: 'a } inside " a string' } });
  });

  it('says when the object is cut off, absent, or not an object', () => {
    const cut = parseModelJson('{"verdict": "partly right", "missing": ["evals", ', schema);
    assert.deepStrictEqual(cut, { ok: false, error: 'the reply has no complete, valid JSON object (it may be cut off)' });
    assert.deepStrictEqual(parseModelJson('I cannot grade this.', schema), { ok: false, error: 'the reply contains no JSON object' });
    assert.strictEqual(parseModelJson('[1, 2]', schema).ok, false);
  });

  it('names the fields that do not match the schema', () => {
    const bad = parseModelJson('{"rating": "perfect", "points": [{"hit": "yes"}]}', schema);
    assert.strictEqual(bad.ok, false);
    if (bad.ok) return;
    assert.match(bad.error, /does not match the expected shape/);
    assert.match(bad.error, /rating: /);
    assert.match(bad.error, /points\.0\.hit: /);
  });

  it('the retry message carries the error', () => {
    assert.match(retryMessage('points.0.hit: expected boolean'), /could not be used: points\.0\.hit: expected boolean\. Reply again with only the JSON object/);
  });
});
