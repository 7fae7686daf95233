import * as assert from 'assert';
import type { Page } from 'playwright-core';
import * as fs from 'fs';
import * as path from 'path';
import {
  answerCard,
  notification,
  notificationCount,
  openLoopPrep,
  openWorkbench,
  runCommand,
  runCommandAndPick,
  screenshot,
  serverStorageDir,
  webviewFrame,
  Workbench,
} from './harness';

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
  open(name: string): Req<{
    transaction(
      store: string,
      mode: string,
    ): { objectStore(name: string): { get(key: string): Req<unknown>; put(value: string, key: string): Req<unknown>; delete(key: string): Req<unknown> } };
  }>;
}

/**
 * Reads, writes or (with null) deletes Loop Prep's globalState as the browser workbench stores it: one
 * JSON string in IndexedDB.
 */
function idb(page: Page, value?: string | null): Promise<string | undefined> {
  return page.evaluate(
    ([db, key, v]) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = (globalThis as unknown as { indexedDB: Idb }).indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('ItemTable', v === undefined ? 'readonly' : 'readwrite');
          const store = tx.objectStore('ItemTable');
          const req = v === undefined ? store.get(key) : v === null ? store.delete(key) : store.put(v, key);
          req.onsuccess = () => resolve(v === undefined ? (req.result as string | undefined) : (v ?? undefined));
          req.onerror = () => reject(req.error);
        };
      }),
    [DB, KEY, value] as const,
  );
}

/** Review ids in a globalState value as IndexedDB holds it; [] when it is missing or not JSON. */
function storedReviewIds(value: string | undefined): string[] {
  let state: Record<string, { c?: Record<string, [unknown, [string][]]> }>;
  try {
    state = JSON.parse(value ?? '{}');
  } catch {
    return [];
  }
  const ids: string[] = [];
  for (const [key, shard] of Object.entries(state))
    if (key.startsWith('loopPrep.review.cards.'))
      for (const [card, record] of Object.entries(shard.c ?? {})) for (const e of record[1]) ids.push(`${card}#${e[0]}`);
  return ids.sort();
}

/** Review lines in the journal on the server's disk. */
function journalReviewLines(): number {
  const dir = path.join(serverStorageDir(), 'journal');
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .flatMap((n) => fs.readFileSync(path.join(dir, n), 'utf8').split('\n'))
    .filter((l) => l.startsWith('["r",')).length;
}

/**
 * A bare page reload, on purpose: these tests change the stored value behind the workbench's back, and
 * "Developer: Reload Window" would first save the workbench's own copy over it.
 */
async function reloadLoopPrep(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await openLoopPrep(page);
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
    await reloadLoopPrep(page);

    const toast = await notification(page, /saved progress was written by a newer version of Loop Prep/);
    assert.ok(await toast.locator('.monaco-button', { hasText: 'Show Details' }).count(), 'the warning offers Show Details');
    await screenshot(page, 'storage-corrupt-warning');

    // The unreadable values are kept in the quarantine folder on the server, not dropped, and not in
    // globalState, where their size would slow every rating.
    const folder = path.join(serverStorageDir(), 'quarantine');
    let kept = '';
    for (let i = 0; i < 100 && !kept; i++) {
      await page.waitForTimeout(200);
      kept = fs.existsSync(folder)
        ? fs
            .readdirSync(folder)
            .map((n) => fs.readFileSync(path.join(folder, n), 'utf8'))
            .join('')
        : '';
    }
    assert.ok(kept.includes('not a shard') && kept.includes('99'), 'the raw values are kept in the quarantine folder');
    assert.ok(!('loopPrep.review.quarantine' in JSON.parse((await idb(page)) ?? '{}')), 'nothing quarantined in globalState');

    // Everything else keeps working: the sidebar shows its welcome view or plan.
    await page.locator('.sidebar .composite.title', { hasText: /Loop Prep/i }).waitFor();
    await toast.locator('.monaco-button', { hasText: 'Show Details' }).click();
    await page
      .locator('.panel .monaco-editor, .part.panel', { hasText: /newer version|quarantine/i })
      .first()
      .waitFor({ timeout: 30_000 });

    // Show Quarantined Data: read-only JSON, then Discard after a modal confirmation.
    await runCommand(page, 'Loop Prep: Show Quarantined Data');
    await page.locator('.tab', { hasText: 'quarantined-data.json' }).waitFor({ timeout: 15_000 });
    await page.locator('.editor-instance .view-lines', { hasText: 'not a shard' }).first().waitFor({ timeout: 15_000 });
    const offer = await notification(page, /could not read/);
    await offer.locator('.monaco-button', { hasText: 'Discard' }).click();
    await page
      .locator('.monaco-dialog-box', { hasText: /Discard .* quarantined data/ })
      .locator('.monaco-button', { hasText: /^Discard$/ })
      .click();
    await notification(page, /discarded .* quarantined data/, 15_000);
    assert.ok(!fs.existsSync(folder), 'the quarantine folder is gone');
    await screenshot(page, 'storage-quarantine-discarded');
  });

  it('brings every review back from the journal when VS Code drops the saved progress: not JSON, then deleted', async function () {
    this.timeout(360_000); // a drill and two reloads of the workbench
    // A window of its own (openWorkbench closes the one above, whose Loop Prep would share the server-side
    // journal folder); `after` closes it, once a failure has been photographed.
    wb = await openWorkbench();
    const { page } = wb;
    await runCommandAndPick(page, 'Loop Prep: Start Drill', 'New for my role', 'New for my role');
    const frame = webviewFrame(page);
    for (let i = 0; i < 3; i++) {
      const a = await answerCard(page, frame);
      await frame.locator('#verdict').waitFor();
      await page.keyboard.press('3');
      await frame.locator(`section.card.result[data-card-id="${a.id}"]`).waitFor({ state: 'detached' });
    }
    let reviewed: string[] = [];
    for (let i = 0; i < 100 && (reviewed.length < 3 || journalReviewLines() < 3); i++) {
      await page.waitForTimeout(200);
      reviewed = storedReviewIds(await idb(page));
    }
    assert.strictEqual(reviewed.length, 3, 'three reviews in globalState');
    assert.strictEqual(journalReviewLines(), 3, 'three reviews in the journal on disk');

    for (const [what, value] of [
      ['not JSON', 'not json'],
      ['deleted', null],
    ] as const) {
      await idb(page, value);
      await reloadLoopPrep(page);
      await notification(page, "Restored 3 reviews from Loop Prep's journal");
      await screenshot(page, `storage-restored-${value === null ? 'deleted' : 'not-json'}`);
      let back: string[] = [];
      for (let i = 0; i < 100 && back.length < 3; i++) {
        await page.waitForTimeout(200);
        back = storedReviewIds(await idb(page));
      }
      assert.deepStrictEqual(back, reviewed, `every review is back in globalState after the value was ${what}`);
      await page.waitForTimeout(1000);
      assert.strictEqual(await notificationCount(page, /Restored \d+ reviews?/), 1, `one message after the value was ${what}`);
    }
  });
});
