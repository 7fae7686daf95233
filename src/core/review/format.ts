/**
 * Stored format v2 of the review state: plain JSON, dates as epoch ms, tuples instead of objects so that
 * 10,000 cards with a few reviews each stay well under 3 MB.
 *
 *   loopPrep.review              { version: 2 }
 *   loopPrep.review.cards.<0-63> { v: 2, rev, w, c: { [cardId]: StoredCard } }   (shard = shardOf(cardId))
 *   loopPrep.review.progress     { v: 2, rev, w, l: { [lessonId]: [at, done 0|1] }, p: StoredCase[] }
 *   loopPrep.review.undo         { v: 2, rev, w, u: StoredUndo[] (oldest first), x: [undone review id, at][] }
 *   loopPrep.review.history      { v: 1, rev, w, g, a, d, c }   reviews folded out of the card logs (fold.ts)
 *   loopPrep.review.quarantine   QuarantineItem[]
 *
 *   StoredCard  [sched | 0, log, schedAt?, flags | 0?, undone?]   trailing defaults omitted
 *   sched       [due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, phase 1-3, lastReview]
 *   log entry   [localId, rating 1-4, reviewedAt, durationMs, correct? 1|0|null, xp? number|null]
 *   schedAt     when the scheduling last changed (review, undo, reset); omitted when equal to lastReview
 *   flags       [suspended 0|1, buriedUntil (0 none), changedAt]
 *   undone      local ids of undone reviews: tombstones, so a merge never brings them back
 *
 * Card logs hold only what is not folded: the journal check after open folds every review the journal
 * holds into the history key, except each card's newest and those on the undo stack (fold.ts). A card's
 * fold is a prefix of its log, so an entry at or below the card's watermark is counted there and never
 * kept raw. The key is an addition to format 2: a build without it reads the raw logs it finds.
 *
 * `rev` and `w` (a revision counter and the writer's id) stamp every written value; a store that finds a
 * stamp it did not write knows another window wrote in between, and merges (merge.ts).
 */
import { dict } from './dict';
import type { CardPhase, CardState, Rating, ReviewCard, ReviewEntry } from './types';

/** The stored format this code writes and reads (v1 is migrated on open). */
export const FORMAT_VERSION = 2;

/** A reviewed card's scheduling state; see the table above. */
export type StoredSched = [
  due: number,
  stability: number,
  difficulty: number,
  scheduledDays: number,
  learningSteps: number,
  reps: number,
  lapses: number,
  phase: 1 | 2 | 3,
  lastReview: number,
];
/** One review in a card's log. */
export type StoredLog = [localId: string, rating: Rating, reviewedAt: number, durationMs: number, correct?: 0 | 1 | null, xp?: number | null];
/** Suspension and bury, with when they last changed (for merges). */
export type StoredFlags = [suspended: 0 | 1, buriedUntil: number, changedAt: number];
/** Everything stored for one card. */
export type StoredCard = [sched: StoredSched | 0, log: StoredLog[], schedAt?: number, flags?: StoredFlags | 0, undone?: string[]];
/** One case practice. */
export type StoredCase = [id: string, caseId: string, practicedAt: number, score: number, maxScore: number, missed: string[]];
/** One undo entry: the review and the card's scheduling before it. */
export type StoredUndo = [reviewId: string, cardId: string, reviewedAt: number, previous: StoredSched | 0, previousSchedAt: number];

interface Stamped {
  v: 2;
  rev: number;
  w: string;
}
/** A shard key's value: the cards whose ids hash to it. */
export interface StoredShard extends Stamped {
  /** Null-prototype (dict.ts): any id is an own key or absent. */
  c: Record<string, StoredCard>;
}
/** The progress key's value: lessons and case practices. */
export interface StoredProgress extends Stamped {
  /** Null-prototype (dict.ts). */
  l: Record<string, [at: number, done: 0 | 1]>;
  p: StoredCase[];
}
/** The undo key's value. */
export interface StoredUndoStack extends Stamped {
  u: StoredUndo[];
  /** Undone review ids with when they were undone, newest 200. */
  x: [reviewId: string, undoneAt: number][];
}
/** One kept-aside value in the quarantine list. */
export interface QuarantineItem {
  at: number | null;
  kind: 'corrupt' | 'future-version';
  key: string;
  details: string;
  value: unknown;
}

/** A card's parts, unpacked from the tuple with defaults filled in. */
export interface CardParts {
  sched: StoredSched | 0;
  log: StoredLog[];
  schedAt: number;
  flags: StoredFlags | 0;
  undone: string[];
}

const PHASE_CODES: Readonly<Record<CardPhase, 1 | 2 | 3>> = { learning: 1, review: 2, relearning: 3 };
const PHASES: readonly CardPhase[] = ['learning', 'learning', 'review', 'relearning'];

/** Four decimals keep stability (days) and difficulty (1-10) exact enough and the JSON short. */
function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Encodes a card's scheduling; stability and difficulty are rounded to four decimals. */
export function encodeSched(card: ReviewCard): StoredSched {
  return [
    card.due.getTime(),
    round4(card.stability),
    round4(card.difficulty),
    card.scheduledDays,
    card.learningSteps,
    card.reps,
    card.lapses,
    PHASE_CODES[card.phase],
    card.lastReview.getTime(),
  ];
}

/** Decodes scheduling; 0 (new) gives undefined. */
export function decodeSched(s: StoredSched | 0): ReviewCard | undefined {
  if (s === 0) return undefined;
  return {
    due: new Date(s[0]),
    stability: s[1],
    difficulty: s[2],
    scheduledDays: s[3],
    learningSteps: s[4],
    reps: s[5],
    lapses: s[6],
    phase: PHASES[s[7]],
    lastReview: new Date(s[8]),
  };
}

/** Unpacks a stored card, filling in omitted trailing parts. */
export function unpackCard(record: StoredCard): CardParts {
  const sched = record[0];
  return { sched, log: record[1], schedAt: record[2] ?? (sched === 0 ? 0 : sched[8]), flags: record[3] ?? 0, undone: record[4] ?? [] };
}

/** Packs a card, leaving out trailing parts that hold their defaults. */
export function packCard(parts: CardParts): StoredCard {
  const record: StoredCard = [parts.sched, parts.log];
  const defaultSchedAt = parts.sched === 0 ? 0 : parts.sched[8];
  const tail: [number, StoredFlags | 0, string[]] = [parts.schedAt, parts.flags, parts.undone];
  let keep = 0;
  if (parts.undone.length) keep = 3;
  else if (parts.flags !== 0) keep = 2;
  else if (parts.schedAt !== defaultSchedAt) keep = 1;
  if (keep >= 1) record.push(tail[0]);
  if (keep >= 2) record.push(tail[1]);
  if (keep >= 3) record.push(tail[2]);
  return record;
}

/** The in-memory view of a stored card. */
export function cardStateOf(record: StoredCard): CardState {
  const { sched, flags } = unpackCard(record);
  return { card: decodeSched(sched), suspended: flags !== 0 && flags[0] === 1, buriedUntil: flags !== 0 && flags[1] > 0 ? new Date(flags[1]) : undefined };
}

/** Global review id: card ids are kebab-case, so '#' separates them unambiguously. */
export function reviewId(cardId: string, localId: string): string {
  return `${cardId}#${localId}`;
}

/** Decodes one log entry of a card. */
export function decodeLog(cardId: string, entry: StoredLog): ReviewEntry {
  const correct = entry[4];
  const xp = entry[5];
  return {
    id: reviewId(cardId, entry[0]),
    cardId,
    rating: entry[1],
    reviewedAt: new Date(entry[2]),
    correct: correct == null ? undefined : correct === 1,
    durationMs: entry[3],
    xp: xp ?? undefined,
  };
}

/** Encodes one review; unknown trailing fields are left out. */
export function encodeLog(
  localId: string,
  rating: Rating,
  reviewedAt: number,
  durationMs: number,
  correct: boolean | undefined,
  xp: number | undefined,
): StoredLog {
  const entry: StoredLog = [localId, rating, reviewedAt, Math.max(0, Math.round(durationMs))];
  if (xp !== undefined) entry.push(correct === undefined ? null : correct ? 1 : 0, xp);
  else if (correct !== undefined) entry.push(correct ? 1 : 0);
  return entry;
}

/** A shard with no cards, revision 0. */
export function emptyShard(writer: string): StoredShard {
  return { v: FORMAT_VERSION, rev: 0, w: writer, c: dict() };
}

/** Progress with no lessons or cases, revision 0. */
export function emptyProgress(writer: string): StoredProgress {
  return { v: FORMAT_VERSION, rev: 0, w: writer, l: dict(), p: [] };
}

/** An empty undo stack, revision 0. */
export function emptyUndo(writer: string): StoredUndoStack {
  return { v: FORMAT_VERSION, rev: 0, w: writer, u: [], x: [] };
}

/** The stamp of a stored value, '' when it has none: compared to tell whether another writer wrote. */
export function stampOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const { rev, w } = value as { rev?: unknown; w?: unknown };
  return typeof rev === 'number' && typeof w === 'string' ? `${rev}:${w}` : '';
}
