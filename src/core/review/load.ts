/**
 * Opening stored review state: detects the format version, migrates v1, validates v2 key by key, and
 * says which keys must be rewritten (migrated, cleaned of bad entries, or reset after quarantine).
 * Pure apart from `memento.get`; the store does the writing.
 */
import { dropFoldedShard, emptyHistory } from './fold';
import { readHistory } from './foldRead';
import type { StoredHistory } from './fold';
import { FORMAT_VERSION, emptyProgress, emptyShard, emptyUndo, stampOf } from './format';
import type { QuarantineItem, StoredLog, StoredProgress, StoredShard, StoredUndoStack } from './format';
import {
  REVIEW_HISTORY_KEY,
  REVIEW_PROGRESS_KEY,
  REVIEW_QUARANTINE_KEY,
  REVIEW_ROOT_KEY,
  REVIEW_SHARD_COUNT,
  REVIEW_SHARD_KEYS,
  REVIEW_UNDO_KEY,
} from './keys';
import { isV1, migrateV1 } from './migrateV1';
import type { MementoLike } from './types';
import { readProgress, readShard, readUndo, reject } from './validate';
import type { Findings } from './validate';

/** The state as opened, and what `open` must write back. */
export interface Loaded {
  readonly shards: StoredShard[];
  progress: StoredProgress;
  undo: StoredUndoStack;
  history: StoredHistory;
  /**
   * Raw entries found at or below their card's fold watermark (a window that had not seen the fold wrote
   * them back): already counted, so taken out, but handed to the journal before the shard is rewritten.
   */
  readonly dropped: [cardId: string, entry: StoredLog][];
  /** The stamp of each key as read, for keys that need no rewrite. */
  readonly seen: Map<string, string>;
  /** Keys to write back: the root marker, migrated or cleaned values. Values for cleared keys are empty. */
  readonly rewrite: Set<string>;
  /** Keys to delete (future-version data, now only in quarantine). */
  readonly clear: Set<string>;
}

const DATA_KEYS = [...REVIEW_SHARD_KEYS, REVIEW_PROGRESS_KEY, REVIEW_UNDO_KEY, REVIEW_HISTORY_KEY];

function emptyLoaded(writer: string): Loaded {
  return {
    shards: Array.from({ length: REVIEW_SHARD_COUNT }, () => emptyShard(writer)),
    progress: emptyProgress(writer),
    undo: emptyUndo(writer),
    history: emptyHistory(writer),
    dropped: [],
    seen: new Map(),
    rewrite: new Set(),
    clear: new Set(),
  };
}

/** Reads a key and notes whether reading it found anything wrong (then it is rewritten clean). */
function readKey<T>(memento: MementoLike, key: string, loaded: Loaded, findings: Findings, read: (raw: unknown) => T): T {
  const raw = memento.get(key);
  const before = findings.problems.length;
  const value = read(raw);
  if (findings.problems.length > before) loaded.rewrite.add(key);
  else loaded.seen.set(key, stampOf(raw));
  return value;
}

/** Loads everything; never throws on stored data. */
export function loadState(memento: MementoLike, writer: string, findings: Findings): Loaded {
  const loaded = emptyLoaded(writer);
  const root = memento.get(REVIEW_ROOT_KEY);
  const version = typeof root === 'object' && root !== null ? (root as { version?: unknown }).version : undefined;

  if (isV1(root)) {
    // Format-2 values next to a format-1 root (a downgrade, or a synced root from an old build) are kept
    // aside and reported, never overwritten by the migration.
    for (const key of DATA_KEYS) {
      const raw = memento.get(key);
      if (raw !== undefined) reject(findings, key, 'kept aside: found next to a format-1 root, which was migrated in its place', raw);
    }
    const migrated = migrateV1(root, writer, findings);
    loaded.shards.splice(0, REVIEW_SHARD_COUNT, ...migrated.shards);
    loaded.progress = migrated.progress;
    for (const key of [REVIEW_ROOT_KEY, ...REVIEW_SHARD_KEYS, REVIEW_PROGRESS_KEY]) loaded.rewrite.add(key);
    return loaded;
  }
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    reject(
      findings,
      REVIEW_ROOT_KEY,
      `written by a newer Loop Prep (format ${version}); this version reads format ${FORMAT_VERSION}, so it started empty`,
      root,
      'future-version',
    );
    for (const key of DATA_KEYS) {
      const raw = memento.get(key);
      if (raw !== undefined) reject(findings, key, 'kept with the newer-format root', raw, 'future-version');
      loaded.clear.add(key);
    }
    loaded.rewrite.add(REVIEW_ROOT_KEY);
    return loaded;
  }
  if (root === undefined || version !== FORMAT_VERSION) {
    if (root !== undefined) reject(findings, REVIEW_ROOT_KEY, 'format marker unreadable; reading the card keys anyway', root);
    loaded.rewrite.add(REVIEW_ROOT_KEY);
  }
  loaded.history = readKey(memento, REVIEW_HISTORY_KEY, loaded, findings, (raw) => readHistory(raw, REVIEW_HISTORY_KEY, findings, writer));
  REVIEW_SHARD_KEYS.forEach((key, i) => {
    const shard = readKey(memento, key, loaded, findings, (raw) => readShard(raw, i, key, findings, writer));
    const clean = dropFoldedShard(shard, loaded.history);
    loaded.shards[i] = clean.shard;
    if (!clean.dropped.length) return;
    loaded.dropped.push(...clean.dropped);
    loaded.rewrite.add(key);
    loaded.seen.delete(key);
  });
  loaded.progress = readKey(memento, REVIEW_PROGRESS_KEY, loaded, findings, (raw) => readProgress(raw, REVIEW_PROGRESS_KEY, findings, writer));
  loaded.undo = readKey(memento, REVIEW_UNDO_KEY, loaded, findings, (raw) => readUndo(raw, REVIEW_UNDO_KEY, findings, writer));
  return loaded;
}

/** The quarantine list with `items` appended; a quarantine value that is not a list is itself kept as an item. */
export function withQuarantined(existing: unknown, items: readonly QuarantineItem[], at: number | null): unknown[] {
  const list: unknown[] = Array.isArray(existing) ? [...existing] : [];
  if (existing !== undefined && !Array.isArray(existing))
    list.push({ at, kind: 'corrupt', key: REVIEW_QUARANTINE_KEY, details: 'quarantine was not a list', value: existing });
  return [...list, ...items];
}
