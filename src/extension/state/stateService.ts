import * as vscode from 'vscode';
import type { ContentIndex } from '../../core/content/types';
import type { CardStatus } from '../../core/studyPlan/studyPlan';
import { cardStatus } from '../../core/progress/topics';
import { computeStreaks, type Activity } from '../../core/progress/streak';
import { readAndCaseXp } from '../../core/progress/xp';
import { REVIEW_KEYS, REVIEW_SYNC_KEYS } from '../../core/review/keys';
import { createScheduler } from '../../core/review/scheduler';
import { buildSession, priorityFromRole, type SessionMode } from '../../core/review/session';
import { ReviewStore } from '../../core/review/store';
import { MemoryMemento } from '../../core/review/memoryMemento';
import type { CardState, StoreProblem } from '../../core/review/types';
import type { JournalWriter } from '../../core/review/journalWriter';
import { desiredRetention, learnAheadMs, newCardsPerDay, roleSetting, sessionSize } from '../config';
import type { DrillBackend } from '../../core/drill/controller';
import { Commands } from '../commands';
import { log } from '../log';
import { JournalService } from './journalService';
import { QuarantineFiles } from './quarantineFiles';
import type { JournalCheck } from './journalService';


export interface StateChange {
  /** The cards that changed; undefined when too many changed to name (another window's writes). */
  readonly cardIds?: readonly string[];
  /** Lessons, case reads or case practices changed. */
  readonly reads: boolean;
}

/**
 * The extension's view of the user's progress: opens the review store over globalState, turns store
 * state into what the UI shows (card status, due counts, streaks, XP) and notifies on change. It never
 * throws at the UI: a store that cannot open falls back to memory and says so.
 */
export class StateService implements vscode.Disposable {
  private store: ReviewStore | undefined;
  private readonly changed = new vscode.EventEmitter<StateChange>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readCache: ReadonlyMap<string, Date> | undefined;
  private streakCache: { day: string; value: number } | undefined;
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;
  /** The review journal beside globalState; undefined without a storage folder (tests). */
  readonly journal: JournalService | undefined;
  private journalWriter: JournalWriter | undefined;
  /** Where unreadable stored values are kept; undefined without a storage folder (then: the old globalState key). */
  readonly quarantine: QuarantineFiles | undefined;
  /** Settles once the journal has been compared with globalState after the latest open. */
  journalChecked: Promise<JournalCheck | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync?(keys: readonly string[]): void },
    private readonly now: () => Date,
    /** `ExtensionContext.globalStorageUri`: the journal lives in its `journal` folder. */
    storage?: vscode.Uri,
  ) {
    this.journal = storage && new JournalService(vscode.Uri.joinPath(storage, 'journal'));
    this.quarantine = storage && new QuarantineFiles(vscode.Uri.joinPath(storage, 'quarantine'));
    memento.setKeysForSync?.(REVIEW_SYNC_KEYS);
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
    this.readCache = undefined;
    this.streakCache = undefined;
    await this.open();
  }

  private storeSubscription: { dispose(): void } | undefined;

  private async open(): Promise<void> {
    const onProblem = (p: StoreProblem) => this.reportProblem(p);
    const now = this.now();
    const writerId = (Math.random().toString(36).slice(2) + '0000').slice(0, 4);
    this.journalWriter = this.journal?.writerFor(writerId, now);
    try {
      this.store = await ReviewStore.open(this.memento, { now, writerId, scheduler: createScheduler({ desiredRetention: desiredRetention() }), onProblem, journal: this.journalWriter, quarantine: this.quarantine });
    } catch (err) {
      log().error(`could not open review state: ${err instanceof Error ? err.stack : err}`);
      void vscode.window.showErrorMessage('Loop Prep could not open your saved progress, so reviews in this window will not be saved. Details are in "Loop Prep: Show Log".');
      this.store = await ReviewStore.open(new MemoryMemento(), { now: this.now(), onProblem, journal: this.journalWriter });
    }
    const store = this.store;
    const sub = store.onDidChange((change) => {
      this.readCache = undefined;
      this.streakCache = undefined;
      const ids = change.cardIds.map((id) => this.questionIdOf(id));
      this.changed.fire({ cardIds: change.external && ids.length > 50 ? undefined : ids, reads: change.progress });
    });
    this.storeSubscription = sub;
    this.disposables.push({ dispose: () => sub.dispose() });
    this.changed.fire({ reads: true });
    // After `ready`: reading the journal is not on the way to the first view or rating.
    const journal = this.journal;
    const after = new Promise<void>((resolve) => setImmediate(resolve));
    if (this.quarantine) void after.then(() => this.adoptQuarantine(this.quarantine!));
    if (journal && this.journalWriter) this.journalChecked = after.then(() => journal.check(store, this.now()));
  }

  /** Moves a quarantine still under the old globalState key to its file, off the path of any rating. */
  private async adoptQuarantine(quarantine: QuarantineFiles): Promise<void> {
    try {
      const moved = await quarantine.adoptFrom(this.memento);
      if (moved) log().info(`moved ${moved} quarantined values from globalState to ${quarantine.where}`);
    } catch (err) {
      log().error(`could not move the quarantine out of globalState: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private reportProblem(p: StoreProblem): void {
    const what = p.kind === 'future-version' ? 'was written by a newer version of Loop Prep' : 'was partly unreadable';
    log().warn(`saved progress ${what}; the unreadable part is kept in ${p.quarantineKey}:\n${p.details}`);
    void vscode.window.showWarningMessage(`Loop Prep: your saved progress ${what}. Everything readable was kept, and the rest is saved aside, not deleted.`, 'Show Details', 'Show Quarantined Data').then((choice) => {
      if (choice === 'Show Details') log().show(true);
      if (choice === 'Show Quarantined Data') void vscode.commands.executeCommand(Commands.showQuarantine);
    });
  }

  /** Keys the store uses, for tests that inspect or corrupt globalState. */
  static readonly keys = REVIEW_KEYS;

  get reviewStore(): ReviewStore | undefined {
    return this.store;
  }

  async refresh(): Promise<void> {
    try {
      await this.store?.refresh(this.now());
    } catch (err) {
      log().error(`refreshing review state failed: ${err instanceof Error ? err.message : err}`);
    }
  }

  reloadScheduler(): void {
    if (this.store) this.store.scheduler = createScheduler({ desiredRetention: desiredRetention() });
  }

  /** Question id -> its aliases (earlier ids), from the content index. */
  private aliases = new Map<string, readonly string[]>();

  /**
   * Tells the service about renamed cards. A card renamed in content (old id listed under `aliases`)
   * keeps the history stored under the old id: reads and new reviews go to whichever id holds state.
   */
  setContent(index: ContentIndex): void {
    this.aliases = new Map(index.questions.filter((q) => q.aliases.length).map((q) => [q.id, q.aliases]));
    this.readAliases = new Map([...index.lessons, ...index.cases].filter((x) => x.aliases.length).map((x) => [x.id, x.aliases]));
    this.readCache = undefined;
  }

  /** Lesson or case id -> its aliases: a renamed lesson stays complete. */
  private readAliases = new Map<string, readonly string[]>();

  /**
   * Completed lessons and case walkthroughs by their current id: a read stored under an alias (the item
   * was renamed) counts for the item that now holds that alias. Cached until the store changes.
   */
  reads(): ReadonlyMap<string, Date> {
    if (!this.store) return new Map();
    if (!this.readCache) {
      const owner = new Map<string, string>();
      for (const [id, aliases] of this.readAliases) for (const a of aliases) owner.set(a, id);
      const reads = new Map<string, Date>();
      for (const [stored, at] of this.store.lessons()) {
        const id = owner.get(stored) ?? stored;
        const prev = reads.get(id);
        if (!prev || prev < at) reads.set(id, at);
      }
      this.readCache = reads;
    }
    return this.readCache;
  }

  /** The ids a read may be stored under: its own, then its aliases. */
  private readIds(id: string): readonly string[] {
    return [id, ...(this.readAliases.get(id) ?? [])];
  }

  /** The question id for a stored id: a renamed card's history stays under its alias. */
  questionIdOf(storedId: string): string {
    for (const [id, aliases] of this.aliases) if (aliases.includes(storedId)) return id;
    return storedId;
  }

  /** The id a card's state is stored under: its own id, or the alias that holds its history. */
  storageId(id: string): string {
    if (!this.store || this.store.card(id)) return id;
    return this.aliases.get(id)?.find((a) => this.store!.card(a)) ?? id;
  }

  private cardState(id: string): CardState | undefined {
    return this.store?.card(this.storageId(id));
  }

  /**
   * A card's status as the Study Plan, the status bar and the Progress view show it: one rule in core
   * (`cardStatus`), where a card in learning steps due within the learn-ahead window is already due.
   */
  statusOf(id: string, now = this.now()): CardStatus {
    return cardStatus(this.cardState(id), now, this.learnAhead);
  }

  /** `loopPrep.learnAheadMinutes` in ms, read once per change rather than once per card. */
  private learnAhead = learnAheadMs();

  /** Re-reads the learn-ahead setting (call when `loopPrep.learnAheadMinutes` changes). */
  reloadLearnAhead(): void {
    this.learnAhead = learnAheadMs();
  }

  /** Cards due now, learn-ahead included: the status bar's and the "Due now" pick's count. */
  dueCount(index: ContentIndex, now = this.now()): number {
    let n = 0;
    for (const q of index.questions) if (this.statusOf(q.id, now) === 'due') n++;
    return n;
  }

  isRead(id: string): boolean {
    if (!this.store) return false;
    return this.reads().has(id);
  }

  async setRead(id: string, complete: boolean): Promise<void> {
    await this.ready;
    if (complete) await this.store!.completeLesson(id, this.now());
    else for (const x of this.readIds(id)) if (this.store!.lessons().has(x)) await this.store!.uncompleteLesson(x, this.now());
  }

  async resetCards(ids: readonly string[]): Promise<void> {
    await this.ready;
    await this.store!.reset(ids.map((id) => this.storageId(id)), this.now());
  }

  async setSuspended(id: string, suspended: boolean): Promise<void> {
    await this.ready;
    if (suspended) await this.store!.suspend([this.storageId(id)], this.now());
    else await this.store!.unsuspend([this.storageId(id)], this.now());
  }

  /** Keeps a card out of drills until 04:00 local time tomorrow (a day's reviews are usually done by then). */
  async buryUntilTomorrow(id: string): Promise<Date> {
    await this.ready;
    const now = this.now();
    const until = new Date(now);
    until.setDate(until.getDate() + 1);
    until.setHours(4, 0, 0, 0);
    await this.store!.bury([this.storageId(id)], until, now);
    return until;
  }

  /**
   * Undoes the newest review. With `expectedCardId`, only when that review is of this card: a drill's U
   * must never take back a review made in another session or window.
   */
  async undoLast(expectedCardId?: string): Promise<string | undefined> {
    await this.ready;
    if (expectedCardId !== undefined && this.store!.peekUndo()?.cardId !== this.storageId(expectedCardId)) return undefined;
    const stored = (await this.store!.undoLast(this.now()))?.cardId;
    return stored ? this.questionIdOf(stored) : undefined;
  }

  /** Activities for streaks, each with the UTC offset the local time zone had at that instant. */
  activities(): Activity[] {
    if (!this.store) return [];
    const at = (d: Date): Activity => ({ at: d.getTime(), offsetMinutes: -d.getTimezoneOffset() });
    return [...this.store.reviews().map((r) => at(r.reviewedAt)), ...[...this.store.lessons().values()].map(at), ...this.store.casePractices().map((p) => at(p.practicedAt))];
  }

  currentStreak(): number {
    const now = this.now();
    const day = now.toDateString();
    if (this.streakCache?.day !== day) this.streakCache = { day, value: computeStreaks(this.activities(), { at: now.getTime(), offsetMinutes: -now.getTimezoneOffset() }).current };
    return this.streakCache.value;
  }

  totalXp(index: ContentIndex): number {
    if (!this.store) return 0;
    const reviews = this.store.reviews().reduce((s, r) => s + (r.xp ?? 0), 0);
    const { reads, casePractices } = readAndCaseXp(index, this.reads().keys(), this.store.casePractices());
    return reviews + reads + casePractices;
  }

  /** The card ids of a drill session for a mode, following the role's priorities and the settings. */
  sessionCardIds(index: ContentIndex, mode: SessionMode, now = this.now()): string[] {
    const role = index.roles.find((r) => r.id === roleSetting());
    const startOfDay = new Date(now);
    startOfDay.setHours(0, 0, 0, 0);
    const stored = this.store?.cards() ?? new Map<string, CardState>();
    // Renamed cards: look their history up under the alias that holds it.
    const cards = this.aliases.size ? new Map([...stored, ...[...this.aliases.keys()].flatMap((id) => {
      const s = this.cardState(id);
      return s && !stored.has(id) ? [[id, s] as const] : [];
    })]) : stored;
    const session = buildSession({
      questions: index.questions,
      cards,
      now,
      // The same order the Study Plan shows: the role's core, supporting, then skip topics; by title without a role.
      priority: role ? priorityFromRole(role) : { order: [...index.topics].sort((a, b) => a.title.localeCompare(b.title)).map((t) => t.id) },
      newCardsPerDay: newCardsPerDay(),
      newIntroducedToday: this.store?.introducedSince(startOfDay) ?? 0,
      sessionSize: sessionSize(),
      mode,
      learnAheadMs: this.learnAhead,
    });
    return session.items.map((i) => i.id);
  }

  /** The cards of a case study: the rubric points missed in its practices first, then its topics' questions. */
  caseCardIds(index: ContentIndex, caseId: string): string[] {
    const c = index.cases.find((x) => x.id === caseId);
    if (!c) return [];
    const topics = new Set(c.topics);
    const rubric = index.questions.filter((q) => q.caseId === caseId).map((q) => q.id);
    const seen = new Set(rubric);
    return [...rubric, ...index.questions.filter((q) => topics.has(q.topic) && !seen.has(q.id)).map((q) => q.id)];
  }

  drillBackend(content: () => ContentIndex): DrillBackend {
    return {
      content,
      preview: (cardId, now) => (this.store ?? { scheduler: createScheduler() }).scheduler.preview(this.cardState(cardId)?.card, now),
      record: async (r) => {
        await this.ready;
        await this.store!.recordReview({ cardId: this.storageId(r.cardId), rating: r.rating, now: r.at, durationMs: r.durationMs, correct: r.correct, xp: r.xp });
      },
      undoLast: (expectedCardId) => this.undoLast(expectedCardId),
      card: (cardId) => this.cardState(cardId)?.card,
      nextDue: (now) => {
        let best: Date | undefined;
        for (const s of this.store?.cards().values() ?? []) {
          if (!s.card || s.suspended) continue;
          if (s.card.due.getTime() > now.getTime() && (!best || s.card.due < best)) best = s.card.due;
        }
        return best;
      },
    };
  }

  dispose(): void {
    // A last merge, so a review another window overwrote in the same instant is written back.
    void this.refresh();
    this.store?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
