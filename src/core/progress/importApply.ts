/**
 * Applying an import plan to the review store's stored values. The rules of importPlan.ts are checked
 * again here, against the values as they are when applied (another window may have written since the
 * plan was made), so applying a plan is safe at any time and applying it twice changes nothing.
 *
 * `ReviewStore` has no bulk entry point yet. The owner adds this method to store.ts, a thin wrapper over
 * the two functions below (imports: ImportPlan from '../progress/importPlan', applyCardImport,
 * applyProgressImport, emptyImportTally and ImportTally from '../progress/importApply'):
 *
 * ```ts
 *   // Applies an import plan from `planImport`: adds its reviews, reads and case practices and takes the
 *   // card states it chose, each rule checked again against the current state. Imported reviews do not
 *   // go on the undo stack. Applying the same plan twice changes nothing. Resolves, once written, to
 *   // what was actually applied (less than the plan says if another window got there first).
 *   async applyImport(plan: ImportPlan, now: Date): Promise<ImportTally> {
 *     const t = ms(now, 'now');
 *     checkIds([...plan.cards.map((c) => c.cardId), ...plan.reads.map((r) => r.id), ...plan.casePractices.map((p) => p.caseId)]);
 *     const tally = emptyImportTally();
 *     const byId = new Map(plan.cards.map((c) => [c.cardId, c]));
 *     const writes: PromiseLike<void>[] = [];
 *     this.changeCards([...byId.keys()], t, writes, (parts, id) => applyCardImport(parts, byId.get(id)!, t, tally));
 *     if (plan.reads.length || plan.casePractices.length) writes.push(this.changeProgress(t, (p) => applyProgressImport(p, plan, tally)));
 *     await allWritten(writes);
 *     return tally;
 *   }
 * ```
 *
 * and lets `changeCards` pass the card id to its callback (existing callers ignore it):
 * `change: (parts: CardParts, id: string) => CardParts | undefined`, called as
 * `change(record ? unpackCard(record) : emptyParts(), id)`.
 */
import { own, withEntry } from '../review/dict';
import { encodeLog, encodeSched } from '../review/format';
import type { CardParts, StoredCase, StoredFlags, StoredLog, StoredProgress } from '../review/format';
import type { CardImport, ImportPlan } from './importPlan';
import type { Interview } from '../interview/dates';

/** What an apply actually changed. */
export interface ImportTally {
  reviews: number;
  cardStates: number;
  reads: number;
  casePractices: number;
}

/** A tally of nothing, to pass to the apply functions. */
export function emptyImportTally(): ImportTally {
  return { reviews: 0, cardStates: 0, reads: 0, casePractices: 0 };
}

const byTimeThenId = (a: StoredLog, b: StoredLog): number => a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The card's last review in stored parts: the later of its scheduling's lastReview and its newest log entry. */
function lastReviewAt(parts: CardParts): number | undefined {
  let last = parts.sched === 0 ? undefined : parts.sched[8];
  for (const e of parts.log) if (last === undefined || e[2] > last) last = e[2];
  return last;
}

/**
 * One card's import, on the stored parts: adds the plan's reviews the log lacks (by local id, never one
 * undone here), and takes the plan's state when the file's last review is newer than the card's last
 * review before this import, or the card has nothing stored. Taking a state restamps scheduling and
 * flags with `now` so other windows' merges keep it. Returns undefined when nothing changes.
 */
export function applyCardImport(parts: CardParts, change: CardImport, now: number, tally?: ImportTally): CardParts | undefined {
  const prefix = `${change.cardId}#`;
  const taken = new Set([...parts.log.map((e) => e[0]), ...parts.undone]);
  const added: StoredLog[] = [];
  for (const r of change.reviews) {
    const localId = r.id.slice(prefix.length);
    if (!r.id.startsWith(prefix) || r.cardId !== change.cardId || !localId || taken.has(localId)) continue;
    taken.add(localId);
    added.push(encodeLog(localId, r.rating, r.reviewedAt.getTime(), r.durationMs, r.correct, r.xp));
  }
  let next = parts;
  let stateChanged = false;
  const state = change.state;
  const hasRecord = parts.sched !== 0 || parts.log.length > 0 || parts.flags !== 0 || parts.undone.length > 0;
  const mine = lastReviewAt(parts);
  const theirs = change.importedLastReviewAt;
  if (state && (!hasRecord || (theirs !== undefined && (mine === undefined || theirs > mine)))) {
    const sched = state.card ? encodeSched(state.card) : 0;
    if (JSON.stringify(sched) !== JSON.stringify(parts.sched)) {
      next = { ...next, sched, schedAt: Math.max(now, parts.schedAt + 1) };
      stateChanged = true;
    }
    const old = parts.flags === 0 ? ([0, 0, 0] as const) : parts.flags;
    const flags: StoredFlags = [state.suspended ? 1 : 0, state.buriedUntil?.getTime() ?? 0, Math.max(now, old[2] + 1)];
    if (flags[0] !== old[0] || flags[1] !== old[1]) {
      next = { ...next, flags };
      stateChanged = true;
    }
  }
  if (added.length) next = { ...next, log: [...parts.log, ...added].sort(byTimeThenId) };
  if (!added.length && !stateChanged) return undefined;
  if (tally) {
    tally.reviews += added.length;
    if (stateChanged) tally.cardStates++;
  }
  return next;
}

/**
 * Reads and case practices, on the stored progress value: a read is added when absent, or when the
 * lesson was last marked incomplete before the file says it was completed; case practices are added
 * by id. Returns `progress` itself when nothing changes.
 */
export function applyProgressImport(progress: StoredProgress, plan: Pick<ImportPlan, 'reads' | 'casePractices'>, tally?: ImportTally): StoredProgress {
  let l = progress.l;
  let reads = 0;
  for (const { id, completedAt } of plan.reads) {
    const at = completedAt.getTime();
    const local = own(l, id);
    if (local && (local[1] === 1 || local[0] >= at)) continue;
    l = withEntry<StoredProgress['l'][string]>(l, id, [local ? Math.max(at, local[0] + 1) : at, 1]);
    reads++;
  }
  const ids = new Set(progress.p.map((c) => c[0]));
  const added: StoredCase[] = [];
  for (const p of plan.casePractices) {
    if (ids.has(p.id)) continue;
    ids.add(p.id);
    added.push([p.id, p.caseId, p.practicedAt.getTime(), p.score, p.maxScore, [...p.missed]]);
  }
  if (!reads && !added.length) return progress;
  if (tally) {
    tally.reads += reads;
    tally.casePractices += added.length;
  }
  const p = added.length ? [...progress.p, ...added].sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1)) : progress.p;
  return { ...progress, l, p };
}

/**
 * The imported interview dates that would change the stored ones: new ids, or a known id with another
 * date or role. Stored interviews the file lacks stay (an import adds, it never deletes).
 */
export function interviewsToImport(current: readonly Interview[], imported: readonly Interview[]): Interview[] {
  const byId = new Map(current.map((i) => [i.id, i]));
  return imported.filter((i) => {
    const mine = byId.get(i.id);
    return !mine || mine.date !== i.date || mine.roleId !== i.roleId;
  });
}
