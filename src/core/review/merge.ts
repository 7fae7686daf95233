/**
 * Merging what another window wrote with what this one holds. Every merge is commutative and idempotent,
 * so two windows that keep merging converge on the same value whatever order their writes land in:
 * - review logs: union by review id, minus undone ids (tombstones, also unioned);
 * - a card's scheduling: the side whose last scheduling change (review, undo or reset) is newer;
 * - suspend / bury flags: the side whose flags changed last;
 * - lessons: the newer complete / uncomplete; case practices: union by id;
 * - undo stack: union by review id, minus entries already undone, the newest 50.
 */
import { dictOf, hasOwn, own } from './dict';
import { packCard, unpackCard } from './format';
import type { StoredCard, StoredCase, StoredLog, StoredProgress, StoredShard, StoredUndo, StoredUndoStack } from './format';

/** How many reviews `undoLast` can take back. */
export const UNDO_DEPTH = 50;
/** Undone review ids remembered in the undo key, so a stale copy of the stack cannot bring them back. */
const UNDONE_MEMORY = 200;

/** Picks the part with the larger time; ties go to the larger JSON so both sides pick the same one. */
function newer<T>(a: T, aAt: number, b: T, bAt: number): T {
  if (aAt !== bAt) return aAt > bAt ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/** Log order: by review time, then id, so every window sorts the same log the same way. */
export function byTimeThenId(a: StoredLog, b: StoredLog): number {
  return a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** Merges two versions of one card. */
export function mergeCard(a: StoredCard, b: StoredCard): StoredCard {
  const pa = unpackCard(a);
  const pb = unpackCard(b);
  const undone = [...new Set([...pa.undone, ...pb.undone])].sort();
  const gone = new Set(undone);
  const log = new Map<string, StoredLog>();
  for (const entry of [...pa.log, ...pb.log]) if (!gone.has(entry[0]) && !log.has(entry[0])) log.set(entry[0], entry);
  const schedAt = Math.max(pa.schedAt, pb.schedAt);
  return packCard({
    sched: newer(pa.sched, pa.schedAt, pb.sched, pb.schedAt),
    schedAt,
    flags: newer(pa.flags, pa.flags === 0 ? 0 : pa.flags[2], pb.flags, pb.flags === 0 ? 0 : pb.flags[2]),
    log: [...log.values()].sort(byTimeThenId),
    undone,
  });
}

/** The result of merging a stored value into ours. */
export interface Merged<T> {
  readonly value: T;
  /** Card ids (or, for progress, lesson and case ids) whose merged value differs from ours. */
  readonly changed: string[];
  /** True when ours held something theirs lacked, so the merged value should be written back. */
  readonly oursAdded: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Merges shard `theirs` (already validated) into `ours`. Revision: the larger of the two. */
export function mergeShard(ours: StoredShard, theirs: StoredShard): Merged<StoredShard> {
  const c: Record<string, StoredCard> = dictOf(theirs.c);
  const changed: string[] = [];
  let oursAdded = false;
  for (const [id, mine] of Object.entries(ours.c)) {
    const other = own(theirs.c, id);
    const merged = other === undefined ? mine : same(mine, other) ? other : mergeCard(mine, other);
    c[id] = merged;
    if (other === undefined || !same(merged, other)) oursAdded = true;
    if (other !== undefined && !same(merged, mine)) changed.push(id);
  }
  for (const id of Object.keys(theirs.c)) if (!hasOwn(ours.c, id)) changed.push(id);
  return { value: { v: ours.v, rev: Math.max(ours.rev, theirs.rev), w: ours.w, c }, changed, oursAdded };
}

/** Merges lessons (newer change wins) and case practices (union by id, oldest first). */
export function mergeProgress(ours: StoredProgress, theirs: StoredProgress): Merged<StoredProgress> {
  const l: StoredProgress['l'] = dictOf(theirs.l);
  const changed: string[] = [];
  let oursAdded = false;
  for (const [id, mine] of Object.entries(ours.l)) {
    const other = own(theirs.l, id);
    const merged = other === undefined ? mine : newer(mine, mine[0], other, other[0]);
    l[id] = merged;
    if (other === undefined || !same(merged, other)) oursAdded = true;
    if (!same(merged, mine)) changed.push(id);
  }
  for (const id of Object.keys(theirs.l)) if (!hasOwn(ours.l, id)) changed.push(id);
  const cases = new Map<string, StoredCase>(theirs.p.map((p) => [p[0], p]));
  const mineIds = new Set(ours.p.map((p) => p[0]));
  for (const p of ours.p) {
    if (cases.has(p[0])) continue;
    oursAdded = true;
    cases.set(p[0], p);
  }
  for (const p of theirs.p) if (!mineIds.has(p[0])) changed.push(p[0]);
  const p = [...cases.values()].sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
  return { value: { v: ours.v, rev: Math.max(ours.rev, theirs.rev), w: ours.w, l, p }, changed, oursAdded };
}

/** Merges undo stacks: union minus undone ids, oldest first, the newest `UNDO_DEPTH` kept. */
export function mergeUndo(ours: StoredUndoStack, theirs: StoredUndoStack): Merged<StoredUndoStack> {
  const x = rememberUndone(theirs.x, ours.x);
  const gone = new Set([...theirs.x, ...ours.x].map((t) => t[0]));
  const entries = new Map<string, StoredUndo>();
  for (const e of [...theirs.u, ...ours.u]) if (!gone.has(e[0]) && !entries.has(e[0])) entries.set(e[0], e);
  const u = [...entries.values()].sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1)).slice(-UNDO_DEPTH);
  const value = { v: ours.v, rev: Math.max(ours.rev, theirs.rev), w: ours.w, u, x };
  return { value, changed: [], oursAdded: !same(u, theirs.u) || !same(x, theirs.x) };
}

/** Unions remembered undone ids ([id, undoneAt]), ordered by time then id, keeping the newest. */
export function rememberUndone(a: readonly (readonly [string, number])[], b: readonly (readonly [string, number])[]): [string, number][] {
  const byId = new Map<string, number>();
  for (const [id, at] of [...a, ...b]) byId.set(id, Math.max(at, byId.get(id) ?? 0));
  return [...byId.entries()].sort((p, q) => p[1] - q[1] || (p[0] < q[0] ? -1 : 1)).slice(-UNDONE_MEMORY);
}
