import * as assert from 'assert';
import { ConsentStore, modelKey } from '../../../src/core/ai/consent';
import { AI_CONSENT_KEY } from '../../../src/core/review/keys';
import { MemoryMemento } from '../../../src/core/review/memoryMemento';

describe('ai consent store', () => {
  it('remembers consent per model, in its own key', async () => {
    const memento = new MemoryMemento();
    const store = new ConsentStore(memento);
    const a = modelKey({ vendor: 'copilot', id: 'gpt-4o' });
    assert.strictEqual(store.has(a), false);
    await store.grant(a);
    assert.strictEqual(store.has(a), true);
    assert.strictEqual(store.has('copilot/other'), false);
    assert.deepStrictEqual(memento.get(AI_CONSENT_KEY), ['copilot/gpt-4o']);
    assert.strictEqual(new ConsentStore(memento).has(a), true, 'kept across instances (windows, restarts)');
    await store.clear();
    assert.strictEqual(store.has(a), false);
  });

  it('reads a corrupt stored value as no consent, and repairs it on the next grant', async () => {
    for (const bad of [42, 'copilot/gpt-4o', { 'copilot/gpt-4o': true }, [1, 2], null]) {
      const memento = new MemoryMemento({ [AI_CONSENT_KEY]: bad });
      const store = new ConsentStore(memento);
      assert.strictEqual(store.has('copilot/gpt-4o'), false, JSON.stringify(bad));
      await store.grant('x/y');
      assert.deepStrictEqual(memento.get(AI_CONSENT_KEY), ['x/y']);
    }
  });

  it('keeps at most 50 models, dropping the oldest', async () => {
    const memento = new MemoryMemento();
    const store = new ConsentStore(memento);
    for (let i = 0; i < 55; i++) await store.grant(`v/m${i}`);
    assert.strictEqual((memento.get(AI_CONSENT_KEY) as string[]).length, 50);
    assert.strictEqual(store.has('v/m0'), false);
    assert.strictEqual(store.has('v/m54'), true);
  });
});
