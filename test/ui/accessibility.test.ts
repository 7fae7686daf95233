import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { axeViolations, formatViolations, tabWalk } from './a11y';
import {
  answerAndRate,
  answerCard,
  builtInBank,
  colorTheme,
  openWorkbench,
  pickInQuickInput,
  runCommand,
  screenshot,
  startNewCardsDrill,
  webviewFrameWith,
  Workbench,
} from './harness';

/**
 * Every Loop Prep webview, measured: axe-core's serious and critical rules, and a Tab walk (every control
 * reachable, focus visible), in a light, a dark and a high-contrast theme. One window for all of them.
 */
const THEMES = ['Light Modern', 'Dark Modern', 'Dark High Contrast'] as const;

describe('UI: accessibility of every webview, in light, dark and high-contrast themes', () => {
  let wb: Workbench;
  let theme: string = THEMES[0];
  const index = builtInBank();

  before(async () => {
    wb = await openWorkbench({ width: 1400, height: 1400 });
    await colorTheme(wb.page, theme);
  });
  after(async () => {
    await wb?.context.close();
  });

  /**
   * Checks the frame holding `selector` in every theme, starting with the current one so each state
   * switches the theme only twice; the Tab walk runs in the first. Returns the problems found, one block per state and theme.
   */
  async function checkInEveryTheme(page: Page, where: string, selector: string): Promise<string[]> {
    const problems: string[] = [];
    const order = [theme, ...THEMES.filter((t) => t !== theme)];
    for (const t of order) {
      // The Tab walk runs in the first theme of each state, so the states share the themes between them.
      const walk = t === order[0];
      if (t !== theme) {
        await colorTheme(page, t);
        theme = t;
        await page.waitForTimeout(500); // the webview picks up the new theme variables
      }
      const frame: Frame = await webviewFrameWith(page, selector);
      const violations = await axeViolations(frame);
      const tabs = walk ? await tabWalk(page, frame) : undefined;
      const text = formatViolations(`${where}, ${t}`, violations, tabs);
      if (text) problems.push(text);
    }
    return problems;
  }

  it('drill: question, result and summary states', async () => {
    const { page } = wb;
    const drill = await startNewCardsDrill(page);
    // A choice card has the most controls; skip flashcards and estimates until one shows.
    for (let i = 0; i < 8 && !(await drill.locator('.options .option').count()); i++) {
      await answerAndRate(page, drill);
      await drill.locator('section.card[data-card-id]:not(.result)').waitFor();
    }
    const problems = await checkInEveryTheme(page, 'drill question', 'section.card[data-card-id]:not(.result)');

    await drill.locator('.option').first().focus(); // the Tab walk may have left focus in the workbench
    await answerCard(page, drill, true);
    await drill.locator('#verdict').waitFor();
    problems.push(...(await checkInEveryTheme(page, 'drill result', 'section.card.result')));

    await drill.locator('vscode-button#rate-1').focus();
    await page.keyboard.press('Escape');
    await drill.locator('#summary-reviewed').waitFor();
    problems.push(...(await checkInEveryTheme(page, 'drill summary', '#summary-reviewed')));
    await screenshot(page, 'a11y-drill-summary');
    assert.ok(
      problems.every((p) => !p),
      `\n${problems.join('\n')}`,
    );
  });

  it('reader: a case-study walkthrough', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Close All Editors');
    const caseStudy = index.cases[0];
    await runCommand(page, 'Loop Prep: Open Case Study Walkthrough');
    await pickInQuickInput(page, caseStudy.title, caseStudy.title);
    await webviewFrameWith(page, 'vscode-button#practise');
    const problems = await checkInEveryTheme(page, 'reader', 'vscode-button#practise');
    // Marked complete, it shows a "Completed" badge instead of the subtitle.
    const reader = await webviewFrameWith(page, 'vscode-button#practise');
    await reader.locator('vscode-button#complete').click();
    await reader.locator('#status.done').waitFor();
    problems.push(formatViolations(`reader marked complete, ${theme}`, await axeViolations(reader)));
    assert.ok(
      problems.every((p) => !p),
      `\n${problems.join('\n')}`,
    );
  });

  it('progress view', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Loop Prep: Show Progress');
    const frame = await webviewFrameWith(page, '#progress-root');
    await frame.locator('#xp-total').waitFor({ timeout: 30_000 });
    const problems = await checkInEveryTheme(page, 'progress', '#progress-root');
    assert.ok(
      problems.every((p) => !p),
      `\n${problems.join('\n')}`,
    );
  });

  it('self-review after a practice', async () => {
    const { page } = wb;
    const caseStudy = index.cases[0];
    await runCommand(page, 'Loop Prep: Practise a Case');
    await pickInQuickInput(page, caseStudy.title, caseStudy.title);
    await page
      .locator('.monaco-editor .view-lines', { hasText: caseStudy.title.slice(0, 20) })
      .first()
      .waitFor({ timeout: 30_000 });
    await runCommand(page, 'Loop Prep: Finish Practice and Self-review');
    await webviewFrameWith(page, 'vscode-button#confirm'); // the Progress view's frame is on the page too
    const problems = await checkInEveryTheme(page, 'self-review', 'vscode-button#confirm');
    await screenshot(page, 'a11y-self-review');
    assert.ok(
      problems.every((p) => !p),
      `\n${problems.join('\n')}`,
    );
  });
});
