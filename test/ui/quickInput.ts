/**
 * The command palette and quick picks, driven by the keyboard the same way on VS Code 1.100 and 1.139.
 *
 * Two workbench facts make this harder than "type, then Enter":
 * - A quick pick closes as soon as the keyboard focus leaves it, and focus can arrive late: closing the
 *   palette hands focus back to what had it before (a webview gets it through a message to its frame, a
 *   tree view once its rows arrive), which can land after the extension's next quick pick has opened and
 *   close that one. `pickInQuickInput` notices a quick pick that closed on its own and throws
 *   `QuickInputClosed` with the focus record (trace.ts) instead of typing into nothing; `runCommandAndPick`
 *   then runs the command again, the way a user would.
 * - 1.139 closes a quick input with a 150 ms animation during which the old input is still visible but inert,
 *   and the next quick pick reuses that same input element; it also ignores an Enter pressed before a row is
 *   active. So these helpers wait for the quick input they mean (a pick, not the palette) and for its
 *   active row before pressing Enter.
 */
import type { Page } from 'playwright-core';
import { readFocusTrace } from './trace';

/** A quick pick closed before the test could use it: something else took the keyboard focus. */
export class QuickInputClosed extends Error {}

interface QuickInputState {
  prompt: string;
  value: string;
}

/** The quick input now open (not closed, not closing): its prompt and typed text; undefined when none is. */
export async function openQuickInput(page: Page): Promise<QuickInputState | undefined> {
  return page
    .evaluate(() => {
      // This file is type-checked without DOM types.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const w = (globalThis as any).document.querySelector('.quick-input-widget');
      if (!w || w.style.display === 'none' || w.classList.contains('quick-input-widget-closing')) return undefined;
      const input = w.querySelector('input');
      return { prompt: String(input?.placeholder || input?.getAttribute('aria-label') || ''), value: String(input?.value ?? '') };
    })
    .catch((err: Error) => {
      // The command just run reloaded the window (Developer: Reload Window): no quick input is open.
      if (/Execution context was destroyed|navigation/i.test(err.message)) return undefined;
      throw err;
    });
}

/** Waits until `test` holds for the open quick input (polling the page), or throws after `timeoutMs`. */
async function waitForQuickInput(
  page: Page,
  test: (q: QuickInputState | undefined) => boolean,
  what: string,
  timeoutMs: number,
): Promise<QuickInputState | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const q = await openQuickInput(page);
    if (test(q)) return q;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s (quick input: ${q ? `"${q.prompt}", typed "${q.value}"` : 'none open'})`);
    await page.waitForTimeout(50);
  }
}

async function closedError(page: Page, what: string): Promise<QuickInputClosed> {
  const trace = (await readFocusTrace(page)).slice(-12);
  return new QuickInputClosed(`${what} closed on its own before it was used: something took the keyboard focus.\nLast focus changes:\n  ${trace.join('\n  ')}`);
}

/**
 * Types `text` into the quick pick `prompt` (already open) and presses Enter once the row matching `row`
 * is the active one. Throws QuickInputClosed when the pick closes before that.
 */
async function typeAndAccept(page: Page, prompt: string, text: string, row: string | RegExp, timeoutMs: number): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const active = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).first();
  const stillOpen = async () => (await openQuickInput(page))?.prompt === prompt;
  await input.fill(text, { timeout: 5000 }).catch(async (err) => {
    throw (await stillOpen()) ? err : await closedError(page, `The quick pick "${prompt}"`);
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await active.isVisible())) {
    if (!(await stillOpen())) throw await closedError(page, `The quick pick "${prompt}"`);
    if (Date.now() > deadline) throw new Error(`no active row "${row}" in the quick pick "${prompt}" within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(50);
  }
  const typed = await input.inputValue();
  await page.keyboard.press('Enter');
  // Taken once this quick input is gone (or shows another pick): the next step never types into it.
  await waitForQuickInput(page, (q) => !q || q.prompt !== prompt || q.value !== typed, `Enter on "${prompt}" was not taken`, 10_000);
}

/**
 * Runs a command through the command palette, typed with the keyboard like a user would. Right after the
 * workbench opens, the palette may not list extension commands yet, and the palette can lose the focus
 * before Enter (see above): either way it tries again.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      const palette = await waitForQuickInput(page, (q) => !!q?.value.startsWith('>'), 'the command palette did not open', 10_000);
      await typeAndAccept(page, palette!.prompt, `>${title}`, title, 5000);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      if (await openQuickInput(page)) await page.keyboard.press('Escape');
    }
  }
}

/**
 * Types into the quick pick that is open or opening (a pick, not the palette that led to it) and accepts
 * the row that matches `row`. Throws QuickInputClosed when the pick closes on its own first.
 */
export async function pickInQuickInput(page: Page, text: string, row: string | RegExp, timeoutMs = 30_000): Promise<void> {
  const since = traceClock();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const q = await openQuickInput(page);
    if (q && !q.value.startsWith('>')) return typeAndAccept(page, q.prompt, text, row, timeoutMs);
    // A pick can open and close between two polls (a webview taking the focus back closes it within a few
    // ms); the focus record saw it, so say so and let the caller run the command again.
    if (flashedPick(await readFocusTrace(page), since)) throw await closedError(page, 'The quick pick');
    if (Date.now() > deadline)
      throw new Error(`no quick pick opened within ${timeoutMs / 1000} s (quick input: ${q ? `"${q.prompt}", typed "${q.value}"` : 'none open'})`);
    await page.waitForTimeout(50);
  }
}

/** The focus record's clock (trace.ts stamps lines with the time of day, to the millisecond). */
function traceClock(): string {
  return new Date().toISOString().slice(11, 23);
}

const PALETTE_PROMPT = 'Type the name of a command to run.';

/** Whether the focus record shows a quick pick (not the palette) shown and then hidden since `since`. */
export function flashedPick(trace: readonly string[], since: string): boolean {
  let shown = false;
  for (const line of trace) {
    const at = line.slice(0, 12);
    if (at < since) continue;
    const what = line.slice(13);
    if (what.startsWith('quick input shown') && !what.includes(PALETTE_PROMPT)) shown = true;
    else if (shown && (what.startsWith('quick input hidden') || what.startsWith('quick input closing'))) return true;
  }
  return false;
}

/**
 * Runs `command` and picks `row` (typing `text`) in the quick pick it opens. When the pick closes on its
 * own before it is used (focus taken, see above), runs the command again, up to three times in all.
 */
export async function runCommandAndPick(page: Page, command: string, text: string, row: string | RegExp): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, command);
    try {
      await pickInQuickInput(page, text, row);
      return;
    } catch (err) {
      if (!(err instanceof QuickInputClosed) || attempt >= 3) throw err;
      console.log(`    · ${err.message.replace(/\n/g, '\n    ')}\n    Running "${command}" again.`);
    }
  }
}

/**
 * Accepts the quick pick's highlighted row with Enter, once a row is active (1.139 ignores an Enter that
 * arrives after the rows are drawn but before one is made active).
 */
export async function acceptQuickPick(page: Page): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row.focused').first().waitFor();
  await page.keyboard.press('Enter');
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
