import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { SelfReview, SelfReviewResult } from '../../shared/selfReview';
import { pickCase } from '../pickers';
import { insertTemplate } from '../designDoc/templates';
import { log } from '../log';
import { validPhases, type PracticePhase } from '../../core/practice/phases';
import { buildSelfReview, scoreSelfReview } from '../../core/practice/selfReviewRubric';
import { recordRubricReview, type RecordedReview } from './recordReview';
import { PRACTICE_STATE_KEY, readPractice, writePractice } from '../../core/practice/practiceState';
import { SelfReviewPanel, type SelfReviewHandler } from './selfReviewPanel';
import { PracticeStatusBar } from './practiceStatusBar';
import { Countdown, formatClock, type TimerState } from '../../core/practice/timer';
import { actionItems, drillMissed, phasesFromSettings, practiceDocument, practiceStatus } from './practiceActions';
import type { PracticeDeps, PracticeOutcome, PracticeSession as Session, PracticeSnapshot } from './practiceTypes';

export type { PracticeDeps, PracticeOutcome, PracticeSnapshot, PracticeStatus } from './practiceTypes';

/**
 * "Practise a Case": a new design doc from the case's template, a status-bar countdown through the
 * interview's phases, then a self-review against the case's rubric. Confirming records the practice and
 * rates a card Again for every unticked point, so each missed point comes back in the review queue (due
 * after FSRS's first learning step, a minute for a new card, like any card answered Again in a drill).
 */
export class PracticeController implements vscode.Disposable {
  private session: Session | undefined;
  private lastMissed: readonly string[] = [];
  private sequence = 0;
  /** True while startPractice awaits the user or the editor, so a second start cannot interleave. */
  private starting = false;
  private readonly statusBar = new PracticeStatusBar();
  /** Settles once a practice saved before a window reload is resumed (or found to be gone). */
  readonly restored: Promise<void>;

  constructor(private readonly deps: PracticeDeps) {
    this.restored = this.restore().catch((err) => log().error(`resuming the practice failed: ${err instanceof Error ? err.stack : err}`));
  }

  /** Resumes the practice saved in workspace state: its countdown, its doc and its self-review. */
  private async restore(): Promise<void> {
    const saved = readPractice(this.deps.memento);
    if (!saved) {
      if (this.deps.memento.get(PRACTICE_STATE_KEY) !== undefined) void writePractice(this.deps.memento, undefined);
      return;
    }
    await this.deps.ready();
    if (this.session) return; // a practice started meanwhile wins
    const caseStudy = catalogOf(this.deps.content.index).resolve('case', saved.caseId);
    if (!caseStudy) {
      void writePractice(this.deps.memento, undefined);
      void vscode.window.showWarningMessage(
        `Loop Prep: the practice of "${saved.caseId}" cannot resume after the reload: that case study is no longer in your content.`,
      );
      return;
    }
    const countdown = this.countdown(saved.timer.phases, saved.timer);
    this.session = { id: saved.id, caseStudy, documentUri: saved.documentUri, countdown, review: saved.review };
    log().info(`practice of ${caseStudy.id} resumed after a reload: ${saved.timer.status}, ${formatClock(countdown.view().totalRemainingMs)} left`);
    this.render();
  }

  /** Keeps the practice's state in workspace state after each change (not each tick: running time is derived). */
  private persist(): void {
    const s = this.session;
    const saved = s && { v: 1 as const, id: s.id, caseId: s.caseStudy.id, documentUri: s.documentUri, timer: s.countdown.state, review: s.review };
    writePractice(this.deps.memento, saved).then(undefined, (err) => log().error(`saving the practice failed: ${err instanceof Error ? err.message : err}`));
  }

  private countdown(phases: readonly PracticePhase[], initial?: TimerState): Countdown {
    return new Countdown(
      phases,
      this.deps.clock,
      {
        onTick: () => this.render(),
        onTimeUp: () => void this.openSelfReview('time-up').catch((err) => log().error(`self-review: ${err instanceof Error ? err.stack : err}`)),
      },
      initial,
    );
  }

  /** Restores the self-review panel VS Code kept across a reload, or closes it when its practice is gone. */
  async revivePanel(panel: vscode.WebviewPanel): Promise<void> {
    await this.restored;
    const review = this.session?.review;
    if (!review) {
      panel.dispose();
      return;
    }
    SelfReviewPanel.revive(panel, this.deps.extensionUri, review, this.panelHandler());
  }

  private panelHandler(): SelfReviewHandler {
    return {
      confirm: (reviewId, ticked) => this.confirm(reviewId, ticked),
      drillMissed: async () => drillMissed(this.deps, this.lastMissed),
      closed: () => this.render(),
    };
  }

  /** Asks for a case when none is given; resolves to the new doc's editor, or undefined when cancelled. */
  async startPractice(caseId?: string, phases?: readonly PracticePhase[]): Promise<vscode.TextEditor | undefined> {
    if (this.starting) return undefined;
    this.starting = true;
    try {
      return await this.start(caseId, phases);
    } finally {
      this.starting = false;
    }
  }

  private async start(caseId: string | undefined, phases: readonly PracticePhase[] | undefined): Promise<vscode.TextEditor | undefined> {
    const { content } = this.deps;
    await this.deps.ready();
    await this.restored;
    const id = caseId ?? (await pickCase(content.index, 'Practise which case?'));
    if (!id) return undefined;
    const caseStudy = catalogOf(content.index).resolve('case', id);
    if (!caseStudy) {
      void vscode.window.showWarningMessage(`Loop Prep has no case study "${id}" to practise.`);
      return undefined;
    }
    if (this.session) {
      const answer = await vscode.window.showWarningMessage(
        `A practice of ${this.session.caseStudy.title} is under way. Stop it without a self-review and start ${caseStudy.title}?`,
        { modal: true },
        'Stop and Start',
      );
      if (answer !== 'Stop and Start') return undefined;
      this.stop();
    }
    // A new untitled doc first, so insertTemplate writes there and not into whatever Markdown is open.
    const blank = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(blank, { preview: false });
    const editor = await insertTemplate(content.index, caseStudy.id);
    if (!editor) return undefined;
    const chosen = validPhases(phases) ?? phasesFromSettings();
    this.sequence += 1;
    const sessionId = `${caseStudy.id}-${this.deps.clock.now()}-${this.sequence}`;
    const countdown = this.countdown(chosen);
    this.session = { id: sessionId, caseStudy, documentUri: editor.document.uri.toString(), countdown };
    log().info(`practice of ${caseStudy.id} started: ${chosen.map((p) => `${p.label} ${p.seconds}s`).join(', ')}`);
    this.persist();
    this.render();
    return editor;
  }

  snapshot(): PracticeSnapshot | undefined {
    const s = this.session;
    if (!s) return undefined;
    const view = s.countdown.view();
    return {
      caseId: s.caseStudy.id,
      status: practiceStatus(s, view),
      phaseLabel: view.phase.label,
      phaseIndex: view.phaseIndex,
      phaseRemainingMs: view.phaseRemainingMs,
      statusBarText: this.statusBar.text,
      documentUri: s.documentUri,
      review: s.review,
    };
  }

  pause(): boolean {
    if (!this.session || this.session.review) return this.nothingToDo('pause');
    this.session.countdown.pause();
    this.persist();
    return true;
  }

  resume(): boolean {
    if (!this.session || this.session.review) return this.nothingToDo('resume');
    this.session.countdown.resume();
    this.persist();
    return true;
  }

  /** Ends the practice without a self-review; nothing is recorded. */
  stop(): boolean {
    const s = this.session;
    if (!s) return this.nothingToDo('stop');
    s.countdown.end('stopped');
    s.countdown.dispose();
    this.session = undefined;
    this.persist();
    if (SelfReviewPanel.active?.review.reviewId === s.id) SelfReviewPanel.active.dispose();
    log().info(`practice of ${s.caseStudy.id} stopped`);
    this.render();
    return true;
  }

  /** Ends the countdown now (if it runs) and opens the self-review. */
  async finish(): Promise<SelfReviewPanel | undefined> {
    if (!this.session) {
      this.nothingToDo('finish');
      return undefined;
    }
    return this.openSelfReview('finished');
  }

  /**
   * Finishes the practice and confirms its self-review with these point ids ticked (default: the points
   * the doc shows evidence of), as the panel's Confirm button would. For tests and scripted use.
   */
  async finishWith(ticked?: readonly string[]): Promise<PracticeOutcome | undefined> {
    const panel = await this.finish();
    const review = this.session?.review;
    if (!panel || !review) return undefined;
    const chosen = ticked ?? review.sections.flatMap((s) => s.points.filter((p) => p.evidenced).map((p) => p.id));
    const { missed } = scoreSelfReview(review, chosen);
    const result = await panel.confirm(chosen);
    return { ...result, caseId: review.caseId, missed, cardIds: this.lastMissed };
  }

  /** "Loop Prep: Practice Timer Actions": what the status-bar item offers. */
  async showActions(): Promise<void> {
    const s = this.session;
    if (!s) {
      this.nothingToDo('show');
      return;
    }
    const status = practiceStatus(s, s.countdown.view());
    const items = actionItems(status, { finish: () => this.finish(), stop: () => this.stop(), pause: () => this.pause(), resume: () => this.resume() });
    const pick = await vscode.window.showQuickPick(items, {
      title: `Practice: ${s.caseStudy.title}`,
      placeHolder: this.statusBar.text.replace(/^\$\([\w-]+\) /, ''),
    });
    await pick?.run();
  }

  private nothingToDo(what: string): false {
    const message = this.session?.review
      ? `Loop Prep: the practice of ${this.session.caseStudy.title} has ended and its self-review is waiting: click the status bar to open or discard it.`
      : `Loop Prep: there is no practice to ${what}. Start one with "Loop Prep: Practise a Case".`;
    void vscode.window.showInformationMessage(message);
    return false;
  }

  private async openSelfReview(reason: SelfReview['reason']): Promise<SelfReviewPanel | undefined> {
    const s = this.session;
    if (!s) return undefined;
    s.countdown.end('finished');
    if (!s.review) {
      const caseStudy = catalogOf(this.deps.content.index).get('case', s.caseStudy.id) ?? s.caseStudy;
      const document = practiceDocument(s.documentUri, s.caseStudy.id);
      const view = s.countdown.view();
      s.review = buildSelfReview(caseStudy, document?.getText() ?? '', {
        reviewId: s.id,
        reason,
        elapsed: `${formatClock(view.elapsedMs)} of ${formatClock(view.totalMs)}`,
        ...(document ? {} : { note: 'Your design doc was closed before the review, so nothing is pre-ticked.' }),
      });
      if (reason === 'time-up') void vscode.window.showInformationMessage(`Loop Prep: time is up for ${caseStudy.title}. Tick what your design doc covers.`);
    }
    this.persist();
    this.render();
    return SelfReviewPanel.show(this.deps.extensionUri, s.review, this.panelHandler());
  }

  /** Records the practice and rates each missed point's card Again; ends the practice. */
  private async confirm(reviewId: string, ticked: readonly string[]): Promise<SelfReviewResult> {
    const s = this.session;
    if (!s?.review || s.review.reviewId !== reviewId || s.recording) throw new Error('this self-review is no longer open');
    s.recording = true;
    let recorded: RecordedReview;
    try {
      recorded = await recordRubricReview(this.deps, s.review, ticked, new Date(this.deps.clock.now()), () => {
        s.countdown.dispose();
        if (this.session === s) this.session = undefined;
        this.persist();
        this.render();
      });
    } catch (err) {
      s.recording = false;
      throw err;
    }
    const { score, maxScore, cards, xp, cardIds } = recorded;
    this.lastMissed = cardIds;
    log().info(`practice of ${s.caseStudy.id} recorded: ${score}/${maxScore}, ${cardIds.length} rubric cards rated Again`);
    return { score, maxScore, cards, xp };
  }

  private render(): void {
    const s = this.session;
    const view = s?.countdown.view();
    this.statusBar.show(s && view ? { title: s.caseStudy.title, status: practiceStatus(s, view), view, phases: s.countdown.state.phases.length } : undefined);
  }

  dispose(): void {
    this.session?.countdown.dispose();
    this.session = undefined;
    this.statusBar.dispose();
  }
}
