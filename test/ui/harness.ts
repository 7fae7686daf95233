/**
 * What UI tests get from scripts/host/run-tests.mjs: one running VS Code, one Chromium, and helpers that
 * work the same on every VS Code version the harness runs (1.100.3 and 1.139.1). Use these instead of
 * reaching for the workbench's DOM where the versions differ:
 *
 * - `openWorkbench()` starts every test from a known state: the only window on the server (earlier ones are
 *   closed), a fresh browser context (empty globalState), a fresh copy of the fixture workspace, and the
 *   server's user settings reset to the defaults. On 1.139 the
 *   user settings (the role, the colour theme) live on the server and would otherwise carry over from the
 *   previous test; call `resetSettings()` yourself before a reload that must forget them.
 * - `notification(page, /text/)` (and `notificationCount`) finds a notification: the toast on 1.100, the Notifications center entry on
 *   1.139, whose test mode (smoke-test driver) hides toasts. Both hold the message's buttons (`.monaco-button`).
 * - `runCommand(page, title)`, `pickInQuickInput(page, text, row)`, `runCommandAndPick(page, command, text,
 *   row)`, `acceptQuickPick(page)`: the command palette and quick picks (quickInput.ts: a pick that loses the
 *   focus closes; 1.139 animates the close and drops an Enter pressed before a row is active).
 * - `reloadWindow(page)`: "Developer: Reload Window", which saves the workbench's state (open editors,
 *   extension state) before it reloads; a bare page reload does not wait for that.
 * - `openLoopPrep(page)`: the Loop Prep side bar, once its Study Plan has rendered.
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
import { pickInQuickInput, QuickInputClosed, runCommand, runCommandAndPick } from './quickInput';
import { installFocusTrace } from './trace';

export { acceptQuickPick, colorTheme, openQuickInput, pickInQuickInput, QuickInputClosed, runCommand, runCommandAndPick } from './quickInput';

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
  // One window at a time: an earlier window's Loop Prep would keep writing to the server-side storage
  // emptied below, and its deferred focus changes would reach into this test.
  for (const earlier of h.browser.contexts()) await earlier.close();
  h.resetSettings();
  fs.rmSync(serverStorageDir(), { recursive: true, force: true });
  const workspace = h.freshWorkspace();
  const context = await h.browser.newContext({ viewport });
  await installFocusTrace(context);
  const page = await context.newPage();
  await page.goto(h.workbenchUrl(workspace), { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  return { context, page, workspace };
}

/**
 * Reloads the window the way "Developer: Reload Window" does: the workbench first saves its state (which
 * editors are open, the extensions' globalState and workspaceState) and then reloads. A bare page reload
 * starts that save on unload without waiting for it, so what was written last can be lost.
 */
export async function reloadWindow(page: Page): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
}

/**
 * Opens the Loop Prep side bar from the activity bar and waits for its Study Plan to render (the welcome
 * view or tree rows): the view takes the keyboard focus when it renders, which would close a quick pick
 * opened before then.
 */
export async function openLoopPrep(page: Page): Promise<void> {
  await page.locator('.activitybar .action-item a[aria-label^="Loop Prep"]').click({ timeout: 60_000 });
  await page.locator('.sidebar .composite.title', { hasText: /Loop Prep/i }).waitFor({ timeout: 60_000 });
  await page.locator('.sidebar .monaco-list-row, .sidebar .welcome-view-content').first().waitFor({ timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(harness().screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
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
  await runCommandAndPick(page, 'Loop Prep: Choose Role', role.replace(/ engineer$/, ''), role);
  await runCommandAndPick(page, 'Loop Prep: Start Drill', 'New for my role', 'New for my role');
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
  const title = index.topics.find((t) => t.id === q.topic)!.title;
  // Two picks in a row: the topic, then the card (pickInQuickInput waits for the topic pick to go first).
  // Either can close on its own when the drill panel takes the focus back late; then open the card again.
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'Loop Prep: Open Card');
    try {
      await pickInQuickInput(page, q.topic, title);
      await pickInQuickInput(page, q.promptText.slice(0, 40), q.promptText.slice(0, 40));
      break;
    } catch (err) {
      if (!(err instanceof QuickInputClosed) || attempt >= 3) throw err;
      console.log(`    · ${err.message}\n    Opening the card again.`);
    }
  }
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
