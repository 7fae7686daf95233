import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../util';

/**
 * Chat models inside the test VS Code. On hosts where extensions can provide models (1.104+), the harness
 * installs test/fixtures/fake-lm, a scriptable model of vendor `loop-prep-fake`; these tests prove the loop
 * from Loop Prep's own extension host. On older hosts they check the "no model available" path.
 */

/** The part of the chat-provider API (VS Code 1.104+) this suite checks for; @types/vscode stays at 1.100. */
interface LmWithProviders {
  registerLanguageModelChatProvider?: unknown;
}

/** A scripted reply of the fake model (see test/fixtures/fake-lm/extension.js). */
type FakeReply =
  | { text: string; delayMs?: number }
  | { chunks: string[]; chunkDelayMs?: number; delayMs?: number }
  | { error: string; delayMs?: number }
  | { invalidJson: true };
interface FakeSent {
  model: string;
  messages: { role: 'user' | 'assistant'; text: string }[];
}

const FAKE_LM = 'loop-prep-test.fake-lm';
const VENDOR = 'loop-prep-fake';
const providersSupported = typeof (vscode.lm as LmWithProviders).registerLanguageModelChatProvider === 'function';

const script = (replies: FakeReply | FakeReply[]) => vscode.commands.executeCommand<number>('loopPrepFakeLm.script', replies);
const sent = () => vscode.commands.executeCommand<FakeSent[]>('loopPrepFakeLm.sent');

/** Sends one user message and collects the streamed text parts with the time each arrived. */
async function ask(model: vscode.LanguageModelChat, prompt: string): Promise<{ parts: string[]; times: number[]; started: number }> {
  const started = Date.now();
  const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(prompt)], {}, new vscode.CancellationTokenSource().token);
  const parts: string[] = [];
  const times: number[] = [];
  for await (const part of response.text) {
    parts.push(part);
    times.push(Date.now() - started);
  }
  return { parts, times, started };
}

describe(`language models (VS Code ${vscode.version})`, () => {
  if (!providersSupported) {
    it('has no chat model: selectChatModels() returns [] (the "no model available" path)', async () => {
      assert.deepStrictEqual(await vscode.lm.selectChatModels(), []);
      assert.deepStrictEqual(await vscode.lm.selectChatModels({ vendor: VENDOR }), []);
    });
    return;
  }

  let model: vscode.LanguageModelChat;

  before(async function () {
    this.timeout(20_000);
    const fixture = vscode.extensions.getExtension(FAKE_LM);
    assert.ok(
      fixture,
      `the fake language model fixture ${FAKE_LM} is not installed: the harness must install test/fixtures/fake-lm on VS Code ${vscode.version}`,
    );
    await fixture.activate();
    model = await waitFor(async () => (await vscode.lm.selectChatModels({ vendor: VENDOR }))[0], `a ${VENDOR} model to be listed`, 15_000);
  });

  beforeEach(() => vscode.commands.executeCommand('loopPrepFakeLm.reset'));

  it('selectChatModels({ vendor }) returns the fake model, and only it', async () => {
    const models = await vscode.lm.selectChatModels({ vendor: VENDOR });
    assert.deepStrictEqual(
      models.map((m) => [m.vendor, m.id, m.family]),
      [[VENDOR, 'loop-prep-fake-model', 'loop-prep-fake']],
    );
  });

  it('streams the scripted chunks back in order, and records what it was sent', async () => {
    await script({ chunks: ['The p99 ', 'latency ', 'budget is 300 ms.'], chunkDelayMs: 150 });
    const { parts, times } = await ask(model, 'Review my latency section');
    assert.strictEqual(parts.join(''), 'The p99 latency budget is 300 ms.');
    assert.ok(parts.length >= 2, `streamed in parts, got ${JSON.stringify(parts)}`);
    assert.ok(times[times.length - 1] - times[0] >= 150, `chunks arrived over time: ${times.join(', ')} ms`);
    assert.deepStrictEqual(await sent(), [{ model: 'loop-prep-fake-model', messages: [{ role: 'user', text: 'Review my latency section' }] }]);
  });

  it('serves the queue in order and delays a reply when told', async () => {
    await script([{ text: 'first' }, { text: 'second', delayMs: 400 }]);
    assert.deepStrictEqual((await ask(model, 'one')).parts, ['first']);
    const second = await ask(model, 'two');
    assert.deepStrictEqual(second.parts, ['second']);
    assert.ok(second.times[0] >= 350, `the delayed reply came after ${second.times[0]} ms`);
    assert.deepStrictEqual(
      (await sent()).map((r) => r.messages[0].text),
      ['one', 'two'],
    );
  });

  it('fails a request with the scripted error, and fails when nothing is scripted', async () => {
    await script({ error: 'rate limited (scripted)' });
    await assert.rejects(ask(model, 'x'), /rate limited \(scripted\)/);
    await assert.rejects(ask(model, 'y'), /no reply scripted/);
  });

  it('returns text that is not valid JSON when told to', async () => {
    await script({ invalidJson: true });
    const text = (await ask(model, 'grade this as JSON')).parts.join('');
    assert.ok(text.trim().startsWith('{'), `looks like JSON: ${text}`);
    assert.throws(() => JSON.parse(text), SyntaxError);
  });

  it('rejects a malformed script instead of queueing it', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('loopPrepFakeLm.script', { text: 'a', error: 'b' })), /exactly one of/);
  });
});
