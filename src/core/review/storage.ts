/**
 * The store's persistence engine: the stored values held in memory in their stored form, the stamps last
 * seen per key, merging what other windows wrote, writing, and quarantine.
 *
 * Why this shape, measured with test/bench/review.bench.ts (10,000 cards, five reviews each, 2.8 MB):
 * VS Code's memento JSON-copies every value passed to `update`, so a single key holding everything cost
 * about 55 ms per review. With 32 shards a shard was ~90 KB and a review ~1.8 ms, too close to the 2 ms
 * budget; with 64 shards a shard is ~45 KB and a review ~0.9 ms (scheduling ~0.02 ms of it). Each shard
 * is held in its stored form and replaced copy-on-write (the card map copied shallowly, only the changed
 * card re-encoded), so nothing re-serializes the rest of the state. Objects given to `update` are never
 * mutated afterwards, so a memento that keeps references stays correct.
 *
 * Not covered by that budget: VS Code then flushes the extension's whole globalState (all keys) to the
 * main process once per batch of updates, which costs in proportion to the total size.
 */
import { own } from './dict';
import { dropFoldedShard, mergeHistory } from './fold';
import { readHistory } from './foldRead';
import type { StoredHistory } from './fold';
import { stampOf } from './format';
import type { StoredLog, StoredProgress, StoredShard, StoredUndoStack } from './format';
import { REVIEW_HISTORY_KEY, REVIEW_PROGRESS_KEY, REVIEW_QUARANTINE_KEY, REVIEW_SHARD_KEYS, REVIEW_UNDO_KEY, shardOf } from './keys';
import { withQuarantined } from './load';
import type { Loaded } from './load';
import { mergeProgress, mergeShard, mergeUndo } from './merge';
import type { Merged } from './merge';
import { CardIndex } from './storeParts';
import type { QuarantineSink } from './storeApi';
import type { MementoLike, StoreProblem } from './types';
import { readProgress, readShard, readUndo } from './validate';
import type { Findings } from './validate';

/** Told about card or progress changes merged in from another window. */
export type ExternalChange = (cardIds: readonly string[], progress: boolean) => void;

/** Where raw entries taken out of globalState as already folded go first: the journal, as base lines. */
export type Archive = (entries: readonly [cardId: string, entry: StoredLog][]) => void;

/** The stored values held by one store, kept in step with the memento. */
export class SyncedState {
  shards: StoredShard[];
  progress: StoredProgress;
  undo: StoredUndoStack;
  history: StoredHistory;
  /** Set by the store: receives every raw entry dropped as folded, before the shard is written. */
  archive: Archive = () => undefined;
  readonly index: CardIndex;
  readonly problems: string[] = [];
  private readonly seen: Map<string, string>;
  private reported = false;
  private readonly quarantine: QuarantineSink;

  constructor(
    private readonly memento: MementoLike,
    private readonly writer: string,
    loaded: Loaded,
    private readonly onExternal: ExternalChange,
    private readonly onProblem: ((problem: StoreProblem) => void) | undefined,
    quarantine?: QuarantineSink,
  ) {
    this.quarantine = quarantine ?? {
      where: REVIEW_QUARANTINE_KEY,
      keep: (items) => this.memento.update(REVIEW_QUARANTINE_KEY, withQuarantined(this.memento.get(REVIEW_QUARANTINE_KEY), items, items[0]?.at ?? null)),
    };
    this.shards = loaded.shards;
    this.progress = loaded.progress;
    this.undo = loaded.undo;
    this.history = loaded.history;
    this.seen = loaded.seen;
    this.index = new CardIndex(this.shards);
  }

  /** Merges another writer's value for a key into ours when its stamp is not the one we last saw. */
  private sync<T>(key: string, ours: T, read: (raw: unknown) => T, merge: (a: T, b: T) => Merged<T>): Merged<T> | undefined {
    const raw = this.memento.get(key);
    const stamp = stampOf(raw);
    if (stamp === (this.seen.get(key) ?? '')) return undefined;
    this.seen.set(key, stamp);
    return merge(ours, read(raw));
  }

  /**
   * Merges another window's history (fold.ts). When the fold changes, the cards it covers lose the raw
   * entries now counted by it, in memory; each shard is written clean with its next write.
   */
  syncHistory(findings: Findings): boolean {
    const merged = this.sync(REVIEW_HISTORY_KEY, this.history, (raw) => readHistory(raw, REVIEW_HISTORY_KEY, findings, this.writer), mergeHistory);
    if (!merged) return false;
    this.history = merged.value;
    const byShard = new Map<number, string[]>();
    for (const id of merged.changed) byShard.set(shardOf(id), [...(byShard.get(shardOf(id)) ?? []), id]);
    for (const [i, ids] of byShard) this.dropFolded(i, ids);
    return merged.oursAdded;
  }

  /** Takes the folded entries of `ids` out of shard `i`, archiving them first; returns whether any went. */
  private dropFolded(i: number, ids?: Iterable<string>): boolean {
    const clean = dropFoldedShard(this.shards[i], this.history, ids);
    if (!clean.dropped.length) return false;
    this.archive(clean.dropped);
    this.shards[i] = clean.shard;
    for (const [id] of clean.dropped) this.index.update(id, own(clean.shard.c, id));
    return true;
  }

  syncShard(i: number, findings: Findings): Merged<StoredShard> | undefined {
    const key = REVIEW_SHARD_KEYS[i];
    if (this.syncHistory(findings)) void this.put(REVIEW_HISTORY_KEY);
    const merged = this.sync(key, this.shards[i], (raw) => readShard(raw, i, key, findings, this.writer), mergeShard);
    if (!merged) return undefined;
    this.shards[i] = merged.value;
    for (const id of merged.changed) this.index.update(id, own(merged.value.c, id));
    // The other side may still hold entries this fold counts (it wrote before it saw the fold).
    const cleaned = this.dropFolded(i, merged.changed);
    if (merged.changed.length) this.onExternal(merged.changed, false);
    return cleaned ? { ...merged, value: this.shards[i], oursAdded: true } : merged;
  }

  syncProgress(findings: Findings): Merged<StoredProgress> | undefined {
    const merged = this.sync(REVIEW_PROGRESS_KEY, this.progress, (raw) => readProgress(raw, REVIEW_PROGRESS_KEY, findings, this.writer), mergeProgress);
    if (!merged) return undefined;
    this.progress = merged.value;
    if (merged.changed.length) this.onExternal([], true);
    return merged;
  }

  syncUndo(findings: Findings): Merged<StoredUndoStack> | undefined {
    const merged = this.sync(REVIEW_UNDO_KEY, this.undo, (raw) => readUndo(raw, REVIEW_UNDO_KEY, findings, this.writer), mergeUndo);
    if (merged) this.undo = merged.value;
    return merged;
  }

  /** Syncs every key and writes back the ones where this window held more. Returns whether anything came in. */
  syncAll(findings: Findings, writes: PromiseLike<void>[]): boolean {
    let changed = false;
    REVIEW_SHARD_KEYS.forEach((key, i) => {
      const merged = this.syncShard(i, findings);
      if (merged?.oursAdded) writes.push(this.put(key));
      changed ||= (merged?.changed.length ?? 0) > 0;
    });
    const progress = this.syncProgress(findings);
    if (progress?.oursAdded) writes.push(this.put(REVIEW_PROGRESS_KEY));
    changed ||= (progress?.changed.length ?? 0) > 0;
    if (this.syncUndo(findings)?.oursAdded) writes.push(this.put(REVIEW_UNDO_KEY));
    if (this.syncHistory(findings)) writes.push(this.put(REVIEW_HISTORY_KEY));
    return changed;
  }

  /** Stamps the in-memory value of `key` with a new revision and this writer, and writes it. */
  put(key: string): PromiseLike<void> {
    const stamp = <T extends { rev: number; w: string }>(v: T): T => ({ ...v, rev: v.rev + 1, w: this.writer });
    let value: { rev: number; w: string };
    if (key === REVIEW_PROGRESS_KEY) value = this.progress = stamp(this.progress);
    else if (key === REVIEW_UNDO_KEY) value = this.undo = stamp(this.undo);
    else if (key === REVIEW_HISTORY_KEY) value = this.history = stamp(this.history);
    else {
      const i = REVIEW_SHARD_KEYS.indexOf(key);
      if (i < 0) throw new Error(`not a review key: ${key}`);
      value = this.shards[i] = stamp(this.shards[i]);
    }
    this.seen.set(key, stampOf(value));
    return this.memento.update(key, value);
  }

  /** Quarantines what reading found wrong and reports it: `onProblem` at most once per open. */
  settle(findings: Findings, writes: PromiseLike<void>[]): void {
    if (!findings.problems.length) return;
    this.problems.push(...findings.problems);
    if (findings.quarantine.length) writes.push(this.quarantine.keep(findings.quarantine));
    if (this.reported || !this.onProblem) return;
    this.reported = true;
    this.onProblem({
      kind: findings.futureVersion ? 'future-version' : 'corrupt',
      details: findings.problems.join('\n'),
      quarantineKey: this.quarantine.where,
    });
  }
}
