import * as assert from 'assert';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { answerAndRate, colorTheme, harness, openWorkbench, runCommand, screenshot, startNewCardsDrill, webviewFrameWith, Workbench } from './harness';

/**
 * The Progress view in the real workbench: a two-card drill from the command palette with the keyboard,
 * then "Loop Prep: Show Progress" shows the streak and XP it earned. Screenshots in the default light
 * theme, a dark theme and both high-contrast themes.
 */
describe('UI: the Progress view', () => {
  let wb: Workbench;

  before(async () => {
    // Tall, so the whole view shows without scrolling in the screenshot.
    wb = await openWorkbench({ width: 1400, height: 1800 });
  });
  after(async () => {
    await wb?.context.close();
  });

  /** The Progress view's content frame: of the webview frames on the page, the one holding its root. */
  const progressFrame = (page: Page): Promise<Frame> => webviewFrameWith(page, '#progress-root');

  /** The number in an element, thousands separators removed. */
  async function numberIn(frame: Frame, selector: string): Promise<number> {
    return Number(((await frame.locator(selector).textContent()) ?? '').replace(/[^\d.]/g, ''));
  }

  it('shows the streak and XP of a short keyboard drill', async () => {
    const { page } = wb;
    const drill = await startNewCardsDrill(page);
    for (let i = 0; i < 2; i++) await answerAndRate(page, drill);
    await page.keyboard.press('Escape');
    await drill.locator('#summary-reviewed').waitFor();
    assert.strictEqual((await drill.locator('#summary-reviewed').textContent())?.trim(), '2');
    await runCommand(page, 'View: Close All Editors');

    await runCommand(page, 'Loop Prep: Show Progress');
    const frame = await progressFrame(page);
    await frame.locator('#xp-total').waitFor({ timeout: 30_000 });
    // The first model may predate the last write by a debounce; wait for the numbers to arrive.
    for (let i = 0; i < 50 && (await numberIn(frame, '#xp-total')) === 0; i++) await page.waitForTimeout(200);
    const streak = await numberIn(frame, '#streak-current');
    const xp = await numberIn(frame, '#xp-total');
    assert.ok(streak >= 1, `streak ${streak}`);
    assert.ok(xp > 0, `XP ${xp}`);
    assert.ok((await numberIn(frame, '#streak-longest')) >= streak);
    assert.ok((await frame.locator('.heatmap .cell:not(.l0):not(.future)').count()) >= 1, 'today is marked in the heatmap');
    assert.match((await frame.locator('#heatmap-summary').textContent()) ?? '', /^2 reviews on 1 of the last \d+ days/);
    assert.match((await frame.locator('#readiness-percent').textContent()) ?? '', /^\d+%$/);
    const steps = frame.locator('#checklist button.check-action');
    assert.ok((await steps.count()) > 0, 'the checklist has buttons');
    await steps.first().focus();
    assert.strictEqual(
      await frame.locator('#checklist button.check-action:focus-visible, #checklist button.check-action:focus').count(),
      1,
      'a checklist button takes focus',
    );

    // The focused button scrolled the view; show it from the top. Give it the sidebar's whole height.
    await frame.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    const planHeader = page.locator('.sidebar .pane-header', { hasText: 'Study Plan' }).first();
    if ((await planHeader.count()) && (await planHeader.getAttribute('aria-expanded')) === 'true') await planHeader.click();
    await page.waitForTimeout(500);
    await screenshot(page, 'progress-view');
    await page.locator('.part.sidebar').screenshot({ path: path.join(harness().screenshotDir, 'progress-view-sidebar.png') });
  });

  it('stays readable in dark and high-contrast themes', async () => {
    const { page } = wb;
    for (const [theme, file] of [
      ['Dark Modern', 'progress-view-dark'],
      ['Dark High Contrast', 'progress-view-high-contrast'],
      ['Light High Contrast', 'progress-view-high-contrast-light'],
    ] as const) {
      await colorTheme(page, theme);
      await page.waitForTimeout(1000);
      const frame = await progressFrame(page);
      await frame.locator('#xp-total').waitFor();
      await page.locator('.part.sidebar').screenshot({ path: path.join(harness().screenshotDir, `${file}.png`) });
    }
  });
});
