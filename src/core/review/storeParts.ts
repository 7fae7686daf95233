/**
 * Small pieces of the store: the decoded card index that sessions read, id generation and conversions.
 */
import { cardStateOf, packCard } from './format';
import type { CardParts, StoredCard, StoredCase, StoredShard } from './format';
import type { CardState, CasePractice } from './types';

/**
 * Decoded card states by id, kept in step with the stored shards one card at a time, so reading the
 * states (e.g. for `buildSession`) never decodes the whole store.
 */
export class CardIndex {
  readonly states = new Map<string, CardState>();

  constructor(shards: readonly StoredShard[]) {
    for (const shard of shards) for (const [id, record] of Object.entries(shard.c)) this.states.set(id, cardStateOf(record));
  }

  /** Re-decodes one card; a missing record removes it. */
  update(id: string, record: StoredCard | undefined): void {
    if (record) this.states.set(id, cardStateOf(record));
    else this.states.delete(id);
  }
}

/** A counter shared by a store's id generation. */
export interface Sequence {
  value: number;
}

/** Case practice ids: the writer id plus a base-36 counter, unique per store and so across windows. */
export function nextCaseId(writer: string, seq: Sequence, taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `${writer}${(seq.value++).toString(36)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * A review's local id, unique among the card's reviews: the writer id and the card's review count
 * (folded ones included) in base 36 ("k3j92"), skipping any the card already has or had. Short because there is one per review;
 * `reviewId` prefixes the card id to make it unique everywhere. Writer ids differ between open windows,
 * so two windows reviewing the same card at once still pick different ids.
 */
export function nextReviewLocalId(writer: string, parts: CardParts, folded = 0): string {
  const taken = new Set([...parts.log.map((e) => e[0]), ...parts.undone]);
  // Folded reviews (fold.ts) still count: this writer's earlier ids for the card are all below the total.
  for (let n = parts.log.length + parts.undone.length + folded; ; n++) {
    const id = `${writer}${n.toString(36)}`;
    if (!taken.has(id)) return id;
  }
}

/** Decodes a stored case practice. */
export function casePracticeOf(c: StoredCase): CasePractice {
  return { id: c[0], caseId: c[1], practicedAt: new Date(c[2]), score: c[3], maxScore: c[4], missed: [...c[5]] };
}

/** The parts of a card that has nothing stored yet. */
export function emptyParts(): CardParts {
  return { sched: 0, log: [], schedAt: 0, flags: 0, undone: [] };
}

/**
 * A card's change as a journal patch (journal.ts): its scheduling and flags after the change, the log
 * entries the change added and the review ids it undid.
 */
export function cardPatch(before: CardParts, after: CardParts): StoredCard {
  const had = new Set(before.log.map((e) => e[0]));
  const wasUndone = new Set(before.undone);
  return packCard({
    sched: after.sched,
    schedAt: after.schedAt,
    flags: after.flags,
    log: after.log.filter((e) => !had.has(e[0])),
    undone: after.undone.filter((u) => !wasUndone.has(u)),
  });
}
