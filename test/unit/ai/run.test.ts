import * as assert from 'assert';
import * as z from 'zod/mini';
import { CancelSource, type CancelSignal } from '../../../src/core/ai/cancel';
import { modelErrorMessage } from '../../../src/core/ai/messages';
import { runChat, runJson, type ModelPort } from '../../../src/core/ai/run';
import type { ChatMessage } from '../../../src/core/ai/types';
import { FakeClock } from '../fakeClock';

/** What the fake does for one request: stream these chunks, fail, or hang until aborted. */
type Step = { chunks: string[] } | { fail: unknown } | { hang: true };

class FakePort implements ModelPort {
  readonly name = 'Fake (fake/one)';
  readonly calls: { messages: readonly ChatMessage[]; abort: CancelSignal }[] = [];
  constructor(private readonly steps: Step[]) {}
  async send(messages: readonly ChatMessage[], abort: CancelSignal): Promise<AsyncIterable<string>> {
    this.calls.push({ messages, abort });
    const step = this.steps.shift();
    if (!step) throw new Error('nothing scripted');
    if ('fail' in step) throw step.fail;
    if ('hang' in step) {
      return (async function* () {
        await new Promise<void>((resolve) => abort.onCancellationRequested(resolve));
        yield 'late text';
      })();
    }
    return (async function* () {
      for (const c of step.chunks) yield c;
    })();
  }
  async countTokens(text: string): Promise<number> {
    return Math.ceil(text.length / 4);
  }
}

const schema = z.object({ rating: z.enum(['again', 'hard', 'good', 'easy']) });
const prompt: ChatMessage[] = [{ role: 'user', text: 'grade this' }];
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ai request runner', () => {
  it('streams the reply, validates it, and counts tokens in and out', async () => {
    const clock = new FakeClock();
    const port = new FakePort([{ chunks: ['{"rating":', ' "good"}'] }]);
    const seen: string[] = [];
    const out = await runJson(port, prompt, schema, { clock, timeoutMs: 30_000, onText: (t) => seen.push(t) });
    assert.deepStrictEqual(out, { ok: true, value: { rating: 'good' }, model: port.name, tokensIn: 3, tokensOut: 5, ms: 0 });
    assert.deepStrictEqual(seen, ['{"rating":', ' "good"}']);
    assert.strictEqual(port.calls.length, 1);
    assert.strictEqual(clock.pending, 0, 'the timeout is cleared');
  });

  it('retries once with the validation error, and succeeds on a good second reply', async () => {
    const port = new FakePort([{ chunks: ['{"rating": "perfect"}'] }, { chunks: ['```json\n{"rating": "hard"}\n```'] }]);
    const out = await runJson(port, prompt, schema, { clock: new FakeClock(), timeoutMs: 30_000 });
    assert.ok(out.ok);
    assert.deepStrictEqual(out.value, { rating: 'hard' });
    assert.strictEqual(port.calls.length, 2);
    const retry = port.calls[1].messages;
    assert.deepStrictEqual(
      retry.slice(0, 2).map((m) => m.role),
      ['user', 'assistant'],
    );
    assert.strictEqual(retry[1].text, '{"rating": "perfect"}');
    assert.match(retry[2].text, /rating: /);
    assert.ok(out.tokensIn > 3, 'both attempts are counted');
  });

  it('ends in a typed "invalid" failure after the one retry', async () => {
    const port = new FakePort([{ chunks: ['{"verdict": "partly'] }, { chunks: ['still not JSON'] }, { chunks: ['{"rating":"good"}'] }]);
    const out = await runJson(port, prompt, schema, { clock: new FakeClock(), timeoutMs: 30_000 });
    assert.strictEqual(out.ok, false);
    assert.ok(!out.ok && out.reason === 'invalid');
    assert.match(out.message, /Fake \(fake\/one\) twice replied in a shape Loop Prep cannot use \(the reply contains no JSON object\)/);
    assert.strictEqual(port.calls.length, 2, 'no third attempt');
  });

  it('times out a reply that does not come, and aborts the request', async () => {
    const clock = new FakeClock();
    const port = new FakePort([{ hang: true }]);
    const pending = runJson(port, prompt, schema, { clock, timeoutMs: 30_000 });
    await tick();
    clock.advance(29_999);
    await tick();
    assert.strictEqual(port.calls[0].abort.isCancellationRequested, false, 'not before 30 s');
    clock.advance(1);
    const out = await pending;
    assert.deepStrictEqual(out, { ok: false, reason: 'timeout', message: 'AI feedback: Fake (fake/one) did not answer within 30 s.' });
    assert.strictEqual(port.calls[0].abort.isCancellationRequested, true);
  });

  it('stops at cancellation, before or during a request', async () => {
    const source = new CancelSource();
    const port = new FakePort([{ hang: true }]);
    const clock = new FakeClock();
    const pending = runChat(port, prompt, { clock, timeoutMs: 30_000, token: source.token });
    await tick();
    source.cancel();
    const out = await pending;
    assert.ok(!out.ok && out.reason === 'cancelled', JSON.stringify(out));
    assert.strictEqual(port.calls[0].abort.isCancellationRequested, true);
    assert.strictEqual(clock.pending, 0);

    const again = new FakePort([{ chunks: ['x'] }]);
    const early = await runChat(again, prompt, { clock, timeoutMs: 30_000, token: source.token });
    assert.ok(!early.ok && early.reason === 'cancelled');
    assert.strictEqual(again.calls.length, 0, 'nothing is sent once cancelled');
  });

  it('turns a thrown error into a typed failure with a one-line message', async () => {
    const err = Object.assign(new Error('denied\nstack-like detail'), { code: 'NoPermissions' });
    const out = await runChat(new FakePort([{ fail: err }]), prompt, { clock: new FakeClock(), timeoutMs: 30_000 });
    assert.ok(!out.ok && out.reason === 'error');
    assert.match(out.message, /no permission to use Fake/);
    assert.ok(!out.message.includes('\n'));
  });

  it('has a message for each LanguageModelError code, quotas, and anything else', () => {
    const e = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
    assert.match(modelErrorMessage(e('x', 'NoPermissions'), 'M'), /no permission to use M/);
    assert.match(modelErrorMessage(e('policy', 'Blocked'), 'M'), /M blocked the request \(policy\)/);
    assert.match(modelErrorMessage(e('gone', 'NotFound'), 'M'), /M is no longer available; choose another in loopPrep\.ai\.model/);
    assert.match(modelErrorMessage(e('Rate limit exceeded (429)'), 'M'), /over its quota or rate limit/);
    assert.match(modelErrorMessage(e('You have exhausted your monthly quota', 'Blocked'), 'M'), /over its quota/);
    assert.strictEqual(modelErrorMessage(e('socket hang up'), 'M'), 'AI feedback: M failed: socket hang up.');
    assert.strictEqual(modelErrorMessage(undefined, 'M'), 'AI feedback: M failed.');
  });
});
