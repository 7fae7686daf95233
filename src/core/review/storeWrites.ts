/**
 * The write path shared by every ReviewStore change: sync the shards or the progress key, apply the
 * change, write the keys, append the journal lines, settle findings and tell listeners.
 */
import { own, withEntry } from './dict';
import { packCard, unpackCard, type CardParts, type StoredProgress } from './format';
import { cardLine, progressLines, type CardLineKind } from './journal';
import type { JournalSink } from './journalWriter';
import { REVIEW_PROGRESS_KEY, REVIEW_SHARD_KEYS, shardOf } from './keys';
import type { SyncedState } from './storage';
import { allWritten } from './storeApi';
import { cardPatch, emptyParts } from './storeParts';
import type { ReviewStoreChange } from './storeApi';
import { StoreReads } from './storeReads';
import { newFindings } from './validate';

export abstract class StoreWrites extends StoreReads {
  protected constructor(
    makeState: (emit: (change: ReviewStoreChange) => void) => SyncedState,
    protected readonly journal: JournalSink | undefined,
  ) {
    super(makeState);
  }

  /** Syncs the cards' shards, applies `change` to each card (undefined leaves it) and writes the shards. */
  protected changeCards(
    ids: readonly string[],
    now: number,
    writes: PromiseLike<void>[],
    change: (parts: CardParts, id: string) => CardParts | undefined,
    kind: CardLineKind,
  ): void {
    const findings = newFindings(now);
    const synced = new Set<number>();
    const touched = new Set<number>();
    const changed: string[] = [];
    const lines: string[] = [];
    for (const id of ids) {
      const i = shardOf(id);
      if (!synced.has(i)) this.state.syncShard(i, findings);
      synced.add(i);
      const shard = this.state.shards[i];
      const record = own(shard.c, id);
      const before = record ? unpackCard(record) : emptyParts();
      const next = change(before, id);
      if (!next) continue;
      if (this.journal) lines.push(cardLine(kind, now, id, cardPatch(before, next)));
      this.state.shards[i] = { ...shard, c: withEntry(shard.c, id, packCard(next)) };
      this.state.index.update(id, own(this.state.shards[i].c, id));
      touched.add(i);
      changed.push(id);
    }
    for (const i of touched) writes.push(this.state.put(REVIEW_SHARD_KEYS[i]));
    if (lines.length) writes.push(this.journal!.append(lines));
    this.state.settle(findings, writes);
    if (changed.length) this.emit({ cardIds: changed, progress: false, external: false });
  }

  protected changeProgress(now: number, change: (p: StoredProgress) => StoredProgress): Promise<void> {
    const findings = newFindings(now);
    this.state.syncProgress(findings);
    const before = this.state.progress;
    this.state.progress = change(before);
    const writes = [this.state.put(REVIEW_PROGRESS_KEY)];
    if (this.journal) {
      const lines = progressLines(before, this.state.progress, now);
      if (lines.length) writes.push(this.journal.append(lines));
    }
    this.state.settle(findings, writes);
    this.emit({ cardIds: [], progress: true, external: false });
    return allWritten(writes);
  }
}
