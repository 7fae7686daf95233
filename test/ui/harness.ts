/**
 * What UI tests get from scripts/host/run-tests.mjs: one running VS Code, one Chromium, helpers to open
 * the workbench with Loop Prep loaded in development mode.
 */
import * as path from 'path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';

interface UiHarness {
  browser: Browser;
  serverUrl: string;
  repoRoot: string;
  screenshotDir: string;
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

/** Opens a fresh browser context (empty globalState) on a fresh copy of the fixture workspace. */
export async function openWorkbench(viewport = { width: 1400, height: 900 }): Promise<Workbench> {
  const h = harness();
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
