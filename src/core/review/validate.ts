/**
 * Reading stored values: validation with zod/mini, entry by entry, so one bad card or log entry is dropped
 * (and kept in quarantine) while the rest of its key survives. Nothing here writes; findings are collected
 * for the store to report and quarantine.
 */
import * as z from 'zod/mini';
import { isContentId } from '../ids';
import { FORMAT_VERSION, emptyProgress, emptyShard, emptyUndo, packCard, unpackCard } from './format';
import type { QuarantineItem, StoredCard, StoredCase, StoredLog, StoredProgress, StoredShard, StoredUndo, StoredUndoStack } from './format';
import { dict, hasOwn } from './dict';
import { shardOf } from './keys';
import { byTimeThenId } from './merge';
import { quickCard } from './quickCheck';

/** What reading found wrong, for one `onProblem` report and one quarantine write. */
export interface Findings {
  readonly problems: string[];
  readonly quarantine: QuarantineItem[];
  futureVersion: boolean;
  readonly at: number | null;
}

/** Empty findings; `at` stamps quarantined values. */
export function newFindings(at: number | null): Findings {
  return { problems: [], quarantine: [], futureVersion: false, at };
}

/** Notes a value that could not be kept, and keeps it for quarantine. */
export function reject(findings: Findings, key: string, details: string, value: unknown, kind: QuarantineItem['kind'] = 'corrupt'): void {
  findings.problems.push(`${key}: ${details}`);
  findings.quarantine.push({ at: findings.at, kind, key, details, value });
  if (kind === 'future-version') findings.futureVersion = true;
}

// Plain number ranges and multi-value literals rather than z.int() and unions: the same guarantees that
// matter here at about a third of the cost, which counts when opening 60,000 entries.
const ms = z.number().check(z.gte(0), z.lte(8.64e15));
const count = z.number().check(z.gte(0));
const bit = z.literal([0, 1]);
const localId = z.string().check(z.minLength(1), z.maxLength(64));
const contentId = z.string().check(z.refine(isContentId, 'not a content id'));
/** A stored scheduling tuple. */
// Stability and difficulty within what ts-fsrs accepts (it throws on difficulty below 1 or stability below
// 0.001), so a card that would freeze the scheduler is quarantined on read instead.
export const schedSchema = z.tuple([
  ms,
  z.number().check(z.gte(0.001), z.lte(1e6)),
  z.number().check(z.gte(1), z.lte(10)),
  count,
  count,
  count,
  count,
  z.literal([1, 2, 3]),
  ms,
]);
const flagsSchema = z.tuple([bit, ms, ms]);
const cardSchema = z.tuple([z.unknown(), z.array(z.unknown()), z.optional(ms), z.optional(z.unknown()), z.optional(z.array(localId))]);
const logSchema = z.tuple([localId, z.literal([1, 2, 3, 4]), ms, count, z.optional(z.nullable(bit)), z.optional(z.nullable(z.number()))]);
const stamp = { v: z.literal(FORMAT_VERSION), rev: count, w: z.string().check(z.maxLength(64)) };
const shardSchema = z.object({ ...stamp, c: z.record(z.string(), z.unknown()) });
const progressSchema = z.object({ ...stamp, l: z.record(z.string(), z.unknown()), p: z.array(z.unknown()) });
const lessonSchema = z.tuple([ms, bit]);
const caseSchema = z.tuple([localId, contentId, ms, count, count, z.array(z.string().check(z.minLength(1), z.maxLength(200)))]);
const undoSchema = z.object({ ...stamp, u: z.array(z.unknown()), x: z.array(z.tuple([z.string(), ms])) });
const undoEntrySchema = z.tuple([z.string(), contentId, ms, z.union([z.literal(0), schedSchema]), ms]);

function issue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.message}${first.path.length ? ` at [${first.path.map(String).join('.')}]` : ''}` : 'invalid';
}

/**
 * Checks a stored envelope's version. Undefined means "nothing stored"; a number above the current
 * version is a future version; a wrong shape is corrupt. Returns whether the value may be parsed.
 */
function envelopeOk(raw: unknown, key: string, findings: Findings): boolean {
  if (raw === undefined) return false;
  const v = typeof raw === 'object' && raw !== null ? (raw as { v?: unknown }).v : undefined;
  if (typeof v === 'number' && v > FORMAT_VERSION) {
    reject(findings, key, `written by a newer Loop Prep (format ${v}); this version reads format ${FORMAT_VERSION}`, raw, 'future-version');
    return false;
  }
  return true;
}

/**
 * Reports an own `__proto__` entry in a stored record: zod's record parse skips it silently, and it is
 * never a content id, so it is dropped into quarantine like any other bad id.
 */
function protoKey(raw: unknown, field: string, key: string, findings: Findings): void {
  const record = (raw as Record<string, unknown>)[field];
  if (typeof record === 'object' && record !== null && hasOwn(record as Record<string, unknown>, '__proto__')) {
    reject(findings, key, 'entry "__proto__" dropped: not a content id', { ['__proto__']: (record as Record<string, unknown>)['__proto__'] });
  }
}

/** Validates one card: the card itself, then each log entry; drops bad log entries and duplicates. */
export function readCard(raw: unknown, id: string, key: string, findings: Findings): StoredCard | undefined {
  return quickCard(raw) ?? readCardChecked(raw, id, key, findings);
}

/** `readCard` without the fast path (quickCheck.ts): every value through the schemas. */
export function readCardChecked(raw: unknown, id: string, key: string, findings: Findings): StoredCard | undefined {
  const parsed = cardSchema.safeParse(raw);
  const [sched, , , flags] = parsed.success ? parsed.data : [];
  const schedOk = sched === 0 || schedSchema.safeParse(sched).success;
  const flagsOk = flags === undefined || flags === 0 || flagsSchema.safeParse(flags).success;
  if (!parsed.success || !schedOk || !flagsOk) {
    const why = !parsed.success ? issue(parsed.error) : !schedOk ? 'bad scheduling state' : 'bad flags';
    reject(findings, key, `card "${id}" dropped: ${why}`, { [id]: raw });
    return undefined;
  }
  const parts = unpackCard(parsed.data as StoredCard);
  const undone = new Set(parts.undone);
  const seen = new Set<string>();
  const log: StoredLog[] = [];
  let sorted = true;
  for (const entry of parts.log as unknown[]) {
    const e = logSchema.safeParse(entry);
    if (!e.success) reject(findings, key, `a review of "${id}" dropped: ${issue(e.error)}`, { [id]: entry });
    else if (!seen.has(e.data[0]) && !undone.has(e.data[0])) {
      seen.add(e.data[0]);
      if (log.length && byTimeThenId(log[log.length - 1], e.data as StoredLog) > 0) sorted = false;
      log.push(e.data as StoredLog);
    }
  }
  if (!sorted) log.sort(byTimeThenId);
  return packCard({ ...parts, log });
}

/** Reads shard `index`; a missing shard is empty, a corrupt one is quarantined and read as empty. */
export function readShard(raw: unknown, index: number, key: string, findings: Findings, writer: string): StoredShard {
  if (!envelopeOk(raw, key, findings)) return emptyShard(writer);
  const parsed = shardSchema.safeParse(raw);
  if (!parsed.success) {
    reject(findings, key, `unreadable, started empty: ${issue(parsed.error)}`, raw);
    return emptyShard(writer);
  }
  const c = dict<StoredCard>();
  protoKey(raw, 'c', key, findings);
  for (const [id, value] of Object.entries(parsed.data.c)) {
    if (!isContentId(id) || shardOf(id) !== index) {
      reject(findings, key, `card "${id}" dropped: ${isContentId(id) ? 'stored in the wrong shard' : 'not a content id'}`, { [id]: value });
      continue;
    }
    const card = readCard(value, id, key, findings);
    if (card) c[id] = card;
  }
  return { v: FORMAT_VERSION, rev: parsed.data.rev, w: parsed.data.w, c };
}

/** Reads lessons and case practices, dropping bad entries one by one. */
export function readProgress(raw: unknown, key: string, findings: Findings, writer: string): StoredProgress {
  if (!envelopeOk(raw, key, findings)) return emptyProgress(writer);
  const parsed = progressSchema.safeParse(raw);
  if (!parsed.success) {
    reject(findings, key, `unreadable, started empty: ${issue(parsed.error)}`, raw);
    return emptyProgress(writer);
  }
  const l = dict<StoredProgress['l'][string]>();
  protoKey(raw, 'l', key, findings);
  for (const [id, value] of Object.entries(parsed.data.l)) {
    const entry = lessonSchema.safeParse(value);
    if (entry.success && isContentId(id)) l[id] = entry.data;
    else reject(findings, key, `lesson "${id}" dropped`, { [id]: value });
  }
  const p: StoredCase[] = [];
  for (const value of parsed.data.p) {
    const entry = caseSchema.safeParse(value);
    if (entry.success) p.push(entry.data as StoredCase);
    else reject(findings, key, `a case practice dropped: ${issue(entry.error)}`, value);
  }
  return { v: FORMAT_VERSION, rev: parsed.data.rev, w: parsed.data.w, l, p };
}

/** Reads the undo stack; bad entries are dropped (undo is a convenience, so they are not quarantined). */
export function readUndo(raw: unknown, key: string, findings: Findings, writer: string): StoredUndoStack {
  if (!envelopeOk(raw, key, findings)) return emptyUndo(writer);
  const parsed = undoSchema.safeParse(raw);
  if (!parsed.success) {
    reject(findings, key, `unreadable, started empty: ${issue(parsed.error)}`, raw);
    return emptyUndo(writer);
  }
  const u = parsed.data.u.filter((e): e is StoredUndo => undoEntrySchema.safeParse(e).success);
  if (u.length < parsed.data.u.length) findings.problems.push(`${key}: ${parsed.data.u.length - u.length} undo entries dropped`);
  return { v: FORMAT_VERSION, rev: parsed.data.rev, w: parsed.data.w, u, x: parsed.data.x };
}
