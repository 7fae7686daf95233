import * as assert from 'assert';
import * as fs from 'fs';
import { openWorkbench, screenshot, Workbench } from './harness';

describe('UI: the Loop Prep sidebar', () => {
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.context.close();
  });

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
});
