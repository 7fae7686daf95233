import * as assert from 'assert';
import * as z from 'zod/mini';
import { describeMessage, WebviewChannel, type ChannelOptions } from '../../../src/core/webview/channel';
import { MAX_WEBVIEW_ERROR_LENGTH, readyMessage, webviewErrorMessage } from '../../../src/shared/protocol';

const schema = z.discriminatedUnion('type', [readyMessage, webviewErrorMessage, z.object({ type: z.literal('work'), n: z.int() })]);
type Work = { type: 'work'; n: number };
type Out = { text: string };

/** A channel with a recording log and webview; `options` overrides the handlers. */
function setup(options: Partial<ChannelOptions<Work, Out>> = {}) {
  const logged: string[] = [];
  const delivered: Out[] = [];
  const events: string[] = [];
  const channel = new WebviewChannel<Work, Out>({
    name: 'test panel',
    schema,
    deliver: (msg) => {
      delivered.push(msg);
      return true;
    },
    log: { warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) },
    onReady: () => void channel.post({ text: 'hello' }),
    onMessage: (msg) => void events.push(`work ${msg.n}`),
    ...options,
  });
  return { channel, logged, delivered, events };
}

/** A promise with its resolve function, to hold a handler open. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('webview channel', () => {
  it('sends nothing before the webview says ready, then sends and counts what it took', async () => {
    const { channel, delivered } = setup();
    assert.strictEqual(await channel.post({ text: 'early' }), false);
    assert.deepStrictEqual(delivered, [], 'nothing delivered before ready');
    assert.strictEqual(channel.ready, false);
    const seen: Out[] = [];
    channel.onDidPost((m) => seen.push(m));
    const received: string[] = [];
    channel.onDidReceive((m) => received.push(m.type));
    await channel.receive({ type: 'ready' });
    await tick();
    assert.strictEqual(channel.ready, true);
    assert.deepStrictEqual(delivered, [{ text: 'hello' }]);
    assert.deepStrictEqual(seen, [{ text: 'hello' }]);
    assert.deepStrictEqual([channel.posted, channel.lastPosted], [1, { text: 'hello' }]);
    assert.deepStrictEqual(received, ['ready']);
  });

  it('counts only messages the webview took, and survives a webview that throws on post', async () => {
    let answer: boolean | Error = false;
    const { channel, logged } = setup({
      deliver: () => {
        if (answer instanceof Error) throw answer;
        return answer;
      },
      onReady: () => undefined,
    });
    await channel.receive({ type: 'ready' });
    assert.strictEqual(await channel.post({ text: 'a' }), false);
    answer = new Error('Webview is disposed');
    assert.strictEqual(await channel.post({ text: 'b' }), false);
    assert.strictEqual(channel.posted, 0);
    assert.strictEqual(channel.lastPosted, undefined);
    assert.deepStrictEqual(logged, ['warn test panel: a message to the webview was not delivered: Webview is disposed']);
  });

  it('handles one message at a time, in arrival order', async () => {
    const gate = deferred();
    const events: string[] = [];
    const { channel } = setup({
      onMessage: async (msg) => {
        events.push(`start ${msg.n}`);
        if (msg.n === 1) await gate.promise;
        events.push(`end ${msg.n}`);
      },
    });
    const first = channel.receive({ type: 'work', n: 1 });
    const second = channel.receive({ type: 'work', n: 2 });
    await tick();
    assert.deepStrictEqual(events, ['start 1'], 'the second waits for the first');
    gate.resolve();
    await Promise.all([first, second]);
    assert.deepStrictEqual(events, ['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('ignores malformed messages with a bounded log line that says where, and goes on', async () => {
    const after: number[] = [];
    const { channel, logged, events } = setup({ afterEach: () => after.push(after.length) });
    for (const raw of [null, 'work', { type: 'work' }, { type: 'work', n: 1.5 }, { type: 'launch', payload: 'x'.repeat(10_000) }, { ['k'.repeat(500)]: 1 }])
      await channel.receive(raw);
    await channel.receive({ type: 'work', n: 7 });
    assert.deepStrictEqual(events, ['work 7']);
    assert.strictEqual(logged.length, 6);
    assert.ok(
      logged.every((l) => l.startsWith('warn test panel: ignored an unexpected message (') && l.length < 500),
      logged.join('\n'),
    );
    assert.match(logged[2], /\(invalid_type at n\)/);
    assert.match(logged[4], /at type\).*type: "?launch/);
    assert.strictEqual(after.length, 7, 'afterEach runs after every message, handled or not');
  });

  it('logs webview errors cut to one limit, and refuses empty ones', async () => {
    const { channel, logged } = setup();
    await channel.receive({ type: 'webviewError', message: 'x'.repeat(5000) });
    await channel.receive({ type: 'webviewError', message: '' });
    await channel.receive({ type: 'webviewError', message: 'TypeError: boom' });
    assert.strictEqual(logged[0], `error test panel webview: ${'x'.repeat(MAX_WEBVIEW_ERROR_LENGTH)}`);
    assert.match(logged[1], /^warn test panel: ignored an unexpected message \(too_small at message\)/);
    assert.strictEqual(logged[2], 'error test panel webview: TypeError: boom');
    assert.strictEqual(MAX_WEBVIEW_ERROR_LENGTH, 1000);
  });

  it('logs a failing handler, tells the owner, and keeps handling the next message', async () => {
    const failures: string[] = [];
    const events: number[] = [];
    const { channel, logged } = setup({
      onMessage: (msg) => {
        if (msg.n === 1) throw new Error('store is full');
        events.push(msg.n);
      },
      onFailure: (err) => failures.push(err instanceof Error ? err.message : String(err)),
    });
    await channel.receive({ type: 'work', n: 1 });
    await channel.receive({ type: 'work', n: 2 });
    assert.deepStrictEqual(failures, ['store is full']);
    assert.deepStrictEqual(events, [2]);
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0], /^error test panel: Error: store is full/);
  });

  it('disposes once, and afterwards neither sends nor handles', async () => {
    const { channel, delivered, events } = setup();
    await channel.receive({ type: 'ready' });
    const posted: Out[] = [];
    channel.onDidPost((m) => posted.push(m));
    assert.strictEqual(channel.dispose(), true);
    assert.strictEqual(channel.dispose(), false, 'a second dispose does nothing');
    assert.deepStrictEqual([channel.disposed, channel.ready], [true, false]);
    assert.strictEqual(await channel.post({ text: 'late' }), false);
    await channel.receive({ type: 'work', n: 3 });
    await channel.receive({ type: 'ready' });
    assert.deepStrictEqual(delivered, [{ text: 'hello' }], 'only the post before dispose');
    assert.deepStrictEqual(events, []);
    assert.deepStrictEqual(posted, []);
  });

  it('does not answer a ready that was queued before the dispose', async () => {
    const gate = deferred();
    let readies = 0;
    const { channel } = setup({
      onReady: () => void readies++,
      onMessage: () => gate.promise,
    });
    const busy = channel.receive({ type: 'work', n: 1 });
    const ready = channel.receive({ type: 'ready' });
    channel.dispose();
    gate.resolve();
    await Promise.all([busy, ready]);
    assert.strictEqual(readies, 0);
    assert.strictEqual(channel.ready, false);
  });

  it('describes any message in a bounded line', () => {
    assert.strictEqual(describeMessage({ type: 'rate', cardId: 'q1' }), '{ type: "rate", keys: "type", "cardId" }');
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, i]));
    assert.ok(describeMessage(many).length < 200);
    assert.ok(describeMessage('x'.repeat(10_000)).length <= 320);
  });
});
