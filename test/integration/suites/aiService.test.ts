import * as assert from 'assert';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { MemoryMemento } from '../../../src/core/review/memoryMemento';
import { AiService, type AiSettings, type ChatModelLike, type LmLike } from '../../../src/extension/ai/service';

/**
 * The AI service with a fake `vscode.lm` injected: model choice from the settings, consent once per model,
 * each LanguageModelError code, cancellation, and the one line shown per failure. Runs on every VS Code
 * version (it needs vscode's message and error classes, not a real model).
 */

type Behaviour = { reply: string[] } | { throws: unknown } | { hang: true };

class FakeModel implements ChatModelLike {
  readonly name = 'Fake One';
  readonly family = 'one';
  readonly vendor = 'fake';
  readonly id = 'fake-one';
  readonly sent: { texts: string[]; justification?: string }[] = [];
  readonly behaviours: Behaviour[] = [];
  async sendRequest(messages: vscode.LanguageModelChatMessage[], options?: vscode.LanguageModelChatRequestOptions, token?: vscode.CancellationToken) {
    this.sent.push({
      texts: messages.map((m) => m.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('')),
      justification: options?.justification,
    });
    const b = this.behaviours.shift() ?? { throws: new Error('nothing scripted') };
    if ('throws' in b) throw b.throws;
    if ('hang' in b) {
      return {
        text: (async function* () {
          await new Promise<void>((resolve) => token?.onCancellationRequested(() => resolve()));
          yield '';
        })(),
      };
    }
    return {
      text: (async function* () {
        for (const part of b.reply) yield part;
      })(),
    };
  }
  async countTokens(text: string) {
    return Math.ceil(text.length / 4);
  }
}

function setup(settings: AiSettings = { enabled: true, model: '' }) {
  const model = new FakeModel();
  const selectors: (vscode.LanguageModelChatSelector | undefined)[] = [];
  const lm: LmLike = {
    selectChatModels: async (selector) => {
      selectors.push(selector);
      return selector?.vendor && selector.vendor !== 'fake' ? [] : [model];
    },
  };
  const notices: string[] = [];
  const shown: string[] = [];
  let answer = true;
  const current = { settings };
  const service = new AiService({
    lm,
    memento: new MemoryMemento(),
    settings: () => current.settings,
    confirm: async (notice) => (notices.push(notice), answer),
    notify: (m) => shown.push(m),
  });
  return { service, model, selectors, notices, shown, current, decline: () => (answer = false) };
}

const schema = z.object({ ok: z.boolean() });
const req = (token?: vscode.CancellationToken) => ({
  purpose: 'test',
  what: 'your test text',
  system: 'Reply with {"ok": true}.',
  data: [{ label: 'text', text: 'hello' }],
  schema,
  token,
});

describe('AI service with a fake vscode.lm', () => {
  it('asks once per model, then sends; the value, model and token counts come back', async () => {
    const { service, model, notices, shown } = setup();
    model.behaviours.push({ reply: ['{"ok":', ' true}'] }, { reply: ['{"ok": false}'] });
    const first = await service.request(req());
    assert.ok(first.ok, JSON.stringify(first));
    assert.deepStrictEqual(first.value, { ok: true });
    assert.strictEqual(first.model, 'Fake One (fake/one)');
    assert.ok(first.tokensIn > 10 && first.tokensOut === 3, `${first.tokensIn} in, ${first.tokensOut} out`);
    assert.deepStrictEqual(notices, ['Loop Prep will send your test text to Fake One (fake/one) to get AI feedback; allow this model?']);
    assert.match(model.sent[0].justification ?? '', /your test text/);
    assert.ok(model.sent[0].texts[0].includes('\nhello\n'), 'the data is in the prompt');
    const second = await service.request(req());
    assert.ok(second.ok && second.value.ok === false);
    assert.strictEqual(notices.length, 1, 'not asked again');
    assert.deepStrictEqual(shown, []);
  });

  it('declined: nothing is sent, and no message beyond the notice', async () => {
    const { service, model, shown, decline } = setup();
    decline();
    const out = await service.request(req());
    assert.ok(!out.ok && out.reason === 'declined');
    assert.strictEqual(model.sent.length, 0);
    assert.deepStrictEqual(shown, []);
  });

  it('disabled, or the set model missing: a typed failure, one line, nothing sent', async () => {
    const { service, model, selectors, shown, current } = setup({ enabled: false, model: '' });
    const off = await service.request(req());
    assert.ok(!off.ok && off.reason === 'disabled');
    assert.deepStrictEqual(selectors, [], 'models are not even listed when AI is off');
    current.settings = { enabled: true, model: 'copilot/gpt-4o' };
    const missing = await service.request(req());
    assert.ok(!missing.ok && missing.reason === 'no-model');
    assert.deepStrictEqual(selectors, [{ vendor: 'copilot', family: 'gpt-4o' }]);
    assert.deepStrictEqual(shown, [
      'AI feedback is turned off (loopPrep.ai.enabled).',
      'AI feedback needs a chat model: "copilot/gpt-4o" (loopPrep.ai.model) is not available here.',
    ]);
    assert.strictEqual(model.sent.length, 0);
  });

  it('each LanguageModelError code, and a quota error, ends in one clear line', async () => {
    const { service, model, shown } = setup();
    model.behaviours.push(
      { throws: vscode.LanguageModelError.NoPermissions('no access') },
      { throws: vscode.LanguageModelError.Blocked('blocked by policy') },
      { throws: vscode.LanguageModelError.NotFound('gone') },
      { throws: new Error('429 Too Many Requests') },
    );
    const reasons: string[] = [];
    for (let i = 0; i < 4; i++) {
      const out = await service.request(req());
      reasons.push(out.ok ? 'ok' : out.reason);
    }
    assert.deepStrictEqual(reasons, ['error', 'error', 'error', 'error']);
    assert.strictEqual(shown.length, 4);
    assert.match(shown[0], /no permission to use Fake One/);
    assert.match(shown[1], /Fake One \(fake\/one\) blocked the request \(blocked by policy\)/);
    assert.match(shown[2], /no longer available; choose another in loopPrep\.ai\.model/);
    assert.match(shown[3], /over its quota or rate limit/);
    assert.ok(shown.every((m) => !m.includes('\n')));
  });

  it('cancellation stops a request under way, without a message', async () => {
    const { service, model, shown } = setup();
    model.behaviours.push({ hang: true });
    const source = new vscode.CancellationTokenSource();
    const pending = service.request(req(source.token));
    await new Promise((r) => setTimeout(r, 50));
    source.cancel();
    const out = await pending;
    assert.ok(!out.ok && out.reason === 'cancelled');
    assert.deepStrictEqual(shown, []);
  });

  it('chat() streams free text to the caller as it arrives', async () => {
    const { service, model } = setup();
    model.behaviours.push({ reply: ['Tell me ', 'about scale.'] });
    const parts: string[] = [];
    const out = await service.chat([{ role: 'user', text: 'Start the mock.' }], undefined, (t) => parts.push(t));
    assert.ok(out.ok);
    assert.strictEqual(out.text, 'Tell me about scale.');
    assert.deepStrictEqual(parts, ['Tell me ', 'about scale.']);
    assert.deepStrictEqual(model.sent[0].texts, ['Start the mock.']);
  });
});
