/**
 * The dry run of an import: what a parsed file would add to the current state and what conflicts with it,
 * as a summary to show before anything is written, plus the changes themselves for `ReviewStore` to
 * apply (importApply.ts). The merge rules, which never discard newer local history:
 *   reviews         merged by review id: an id the store lacks is added; the same id with the same content
 *                   is already there; the same id with different content is a conflict and the local
 *                   review is kept
 *   card states     for each card, the state whose last review is newer wins, where a side's last review
 *                   is the later of its state's lastReview and its newest review of the card; the file's
 *                   state is taken only when strictly newer (or the card has nothing stored locally);
 *                   a differing state that is not taken is a conflict, and the local one is kept
 *   reads           a read the store lacks is added; a read already there keeps its local date
 *   case practices  by id, like reviews
 * Importing the same file twice changes nothing the second time: everything it holds is then present.
 */
import type { CardState, CasePractice, ReviewEntry } from '../review/types';
import type { ImportData, UnknownCards } from './importParse';
import { plural } from '../text';

/** The current state, as `ReviewStore`'s getters return it. */
export interface ImportCurrent {
  /** `store.reviews()`. */
  readonly reviews: readonly ReviewEntry[];
  /** `store.cards()`. */
  readonly cards: ReadonlyMap<string, CardState>;
  /** `store.lessons()`. */
  readonly reads: ReadonlyMap<string, Date>;
  /** `store.uncompletedLessons()`: a read undone locally after the file's date stays undone. */
  readonly readsUndone?: ReadonlyMap<string, Date>;
  /** `store.casePractices()`. */
  readonly casePractices: readonly CasePractice[];
}

/** A successful `parseImport` result (its `ok: true` branch). */
export interface ParsedImport {
  readonly data: ImportData;
  readonly unknownCards: UnknownCards;
}

/** What the import does to one card. */
export interface CardImport {
  readonly cardId: string;
  /** Reviews of the card the store lacks, oldest first. */
  readonly reviews: readonly ReviewEntry[];
  /** The file's state, set only when it is to replace the local one. */
  readonly state: CardState | undefined;
  /** The file's last review of this card (epoch ms), compared again when applied; undefined if none. */
  readonly importedLastReviewAt: number | undefined;
}

/** The same review id with different content: the local review is kept. */
export interface ReviewConflict {
  readonly id: string;
  readonly local: ReviewEntry;
  readonly imported: ReviewEntry;
}

/** A card whose local state is as new or newer than the file's and differs from it: the local one is kept. */
export interface CardStateConflict {
  readonly cardId: string;
  readonly local: CardState;
  readonly imported: CardState;
  readonly localLastReviewAt: Date | undefined;
  readonly importedLastReviewAt: Date | undefined;
}

/** The same case practice id with different content: the local practice is kept. */
export interface CasePracticeConflict {
  readonly id: string;
  readonly local: CasePractice;
  readonly imported: CasePractice;
}

/** The dry-run summary, for a confirmation dialog. Ids are sorted. */
export interface ImportSummary {
  readonly newReviewIds: readonly string[];
  readonly newReadIds: readonly string[];
  readonly newCasePracticeIds: readonly string[];
  /** Cards whose state (scheduling, suspension or bury) the file would replace. */
  readonly changedCardIds: readonly string[];
  readonly reviewConflicts: readonly ReviewConflict[];
  readonly cardStateConflicts: readonly CardStateConflict[];
  readonly casePracticeConflicts: readonly CasePracticeConflict[];
  /** Items of the file already present unchanged. */
  readonly alreadyPresent: { readonly reviews: number; readonly cards: number; readonly reads: number; readonly casePractices: number };
  /** Cards the bank does not have: their reviews and states are imported all the same. */
  readonly unknownCards: UnknownCards;
  /** True when applying would change nothing. */
  readonly empty: boolean;
  /** The summary in sentences, one per line, e.g. "Adds 120 reviews of 30 cards." */
  readonly lines: readonly string[];
}

/** What `planImport` returns: the summary and the changes `ReviewStore.applyImport` applies. */
export interface ImportPlan {
  readonly summary: ImportSummary;
  /** Per card, sorted by card id; only cards with something to change. */
  readonly cards: readonly CardImport[];
  readonly reads: readonly { readonly id: string; readonly completedAt: Date }[];
  readonly casePractices: readonly CasePractice[];
}

const BLANK: CardState = { card: undefined, suspended: false, buriedUntil: undefined };
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const time = (d: Date | undefined): number | undefined => d?.getTime();

/** Whether two reviews hold the same content (the id aside). */
export function sameReview(a: ReviewEntry, b: ReviewEntry): boolean {
  return (
    a.cardId === b.cardId &&
    a.rating === b.rating &&
    a.reviewedAt.getTime() === b.reviewedAt.getTime() &&
    Math.round(a.durationMs) === Math.round(b.durationMs) &&
    a.correct === b.correct &&
    a.xp === b.xp
  );
}

/** Whether two card states are the same as stored (stability and difficulty to four decimals, as stored). */
export function sameCardState(a: CardState, b: CardState): boolean {
  if (a.suspended !== b.suspended || time(a.buriedUntil) !== time(b.buriedUntil)) return false;
  const x = a.card;
  const y = b.card;
  if (!x || !y) return x === y;
  return (
    x.due.getTime() === y.due.getTime() &&
    round4(x.stability) === round4(y.stability) &&
    round4(x.difficulty) === round4(y.difficulty) &&
    x.scheduledDays === y.scheduledDays &&
    x.learningSteps === y.learningSteps &&
    x.reps === y.reps &&
    x.lapses === y.lapses &&
    x.phase === y.phase &&
    x.lastReview.getTime() === y.lastReview.getTime()
  );
}

function samePractice(a: CasePractice, b: CasePractice): boolean {
  return (
    a.caseId === b.caseId &&
    a.practicedAt.getTime() === b.practicedAt.getTime() &&
    a.score === b.score &&
    a.maxScore === b.maxScore &&
    a.missed.join('\n') === b.missed.join('\n')
  );
}

/** Latest review time per card. */
function lastReviews(reviews: readonly ReviewEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of reviews) {
    const t = r.reviewedAt.getTime();
    if (t > (out.get(r.cardId) ?? -Infinity)) out.set(r.cardId, t);
  }
  return out;
}

function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Computes the dry run of importing `parsed` into `current`. Pure and linear in the sizes of both. */
export function planImport(current: ImportCurrent, parsed: ParsedImport): ImportPlan {
  const { data } = parsed;
  const localReviews = new Map(current.reviews.map((r) => [r.id, r]));
  const perCard = new Map<string, ReviewEntry[]>();
  const reviewConflicts: ReviewConflict[] = [];
  let reviewsPresent = 0;
  for (const r of data.reviews) {
    const local = localReviews.get(r.id);
    if (local && sameReview(local, r)) reviewsPresent++;
    else if (local) reviewConflicts.push({ id: r.id, local, imported: r });
    else {
      const list = perCard.get(r.cardId);
      if (list) list.push(r);
      else perCard.set(r.cardId, [r]);
    }
  }

  const localLast = lastReviews(current.reviews);
  const fileLast = lastReviews(data.reviews);
  const states = new Map<string, CardState>();
  const cardStateConflicts: CardStateConflict[] = [];
  let cardsPresent = 0;
  for (const [cardId, imported] of data.cards) {
    const local = current.cards.get(cardId);
    // A card with nothing stored reads as a blank state, so a blank state in the file is no change.
    if (sameCardState(local ?? BLANK, imported)) {
      cardsPresent++;
      continue;
    }
    const mine = maxOf(time(local?.card?.lastReview), localLast.get(cardId));
    const theirs = maxOf(time(imported.card?.lastReview), fileLast.get(cardId));
    const hasLocal = !!local || localLast.has(cardId);
    if (!hasLocal || (theirs !== undefined && (mine === undefined || theirs > mine))) states.set(cardId, imported);
    else if (local)
      cardStateConflicts.push({
        cardId,
        local,
        imported,
        localLastReviewAt: mine === undefined ? undefined : new Date(mine),
        importedLastReviewAt: theirs === undefined ? undefined : new Date(theirs),
      });
  }

  const cardIds = [...new Set([...perCard.keys(), ...states.keys()])].sort(byString);
  const cards = cardIds.map((cardId): CardImport => {
    const reviews = (perCard.get(cardId) ?? []).sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || byString(a.id, b.id));
    const importedLastReviewAt = maxOf(time(data.cards.get(cardId)?.card?.lastReview), fileLast.get(cardId));
    return { cardId, reviews, state: states.get(cardId), importedLastReviewAt };
  });

  const undoneAt = (id: string) => current.readsUndone?.get(id)?.getTime() ?? -Infinity;
  const reads = [...data.reads]
    .filter(([id, completedAt]) => !current.reads.has(id) && undoneAt(id) < completedAt.getTime())
    .sort(([a], [b]) => byString(a, b))
    .map(([id, completedAt]) => ({ id, completedAt }));
  const localPractices = new Map(current.casePractices.map((p) => [p.id, p]));
  const casePractices: CasePractice[] = [];
  const casePracticeConflicts: CasePracticeConflict[] = [];
  for (const p of data.casePractices) {
    const local = localPractices.get(p.id);
    if (!local) casePractices.push(p);
    else if (!samePractice(local, p)) casePracticeConflicts.push({ id: p.id, local, imported: p });
  }

  const newReviewIds = cards.flatMap((c) => c.reviews.map((r) => r.id)).sort(byString);
  const changedCardIds = [...states.keys()].sort(byString);
  const empty = !cards.length && !reads.length && !casePractices.length;
  const lines = [
    newReviewIds.length ? `Adds ${plural(newReviewIds.length, 'review')} of ${plural(perCard.size, 'card')}.` : 'Adds no reviews.',
    changedCardIds.length ? `Updates the schedule of ${plural(changedCardIds.length, 'card')} whose history in the file is newer.` : '',
    reads.length ? `Marks ${plural(reads.length, 'lesson or case walkthrough')} complete.` : '',
    casePractices.length ? `Adds ${plural(casePractices.length, 'case practice')}.` : '',
    reviewConflicts.length ? `Keeps your version of ${plural(reviewConflicts.length, 'review')} that the file holds differently.` : '',
    cardStateConflicts.length ? `Keeps your schedule for ${plural(cardStateConflicts.length, 'card')} where your history is as new or newer.` : '',
    casePracticeConflicts.length ? `Keeps your version of ${plural(casePracticeConflicts.length, 'case practice')} that the file holds differently.` : '',
    !empty && parsed.unknownCards.cardIds.length
      ? `Keeps ${plural(parsed.unknownCards.reviews, 'review')} of ${plural(parsed.unknownCards.cardIds.length, 'card')} not in your question bank, in case their pack comes back.`
      : '',
    empty ? 'Nothing new: everything in the file is already here.' : '',
  ].filter(Boolean);

  return {
    summary: {
      newReviewIds,
      newReadIds: reads.map((r) => r.id),
      newCasePracticeIds: casePractices.map((p) => p.id).sort(byString),
      changedCardIds,
      reviewConflicts,
      cardStateConflicts,
      casePracticeConflicts,
      alreadyPresent: {
        reviews: reviewsPresent,
        cards: cardsPresent,
        reads: data.reads.size - reads.length,
        casePractices: data.casePractices.length - casePractices.length - casePracticeConflicts.length,
      },
      unknownCards: parsed.unknownCards,
      empty,
      lines,
    },
    cards,
    reads,
    casePractices,
  };
}
