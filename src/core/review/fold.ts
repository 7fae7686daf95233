/**
 * Folding old reviews out of globalState into compact aggregates (the history key), so that a heavy
 * user's state stays small: each card keeps its scheduling and its newest review raw, and everything
 * older is counted per local day. The full log stays in the journal (journal.ts), which export reads.
 *
 *   loopPrep.review.history  { v: 1, rev, w, g, a, d: FoldDay[], c: { [cardId]: FoldCard } }
 *   g          this fold's id (writer + time, base 36); a: the ids of the folds it grew from, newest first
 *   FoldDay    [localDay, offsetMinutes, reviews, xp, again, hard, good, easy, mature, matureRecalled]
 *   FoldCard   [folded reviews, first reviewedAt, last reviewedAt, last local id]
 *
 * A card's fold is always a prefix of its log in log order (time, then id): exactly the reviews at or
 * before its watermark (last reviewedAt, last local id). So a raw review is folded or it is not, by its
 * key alone, and no review is ever counted twice: a raw entry at or below the watermark is dropped, and
 * the aggregates are never added across folds. Merging two windows' histories picks one of them whole:
 * the one that grew from the other, or (two folds of the same parent) the larger, then the larger id.
 *
 * Never losing a review: a fold takes only reviews the journal already holds, and never a card's newest
 * review, one still on the undo stack, or anything after the first review it may not take. Every raw
 * entry dropped anywhere else (a stale window's copy merged in, a value read at open) is handed to the
 * caller to append to the journal first.
 */
import { OffsetProbe, type OffsetAt } from '../progress/calendar';
import { MATURE_DAYS } from '../progress/retention';
import { DAY_MS, localDayOf } from '../time';
import { dict, dictOf, hasOwn, own } from './dict';
import { packCard, reviewId, unpackCard } from './format';
import type { StoredCard, StoredLog, StoredShard } from './format';

/** The history key's format (see the table above); readHistory (foldRead.ts) reads it. */
export const HISTORY_VERSION = 1;
/** Fold ids remembered as ancestors: enough to tell a descendant from a sibling across many folds. */
const ANCESTORS = 16;

export type FoldDay = [
  day: number,
  offsetMinutes: number,
  reviews: number,
  xp: number,
  again: number,
  hard: number,
  good: number,
  easy: number,
  mature: number,
  matureRecalled: number,
];
export type FoldCard = [reviews: number, firstAt: number, lastAt: number, lastId: string];
export interface StoredHistory {
  v: typeof HISTORY_VERSION;
  rev: number;
  w: string;
  /** This fold's id; '' for the empty history. */
  g: string;
  /** Ancestor fold ids, newest first. */
  a: string[];
  /** Sorted by day, then offset. */
  d: FoldDay[];
  /** Null-prototype (dict.ts). */
  c: Record<string, FoldCard>;
}

export function emptyHistory(writer: string): StoredHistory {
  return { v: HISTORY_VERSION, rev: 0, w: writer, g: '', a: [], d: [], c: dict() };
}

/** Whether a log entry is at or below a card's watermark, so already counted by the fold. */
export function isFolded(entry: StoredLog, fold: FoldCard | undefined): boolean {
  return fold !== undefined && (entry[2] < fold[2] || (entry[2] === fold[2] && entry[0] <= fold[3]));
}

/** Reviews folded into a history. */
export function foldedCount(history: StoredHistory): number {
  let n = 0;
  for (const id of Object.keys(history.c)) n += history.c[id][0];
  return n;
}

/** A card with the entries its fold covers taken out; `dropped` lists them (empty: `card` is the same object). */
export function dropFolded(card: StoredCard, fold: FoldCard | undefined): { card: StoredCard; dropped: StoredLog[] } {
  if (!fold || !card[1].length || !isFolded(card[1][0], fold)) return { card, dropped: [] };
  const parts = unpackCard(card);
  const dropped = parts.log.filter((e) => isFolded(e, fold));
  return { card: packCard({ ...parts, log: parts.log.filter((e) => !isFolded(e, fold)) }), dropped };
}

/** A shard with every card's folded entries taken out, and what was taken (as [cardId, entry]). */
export function dropFoldedShard(
  shard: StoredShard,
  history: StoredHistory,
  ids: Iterable<string> = Object.keys(shard.c),
): { shard: StoredShard; dropped: [string, StoredLog][] } {
  let c: Record<string, StoredCard> | undefined;
  const dropped: [string, StoredLog][] = [];
  for (const id of ids) {
    const record = own(shard.c, id);
    if (!record) continue;
    const out = dropFolded(record, own(history.c, id));
    if (!out.dropped.length) continue;
    c ??= dictOf(shard.c);
    c[id] = out.card;
    for (const e of out.dropped) dropped.push([id, e]);
  }
  return { shard: c ? { ...shard, c } : shard, dropped };
}

/** What a fold needs to know besides the state. */
export interface FoldContext {
  /** The local ids of each card's reviews the journal holds (journal.ts `JournalState.cards`). */
  readonly journaled: (cardId: string) => ReadonlySet<string> | undefined;
  /** Review ids still on the undo stack: they stay raw so undo can take them back. */
  readonly undoIds: ReadonlySet<string>;
  readonly offsetAt: OffsetAt;
  /** The new fold's id. */
  readonly id: string;
  readonly writer: string;
}

/** The result of a fold: the new history and shards, and how many reviews moved into the aggregates. */
export interface Folded {
  readonly history: StoredHistory;
  readonly shards: StoredShard[];
  /** Indexes of shards that changed. */
  readonly changed: number[];
  readonly folded: number;
  /** Reviews a fold would have taken but kept raw because the journal does not hold them. */
  readonly notJournaled: number;
}

/**
 * Folds every card's log up to, not including, its newest review, stopping at the first review that
 * the journal lacks or that is on the undo stack. Pure; shards are replaced copy-on-write. Folding again
 * folds nothing more (idempotent); nothing to fold gives back the same history object.
 */
export function foldShards(shards: readonly StoredShard[], history: StoredHistory, ctx: FoldContext): Folded {
  const days = new Map<string, FoldDay>(history.d.map((d) => [`${d[0]}/${d[1]}`, [...d] as FoldDay]));
  let cards: Record<string, FoldCard> | undefined;
  const out = [...shards];
  const changed: number[] = [];
  const probe = new OffsetProbe(ctx.offsetAt);
  let folded = 0;
  let notJournaled = 0;
  shards.forEach((shard, i) => {
    let c: Record<string, StoredCard> | undefined;
    for (const id of Object.keys(shard.c)) {
      const parts = unpackCard(shard.c[id]);
      const log = parts.log;
      if (log.length < 2) continue;
      const journaled = ctx.journaled(id);
      let k = 0;
      while (k < log.length - 1 && !ctx.undoIds.has(reviewId(id, log[k][0]))) {
        if (!journaled?.has(log[k][0])) {
          notJournaled += log.length - 1 - k;
          break;
        }
        k++;
      }
      if (k === 0) continue;
      const prev = own(history.c, id);
      let prevAt = prev?.[2];
      for (let j = 0; j < k; j++) {
        const [, rating, at, , , xp] = log[j];
        const offset = probe.at(new Date(at), at);
        const day = localDayOf(at, offset);
        const key = `${day}/${offset}`;
        const row = days.get(key) ?? [day, offset, 0, 0, 0, 0, 0, 0, 0, 0];
        row[2]++;
        row[3] += xp ?? 0;
        row[3 + rating]++;
        if (prevAt !== undefined && at - prevAt >= MATURE_DAYS * DAY_MS) {
          row[8]++;
          if (rating !== 1) row[9]++;
        }
        days.set(key, row);
        prevAt = at;
      }
      cards ??= dictOf(history.c);
      cards[id] = [(prev?.[0] ?? 0) + k, prev?.[1] ?? log[0][2], log[k - 1][2], log[k - 1][0]];
      c ??= dictOf(shard.c);
      c[id] = packCard({ ...parts, log: log.slice(k) });
      folded += k;
    }
    if (c) {
      out[i] = { ...shard, c };
      changed.push(i);
    }
  });
  if (!cards) return { history, shards: out, changed, folded, notJournaled };
  const d = [...days.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const a = history.g ? [history.g, ...history.a].slice(0, ANCESTORS) : history.a;
  return { history: { v: HISTORY_VERSION, rev: history.rev, w: ctx.writer, g: ctx.id, a, d, c: cards }, shards: out, changed, folded, notJournaled };
}

/** The history with card ids mapped (to current content ids, for a renamed card); the same object when none changes. */
export function renamedHistory(history: StoredHistory, currentId: (storedId: string) => string): StoredHistory {
  const ids = Object.keys(history.c);
  if (ids.every((id) => currentId(id) === id)) return history;
  const c = dict<FoldCard>();
  for (const id of ids) {
    const to = currentId(id);
    const had = own(c, to);
    const mine = history.c[id];
    // Two stored ids of one card: the later watermark is the one its raw reviews follow.
    const later = had && had[2] >= mine[2] ? had : mine;
    c[to] = had ? [had[0] + mine[0], Math.min(had[1], mine[1]), later[2], later[3]] : mine;
  }
  return { ...history, c };
}

/** The result of merging another window's history into ours. */
export interface MergedHistory {
  readonly value: StoredHistory;
  /** Card ids whose fold differs from ours: their raw entries must be checked against the new watermark. */
  readonly changed: string[];
  readonly oursAdded: boolean;
}

/** Picks one of two histories whole (see the file comment): never adds their aggregates. */
export function mergeHistory(ours: StoredHistory, theirs: StoredHistory): MergedHistory {
  const rev = Math.max(ours.rev, theirs.rev);
  let pick: StoredHistory;
  if (ours.g === theirs.g || theirs.a.includes(ours.g)) pick = theirs;
  else if (ours.a.includes(theirs.g)) pick = ours;
  else {
    const a = foldedCount(ours);
    const b = foldedCount(theirs);
    pick = a !== b ? (a > b ? ours : theirs) : ours.g > theirs.g ? ours : theirs;
  }
  const changed: string[] = [];
  if (pick !== ours) {
    for (const id of Object.keys(pick.c)) {
      const mine = own(ours.c, id);
      const other = pick.c[id];
      if (!mine || mine[0] !== other[0] || mine[2] !== other[2] || mine[3] !== other[3]) changed.push(id);
    }
    for (const id of Object.keys(ours.c)) if (!hasOwn(pick.c, id)) changed.push(id);
  }
  return { value: { ...pick, rev, w: ours.w }, changed, oursAdded: pick !== theirs && pick.g !== theirs.g };
}
