/**
 * What only the real workbench shows: hovering a pack topic fetches nothing, one click on a reader link
 * opens it once, and a window reload during timed practice resumes the countdown and the self-review.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  openLoopPrep,
  openWorkbench,
  pickInQuickInput,
  reloadWindow,
  runCommand,
  runCommandAndPick,
  screenshot,
  sidebarTreeRow,
  webviewFrame,
  type Workbench,
} from './harness';

const TRACKER = 'https://tracker.loop-prep.invalid';
const DOCS = 'https://docs.loop-prep.invalid';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Seconds left in the status-bar countdown, e.g. "Clarify 4:58" is 298. */
function secondsLeft(text: string): number {
  const m = /(\d+):(\d\d)/.exec(text);
  assert.ok(m, `no clock in "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

describe('UI: hostile pack text and reloads', () => {
  let wb: Workbench;
  const hits = { tracker: 0, docs: 0 };
  before(async () => {
    wb = await openWorkbench();
    await wb.context.route(`${TRACKER}/**`, (route) => {
      hits.tracker++;
      return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    });
    await wb.context.route(`${DOCS}/**`, (route) => {
      hits.docs++;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>docs</title>ok' });
    });
    const pack = path.join(wb.workspace, '.loopprep');
    fs.writeFileSync(
      path.join(pack, 'hover-topic.md'),
      `---\nkind: topic\nid: ui-hover-topic\ntitle: Hover me topic\nsummary: "Pixel ![pixel](${TRACKER}/pixel.png) here"\nconcepts: [tooltips]\n---\nA topic whose summary tries to load an image.\n`,
    );
    fs.writeFileSync(
      path.join(pack, 'link-lesson.md'),
      `---\nkind: lesson\nid: ui-link-lesson\ntitle: A lesson with a link\norder: 99\nminutes: 1\n---\nRead [the docs](${DOCS}/page) first.\n`,
    );
  });
  after(async () => {
    await wb?.context.close();
  });

  it('hovering a pack topic whose summary holds an image fetches nothing', async () => {
    const { page } = wb;
    await openLoopPrep(page);
    await runCommandAndPick(page, 'Loop Prep: Choose Role', 'Product AI', /Product AI/);
    const row = page.locator('.sidebar .monaco-list-row', { hasText: 'Hover me topic' }).first();
    await row.waitFor({ timeout: 30_000 });
    const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Hover me topic' }).first();
    // A tree that re-renders (counts arriving after the role change) can swallow one hover: try a few times.
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(5, 5);
      await row.hover();
      try {
        await hover.waitFor({ timeout: 10_000 });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    // Read while it is shown: 1.139 takes the hover down again when the tree redraws the row.
    const text = (await hover.textContent()) ?? '';
    await screenshot(page, 'hostile-hover');
    await page.waitForTimeout(1500);
    assert.strictEqual(hits.tracker, 0, 'the tooltip requested the image');
    assert.match(text, /!\[pixel\]\(https:\/\/tracker/, 'the summary shows as text');
    await page.mouse.move(5, 5);
  });

  it('one click on a reader link opens it once', async () => {
    const { page } = wb;
    // On its own feet, should the hover test before it have failed.
    if (!(await page.locator('.sidebar .monaco-list-row', { hasText: /^Lessons/ }).count())) {
      await openLoopPrep(page);
      await runCommandAndPick(page, 'Loop Prep: Choose Role', 'Product AI', /Product AI/);
    }
    const rows = page.locator('.sidebar .monaco-list-row');
    const lessons = rows.filter({ hasText: /^Lessons/ }).first();
    await lessons.scrollIntoViewIfNeeded();
    await lessons.click();
    const lesson = await sidebarTreeRow(page, 'A lesson with a link');
    await lesson.click();
    const frame = webviewFrame(page);
    await frame.locator('h1#title', { hasText: 'A lesson with a link' }).waitFor({ timeout: 30_000 });
    // Re-render the document once (mark complete), which used to add a second click handler.
    await frame.locator('vscode-button#complete').click();
    await frame.locator('#status.done').waitFor();
    await frame.locator('a', { hasText: 'the docs' }).click();
    // VS Code may ask before opening an external site: accept every prompt for a few seconds and count them.
    let prompts = 0;
    const deadline = Date.now() + 6000;
    while (Date.now() < deadline) {
      const open = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
      if (await open.isVisible().catch(() => false)) {
        prompts++;
        await open.click();
      }
      await page.waitForTimeout(250);
    }
    assert.ok(prompts <= 1, `${prompts} prompts to open one link`);
    assert.strictEqual(hits.docs, 1, `the link was opened ${hits.docs} times`);
  });

  it('a reload during timed practice resumes the countdown, and the practice finishes into its self-review', async function () {
    this.timeout(420_000); // a case picked, two window reloads and a self-review; over 200 s on a busy machine
    const { page } = wb;
    const step = (what: string) => console.log(`    · ${what}`);
    for (const p of wb.context.pages()) if (p !== page) await p.close();
    await page.bringToFront();
    await runCommand(page, 'View: Close All Editors');
    await runCommandAndPick(page, 'Loop Prep: Practise a Case', 'Question answering over company', /Question answering over company documents/);
    step('practice started');
    const clock = page.locator('.statusbar-item', { hasText: /Clarify \d+:\d\d/ }).first();
    await clock.waitFor({ timeout: 30_000 });
    const before = secondsLeft((await clock.textContent()) ?? '');
    // Reload once the clock has ticked, so that "resumed" cannot mean "started again".
    await page
      .locator('.statusbar-item', { hasText: /Clarify \d+:\d\d/ })
      .filter({ hasNotText: (await clock.textContent()) ?? '' })
      .first()
      .waitFor();

    step(`countdown at ${before} s; reloading`);
    // The practice lives in workspaceState, which the workbench saves when the window reloads: through
    // "Developer: Reload Window", which waits for that save (a bare page reload does not).
    await reloadWindow(page);
    const resumed = page.locator('.statusbar-item', { hasText: /Clarify \d+:\d\d/ }).first();
    await resumed.waitFor({ timeout: 60_000 });
    const after = secondsLeft((await resumed.textContent()) ?? '');
    assert.ok(after < before && after > before - 120, `resumed at ${after} s left, from ${before} s before the reload`);
    await screenshot(page, 'practice-resumed');

    step(`resumed at ${after} s`);
    // The status-bar item is the user's way in after a reload (the palette may not have focus yet).
    await resumed.click();
    await pickInQuickInput(page, 'Finish', /Finish now/);
    const review = webviewFrame(page);
    await review.locator('h1#title', { hasText: /^Self-review:/ }).waitFor({ timeout: 30_000 });
    await review.locator('input[type="checkbox"]').first().waitFor();
    // A second reload brings the self-review back through its serializer. (It used to be a bare page
    // reload, after which the workbench sometimes restored no editor at all: its save had not finished.)
    step('self-review open; reloading');
    await reloadWindow(page);
    const restored = webviewFrame(page);
    await restored.locator('h1#title', { hasText: /^Self-review:/ }).waitFor({ timeout: 60_000 });
    await restored.locator('input[type="checkbox"]').first().waitFor();
    await screenshot(page, 'practice-review-restored');
    await restored.locator('vscode-button#confirm').click();
    await restored.locator('h1#title', { hasText: /^Recorded:/ }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'practice-review-recorded');
  });
});
