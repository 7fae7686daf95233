import * as assert from 'assert';
import type { FrameLocator, Page } from 'playwright-core';
import type { Question } from '../../src/core/content/types';
import { withinTolerance } from '../../src/core/drill/grade';
import { RATING_LABELS } from '../../src/shared/drill';
import { ratingForKeyPoints } from '../../src/shared/keyPoints';
import {
  answerCard,
  builtInBank,
  openCard,
  openWorkbench,
  revealFlashcard,
  runCommandAndPick,
  screenOrder,
  screenshot,
  webviewFrame,
  Workbench,
} from './harness';

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
    await runCommandAndPick(page, 'Loop Prep: Choose Role', 'ML infra', 'ML infra engineer');
    await runCommandAndPick(page, 'Loop Prep: Start Drill', 'New for my role', 'New for my role');

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

/**
 * What one showing of a card looks like: a multi-select card opened twice shows its options in two
 * orders and is graded by the keys of the order on screen; a flashcard's key-point checklist moves the
 * suggested rating; a wrong estimate near a typical slip names it. Keyboard only, cards opened with
 * "Loop Prep: Open Card".
 */
describe('UI: each showing of a card', () => {
  let wb: Workbench;
  const index = builtInBank();
  const simple = (s: string) => /^[A-Za-z0-9 ,'-]{40}/.test(s);
  // A card whose prompt is easy to type into the quick pick and names it alone within its topic.
  const pickable = (q: Question) =>
    simple(q.promptText) && index.questions.filter((x) => x.topic === q.topic && x.promptText.startsWith(q.promptText.slice(0, 40))).length === 1;

  before(async () => {
    wb = await openWorkbench({ width: 1400, height: 1400 });
  });
  after(async () => {
    await wb?.context.close();
  });

  /** Answers the multi-select card on screen correctly by the keys of its options' places on screen. */
  async function answerInScreenOrder(page: Page, frame: FrameLocator, q: Question): Promise<number[]> {
    const order = await screenOrder(frame, q);
    assert.deepStrictEqual(await frame.locator('.option .key').allTextContents(), ['A', 'B', 'C', 'D', 'E', 'F'].slice(0, order.length));
    const keys = q.correct!.map((i) => 'ABCDEF'[order.indexOf(i)]);
    for (const key of keys) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await frame.locator('#verdict').waitFor();
    assert.match((await frame.locator('#verdict').textContent()) ?? '', /Correct/, `keys ${keys.join('')} for the order ${order.join()}`);
    // The result lists the options in the same order, the right ones marked where they were on screen.
    const marked = await frame.locator('.options-result li').evaluateAll((els) => els.flatMap((e, i) => (e.classList.contains('is-correct') ? [i] : [])));
    assert.deepStrictEqual(
      marked,
      q.correct!.map((i) => order.indexOf(i)).sort((a, b) => a - b),
    );
    return order;
  }

  it('shows a multi-select card twice in two orders, graded by the keys on screen each time', async () => {
    const { page } = wb;
    const q = index.questions.find((x) => x.type === 'multi' && x.options!.length >= 4 && !x.options!.some((o) => o.pinLast) && pickable(x))!;
    assert.ok(q, 'the bank has a multi-select card to open');
    let frame = await openCard(page, q);
    const first = await answerInScreenOrder(page, frame, q);
    await page.keyboard.press('3');
    await frame.locator('section.card.result').waitFor({ state: 'detached' });
    // Good on a new card is a short learning step: within the learn-ahead window it comes back at once.
    await frame.locator(`section.card[data-card-id="${q.id}"]:not(.result), #summary-title`).first().waitFor();
    if (await frame.locator('#summary-title').count()) frame = await openCard(page, q);
    const second = await answerInScreenOrder(page, frame, q);
    assert.notDeepStrictEqual(second, first, 'the second review shows the options in a new order');
    await screenshot(page, 'drill-shuffled-result');
    await page.keyboard.press('3');
    await frame.locator('section.card.result').waitFor({ state: 'detached' });
  });

  it('moves the suggested rating as key points are ticked, and names a numeric slip', async () => {
    const { page } = wb;
    const card = index.questions.find((x) => x.type === 'flashcard' && (x.keyPoints?.length ?? 0) >= 3 && pickable(x))!;
    const points = card.keyPoints!;
    let frame = await openCard(page, card);
    await revealFlashcard(page, frame);
    await frame.locator('#key-points').waitFor();
    assert.match((await frame.locator('#key-points legend').textContent()) ?? '', /Tick what your answer covered/);
    assert.deepStrictEqual(await frame.locator('#key-points label').allTextContents(), [...points]);
    assert.match((await frame.locator('#suggested').textContent()) ?? '', /Suggested: Good/, 'nothing ticked yet: the usual suggestion');
    const suggested = async () => ((await frame.locator('#suggested').textContent()) ?? '').replace(/^Suggested: (\w+).*$/, '$1');
    for (let ticked = 1; ticked <= points.length; ticked++) {
      assert.strictEqual(await frame.locator(':focus').getAttribute('id'), `key-point-${ticked - 1}`, 'Tab moves through the checklist');
      await page.keyboard.press('Space');
      const want = ratingForKeyPoints(ticked, points.length);
      assert.strictEqual(await suggested(), RATING_LABELS[want], `${ticked} of ${points.length} ticked`);
      assert.strictEqual(await frame.locator(`vscode-button#rate-${want}`).getAttribute('appearance'), 'primary');
      if (ticked === 1) await screenshot(page, 'drill-key-points');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('2'); // any rating, whatever the suggestion
    await frame.locator('section.card.result').waitFor({ state: 'detached' });

    const est = index.questions.find(
      (x) => x.type === 'numeric' && pickable(x) && x.numeric!.mistakes?.some((m) => !withinTolerance(m.value, x.numeric!.answer, x.numeric!.tolerance)),
    )!;
    const slip = est.numeric!.mistakes!.find((m) => !withinTolerance(m.value, est.numeric!.answer, est.numeric!.tolerance))!;
    frame = await openCard(page, est);
    await frame.locator('#numeric').waitFor();
    await page.keyboard.type(String(slip.value));
    await page.keyboard.press('Enter');
    await frame.locator('#verdict').waitFor();
    assert.match((await frame.locator('#verdict').textContent()) ?? '', /Not quite/);
    assert.strictEqual(
      ((await frame.locator('#numeric-slip').textContent()) ?? '').trim(),
      `That is the figure you get if ${slip.why.trim().replace(/[.\s]+$/, '')}.`,
    );
  });
});
