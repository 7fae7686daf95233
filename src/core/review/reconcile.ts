/**
 * Comparing the journal with globalState, both ways. What the journal holds and globalState lacks (a
 * value VS Code dropped, a key reset after quarantine, an older copy synced in) is merged back into
 * globalState; what globalState holds and the journal lacks (history from before the journal existed,
 * reviews synced from another machine) is returned as base lines to append, so the journal stays a
 * complete copy. Both use the merges of merge.ts, so running this again, or in two windows at once,
 * changes nothing more.
 */
import { own } from './dict';
import { dropFoldedShard, foldShards } from './fold';
import { unpackCard } from './format';
import type { Folded } from './fold';
import type { OffsetAt } from '../progress/calendar';
import type { StoredCard, StoredProgress } from './format';
import { cardLine, caseLine, journalAsStored, lessonLine } from './journal';
import type { JournalState } from './journal';
import { REVIEW_HISTORY_KEY, REVIEW_PROGRESS_KEY, REVIEW_SHARD_COUNT, REVIEW_SHARD_KEYS } from './keys';
import { mergeProgress, mergeShard } from './merge';
import type { SyncedState } from './storage';
import type { Findings } from './validate';

/** What a journal brought back into globalState. */
export interface Restored {
  /** Reviews globalState lacked. */
  readonly reviews: number;
  /** Cards whose stored state changed. */
  readonly cardIds: readonly string[];
  /** Lessons or case practices came back. */
  readonly progress: boolean;
}

/** Merges the journal's state into the store's; the changed keys are written. */
export function absorbJournal(state: SyncedState, journal: JournalState, writer: string, findings: Findings, writes: PromiseLike<void>[]): Restored {
  const stored = journalAsStored(journal, writer);
  if (state.syncHistory(findings)) writes.push(state.put(REVIEW_HISTORY_KEY));
  let reviews = 0;
  const cardIds: string[] = [];
  for (let i = 0; i < REVIEW_SHARD_COUNT; i++) {
    // What the fold already counts is not missing: only the rest of the journal comes back raw.
    const theirs = dropFoldedShard(stored.shards[i], state.history).shard;
    if (!Object.keys(theirs.c).length) continue;
    state.syncShard(i, findings);
    const ours = state.shards[i];
    const merged = mergeShard(ours, theirs);
    if (!merged.changed.length) continue;
    for (const id of merged.changed) {
      const before = own(ours.c, id)?.[1] ?? [];
      const had = new Set(before.map((e) => e[0]));
      for (const e of own(merged.value.c, id)![1]) if (!had.has(e[0])) reviews++;
      state.index.update(id, own(merged.value.c, id));
      cardIds.push(id);
    }
    state.shards[i] = merged.value;
    writes.push(state.put(REVIEW_SHARD_KEYS[i]));
  }
  let progress = false;
  if (journal.lessons.size || journal.cases.size) {
    state.syncProgress(findings);
    const merged = mergeProgress(state.progress, stored.progress);
    if (merged.changed.length) {
      state.progress = merged.value;
      writes.push(state.put(REVIEW_PROGRESS_KEY));
      progress = true;
    }
  }
  return { reviews, cardIds, progress };
}

/**
 * Whether merging `mine` into the journal's `theirs` would change nothing (`mergeCard(theirs, mine)`
 * equal to `theirs`), without building the merge: every review and tombstone of mine is in theirs, and
 * theirs wins the scheduling and the flags. A folded card holds few entries, the journal's many.
 */
export function journalCovers(theirs: StoredCard, mine: StoredCard): boolean {
  if (theirs === mine) return true;
  const t = unpackCard(theirs);
  const m = unpackCard(mine);
  const undone = new Set(t.undone);
  if (m.undone.some((u) => !undone.has(u))) return false;
  if (m.log.length) {
    const ids = new Set(t.log.map((e) => e[0]));
    if (m.log.some((e) => !ids.has(e[0]) && !undone.has(e[0]))) return false;
  }
  const wins = <T>(a: T, aAt: number, b: T, bAt: number) => aAt > bAt || (aAt === bAt && JSON.stringify(a) >= JSON.stringify(b));
  const flagsAt = (f: typeof t.flags) => (f === 0 ? 0 : f[2]);
  return t.schedAt >= m.schedAt && wins(t.sched, t.schedAt, m.sched, m.schedAt) && wins(t.flags, flagsAt(t.flags), m.flags, flagsAt(m.flags));
}

/** Base lines for everything the stored state holds that the journal lacks. */
export function missingFromJournal(
  shards: readonly { c: Record<string, StoredCard> }[],
  progress: StoredProgress,
  journal: JournalState,
  now: number,
): string[] {
  const lines: string[] = [];
  for (const shard of shards) {
    for (const id of Object.keys(shard.c)) {
      const mine = shard.c[id];
      const theirs = journal.cards.get(id);
      if (!theirs || !journalCovers(theirs, mine)) lines.push(cardLine('b', now, id, mine));
    }
  }
  for (const id of Object.keys(progress.l)) {
    const v = progress.l[id];
    const j = journal.lessons.get(id);
    if (!j || j[0] < v[0] || (j[0] === v[0] && j[1] < v[1])) lines.push(lessonLine(now, id, v));
  }
  for (const p of progress.p) if (!journal.cases.has(p[0])) lines.push(caseLine(now, p));
  return lines;
}

/**
 * Folds what the journal holds (fold.ts) into the state's history, in memory; undefined when nothing
 * folded. The caller writes the history key, then the changed shards: if only the first write lands, the
 * shards' folded entries are dropped on the next open (and archived), never counted twice.
 */
export function foldState(state: SyncedState, journal: JournalState, ctx: { offsetAt: OffsetAt; id: string; writer: string }): Folded | undefined {
  const undoIds = new Set(state.undo.u.map((u) => u[0]));
  const journaled = (cardId: string) => {
    const record = journal.cards.get(cardId);
    return record && new Set(record[1].map((e) => e[0]));
  };
  const folded = foldShards(state.shards, state.history, { ...ctx, journaled, undoIds });
  if (!folded.folded) return undefined;
  state.history = folded.history;
  state.shards = folded.shards;
  for (const i of folded.changed) for (const id of Object.keys(folded.shards[i].c)) state.index.update(id, folded.shards[i].c[id]);
  return folded;
}
