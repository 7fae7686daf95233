import * as assert from 'assert';
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { builtInBank, openWorkbench, screenshot, sidebarTreeRow, webviewFrame, Workbench } from './harness';

/** Clicks through the real sidebar: the container, then role, a topic, a lesson marked complete. One window. */
describe('UI: study plan sidebar', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.context.close();
  });

  /** Shows the Loop Prep container (a click on its icon would hide it when it is already shown). */
  async function openLoopPrep(page: Page): Promise<void> {
    const title = page.locator('.sidebar .composite.title', { hasText: /Loop Prep/i });
    if (!(await title.isVisible())) await page.locator('.activitybar .action-item a[aria-label^="Loop Prep"]').click();
    await title.waitFor();
  }

  it('opens the Loop Prep container from the activity bar', async () => {
    const { page } = wb;
    const item = page.locator('.activitybar .action-item a[aria-label^="Loop Prep"]');
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await item.click();
    const title = page.locator('.sidebar .composite.title h2');
    await title.filter({ hasText: /Loop Prep/i }).waitFor({ state: 'visible', timeout: 15_000 });
    // With a single view the pane header is hidden and the container title names the view instead.
    await page.locator('.sidebar .pane-header[aria-label^="Study Plan"]').waitFor({ state: 'attached' });
    const file = await screenshot(page, 'sidebar-container');
    assert.ok(fs.statSync(file).size > 1000, 'screenshot is empty');
  });

  it('picks a role from the welcome view, expands a topic, opens a lesson and marks it complete', async () => {
    const { page } = wb;
    await openLoopPrep(page);
    const sidebar = page.locator('.sidebar');
    const chooseRole = sidebar.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Choose Your Role' });
    await chooseRole.first().waitFor({ timeout: 30_000 });
    await chooseRole.first().click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('Applied ML');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Applied ML engineer' }).first().waitFor();
    await page.keyboard.press('Enter');

    // Applied ML's first topic is problem framing.
    const rows = sidebar.locator('.monaco-list-row');
    const topic = rows.filter({ hasText: 'Problem framing' }).first();
    await topic.waitFor({ timeout: 15_000 });
    assert.match((await topic.textContent()) ?? '', /new · 0% mastered/);
    await topic.click();
    await sidebar.locator('.monaco-list-row[aria-level="2"]').first().waitFor();
    assert.ok((await sidebar.locator('.monaco-list-row[aria-level="2"]').count()) >= 12, 'the topic lists its cards');
    await topic.click(); // collapse again

    const lessons = await sidebarTreeRow(page, /^Lessons/);
    await lessons.click();
    const lesson = await sidebarTreeRow(page, 'Choose your role');
    await lesson.click();

    const frame = webviewFrame(page);
    await frame.locator('h1#title').waitFor({ timeout: 30_000 });
    assert.match((await frame.locator('h1#title').textContent()) ?? '', /role/i);
    await frame.locator('vscode-button#complete').click();
    await frame.locator('#status.done').waitFor();
    assert.match((await frame.locator('#status').textContent()) ?? '', /Completed/);
    await (await sidebarTreeRow(page, new RegExp(`^Lessons.*1 / ${builtInBank().lessons.length} complete`))).waitFor();
    await screenshot(page, 'study-plan-lesson-complete');
  });
});
