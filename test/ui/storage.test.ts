import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { notification, openWorkbench, screenshot, Workbench } from './harness';

const DB = 'vscode-web-state-db-global';
const KEY = 'loop-prep.loop-prep';

/** The slice of the browser's IndexedDB API used below; this file is type-checked without DOM types. */
interface Req<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface Idb {
  open(name: string): Req<{ transaction(store: string, mode: string): { objectStore(name: string): { get(key: string): Req<unknown>; put(value: string, key: string): Req<unknown> } } }>;
}

/** Reads or writes Loop Prep's globalState as the browser workbench stores it: one JSON string in IndexedDB. */
function idb(page: Page, value?: string): Promise<string | undefined> {
  return page.evaluate(
    ([db, key, v]) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = (globalThis as unknown as { indexedDB: Idb }).indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('ItemTable', v === undefined ? 'readonly' : 'readwrite');
          const store = tx.objectStore('ItemTable');
          const req = v === undefined ? store.get(key) : store.put(v, key);
          req.onsuccess = () => resolve(v === undefined ? (req.result as string | undefined) : v);
          req.onerror = () => reject(req.error);
        };
      }),
    [DB, KEY, value] as const,
  );
}

describe('UI: corrupted saved progress', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.context.close();
  });

  it('warns once with Show Details, keeps the bad data aside, and keeps working', async () => {
    const { page } = wb;
    const corrupt = JSON.stringify({ 'loopPrep.review': { version: 99 }, 'loopPrep.review.cards.3': 'not a shard' });
    await idb(page, corrupt);
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a[aria-label^="Loop Prep"]').click();

    const toast = await notification(page, /saved progress was written by a newer version of Loop Prep/);
    assert.ok(await toast.locator('.monaco-button', { hasText: 'Show Details' }).count(), 'the warning offers Show Details');
    await screenshot(page, 'storage-corrupt-warning');

    // The unreadable values are kept under the quarantine key, not dropped.
    let stored: Record<string, unknown> = {};
    for (let i = 0; i < 100 && !stored['loopPrep.review.quarantine']; i++) {
      await page.waitForTimeout(200);
      stored = JSON.parse((await idb(page)) ?? '{}');
    }
    const quarantine = stored['loopPrep.review.quarantine'] as { value: unknown }[] | undefined;
    assert.ok(Array.isArray(quarantine) && quarantine.length > 0, 'quarantine key written');
    assert.ok(JSON.stringify(quarantine).includes('not a shard') || JSON.stringify(quarantine).includes('99'), 'the raw values are kept');

    // Everything else keeps working: the sidebar shows its welcome view or plan.
    await page.locator('.sidebar .composite.title', { hasText: /Loop Prep/i }).waitFor();
    await toast.locator('.monaco-button', { hasText: 'Show Details' }).click();
    await page.locator('.panel .monaco-editor, .part.panel', { hasText: /newer version|quarantine/i }).first().waitFor({ timeout: 30_000 });
  });
});
