import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Question } from '../../src/core/content/types';
import { builtInBank, focusPanel, host, openCard, openWorkbench, runCommand, screenshot, Workbench } from './harness';

/**
 * A typed flashcard answer graded by the chat model, keyboard only: type the answer (its letters and
 * digits never trigger the drill's keys), Ctrl+Enter reveals, G grades (the consent notice the first
 * time), the checklist arrives pre-ticked with each point's evidence, and Enter confirms the suggested
 * rating. Needs the fake model, so on hosts with chat-model providers (1.139) only.
 */
describe('UI: a typed answer graded by the chat model', () => {
  let wb: Workbench;
  const index = builtInBank();
  const pickable = (q: Question) =>
    /^[A-Za-z0-9 ,'-]{40}/.test(q.promptText) &&
    index.questions.filter((x) => x.topic === q.topic && x.promptText.startsWith(q.promptText.slice(0, 40))).length === 1;

  before(async function () {
    if (!host().lmProviders) this.skip();
    wb = await openWorkbench({ width: 1400, height: 1600 });
  });
  after(async () => {
    await wb?.context.close();
  });

  it('types an answer, grades it, shows the graded checklist and confirms the rating by keyboard', async () => {
    const { page, workspace } = wb;
    const q = index.questions.find(
      (x) => x.type === 'flashcard' && (x.keyPoints?.length ?? 0) >= 3 && x.keyPoints!.every((k) => k.length >= 14) && pickable(x),
    )!;
    assert.ok(q, 'a pickable flashcard with three key points');
    const kp = q.keyPoints!;
    const answer = `First, ${kp[0]}. Second, ${kp[1]}. Under 2 u.`;
    const points = kp.map((k, i) => (i < 2 ? { point: i + 1, hit: true, quote: k } : { point: i + 1, hit: false }));
    fs.mkdirSync(path.join(workspace, '.fake-lm'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, '.fake-lm', 'script.json'),
      JSON.stringify([{ text: JSON.stringify({ points, rating: 'hard', feedback: 'Two points made. The third is missing.' }) }]),
    );
    await runCommand(page, 'Loop Prep Fake LM: Queue Replies from .fake-lm/script.json');

    const frame = await openCard(page, q);
    const box = frame.locator('#typed-answer');
    await box.waitFor();
    assert.strictEqual(await frame.locator(':focus').getAttribute('id'), 'typed-answer', 'the answer box has the keyboard');
    await page.keyboard.type(answer);
    assert.strictEqual(await box.inputValue(), answer, 'every key went into the box');
    assert.strictEqual(await frame.locator('section.card.result').count(), 0, 'typing did not reveal, rate or undo');
    await page.keyboard.press('Control+Enter');
    await frame.locator('#typed-text').waitFor();
    assert.strictEqual(await frame.locator('#typed-text').textContent(), answer);
    assert.match((await frame.locator('vscode-button#grade').textContent()) ?? '', /^Grade with Loop Prep Fake/);

    await page.keyboard.press('g');
    const allow = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Allow' });
    await allow.waitFor({ timeout: 20_000 });
    assert.match((await page.locator('.monaco-dialog-box').textContent()) ?? '', /Loop Prep Fake \(loop-prep-fake\/loop-prep-fake\)/);
    await allow.click();
    await frame.locator('#grade-feedback').waitFor({ timeout: 30_000 });
    assert.deepStrictEqual(
      await Promise.all(kp.map((_, i) => frame.locator(`#key-point-${i}`).isChecked())),
      kp.map((_, i) => i < 2),
      'the checklist arrives pre-ticked',
    );
    assert.strictEqual(await frame.locator('#key-point-evidence-0').textContent(), `“${kp[0]}”`);
    assert.strictEqual(await frame.locator('#key-point-evidence-2').textContent(), 'Missed.');
    assert.match((await frame.locator('#suggested').textContent()) ?? '', /^Suggested: Hard/);
    assert.match((await frame.locator('#grade-status').textContent()) ?? '', /2 of \d+ key points, suggested Hard/);
    await screenshot(page, 'drill-typed-answer-graded');

    // Back into the panel (the dialog had the focus), then Enter confirms the suggestion.
    await focusPanel(page, frame);
    await frame.locator('#key-point-0').focus();
    await page.keyboard.press('Enter');
    await frame.locator('section.card.result').waitFor({ state: 'detached' });
  });
});
