/**
 * What UI tests get from scripts/host/run-tests.mjs: one running VS Code, one Chromium, and helpers that
 * work the same on every VS Code version the harness runs (1.100.3 and 1.139.1). Use these instead of
 * reaching for the workbench's DOM where the versions differ:
 *
 * - `openWorkbench()` starts every test from a known state: a fresh browser context (empty globalState), a
 *   fresh copy of the fixture workspace, and the server's user settings reset to the defaults. On 1.139 the
 *   user settings (the role, the colour theme) live on the server and would otherwise carry over from the
 *   previous test; call `resetSettings()` yourself before a reload that must forget them.
 * - `notification(page, /text/)` (and `notificationCount`) finds a notification: the toast on 1.100, the Notifications center entry on
 *   1.139, whose test mode (smoke-test driver) hides toasts. Both hold the message's buttons (`.monaco-button`).
 * - `runCommand(page, title)`, `pickInQuickInput(page, text, row)`, `acceptQuickPick(page)`: the command
 *   palette and quick picks (1.139 drops an Enter pressed before a row is active).
 * - `sidebarTreeRow(page, text)`: a tree row, scrolled into view (trees draw only the rows on screen).
 * - `startNewCardsDrill(page)`: picks the ML infra role and starts a drill of new cards; `answerCard` and
 *   `answerAndRate` answer the card on screen with the keyboard; `screenOrder` says where each option is shown.
 * - `colorTheme(page, name)`: switches the theme through its picker.
 * - `webviewFrame(page)` (the active editor webview) and `webviewFrameWith(page, selector)` (any webview,
 *   such as the Progress view in the sidebar, found by an element it holds).
 * - `host()` names the VS Code version under test, for the rare assertion that must differ.
 * - `a11y.ts` runs axe-core and a Tab walk inside a webview frame.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ContentIndex, Question } from '../../src/core/content/types';
import { readBuiltinIndex } from '../../src/node/builtinIndex';
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';

/** The VS Code version under test, as scripts/host/paths.mjs describes it. */
export interface UiHost {
  id: string;
  vscode: string;
  /** The server runs with enable-smoke-test-driver: notification toasts are hidden. */
  smokeDriver: boolean;
  /** Extensions can provide chat models; the fake-lm fixture is installed. */
  lmProviders: boolean;
}

interface UiHarness {
  browser: Browser;
  serverUrl: string;
  repoRoot: string;
  screenshotDir: string;
  host: UiHost;
  /** The VS Code server's --user-data-dir: globalStorageUri folders live under it, on the server side. */
  userDataDir: string;
  freshWorkspace(): string;
  resetSettings(): void;
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

export function host(): UiHost {
  return harness().host;
}

/** Writes the server's user settings back to the defaults (role, theme and the rest forgotten). */
export function resetSettings(): void {
  harness().resetSettings();
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
 * server's user settings reset to the defaults and the server-side storage emptied: otherwise the journal
 * would restore an earlier test's reviews.
 */
export async function openWorkbench(viewport = { width: 1400, height: 900 }): Promise<Workbench> {
  const h = harness();
  h.resetSettings();
  fs.rmSync(serverStorageDir(), { recursive: true, force: true });
  const workspace = h.freshWorkspace();
  const context = await h.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(h.workbenchUrl(workspace), { waitUntil: 'commit', timeout: 120_000 });
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

/**
 * The webview frame (of any webview on the page: editor panels, sidebar views) that holds `selector`.
 * Waits up to `timeoutMs` for one to render it.
 */
export async function webviewFrameWith(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame
        .locator(selector)
        .count()
        .catch(() => 0);
      if (found) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame holds ${selector} within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(200);
  }
}

/**
 * The notification whose message matches `text`, once it is shown. On 1.100 that is its toast; on 1.139 the
 * test mode hides toasts, so this opens the Notifications center and returns the entry listed there. Either
 * way the returned element holds the message and its buttons (`.monaco-button`).
 */
export async function notification(page: Page, text: RegExp | string, timeoutMs = 30_000): Promise<Locator> {
  if (!host().smokeDriver) {
    const toast = page.locator('.notification-toast', { hasText: text });
    await toast.waitFor({ timeout: timeoutMs });
    return toast;
  }
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
  await center.waitFor({ state: 'visible' });
  const item = center.locator('.notification-list-item', { hasText: text });
  await item.first().waitFor({ timeout: timeoutMs });
  return item.first();
}

/** How many notifications hold `text`: toasts on 1.100, Notifications center entries on 1.139 (see above). */
export async function notificationCount(page: Page, text: RegExp | string): Promise<number> {
  if (!host().smokeDriver) return page.locator('.notification-toast', { hasText: text }).count();
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
  await center.waitFor({ state: 'visible' });
  return center.locator('.notification-list-item', { hasText: text }).count();
}

/**
 * Switches the colour theme through its picker, clicking rows (Enter would run whichever row is on top).
 * Right after the workbench opens the picker can be empty (the built-in themes are still loading), so it
 * retries.
 */
export async function colorTheme(page: Page, theme: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Preferences: Color Theme');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).filter({ hasNotText: 'Marketplace' }).first().click();
    await input.fill(theme);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^${theme}`) }).first();
    try {
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * Accepts the quick pick's highlighted row with Enter. 1.139 ignores an Enter that arrives after the rows
 * are drawn but before one is made active, so this waits for the active (focused) row first.
 */
export async function acceptQuickPick(page: Page): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row.focused').first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * The sidebar tree row holding `text`, scrolled into view. Trees draw only the rows on screen, so a row
 * below the fold (a long Study Plan on 1.139) is not in the page until the tree is scrolled down to it.
 */
export async function sidebarTreeRow(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const row = page.locator('.sidebar .monaco-list-row', { hasText: text }).first();
  const deadline = Date.now() + timeoutMs;
  while (!(await row.isVisible())) {
    if (Date.now() > deadline) throw new Error(`no sidebar row "${text}" within ${timeoutMs / 1000} s, scrolling down`);
    const box = await page.locator('.sidebar .monaco-list:has(.monaco-list-row)').first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(250);
  }
  return row;
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
  bank ??= readBuiltinIndex(path.join(harness().repoRoot, 'dist'), (problem) => {
    throw new Error(problem);
  });
  return bank;
}

/**
 * Reveals the flashcard on screen by keyboard: Ctrl+Enter from its answer box (loopPrep.drill.typeAnswers,
 * on by default), Space when it has none.
 */
export async function revealFlashcard(page: Page, frame: FrameLocator): Promise<void> {
  await page.keyboard.press((await frame.locator('#typed-answer').count()) ? 'Control+Enter' : 'Space');
}

/**
 * Answers the drill card on screen with the keyboard only: flashcards are revealed (revealFlashcard), numeric
 * estimates typed, choices picked by letter. `beWrong` answers a gradable card wrongly on purpose.
 */
export async function answerCard(page: Page, frame: FrameLocator, beWrong = false): Promise<{ id: string; graded: boolean; wrong: boolean }> {
  const card = frame.locator('section.card[data-card-id]:not(.result)');
  await card.waitFor({ timeout: 20_000 });
  const id = (await card.getAttribute('data-card-id'))!;
  const q = builtInBank().questions.find((x) => x.id === id);
  if (!q) throw new Error(`card ${id} is not in the built-in bank`);
  if (q.type === 'flashcard') {
    await revealFlashcard(page, frame);
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
  const order = await screenOrder(frame, q);
  for (const i of picks) await page.keyboard.press('ABCDEF'[order.indexOf(i)]);
  await page.keyboard.press('Enter');
  return { id, graded: true, wrong: beWrong };
}

/**
 * The file index of each option of the card on screen, in the order shown: options are shuffled for each
 * review, so a test finds an option by its text (whitespace aside) before pressing its key.
 */
export async function screenOrder(frame: FrameLocator, q: Question): Promise<number[]> {
  const bare = (s: string) => s.replace(/\s+/g, '');
  const texts = await frame.locator('section.card[data-card-id]:not(.result) .option .option-text').allTextContents();
  return texts.map((t) => {
    const i = q.options!.findIndex((o) => bare(o.text) === bare(t));
    if (i < 0) throw new Error(`the option "${t}" on screen is not one of ${q.id}'s options`);
    return i;
  });
}

/** Picks a role and starts a drill of new cards from the palette; resolves with the drill frame on its first card. */
export async function startNewCardsDrill(page: Page, role = 'ML infra engineer'): Promise<FrameLocator> {
  await runCommand(page, 'Loop Prep: Choose Role');
  await pickInQuickInput(page, role.replace(/ engineer$/, ''), role);
  await runCommand(page, 'Loop Prep: Start Drill');
  await pickInQuickInput(page, 'New for my role', 'New for my role');
  const drill = webviewFrame(page);
  await drill.locator('section.card[data-card-id]:not(.result)').waitFor({ timeout: 30_000 });
  return drill;
}

/** Answers the card on screen correctly and rates it Good, with the keyboard only; resolves with its id. */
export async function answerAndRate(page: Page, frame: FrameLocator): Promise<string> {
  const { id } = await answerCard(page, frame);
  await frame.locator('#verdict').waitFor();
  await page.keyboard.press('3');
  await frame.locator(`section.card.result[data-card-id="${id}"]`).waitFor({ state: 'detached' });
  return id;
}

/** Opens `q` through "Loop Prep: Open Card" (topic, then card, typed into the pickers) and focuses the drill. */
export async function openCard(page: Page, q: Question): Promise<FrameLocator> {
  const index = builtInBank();
  await runCommand(page, 'Loop Prep: Open Card');
  const title = index.topics.find((t) => t.id === q.topic)!.title;
  await pickInQuickInput(page, q.topic, title);
  // The card picker replaces the topic picker: wait for it before typing, or the text lands in the old one.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'detached' });
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await pickInQuickInput(page, q.promptText.slice(0, 40), q.promptText.slice(0, 40));
  const frame = webviewFrame(page);
  await frame.locator(`section.card[data-card-id="${q.id}"]:not(.result)`).waitFor({ timeout: 30_000 });
  await focusPanel(page, frame);
  return frame;
}

/** Moves keyboard focus into the editor group's webview (Ctrl+1) until the page has it; it arrives a moment later. */
export async function focusPanel(page: Page, frame: FrameLocator): Promise<void> {
  for (
    let i = 0;
    i < 50 && !(await frame.locator('body').evaluate(() => (globalThis as unknown as { document: { hasFocus(): boolean } }).document.hasFocus()));
    i++
  ) {
    if (i % 10 === 0) await page.keyboard.press('Control+1');
    await page.waitForTimeout(100);
  }
}
