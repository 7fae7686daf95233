/**
 * The read side of ReviewStore (store.ts): its getters over the synced state, and its change listeners.
 * Everything here reads memory only; the store's write methods keep that memory and the memento in step.
 */
import { own } from './dict';
import { decodeLog } from './format';
import type { StoredHistory } from './fold';
import type { StoredCard } from './format';
import type { JournalState } from './journal';
import { mergeCard } from './merge';
import { shardOf } from './keys';
import type { SyncedState } from './storage';
import { casePracticeOf } from './storeParts';
import type { ReviewStoreChange } from './storeApi';
import { ms } from './storeApi';
import type { CardState, CasePractice, DisposableLike, ReviewEntry } from './types';

export abstract class StoreReads {
  protected readonly state: SyncedState;
  private readonly listeners = new Set<(change: ReviewStoreChange) => void>();

  /** `makeState` gets the function that notifies listeners, for changes merged in from other windows. */
  protected constructor(makeState: (emit: (change: ReviewStoreChange) => void) => SyncedState) {
    this.state = makeState((change) => this.emit(change));
  }

  /** Every card with stored state, by id; cards never touched are absent (new). A live view: do not mutate. */
  cards(): ReadonlyMap<string, CardState> {
    return this.state.index.states;
  }

  /** One card's state; undefined for a card never reviewed, suspended or buried (a new card). */
  card(cardId: string): CardState | undefined {
    return this.state.index.states.get(cardId);
  }

  /** The review log, oldest first: one card's, or everyone's. Decoded on each call. */
  reviews(cardId?: string): ReviewEntry[] {
    const shards = this.state.shards;
    if (cardId !== undefined) return (own(shards[shardOf(cardId)].c, cardId)?.[1] ?? []).map((e) => decodeLog(cardId, e));
    const all: ReviewEntry[] = [];
    for (const shard of shards) for (const [id, record] of Object.entries(shard.c)) for (const e of record[1]) all.push(decodeLog(id, e));
    return all.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /**
   * The full review log, oldest first: the journal's (journal.ts) merged with what globalState holds, so
   * reviews folded out of globalState (fold.ts) are there, and so is anything the journal missed. What
   * export and import plans read; never on the hot path.
   */
  reviewsWith(journal: Pick<JournalState, 'cards'>): ReviewEntry[] {
    const all: ReviewEntry[] = [];
    const push = (id: string, record: StoredCard) => {
      for (const e of record[1]) all.push(decodeLog(id, e));
    };
    for (const shard of this.state.shards)
      for (const id of Object.keys(shard.c)) {
        const theirs = journal.cards.get(id);
        push(id, theirs ? mergeCard(theirs, shard.c[id]) : shard.c[id]);
      }
    for (const [id, record] of journal.cards) if (!own(this.state.shards[shardOf(id)].c, id)) push(id, record);
    return all.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /** Cards whose first review was at or after `since`: pass the start of today for `newIntroducedToday`. */
  introducedSince(since: Date): number {
    const t = ms(since, 'since');
    const folds = this.state.history.c;
    let n = 0;
    for (const shard of this.state.shards)
      for (const id of Object.keys(shard.c)) {
        const first = own(folds, id)?.[1] ?? shard.c[id][1][0]?.[2];
        if (first !== undefined && first >= t) n++;
      }
    return n;
  }

  /**
   * Reviews folded out of the raw log into per-day aggregates (fold.ts): `reviews()` holds only the rest.
   * Progress reads both; export reads the journal for the full log. A live view: do not mutate.
   */
  history(): StoredHistory {
    return this.state.history;
  }

  /** Completed lessons and when they were completed. */
  lessons(): ReadonlyMap<string, Date> {
    return new Map(
      Object.entries(this.state.progress.l)
        .filter(([, v]) => v[1] === 1)
        .map(([id, v]) => [id, new Date(v[0])]),
    );
  }

  /** Lessons marked incomplete after being complete, and when: an import must not mark them again. */
  uncompletedLessons(): ReadonlyMap<string, Date> {
    return new Map(
      Object.entries(this.state.progress.l)
        .filter(([, v]) => v[1] === 0)
        .map(([id, v]) => [id, new Date(v[0])]),
    );
  }

  /** Case practices, oldest first. */
  casePractices(): CasePractice[] {
    return this.state.progress.p.map(casePracticeOf);
  }

  /** How many reviews the undo stack holds (at most 50). */
  get undoDepth(): number {
    return this.state.undo.u.length;
  }

  /** Every problem found since open, including any after the one `onProblem` call. */
  get problems(): readonly string[] {
    return this.state.problems;
  }

  /** Listens for changes, local and merged in from other windows; dispose to stop. */
  onDidChange(listener: (change: ReviewStoreChange) => void): DisposableLike {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Stops notifying listeners. */
  dispose(): void {
    this.listeners.clear();
  }

  protected emit(change: ReviewStoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
