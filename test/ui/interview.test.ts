import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import {
  answerAndRate,
  harness,
  openQuickInput,
  openWorkbench,
  pickInQuickInput,
  runCommand,
  screenshot,
  startNewCardsDrill,
  webviewFrameWith,
  Workbench,
} from './harness';

/** The local date `days` from now, YYYY-MM-DD (the extension host runs on this machine, in its time zone). */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Where the forecast chart's screenshot is kept besides the harness folder (for the change's notes). */
const SHOTS = process.env.LOOP_PREP_SHOTS_DIR;

/**
 * Setting an interview date from the Progress view with the keyboard only: Tab to "Set interview date…",
 * Enter, a refused past date, the date, the role; then the status bar counts the days and the view shows
 * the pace and the forecast chart.
 */
describe('UI: the interview plan', () => {
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ width: 1400, height: 1800 });
  });
  after(async () => {
    await wb?.context.close();
  });

  const progressFrame = (page: Page): Promise<Frame> => webviewFrameWith(page, '#progress-root');

  it('sets a date from the Progress view by keyboard, and shows the days left, the pace and the forecast', async () => {
    const { page } = wb;
    // A few cards learned, so the forecast has something to predict.
    const drill = await startNewCardsDrill(page);
    for (let i = 0; i < 3; i++) await answerAndRate(page, drill);
    await runCommand(page, 'View: Close All Editors');

    await runCommand(page, 'Loop Prep: Show Progress');
    const frame = await progressFrame(page);
    const button = frame.locator('button[data-key="set-interview-date"]');
    await button.waitFor({ timeout: 30_000 });
    await frame
      .locator('#progress-root')
      .focus()
      .catch(() => undefined);
    let focused = false;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await button.evaluate((b) => b === b.ownerDocument.activeElement);
    }
    assert.ok(focused, 'Tab reaches "Set interview date…"');
    await page.keyboard.press('Enter');

    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(localDate(-1));
    await page.locator('.quick-input-message', { hasText: 'is in the past' }).waitFor();
    const date = localDate(20);
    await input.fill(date);
    await page.keyboard.press('Enter');
    // The date box can stay on screen a moment after Enter (1.100 has no closing state to tell it by):
    // wait until it is gone, so that the next step types into the role pick and not into it.
    for (let i = 0; i < 200 && (await openQuickInput(page))?.value === date; i++) await page.waitForTimeout(50);
    await pickInQuickInput(page, 'ML infra', 'ML infra engineer');

    await page.locator('.statusbar-item', { hasText: '20 days to interview' }).waitFor({ timeout: 30_000 });
    const pace = frame.locator('#interview-pace');
    await pace.waitFor({ timeout: 30_000 });
    assert.match((await pace.textContent()) ?? '', /new a day needed, you average \d+/);
    const chart = frame.locator('#interview-forecast');
    await chart.waitFor();
    assert.ok((await chart.locator('.forecast-topic').count()) > 0, 'a bar per core topic');
    assert.ok((await chart.locator('table tbody tr').count()) > 0, 'and a table for screen readers');
    assert.match((await frame.locator('#interview-readiness').textContent()) ?? '', /^Expected readiness on the day: \d+%/);
    assert.strictEqual(await frame.locator('#interview-simulation button.sim-row').count(), 4);

    // Give the Progress view the sidebar's whole height (as the Progress UI test does), then show the chart.
    const planHeader = page.locator('.sidebar .pane-header', { hasText: 'Study Plan' }).first();
    if ((await planHeader.count()) && (await planHeader.getAttribute('aria-expanded')) === 'true') await planHeader.click();
    await page.waitForTimeout(500);
    await chart.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshot(page, 'interview-plan');
    const file = path.join(harness().screenshotDir, 'i15-forecast.png');
    await chart.screenshot({ path: file });
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      fs.copyFileSync(file, path.join(SHOTS, 'i15-forecast.png'));
    }
  });
});
