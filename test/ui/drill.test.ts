import * as assert from 'assert';
import { answerCard, builtInBank, openWorkbench, pickInQuickInput, runCommand, screenshot, webviewFrame, Workbench } from './harness';

/**
 * A drill from the command palette using only the keyboard: three cards, one answered wrong, the
 * explanation and suggested rating checked, ratings given, then a window reload keeps the history and
 * the sidebar counts.
 */
describe('UI: a keyboard-only drill', () => {
  let wb: Workbench;
  const index = builtInBank();

  before(async () => {
    // Tall, so an expanded topic's cards all render (the tree only renders rows in view).
    wb = await openWorkbench({ width: 1400, height: 1800 });
  });
  after(async () => {
    await wb?.context.close();
  });

  it('answers three cards, one wrong, checks the explanation and suggested rating, rates, and survives a reload', async () => {
    const { page } = wb;
    await runCommand(page, 'Loop Prep: Choose Role');
    await pickInQuickInput(page, 'ML infra', 'ML infra engineer');
    await runCommand(page, 'Loop Prep: Start Drill');
    await pickInQuickInput(page, 'New for my role', 'New for my role');

    const frame = webviewFrame(page);
    await frame.locator('#progress-text').waitFor({ timeout: 30_000 });
    assert.match((await frame.locator('#progress-text').textContent()) ?? '', /^1 \/ \d+$/);

    const answered: { id: string; graded: boolean; wrong: boolean }[] = [];
    while (answered.length < 3 || !answered.some((a) => a.wrong)) {
      assert.ok(answered.length < 12, 'found a gradable card to answer wrong within 12 cards');
      const needWrong = !answered.some((a) => a.wrong);
      const a = await answerCard(page, frame, needWrong);
      answered.push(a);
      const verdict = frame.locator('#verdict');
      await verdict.waitFor();
      const explanation = frame.locator('.explanation');
      assert.ok(((await explanation.textContent()) ?? '').trim().length > 40, 'the explanation is shown');
      const suggested = (await frame.locator('#suggested').textContent()) ?? '';
      if (a.wrong) {
        assert.match((await verdict.textContent()) ?? '', /Not quite/);
        assert.match(suggested, /Suggested: Again/);
        assert.strictEqual(await frame.locator('vscode-button#rate-1').getAttribute('appearance'), 'primary');
        await page.keyboard.press('Enter'); // accept the suggestion: Again
      } else {
        if (a.graded) assert.match((await verdict.textContent()) ?? '', /Correct/);
        assert.match(suggested, /Suggested: Good/);
        await page.keyboard.press('3');
      }
      await frame.locator(`section.card.result[data-card-id="${a.id}"]`).waitFor({ state: 'detached' });
    }
    await page.keyboard.press('Escape');
    await frame.locator('#summary-reviewed').waitFor();
    assert.strictEqual((await frame.locator('#summary-reviewed').textContent())?.trim(), String(answered.length));
    assert.match((await frame.locator('#summary-xp').textContent()) ?? '', /^\+\d+$/);
    await screenshot(page, 'drill-summary');

    // Reload the window: reviews were stored as they were rated.
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a[aria-label^="Loop Prep"]').click();
    const topicIds = new Set(answered.map((a) => index.questions.find((q) => q.id === a.id)!.topic));
    const rows = page.locator('.sidebar .monaco-list-row');
    let learning = 0;
    for (const topicId of topicIds) {
      const title = index.topics.find((t) => t.id === topicId)!.title;
      const row = rows.filter({ hasText: title }).first();
      await row.waitFor({ timeout: 60_000 }); // after a reload the extension activates again first
      await row.click();
      await page.locator('.sidebar .monaco-list-row[aria-level="2"]').first().waitFor();
      learning += await page.locator('.sidebar .monaco-list-row[aria-level="2"]', { hasText: /(learning|due) ·/ }).count();
      await row.click();
    }
    assert.strictEqual(learning, answered.length, 'every reviewed card shows as learning after the reload');
    await screenshot(page, 'drill-after-reload');
  });
});
