/**
 * What UI tests get from scripts/host/run-tests.mjs: one running VS Code, one Chromium, helpers to open
 * the workbench with Loop Prep loaded in development mode.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ContentIndex } from '../../src/core/content/types';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';

interface UiHarness {
  browser: Browser;
  serverUrl: string;
  repoRoot: string;
  screenshotDir: string;
  /** The VS Code server's --user-data-dir: globalStorageUri folders live under it, on the server side. */
  userDataDir: string;
  freshWorkspace(): string;
  workbenchUrl(folder: string): string;
}

export function harness(): UiHarness {
  const h = (globalThis as { loopPrepUi?: UiHarness }).loopPrepUi;
  if (!h) throw new Error('UI tests run under scripts/host/run-tests.mjs, which provides the VS Code server and browser');
  return h;
}

export interface Workbench {
  context: BrowserContext;
  page: Page;
  workspace: string;
}

/**
 * Loop Prep's globalStorageUri folder on the server (journal, backups, quarantine). Unlike globalState,
 * which lives in the browser's IndexedDB, it is shared by every browser context.
 */
export function serverStorageDir(): string {
  return path.join(harness().userDataDir, 'User', 'globalStorage', 'loop-prep.loop-prep');
}

/**
 * Opens a fresh browser context (empty globalState) on a fresh copy of the fixture workspace, with the
 * server-side storage emptied too: otherwise the journal would restore an earlier test's reviews.
 */
export async function openWorkbench(viewport = { width: 1400, height: 900 }): Promise<Workbench> {
  const h = harness();
  fs.rmSync(serverStorageDir(), { recursive: true, force: true });
  const workspace = h.freshWorkspace();
  const context = await h.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(h.workbenchUrl(workspace));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  return { context, page, workspace };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(harness().screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Runs a command through the command palette, typed with the keyboard like a user would. Right after the
 * workbench opens, the palette may not list extension commands yet, so it retries a few times.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 5000 });
      await page.keyboard.press('Enter');
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt >= 5) throw err;
    }
  }
}

/** The active webview's content frame (VS Code nests it in two iframes). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Types into the open quick input and accepts the first row that matches. */
export async function pickInQuickInput(page: Page, text: string, row: string | RegExp): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
}

let bank: ContentIndex | undefined;

/** The built-in bank as the extension ships it, so a test knows each card's answer. */
export function builtInBank(): ContentIndex {
  bank ??= JSON.parse(fs.readFileSync(path.join(harness().repoRoot, 'dist', 'content.json'), 'utf8')) as ContentIndex;
  return bank;
}

/**
 * Answers the drill card on screen with the keyboard only: flashcards are revealed with Space, numeric
 * estimates typed, choices picked by letter. `beWrong` answers a gradable card wrongly on purpose.
 */
export async function answerCard(page: Page, frame: FrameLocator, beWrong = false): Promise<{ id: string; graded: boolean; wrong: boolean }> {
  const card = frame.locator('section.card[data-card-id]:not(.result)');
  await card.waitFor({ timeout: 20_000 });
  const id = (await card.getAttribute('data-card-id'))!;
  const q = builtInBank().questions.find((x) => x.id === id);
  if (!q) throw new Error(`card ${id} is not in the built-in bank`);
  if (q.type === 'flashcard') {
    await page.keyboard.press('Space');
    return { id, graded: false, wrong: false };
  }
  if (q.type === 'numeric') {
    await frame.locator('#numeric').waitFor();
    await page.keyboard.type(String(beWrong ? q.numeric!.answer * 10 + 1 : q.numeric!.answer));
    await page.keyboard.press('Enter');
    return { id, graded: true, wrong: beWrong };
  }
  const correct = q.correct!;
  const picks = beWrong ? [q.options!.findIndex((_, i) => !correct.includes(i))] : correct;
  for (const i of picks) await page.keyboard.press('ABCDEF'[i]);
  await page.keyboard.press('Enter');
  return { id, graded: true, wrong: beWrong };
}
