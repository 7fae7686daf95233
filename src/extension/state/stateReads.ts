import { catalogOf, type ContentCatalog } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import type { CardStatus } from '../../core/studyPlan/studyPlan';
import type { ImportCurrent } from '../../core/progress/importPlan';
import { cardStatus } from '../../core/progress/topics';
import { computeStreaks, type Activity } from '../../core/progress/streak';
import { readAndCaseXp } from '../../core/progress/xp';
import { ResolvedReviews } from '../../core/review/resolved';
import type { SessionMode } from '../../core/review/session';
import type { ReviewStore } from '../../core/review/store';
import type { CardState, CasePractice, ReviewEntry } from '../../core/review/types';
import { learnAheadMs } from '../config';
import { renamedHistory, type StoredHistory } from '../../core/review/fold';
import type { JournalState } from '../../core/review/journal';
import { DAY_MS, MINUTE_MS } from '../../core/time';
import { caseCardIds, sessionCardIds } from './sessions';

/** The stored state as it is, under the ids it is stored under: what an export, an import plan and a backup read. */
export type StoredState = ImportCurrent & { readonly readsUndone: ReadonlyMap<string, Date> };

/**
 * The read side of StateService: what the UI shows of the review store, under current content ids. Every
 * read of a card goes through `ResolvedReviews` (core/review/resolved.ts), the one place aliases are
 * followed. Derived maps are cached until the store or the content changes.
 */
export abstract class StateReads {
  protected store: ReviewStore | undefined;
  private catalog: ContentCatalog | undefined;
  private view: ResolvedReviews | undefined;
  protected cache: {
    reads?: ReadonlyMap<string, Date>;
    cards?: ReadonlyMap<string, CardState>;
    streak?: { day: string; value: number };
    history?: StoredHistory;
  } = {};
  /** `loopPrep.learnAheadMinutes` in ms, read once per change rather than once per card. */
  protected learnAhead = learnAheadMs();
  /** Today's allowance of new cards when a plan sets it (the interview plan's quota); the setting otherwise. */
  newQuota: (() => number | undefined) | undefined;

  constructor(readonly now: () => Date) {}

  /** Whether the store has opened (it stays open; a reopen swaps it at once). */
  get isOpen(): boolean {
    return this.store !== undefined;
  }

  /**
   * Tells the service about the content, so renamed items (old ids listed under `aliases`) keep the
   * history stored under their old ids: reads and new reviews go to whichever id holds state.
   */
  setContent(index: ContentIndex): void {
    this.catalog = catalogOf(index);
    this.resolve();
  }

  /** Re-reads the learn-ahead setting (call when `loopPrep.learnAheadMinutes` changes). */
  reloadLearnAhead(): void {
    this.learnAhead = learnAheadMs();
  }

  /** Rebuilds the alias view for the current store and content; drops every cached read. */
  protected resolve(): void {
    this.view = this.store && new ResolvedReviews(this.store, this.catalog);
    this.cache = {};
  }

  // ---- Reads, under current content ids -------------------------------------------------------

  /** The question id for a stored id: a renamed card's history stays under its alias. */
  questionIdOf(storedId: string): string {
    return this.view?.currentId(storedId) ?? storedId;
  }

  /** The id a card's state is stored under: its own id, or the alias that holds its history. */
  storageId(id: string): string {
    return this.view?.storageId(id) ?? id;
  }

  /** A card's state; undefined for a new card. */
  card(id: string): CardState | undefined {
    return this.view?.card(id);
  }

  /** Every card with stored state, by current id. Cached until the store or the content changes. */
  cards(): ReadonlyMap<string, CardState> {
    if (!this.view) return new Map();
    return (this.cache.cards ??= this.view.cards());
  }

  /** The review log, oldest first, under current card ids; with `cardId`, that card's (aliases included). */
  reviews(cardId?: string): ReviewEntry[] {
    return this.view?.reviews(cardId) ?? [];
  }

  /** Case practices, oldest first, under the case ids they were recorded with. */
  casePractices(): CasePractice[] {
    return this.store?.casePractices() ?? [];
  }

  /** Completed lessons and case walkthroughs by current id. Cached until the store or the content changes. */
  reads(): ReadonlyMap<string, Date> {
    if (!this.view) return new Map();
    return (this.cache.reads ??= this.view.reads());
  }

  isRead(id: string): boolean {
    return this.reads().has(id);
  }

  /**
   * A card's status as the Study Plan, the status bar and the Progress view show it: one rule in core
   * (`cardStatus`), where a card in learning steps due within the learn-ahead window is already due.
   */
  statusOf(id: string, now = this.now()): CardStatus {
    return cardStatus(this.card(id), now, this.learnAhead);
  }

  /** Cards due now, learn-ahead included: the status bar's and the "Due now" pick's count. */
  dueCount(index: ContentIndex, now = this.now()): number {
    let n = 0;
    for (const q of index.questions) if (this.statusOf(q.id, now) === 'due') n++;
    return n;
  }

  /**
   * The stored state under its stored ids, for export and import plans (which must round trip). With the
   * journal, the full review log (folded reviews included); without, globalState's raw reviews only.
   */
  stored(journal?: Pick<JournalState, 'cards'>): StoredState {
    const s = this.store;
    return {
      reviews: (journal ? s?.reviewsWith(journal) : s?.reviews()) ?? [],
      cards: s?.cards() ?? new Map(),
      reads: s?.lessons() ?? new Map(),
      readsUndone: s?.uncompletedLessons() ?? new Map(),
      casePractices: s?.casePractices() ?? [],
    };
  }

  /**
   * Reviews folded out of the raw log (core/review/fold.ts), with card ids under current content ids like
   * `reviews()`. Cached until the store or the content changes.
   */
  history(): StoredHistory | undefined {
    const s = this.store;
    if (!s) return undefined;
    return (this.cache.history ??= renamedHistory(s.history(), (id) => this.questionIdOf(id)));
  }

  /** Activities for streaks, each with the UTC offset the local time zone had at that instant. */
  activities(): Activity[] {
    if (!this.store) return [];
    const at = (d: Date): Activity => ({ at: d.getTime(), offsetMinutes: -d.getTimezoneOffset() });
    return [
      ...this.store.history().d.map(([day, offsetMinutes]): Activity => ({ at: day * DAY_MS - offsetMinutes * MINUTE_MS, offsetMinutes })),
      ...this.store.reviews().map((r) => at(r.reviewedAt)),
      ...[...this.store.lessons().values()].map(at),
      ...this.store.casePractices().map((p) => at(p.practicedAt)),
    ];
  }

  currentStreak(): number {
    const now = this.now();
    const day = now.toDateString();
    if (this.cache.streak?.day !== day)
      this.cache.streak = { day, value: computeStreaks(this.activities(), { at: now.getTime(), offsetMinutes: -now.getTimezoneOffset() }).current };
    return this.cache.streak.value;
  }

  totalXp(index: ContentIndex): number {
    if (!this.store) return 0;
    const reviews = this.store.reviews().reduce((s, r) => s + (r.xp ?? 0), 0) + this.store.history().d.reduce((s, d) => s + d[3], 0);
    const { reads, casePractices } = readAndCaseXp(index, this.reads().keys(), this.store.casePractices());
    return reviews + reads + casePractices;
  }

  /** The card ids of a drill session for a mode, following the role's priorities and the settings. */
  sessionCardIds(index: ContentIndex, mode: SessionMode, now = this.now()): string[] {
    const store = this.store;
    const reads = {
      cards: this.cards(),
      introducedSince: (d: Date) => store?.introducedSince(d) ?? 0,
      learnAheadMs: this.learnAhead,
      newCardsPerDay: this.newQuota?.(),
    };
    return sessionCardIds(index, reads, mode, now);
  }

  /** The cards of a case study: the rubric points missed in its practices first, then its topics' questions. */
  caseCardIds(index: ContentIndex, caseId: string): string[] {
    return caseCardIds(index, caseId);
  }

  /** The stored ids a read of this lesson or case may be under: its own, then its aliases. */
  protected readIds(id: string): readonly string[] {
    return this.view?.readIds(id) ?? [id];
  }
}
