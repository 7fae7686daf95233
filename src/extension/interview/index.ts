/**
 * The interview plan in VS Code: "Set Interview Date", "Schedule a Break", "Pre-interview Review", the
 * days-left status bar item, the caps and daily quota handed to the review state, maintenance mode, and
 * the one "how did it go?" prompt after the date. `registerInterview` is the one entry point. All time
 * comes from the extension's clock (clock.ts), which integration tests move.
 */
import * as vscode from 'vscode';
import { dayStart, planBreak } from '../../core/interview';
import type { InterviewPlan, InterviewState } from '../../core/interview';
import { plural } from '../../core/text';
import { dayLabel } from '../../core/time';
import type { InterviewView } from '../../shared/interview';
import { clock } from '../clock';
import { Commands } from '../commands';
import { affects, desiredRetention, maintenanceRetention, sessionSize, Settings } from '../config';
import { cardsDrillController } from '../drill/startDrill';
import { DrillPanel } from '../drill/drillPanel';
import type { FeatureDeps } from '../features';
import { log } from '../log';
import { registerCommand } from '../registerCommand';
import { activeInterview, capForCard, forecastFor, offsetAt, planFor, preInterviewCards, simulationFor, today, unaskedPassed } from './model';
import type { Active } from './model';
import { answerProblem, askBreakDays, askInterviewDate, type DateAnswer } from './setDate';
import { InterviewStatusBar } from './statusBar';
import { buildInterviewView } from './view';

/** The post-interview prompt's buttons. */
export const AFTER_INTERVIEW = { next: 'Set Next Date', maintenance: 'Switch to Maintenance' } as const;
export type AfterAnswer = 'next' | 'maintenance' | undefined;

/** What registerInterview returns: hooks for tests, which bypass the dialogs. */
export interface InterviewApi {
  /** Sets an interview date without the dialogs; resolves to the refusal message, or undefined when set. */
  setDate(answer: DateAnswer): Promise<string | undefined>;
  /** The stored interviews. */
  stored(): InterviewState;
  /** The plan of the interview that drives it; undefined without one. */
  plan(): InterviewPlan | undefined;
  /** The status bar item's text ('' when hidden). */
  statusText(): string;
  /** The Progress view's section as of now. */
  view(): InterviewView;
  /**
   * Shows the "how did it go?" prompt if an interview passed and was not asked about; `answer` plays
   * the button. Resolves to the prompt's text, or undefined when none was due.
   */
  checkAfterInterview(answer?: () => Promise<AfterAnswer>): Promise<string | undefined>;
  /** Schedules a break of `days` from today; resolves to the number of cards moved. */
  scheduleBreak(days: number): Promise<number>;
  /** The cap a card rated now would get. */
  capFor(cardId: string): Date | undefined;
  /** The desired retention the scheduler uses now. */
  retention(): number;
  /** The clock tests move (clock.ts). */
  readonly clock: typeof clock;
}

export function registerInterview(context: vscode.ExtensionContext, deps: FeatureDeps): InterviewApi {
  const { content, state, ready } = deps;
  const register = registerCommand(context);
  const statusBar = new InterviewStatusBar();
  context.subscriptions.push(statusBar);

  const active = (): Active | undefined => activeInterview(state.interviews.get(), content.index, clock.now());
  const plan = (): InterviewPlan | undefined => {
    const a = active();
    return a && state.isOpen ? planFor(a, content.index, state, clock.now()) : undefined;
  };
  const maintenance = (): boolean => state.interviews.get().mode === 'maintenance' && !active();

  state.reviewCap = (cardId, now) => (maintenance() ? undefined : capForCard(active(), content.index, cardId, now));
  state.newQuota = () => {
    const p = plan();
    return p && p.fits && p.toLearn > 0 ? p.newPerDay : undefined;
  };
  state.retentionOverride = () => (maintenance() ? maintenanceRetention() : undefined);

  const refresh = (): void => {
    const a = active();
    statusBar.update(a && { date: a.interview.date, days: a.day - today(clock.now()), roleName: a.role.name });
  };

  async function setDate(answer: DateAnswer): Promise<string | undefined> {
    await ready();
    const now = clock.now();
    const problem = answerProblem(answer, content.index, today(now));
    if (problem) return problem;
    const current = state.interviews.get();
    const kept = current.interviews.filter((i) => !(i.date === answer.date && i.roleId === answer.roleId));
    const interview = { id: `i${now.getTime().toString(36)}`, date: answer.date, roleId: answer.roleId, createdAt: now.getTime() };
    await state.interviews.set({ ...current, interviews: [...kept, interview], mode: 'plan' });
    state.reloadScheduler();
    refresh();
    return undefined;
  }

  async function setDateCommand(): Promise<string | undefined> {
    await ready();
    const answer = await askInterviewDate(content.index, today(clock.now()));
    if (!answer) return undefined;
    const problem = await setDate(answer);
    if (problem) void vscode.window.showErrorMessage(`Loop Prep: ${problem}`);
    else {
      const p = plan();
      void vscode.window.showInformationMessage(`Loop Prep: interview set for ${answer.date}. ${p?.paceText ?? ''}`.trim());
    }
    return problem;
  }

  async function scheduleBreak(days: number): Promise<number> {
    await ready();
    const now = clock.now();
    const a = maintenance() ? undefined : active();
    const result = planBreak({ cards: state.cards(), firstDay: today(now), days, offsetAt, lastDay: a ? a.day - 1 : undefined });
    // Back at 04:00 local time on the day, as a bury until tomorrow is.
    const moves = result.moves.map((m) => ({ cardId: m.cardId, until: new Date(dayStart(m.day, offsetAt).getTime() + 4 * 3_600_000) }));
    await state.buryUntil(moves);
    return moves.length;
  }

  async function scheduleBreakCommand(): Promise<number | undefined> {
    const days = await askBreakDays();
    if (days === undefined) return undefined;
    const moved = await scheduleBreak(days);
    const back = dayLabel(today(clock.now()) + days);
    void vscode.window.showInformationMessage(`Loop Prep: break scheduled; ${plural(moved, 'due review')} moved to ${back} and the days after.`);
    return moved;
  }

  async function preInterview(): Promise<unknown> {
    await ready();
    const a = active();
    if (!a) {
      void vscode.window.showInformationMessage('Loop Prep: set an interview date first (Loop Prep: Set Interview Date).');
      return undefined;
    }
    const ids = preInterviewCards(a, content.index, state, sessionSize());
    if (!ids.length) {
      void vscode.window.showInformationMessage('Loop Prep: no reviewed cards in your role’s topics yet: learn some first.');
      return undefined;
    }
    return DrillPanel.show(context.extensionUri, cardsDrillController(content, state, ids, 'Pre-interview review', clock.now));
  }

  let checking = false;
  async function checkAfterInterview(answer?: () => Promise<AfterAnswer>): Promise<string | undefined> {
    if (checking) return undefined;
    checking = true;
    try {
      await ready();
      const stored = state.interviews.get();
      const passed = unaskedPassed(stored, clock.now());
      if (!passed) return undefined;
      // Marked first, so the prompt is shown once even if the window closes while it is open.
      await state.interviews.set({ ...stored, asked: [...stored.asked, passed.id] });
      const text = `Loop Prep: how did your interview on ${passed.date} go? Set the next date, or switch to maintenance: fewer reviews (desired retention ${maintenanceRetention()}) to keep what you learned.`;
      const ask =
        answer ??
        (async () => {
          const pick = await vscode.window.showInformationMessage(text, AFTER_INTERVIEW.next, AFTER_INTERVIEW.maintenance);
          return pick === AFTER_INTERVIEW.next ? 'next' : pick === AFTER_INTERVIEW.maintenance ? 'maintenance' : undefined;
        });
      const choice = await ask();
      if (choice === 'maintenance') {
        await state.interviews.set({ ...state.interviews.get(), mode: 'maintenance' });
        state.reloadScheduler();
      } else if (choice === 'next') void setDateCommand();
      refresh();
      return text;
    } finally {
      checking = false;
    }
  }

  function view(): InterviewView {
    const now = clock.now();
    const a = active();
    const p = a && state.isOpen ? planFor(a, content.index, state, now) : undefined;
    const withPlan = a && p ? { active: a, plan: p, forecast: forecastFor(a, p, content.index, state, now) } : undefined;
    const simulation = simulationFor(a, p, content.index, state, now);
    const days = a ? Math.max(1, a.day - today(now)) : 30;
    return buildInterviewView(state.interviews.get(), content.index, today(now), withPlan, simulation, days, desiredRetention());
  }

  register(Commands.setInterviewDate, 'Set Interview Date', setDateCommand);
  register(Commands.scheduleBreak, 'Schedule a Break', scheduleBreakCommand);
  register(Commands.preInterviewReview, 'Pre-interview Review', preInterview);

  const tick = setInterval(() => {
    refresh();
    void checkAfterInterview().catch((err: unknown) => log().error(`post-interview check failed: ${String(err)}`));
  }, 60_000);
  context.subscriptions.push(
    { dispose: () => clearInterval(tick) },
    state.interviews.onDidChange(() => refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, Settings.maintenanceRetention) || affects(e, Settings.newCardsPerDay)) state.reloadScheduler();
    }),
  );
  void ready().then(() => {
    state.reloadScheduler();
    refresh();
    void checkAfterInterview().catch((err: unknown) => log().error(`post-interview check failed: ${String(err)}`));
  });

  return {
    setDate,
    stored: () => state.interviews.get(),
    plan,
    statusText: () => statusBar.text,
    view,
    checkAfterInterview,
    scheduleBreak,
    capFor: (cardId) => state.reviewCap?.(cardId, clock.now()),
    retention: () => state.retentionOverride?.() ?? desiredRetention(),
    clock,
  };
}
