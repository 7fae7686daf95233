import * as vscode from 'vscode';
import type { ContentIndex } from '../../core/content/types';
import type { ImportPlan } from '../../core/progress/importPlan';
import type { ImportTally } from '../../core/progress/importApply';
import { LAST_ANSWER_MAX, readLastAnswers, withLastAnswer, type LastAnswer } from '../../core/drill/lastAnswers';
import { INTERVIEW_KEY, LAST_ANSWERS_KEY, REVIEW_KEYS, REVIEW_SYNC_KEYS } from '../../core/review/keys';
import type { ReviewStore } from '../../core/review/store';
import type { CasePracticeInput, ReviewInput } from '../../core/review/storeApi';
import type { CasePractice } from '../../core/review/types';
import type { JournalWriter } from '../../core/review/journalWriter';
import type { DrillBackend } from '../../core/drill/controller';
import { log } from '../log';
import { drillBackend } from './drillBackend';
import { JournalService, type JournalCheck } from './journalService';
import { adoptQuarantine, newWriterId, openReviewStore, schedulerFromSettings } from './openStore';
import { QuarantineFiles } from './quarantineFiles';
import { StateReads } from './stateReads';
import type { StoredState } from './stateReads';
import { InterviewKey } from './interviewKey';

export type { StoredState } from './stateReads';

export interface StateChange {
  /** The cards that changed; undefined when too many changed to name (another window's writes). */
  readonly cardIds?: readonly string[];
  /** Lessons, case reads or case practices changed. */
  readonly reads: boolean;
}

/**
 * The one door to the user's progress: opens the review store over globalState, and is the only module
 * that reads or writes it. Reads (stateReads.ts) go through `ResolvedReviews` (core/review/resolved.ts),
 * so a card renamed through `aliases` shows its history everywhere, and writes go to the id that holds
 * that history. Notifies on change. It never throws at the UI: a store that cannot open falls back to
 * memory and says so.
 */
export class StateService extends StateReads implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StateChange>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private storeSubscription: { dispose(): void } | undefined;
  private journalWriter: JournalWriter | undefined;
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;
  /** The review journal beside globalState; undefined without a storage folder (tests). */
  readonly journal: JournalService | undefined;
  /** Where unreadable stored values are kept; undefined without a storage folder (then: the old globalState key). */
  readonly quarantine: QuarantineFiles | undefined;
  /** Settles once the journal has been compared with globalState after the latest open. */
  journalChecked: Promise<JournalCheck | undefined> = Promise.resolve(undefined);
  /** Keys the store uses, for tests that inspect or corrupt globalState. */
  static readonly keys = REVIEW_KEYS;
  /** The interview dates, in their own key beside the review state. */
  readonly interviews: InterviewKey;
  /** The latest due date a card's next review may get (the interview caps); set by the interview feature. */
  reviewCap: ((cardId: string, now: Date) => Date | undefined) | undefined;
  /** The desired retention overriding the setting (maintenance mode); set by the interview feature. */
  retentionOverride: (() => number | undefined) | undefined;

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync?(keys: readonly string[]): void },
    now: () => Date,
    /** `ExtensionContext.globalStorageUri`: the journal lives in its `journal` folder. */
    storage?: vscode.Uri,
  ) {
    super(now);
    this.journal = storage && new JournalService(vscode.Uri.joinPath(storage, 'journal'));
    this.quarantine = storage && new QuarantineFiles(vscode.Uri.joinPath(storage, 'quarantine'));
    this.interviews = new InterviewKey(memento, this.quarantine, now);
    this.disposables.push(this.interviews);
    memento.setKeysForSync?.([...REVIEW_SYNC_KEYS, INTERVIEW_KEY]);
    // Opened just after activation returns: reading and validating stored state is real work, and
    // nothing needs it before the first view renders or command runs (those await `ready`).
    this.ready = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.open());
    // Another window may have reviewed meanwhile: merge its writes when this window regains focus.
    this.disposables.push(
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) void this.refresh();
      }),
    );
  }

  /**
   * Re-reads everything from globalState, e.g. after a backup was restored into it. `replaced`: the
   * state was replaced on purpose, so the journal of the old state is moved aside and a new one starts
   * from the restored state (merging the old one back would undo the restore).
   */
  async reopen(options: { replaced?: boolean } = {}): Promise<void> {
    await this.ready;
    await this.journalChecked;
    this.storeSubscription?.dispose();
    await this.journalWriter?.close();
    if (options.replaced) await this.journal?.retire(this.now());
    this.store?.dispose();
    this.store = undefined;
    this.resolve();
    await this.open();
  }

  private async open(): Promise<void> {
    const writerId = newWriterId();
    this.journalWriter = this.journal?.writerFor(writerId, this.now());
    const store = await openReviewStore(this.memento, { now: this.now, writerId, journal: this.journalWriter, quarantine: this.quarantine });
    this.store = store;
    this.resolve();
    const sub = store.onDidChange((change) => {
      this.cache = {};
      const ids = change.cardIds.map((id) => this.questionIdOf(id));
      this.changed.fire({ cardIds: change.external && ids.length > 50 ? undefined : ids, reads: change.progress });
    });
    this.storeSubscription = sub;
    this.disposables.push({ dispose: () => sub.dispose() });
    this.changed.fire({ reads: true });
    // After `ready`: reading the journal is not on the way to the first view or rating.
    const journal = this.journal;
    const after = new Promise<void>((resolve) => setImmediate(resolve));
    if (this.quarantine) void after.then(() => adoptQuarantine(this.quarantine!, this.memento));
    if (journal && this.journalWriter) this.journalChecked = after.then(() => journal.check(store, this.now()));
  }

  /**
   * `stored()` with the full review log: globalState keeps only each card's newest reviews raw (the rest
   * is folded, core/review/fold.ts), so export and import plans read the journal too.
   */
  async storedWithJournal(): Promise<StoredState> {
    await this.ready;
    const journal = await this.journal?.read();
    return this.stored(journal);
  }

  async refresh(): Promise<void> {
    try {
      await this.store?.refresh(this.now());
    } catch (err) {
      log().error(`refreshing review state failed: ${err instanceof Error ? err.message : err}`);
    }
  }

  reloadScheduler(): void {
    if (this.store) this.store.scheduler = schedulerFromSettings(this.retentionOverride?.());
  }

  // ---- Writes: each waits for the store, and a card's goes to the id that holds its history -----

  private async opened(): Promise<ReviewStore> {
    await this.ready;
    if (!this.store) throw new Error('your saved progress is not open');
    return this.store;
  }

  /**
   * Rates a card (stored under whichever id holds its history); resolves once written. A typed `answer`
   * goes on the review's journal line and becomes the card's last answer (`lastAnswer`).
   */
  async recordReview(input: ReviewInput, answer?: string): Promise<void> {
    const store = await this.opened();
    const cardId = this.storageId(input.cardId);
    const typed = answer?.trim().slice(0, LAST_ANSWER_MAX);
    if (typed) this.journalWriter?.attachAnswer(cardId, input.now.getTime(), typed);
    const cap = input.cap ?? this.reviewCap?.(input.cardId, input.now);
    await store.recordReview({ ...input, cardId, cap });
    if (typed) await this.memento.update(LAST_ANSWERS_KEY, withLastAnswer(this.lastAnswers(), cardId, typed, input.now.getTime()));
  }

  private lastAnswers(): Map<string, LastAnswer> {
    return readLastAnswers(this.memento.get(LAST_ANSWERS_KEY));
  }

  /** The answer last typed for this card (under any of its ids), or undefined. */
  lastAnswer(cardId: string): LastAnswer | undefined {
    return this.lastAnswers().get(this.storageId(cardId));
  }

  async recordCasePractice(input: CasePracticeInput): Promise<CasePractice> {
    return (await this.opened()).recordCasePractice(input);
  }

  async setRead(id: string, complete: boolean): Promise<void> {
    const store = await this.opened();
    if (complete) await store.completeLesson(id, this.now());
    else for (const x of this.readIds(id)) if (store.lessons().has(x)) await store.uncompleteLesson(x, this.now());
  }

  async resetCards(ids: readonly string[]): Promise<void> {
    await (
      await this.opened()
    ).reset(
      ids.map((id) => this.storageId(id)),
      this.now(),
    );
  }

  async setSuspended(id: string, suspended: boolean): Promise<void> {
    const store = await this.opened();
    if (suspended) await store.suspend([this.storageId(id)], this.now());
    else await store.unsuspend([this.storageId(id)], this.now());
  }

  /** Keeps a card out of drills until 04:00 local time tomorrow (a day's reviews are usually done by then). */
  async buryUntilTomorrow(id: string): Promise<Date> {
    const store = await this.opened();
    const now = this.now();
    const until = new Date(now);
    until.setDate(until.getDate() + 1);
    until.setHours(4, 0, 0, 0);
    await store.bury([this.storageId(id)], until, now);
    return until;
  }

  /** Keeps cards out of drills until the given instants (a break's moves), one write per instant. */
  async buryUntil(moves: readonly { readonly cardId: string; readonly until: Date }[]): Promise<void> {
    const store = await this.opened();
    const byTime = new Map<number, string[]>();
    for (const m of moves) byTime.set(m.until.getTime(), [...(byTime.get(m.until.getTime()) ?? []), this.storageId(m.cardId)]);
    for (const [until, ids] of byTime) await store.bury(ids, new Date(until), this.now());
  }

  /**
   * Undoes the newest review. With `expectedCardId`, only when that review is of this card: a drill's U
   * must never take back a review made in another session or window.
   */
  async undoLast(expectedCardId?: string): Promise<string | undefined> {
    const store = await this.opened();
    if (expectedCardId !== undefined && store.peekUndo()?.cardId !== this.storageId(expectedCardId)) return undefined;
    const stored = (await store.undoLast(this.now()))?.cardId;
    return stored ? this.questionIdOf(stored) : undefined;
  }

  /** Applies an import plan made from `stored()` (see core/progress/importPlan.ts). */
  async applyImport(plan: ImportPlan): Promise<ImportTally> {
    return (await this.opened()).applyImport(plan, this.now());
  }

  /**
   * Makes every card with a schedule or a bury new again (history and suspensions stay) and marks every
   * completed lesson and case walkthrough incomplete. Case practices are history and stay.
   */
  async resetAll(): Promise<{ cards: number; reads: number }> {
    const store = await this.opened();
    const now = this.now();
    const cardIds = [...store.cards().entries()].filter(([, s]) => s.card || s.buriedUntil).map(([id]) => id);
    const reads = [...store.lessons().keys()];
    if (cardIds.length) await store.reset(cardIds, now);
    for (const id of reads) await store.uncompleteLesson(id, now);
    return { cards: cardIds.length, reads: reads.length };
  }

  /** What a drill reads and writes, through this service. */
  drillBackend(content: () => ContentIndex): DrillBackend {
    return drillBackend(content, {
      scheduler: () => this.store?.scheduler,
      card: (id) => this.card(id),
      cards: () => this.cards(),
      record: (input, answer) => this.recordReview(input, answer),
      undoLast: (expected) => this.undoLast(expected),
    });
  }

  dispose(): void {
    // A last merge, so a review another window overwrote in the same instant is written back.
    void this.refresh();
    this.store?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
