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
import * as z from 'zod/mini';
import { OffsetProbe, type OffsetAt } from '../progress/calendar';
import { MATURE_DAYS } from '../progress/retention';
import { DAY_MS, localDayOf } from '../time';
import { isContentId } from '../ids';
import { dict, dictOf, hasOwn, own } from './dict';
import { packCard, reviewId, unpackCard } from './format';
import type { StoredCard, StoredLog, StoredShard } from './format';
import type { Findings } from './validate';
import { reject } from './validate';

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

const count = z.number().check(z.gte(0), z.lte(1e9));
const ms = z.number().check(z.gte(0), z.lte(8.64e15));
const daySchema = z.tuple([
  z.number().check(z.gte(-1e6), z.lte(1e6)),
  z.number().check(z.gte(-1440), z.lte(1440)),
  count,
  z.number().check(z.gte(-1e9), z.lte(1e9)),
  count,
  count,
  count,
  count,
  count,
  count,
]);
const cardSchema = z.tuple([count, ms, ms, z.string().check(z.minLength(1), z.maxLength(64))]);
const historySchema = z.object({
  v: z.literal(HISTORY_VERSION),
  rev: count,
  w: z.string().check(z.maxLength(64)),
  g: z.string().check(z.maxLength(64)),
  a: z.array(z.string().check(z.maxLength(64))),
  d: z.array(z.unknown()),
  c: z.record(z.string(), z.unknown()),
});

/**
 * Reads the history key. Missing gives the empty history. Anything that does not validate, or whose
 * counts do not add up, is quarantined whole and read as empty: the cards' raw entries then come back
 * from the journal at the next check, and are folded again.
 */
export function readHistory(raw: unknown, key: string, findings: Findings, writer: string): StoredHistory {
  if (raw === undefined) return emptyHistory(writer);
  const v = typeof raw === 'object' && raw !== null ? (raw as { v?: unknown }).v : undefined;
  if (typeof v === 'number' && v > HISTORY_VERSION) {
    reject(findings, key, `written by a newer Loop Prep (history format ${v}); this version reads format ${HISTORY_VERSION}`, raw, 'future-version');
    return emptyHistory(writer);
  }
  const bad = (why: string): StoredHistory => {
    reject(findings, key, `compacted history unreadable (${why}); set aside, and rebuilt from the journal`, raw);
    return emptyHistory(writer);
  };
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return bad(`${first?.message ?? 'invalid'}${first?.path.length ? ` at [${first.path.map(String).join('.')}]` : ''}`);
  }
  const c = dict<FoldCard>();
  let byCard = 0;
  for (const [id, value] of Object.entries(parsed.data.c)) {
    const card = cardSchema.safeParse(value);
    if (!isContentId(id) || !card.success || card.data[1] > card.data[2] || card.data[0] < 1) return bad(`card "${id.slice(0, 80)}" has an unreadable fold`);
    c[id] = [card.data[0], card.data[1], card.data[2], card.data[3]];
    byCard += card.data[0];
  }
  if (hasOwn(parsed.data.c as Record<string, unknown>, '__proto__')) return bad('card "__proto__" is not a content id');
  const d: FoldDay[] = [];
  let byDay = 0;
  for (const value of parsed.data.d) {
    const day = daySchema.safeParse(value);
    if (!day.success) return bad('a day has an unreadable row');
    const r = day.data as FoldDay;
    if (r[4] + r[5] + r[6] + r[7] !== r[2] || r[9] > r[8] || r[8] > r[2]) return bad(`day ${r[0]}: its counts do not add up`);
    byDay += r[2];
    d.push(r);
  }
  if (byDay !== byCard) return bad(`${byDay} reviews by day but ${byCard} by card`);
  return { v: HISTORY_VERSION, rev: parsed.data.rev, w: parsed.data.w, g: parsed.data.g, a: parsed.data.a, d, c };
}
