/**
 * Review state seen by current content ids: the one place that follows `aliases`. A card renamed in
 * content (its old id listed under `aliases`) keeps its history under the old id in the store; every read
 * of a card's schedule, status, reviews or recall goes through here, so the Study Plan, Progress, drills
 * and the status bar all see that history under the new id.
 *
 *   stored id -> current id   `currentId`: the question whose id or alias it is (an id wins over an alias)
 *   current id -> stored id   `storageId`: its own id when that holds state, else the first alias that does
 *
 * When the content renames nothing, the store's own maps and lists are returned as they are (no copies).
 * Lessons and case walkthroughs follow their aliases the same way in `reads`. Case practices stay under
 * the case id they were recorded with: their missed-point ids embed it (selfReviewRubric.ts).
 */
import type { ContentCatalog } from '../content/catalog';
import type { CardState, ReviewEntry } from './types';

/** What this reads from the store (`ReviewStore` has all of it). */
export interface StoredReviews {
  card(cardId: string): CardState | undefined;
  cards(): ReadonlyMap<string, CardState>;
  reviews(cardId?: string): ReviewEntry[];
  lessons(): ReadonlyMap<string, Date>;
}

/** The store's review state under current content ids. Cheap to create; caches nothing itself. */
export class ResolvedReviews {
  private readonly renamesCards: boolean;
  private readonly renamesReads: boolean;

  constructor(
    private readonly store: StoredReviews,
    private readonly catalog: ContentCatalog | undefined,
  ) {
    this.renamesCards = !!catalog && catalog.renamed('question').length > 0;
    this.renamesReads = !!catalog && (catalog.renamed('lesson').length > 0 || catalog.renamed('case').length > 0);
  }

  /** The current question id for an id the store holds; the id itself when no question claims it. */
  currentId(storedId: string): string {
    return this.renamesCards ? this.catalog!.currentId('question', storedId) : storedId;
  }

  /** The id a card's state is stored under: its own id, or the alias that holds its history. */
  storageId(id: string): string {
    if (!this.renamesCards || this.store.card(id)) return id;
    const ids = this.catalog!.idsOf('question', this.catalog!.currentId('question', id));
    return ids.find((a) => this.store.card(a)) ?? id;
  }

  /** A card's state, found under whichever id holds it; undefined for a new card. */
  card(id: string): CardState | undefined {
    return this.store.card(this.storageId(id));
  }

  /**
   * Every card with stored state, by current id. When both a card's id and an alias hold state, the one
   * `storageId` picks is the card's (the same one the Study Plan shows).
   */
  cards(): ReadonlyMap<string, CardState> {
    const stored = this.store.cards();
    if (!this.renamesCards) return stored;
    const out = new Map<string, CardState>();
    for (const [id, state] of stored) {
      const current = this.currentId(id);
      if (current === id || this.storageId(current) === id) out.set(current, state);
    }
    return out;
  }

  /**
   * The review log, oldest first, each review under its card's current id (review ids stay as stored).
   * With `cardId`: that card's reviews under its id and every alias.
   */
  reviews(cardId?: string): ReviewEntry[] {
    if (!this.renamesCards) return this.store.reviews(cardId);
    if (cardId === undefined) return this.store.reviews().map((r) => this.withCurrentId(r));
    const current = this.currentId(cardId);
    const ids = this.catalog!.idsOf('question', current);
    if (ids.length === 1) return this.store.reviews(ids[0]).map((r) => this.withCurrentId(r));
    return ids
      .flatMap((id) => this.store.reviews(id))
      .map((r) => this.withCurrentId(r))
      .sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  private withCurrentId(r: ReviewEntry): ReviewEntry {
    const current = this.currentId(r.cardId);
    return current === r.cardId ? r : { ...r, cardId: current };
  }

  /** Completed lessons and case walkthroughs by current id, the latest completion when several ids hold one. */
  reads(): ReadonlyMap<string, Date> {
    if (!this.renamesReads) return this.store.lessons();
    const reads = new Map<string, Date>();
    for (const [id, at] of this.store.lessons()) {
      const current = this.readId(id);
      const prev = reads.get(current);
      if (!prev || prev < at) reads.set(current, at);
    }
    return reads;
  }

  /** The stored ids a read of this lesson or case may be under: its own, then its aliases. */
  readIds(id: string): readonly string[] {
    if (!this.catalog) return [id];
    const kind = this.catalog.has('lesson', id) ? 'lesson' : 'case';
    return this.catalog.idsOf(kind, id);
  }

  private readId(storedId: string): string {
    const c = this.catalog!;
    return c.resolve('lesson', storedId)?.id ?? c.resolve('case', storedId)?.id ?? storedId;
  }
}
