/**
 * "Set Interview Date" and "Schedule a Break": quick inputs that check what is typed as it is typed
 * (core/interview/dates.ts and breaks.ts hold the rules), so nonsense never reaches the stored state.
 */
import * as vscode from 'vscode';
import type { ContentIndex } from '../../core/content/types';
import { checkInterviewDate, checkRole, MAX_BREAK_DAYS } from '../../core/interview';
import { dayLabel } from '../../core/time';
import { roleSetting } from '../config';

/** What the dialogs would have asked, for tests and for the Progress view's form. */
export interface DateAnswer {
  readonly date: string;
  readonly roleId: string;
}

/** Asks for the date, then the role (the role setting first); undefined when cancelled. */
export async function askInterviewDate(index: ContentIndex, today: number): Promise<DateAnswer | undefined> {
  const date = await vscode.window.showInputBox({
    title: 'Loop Prep: Set Interview Date (1/2)',
    prompt: 'The date of the interview, YYYY-MM-DD (local time)',
    placeHolder: dayLabel(today + 21),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const check = checkInterviewDate(text, today);
      return check.ok ? undefined : check.message;
    },
  });
  if (date === undefined) return undefined;
  const current = roleSetting();
  const roles = [...index.roles].sort((a, b) => (a.id === current ? -1 : b.id === current ? 1 : a.name.localeCompare(b.name)));
  const pick = await vscode.window.showQuickPick(
    roles.map((r) => ({ label: r.name, description: r.id === current ? 'your role' : undefined, detail: r.summary, id: r.id })),
    { title: 'Loop Prep: Set Interview Date (2/2)', placeHolder: 'Which role is the interview for?', ignoreFocusOut: true },
  );
  return pick ? { date: date.trim(), roleId: pick.id } : undefined;
}

/** The message for a date and role that cannot be set; undefined when both are fine. */
export function answerProblem(answer: DateAnswer, index: ContentIndex, today: number): string | undefined {
  const check = checkInterviewDate(answer.date, today);
  if (!check.ok) return check.message;
  return checkRole(answer.roleId, index.roles);
}

/** Checks a typed break length: a whole number of days, 1-60. */
export function checkBreakDays(text: string): string | undefined {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_BREAK_DAYS) return `Enter a whole number of days from 1 to ${MAX_BREAK_DAYS}.`;
  return undefined;
}

/** Asks how long the break is, starting today; undefined when cancelled. */
export async function askBreakDays(): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Loop Prep: Schedule a Break',
    prompt: 'How many days, starting today? Reviews due in the break move to the days after it.',
    placeHolder: '7',
    ignoreFocusOut: true,
    validateInput: checkBreakDays,
  });
  return text === undefined ? undefined : Number(text.trim());
}
