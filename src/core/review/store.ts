/**
 * ReviewStore: the review state of one window, over a narrow memento (globalState in the extension,
 * MemoryMemento in tests). Every change is written when it is made; nothing waits in memory for a flush,
 * so closing a panel mid-session loses nothing. Time is always passed in.
 *
 * Two windows share globalState but not memory. Before writing a key the store compares its stamp
 * (revision and writer id) with the one it last read or wrote; if another window wrote in between, it
 * merges (merge.ts) and writes the merged value. A write can still be overwritten by a window that read
 * before it landed; the review then lives on in this store's memory and goes back on its next write or
 * `refresh`. The extension calls `refresh` when a window gains focus and before it closes.
 */
import { applyCardImport, applyProgressImport, emptyImportTally, type ImportTally } from '../progress/importApply';
import type { ImportPlan } from '../progress/importPlan';
import { own, withEntry } from './dict';
import { decodeLog, decodeSched, encodeLog, encodeSched, reviewId } from './format';
import type { CardParts, StoredCase, StoredUndo } from './format';
import { REVIEW_HISTORY_KEY, REVIEW_ROOT_KEY, REVIEW_SHARD_KEYS, REVIEW_UNDO_KEY } from './keys';
import { loadState } from './load';
import type { Loaded } from './load';
import { UNDO_DEPTH, byTimeThenId, rememberUndone } from './merge';
import { rootMarker } from './migrateV1';
import { createScheduler } from './scheduler';
import type { Scheduler } from './scheduler';
import { SyncedState } from './storage';
import { cardLine } from './journal';
import type { JournalState } from './journal';
import { absorbJournal, foldState, missingFromJournal } from './reconcile';
import type { Restored } from './reconcile';
import type { JournalSink } from './journalWriter';
import { casePracticeOf, nextCaseId, nextReviewLocalId } from './storeParts';
import { isRating } from './types';
import type { CasePractice, MementoLike, ReviewCard, ReviewEntry, StoreProblem } from './types';
import { newFindings } from './validate';
import { WRITER_ID, allWritten, checkIds, ms } from './storeApi';
import { StoreWrites } from './storeWrites';
import type { CasePracticeInput, OpenOptions, QuarantineSink, ReconcileOptions, RecordedReview, ReviewInput, UndoneReview } from './storeApi';

/** One window's review state. Create with `ReviewStore.open`; see the file comment for the two-window rules. */
export class ReviewStore extends StoreWrites {
  /** The scheduler used by `recordReview`; replace it when the retention setting changes. */
  scheduler: Scheduler;
  private readonly seq = { value: 0 };

  private constructor(
    memento: MementoLike,
    readonly writerId: string,
    scheduler: Scheduler,
    loaded: Loaded,
    onProblem: ((problem: StoreProblem) => void) | undefined,
    journal: JournalSink | undefined,
    quarantine: QuarantineSink | undefined,
  ) {
    super(
      (emit) => new SyncedState(memento, writerId, loaded, (cardIds, progress) => emit({ cardIds, progress, external: true }), onProblem, quarantine),
      journal,
    );
    this.scheduler = scheduler;
    this.state.archive = (entries) => {
      if (journal) void journal.append(entries.map(([id, e]) => cardLine('b', e[2], id, [0, [e]])));
    };
  }

  /** Opens the state in `memento`: migrates, validates, quarantines and reports; never throws on bad data. */
  static async open(memento: MementoLike, options: OpenOptions): Promise<ReviewStore> {
    const at = ms(options.now, 'now');
    const writer = options.writerId ?? (Math.random().toString(36).slice(2) + '0000').slice(0, 4);
    if (!WRITER_ID.test(writer)) throw new RangeError('writerId must be four lowercase letters or digits');
    const findings = newFindings(at);
    const loaded = loadState(memento, writer, findings);
    const store = new ReviewStore(memento, writer, options.scheduler ?? createScheduler(), loaded, options.onProblem, options.journal, options.quarantine);
    const writes: PromiseLike<void>[] = [];
    // Entries a stale window wrote back under a fold: to the journal before the clean shard replaces them.
    if (loaded.dropped.length) store.state.archive(loaded.dropped);
    store.state.settle(findings, writes);
    for (const key of loaded.clear) writes.push(memento.update(key, undefined));
    for (const key of loaded.rewrite) writes.push(key === REVIEW_ROOT_KEY ? memento.update(key, rootMarker()) : store.state.put(key));
    await allWritten(writes);
    return store;
  }

  /** Schedules a rating, appends it to the log, pushes the undo stack and writes; resolves once written. */
  async recordReview(input: ReviewInput): Promise<RecordedReview> {
    const now = ms(input.now, 'now');
    checkIds([input.cardId]);
    if (!isRating(input.rating)) throw new RangeError(`rating must be 1-4, not ${String(input.rating)}`);
    if (!(input.durationMs >= 0 && Number.isFinite(input.durationMs))) throw new RangeError('durationMs must be a non-negative number');
    if (input.xp !== undefined && !Number.isFinite(input.xp)) throw new RangeError('xp must be a finite number');
    const id = input.cardId;
    const writes: PromiseLike<void>[] = [];
    this.state.syncUndo(newFindings(now));
    let previous: ReviewCard | undefined;
    let entry: ReviewEntry | undefined;
    this.changeCards(
      [id],
      now,
      writes,
      (parts) => {
        previous = decodeSched(parts.sched);
        const { card } = this.scheduler.rate(previous, input.rating, input.now, input.cap);
        const localId = nextReviewLocalId(this.writerId, parts, own(this.state.history.c, id)?.[0] ?? 0);
        const logged = encodeLog(localId, input.rating, now, input.durationMs, input.correct, input.xp);
        entry = decodeLog(id, logged);
        const undo: StoredUndo = [reviewId(id, localId), id, now, parts.sched, parts.schedAt];
        this.state.undo = { ...this.state.undo, u: [...this.state.undo.u, undo].slice(-UNDO_DEPTH) };
        const log = [...parts.log, logged].sort(byTimeThenId);
        return { ...parts, sched: encodeSched(card), schedAt: Math.max(now, parts.schedAt + 1), log };
      },
      'r',
    );
    writes.push(this.state.put(REVIEW_UNDO_KEY));
    const result: RecordedReview = { entry: entry!, state: this.card(id)!, previous };
    await allWritten(writes);
    return result;
  }

  /** The review `undoLast` would take back first, without changing anything. */
  peekUndo(): { readonly reviewId: string; readonly cardId: string } | undefined {
    const top = this.state.undo.u[this.state.undo.u.length - 1];
    return top ? { reviewId: top[0], cardId: top[1] } : undefined;
  }

  /**
   * Takes back the newest review that can still be undone: restores the card's state from before it and
   * removes it from the log (a tombstone keeps merges from bringing it back). Entries whose card changed
   * since (reset, or reviewed again in another window) are skipped. Undefined when nothing is left.
   */
  async undoLast(now: Date): Promise<UndoneReview | undefined> {
    const t = ms(now, 'now');
    const writes: PromiseLike<void>[] = [];
    this.state.syncUndo(newFindings(t));
    let result: UndoneReview | undefined;
    const undone: [string, number][] = [];
    while (!result && this.state.undo.u.length) {
      const [rid, cardId, reviewedAt, previous] = this.state.undo.u[this.state.undo.u.length - 1];
      this.state.undo = { ...this.state.undo, u: this.state.undo.u.slice(0, -1) };
      undone.push([rid, t]);
      const localId = rid.slice(cardId.length + 1);
      let applied = false;
      this.changeCards(
        [cardId],
        t,
        writes,
        (parts) => {
          if (parts.sched === 0 || parts.sched[8] !== reviewedAt || !parts.log.some((e) => e[0] === localId)) return undefined;
          applied = true;
          const log = parts.log.filter((e) => e[0] !== localId);
          return { ...parts, sched: previous, schedAt: Math.max(t, parts.schedAt + 1), log, undone: [...parts.undone, localId] };
        },
        'u',
      );
      if (applied) result = { reviewId: rid, cardId, state: this.card(cardId)! };
    }
    this.state.undo = { ...this.state.undo, x: rememberUndone(this.state.undo.x, undone) };
    writes.push(this.state.put(REVIEW_UNDO_KEY));
    await allWritten(writes);
    return result;
  }

  /** Keeps cards out of sessions until unsuspended. */
  async suspend(cardIds: readonly string[], now: Date): Promise<void> {
    return this.setFlags(cardIds, now, (f) => [1, f[1]]);
  }

  async unsuspend(cardIds: readonly string[], now: Date): Promise<void> {
    return this.setFlags(cardIds, now, (f) => [0, f[1]]);
  }

  /** Keeps cards out of sessions while `now` is before `until`; bury until `now` to unbury. */
  async bury(cardIds: readonly string[], until: Date, now: Date): Promise<void> {
    const u = ms(until, 'until');
    return this.setFlags(cardIds, now, (f) => [f[0], u]);
  }

  /**
   * Makes cards new again: clears their scheduling and any bury. Their review log stays (it is history,
   * and stats count it), and so does a suspension. Older undo entries for them are skipped from now on.
   */
  async reset(cardIds: readonly string[], now: Date): Promise<void> {
    const t = ms(now, 'now');
    return this.setFlags(
      cardIds,
      now,
      (f) => [f[0], 0],
      (parts) => ({ ...parts, sched: 0, schedAt: Math.max(t, parts.schedAt + 1) }),
    );
  }

  async completeLesson(lessonId: string, now: Date): Promise<void> {
    return this.setLesson(lessonId, now, 1);
  }

  async uncompleteLesson(lessonId: string, now: Date): Promise<void> {
    return this.setLesson(lessonId, now, 0);
  }

  /** Stores a scored case attempt; resolves to it once written. */
  async recordCasePractice(input: CasePracticeInput): Promise<CasePractice> {
    const t = ms(input.now, 'now');
    checkIds([input.caseId]);
    if (!(input.maxScore >= 0 && input.score >= 0 && input.score <= input.maxScore)) throw new RangeError('score must be between 0 and maxScore');
    if (input.missed.some((m) => typeof m !== 'string' || m.length === 0 || m.length > 200))
      throw new RangeError('missed rubric point ids must be non-empty strings');
    let stored: StoredCase | undefined;
    await this.changeProgress(t, (p) => {
      const id = nextCaseId(this.writerId, this.seq, new Set(p.p.map((c) => c[0])));
      stored = [id, input.caseId, t, input.score, input.maxScore, [...input.missed]];
      return { ...p, p: [...p.p, stored] };
    });
    return casePracticeOf(stored!);
  }

  /**
   * Merges whatever other windows wrote since this store last looked, and writes back anything this
   * store holds that the stored values lack. Resolves to true when something came in.
   */
  async refresh(now: Date): Promise<boolean> {
    const findings = newFindings(ms(now, 'now'));
    const writes: PromiseLike<void>[] = [];
    const changed = this.state.syncAll(findings, writes);
    this.state.settle(findings, writes);
    await allWritten(writes);
    return changed;
  }

  /**
   * Compares the state with the journal's (journal.ts) and completes both: what globalState lost comes
   * back from the journal and is written, and what only globalState holds is appended to the journal as
   * base lines. With `fold`, then folds what the journal holds (fold.ts), so a rebuild comes out compact.
   * Safe to repeat and to run in two windows at once. Resolves to what came back.
   */
  async reconcileJournal(journal: JournalState, now: Date, options: ReconcileOptions = {}): Promise<Restored> {
    const t = ms(now, 'now');
    const findings = newFindings(t);
    const writes: PromiseLike<void>[] = [];
    const restored = absorbJournal(this.state, journal, this.writerId, findings, writes);
    const base = missingFromJournal(this.state.shards, this.state.progress, journal, t);
    if (base.length && this.journal) writes.push(this.journal.append(base));
    const folded =
      options.fold &&
      foldState(this.state, journal, { offsetAt: options.offsetAt ?? (() => 0), id: `${this.writerId}${t.toString(36)}`, writer: this.writerId });
    if (folded) {
      writes.push(this.state.put(REVIEW_HISTORY_KEY));
      for (const i of folded.changed) writes.push(this.state.put(REVIEW_SHARD_KEYS[i]));
    }
    this.state.settle(findings, writes);
    if (restored.cardIds.length || restored.progress) this.emit({ cardIds: restored.cardIds, progress: restored.progress, external: true });
    await allWritten(writes);
    return restored;
  }

  private setFlags(
    cardIds: readonly string[],
    now: Date,
    flags: (old: [0 | 1, number]) => [0 | 1, number],
    more?: (parts: CardParts) => CardParts,
  ): Promise<void> {
    const t = ms(now, 'now');
    checkIds(cardIds);
    const writes: PromiseLike<void>[] = [];
    this.changeCards(
      cardIds,
      t,
      writes,
      (parts) => {
        const old = parts.flags === 0 ? ([0, 0, 0] as const) : parts.flags;
        const [suspended, buried] = flags([old[0], old[1]]);
        const next: CardParts = { ...parts, flags: [suspended, buried, Math.max(t, old[2] + 1)] };
        return more ? more(next) : next;
      },
      's',
    );
    return allWritten(writes);
  }

  private setLesson(lessonId: string, now: Date, done: 0 | 1): Promise<void> {
    const t = ms(now, 'now');
    checkIds([lessonId]);
    return this.changeProgress(t, (p) => ({ ...p, l: withEntry(p.l, lessonId, [Math.max(t, (own(p.l, lessonId)?.[0] ?? -1) + 1), done]) }));
  }

  /**
   * Applies an import plan (see core/progress/importPlan.ts). The merge rules are checked again against the
   * state at apply time, so a plan applied after another window wrote never overwrites newer local history,
   * and applying the same plan twice changes nothing. Returns what was actually applied.
   */
  async applyImport(plan: ImportPlan, now: Date): Promise<ImportTally> {
    const t = ms(now, 'now');
    checkIds([...plan.cards.map((c) => c.cardId), ...plan.reads.map((r) => r.id), ...plan.casePractices.map((p) => p.caseId)]);
    const tally = emptyImportTally();
    const byId = new Map(plan.cards.map((c) => [c.cardId, c]));
    const writes: PromiseLike<void>[] = [];
    this.changeCards([...byId.keys()], t, writes, (parts, id) => applyCardImport(parts, byId.get(id)!, t, tally), 'i');
    if (plan.reads.length || plan.casePractices.length) writes.push(this.changeProgress(t, (p) => applyProgressImport(p, plan, tally)));
    await allWritten(writes);
    return tally;
  }
}
