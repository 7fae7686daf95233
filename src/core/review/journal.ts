/**
 * The review journal: every change to the review state, one JSON line per event, in segment files that
 * each belong to one writer (one window), so concurrent windows never share a file and never lose a line.
 * It is the history's second home: globalState can vanish (the browser workbench drops a value that is
 * not JSON before the extension sees it), and the journal rebuilds it.
 *
 *   segment  seg-<startedAt base36>-<writer>-<n>.jsonl
 *   line 1   ["h", 1, writer, startedAt]                       header: format 1
 *   card     [kind, at, cardId, StoredCard]                     kind r review, u undo, s state, i import, b base
 *   review   ["r", at, cardId, StoredCard, { a: answer }]       the same, with the answer the user typed (optional)
 *   lesson   ["l", at, lessonId, [lessonAt, done 0|1]]
 *   case     ["p", at, StoredCase]
 *
 * A card line is a patch in the stored card format (format.ts): the scheduling and flags after the
 * event, the log entries it added and the review ids it undid. Folding patches is the same merge that
 * joins two windows' writes (merge.ts): commutative and idempotent, so segments can be read in any
 * order, and reading a line twice changes nothing. Pure: the files come and go through `JournalFs`.
 */
import * as z from 'zod/mini';
import { isContentId } from '../ids';
import { dict, own } from './dict';
import { emptyProgress, emptyShard, packCard, unpackCard } from './format';
import type { StoredCard, StoredCase, StoredFlags, StoredLog, StoredProgress, StoredSched, StoredShard } from './format';
import { REVIEW_SHARD_COUNT, shardOf } from './keys';
import { byTimeThenId } from './merge';
import { quickCardLine } from './quickCheck';
import { newFindings, readCard } from './validate';

/** The slice of a file system the journal needs, relative to its folder; the extension adapts `vscode.workspace.fs`. */
export interface JournalFs {
  /** Names of the files in the journal folder; [] when it does not exist. */
  list(): Promise<string[]>;
  read(name: string): Promise<string>;
  /** Replaces the file's whole content; the adapter makes this atomic where it can (write, then rename). */
  write(name: string, text: string): Promise<void>;
}

/** The journal format this code writes and reads. */
export const JOURNAL_VERSION = 1;
/** Kinds of card lines: review, undo, state change (suspend, bury, reset), import, base (state copied in). */
export type CardLineKind = 'r' | 'u' | 's' | 'i' | 'b';
export type JournalLine =
  | ['h', number, string, number]
  | [CardLineKind, number, string, StoredCard]
  | ['r', number, string, StoredCard, ReviewExtra]
  | ['l', number, string, [number, 0 | 1]]
  | ['p', number, StoredCase];

/** What a review line may carry beyond the card patch: the answer typed before the reveal. */
export interface ReviewExtra {
  readonly a?: string;
}

/** A typed answer kept in the journal is cut to this many characters. */
export const JOURNAL_ANSWER_MAX = 4000;

/** Segment file names: `seg-<startedAt>-<writer>-<n>.jsonl`. */
export const SEGMENT_NAME = /^seg-[0-9a-z]+-[0-9a-z]{4}-\d+\.jsonl$/;

export function segmentName(startedAt: number, writer: string, n: number): string {
  return `seg-${startedAt.toString(36).padStart(9, '0')}-${writer}-${n}.jsonl`;
}

export function headerLine(writer: string, startedAt: number): string {
  return JSON.stringify(['h', JOURNAL_VERSION, writer, startedAt]);
}

export function cardLine(kind: CardLineKind, at: number, cardId: string, patch: StoredCard): string {
  return JSON.stringify([kind, at, cardId, patch]);
}

/**
 * `line` with `answer` attached when it is the review line of `cardId` at `at` (any other line comes
 * back unchanged). The store writes review lines; the journal writer attaches the answer.
 */
export function withAnswer(line: string, cardId: string, at: number, answer: string): string {
  if (!line.startsWith('["r",')) return line;
  const value = JSON.parse(line) as unknown[];
  if (value.length !== 4 || value[1] !== at || value[2] !== cardId) return line;
  const extra: ReviewExtra = { a: answer.slice(0, JOURNAL_ANSWER_MAX) };
  return JSON.stringify([...value, extra]);
}

export function lessonLine(at: number, lessonId: string, value: [number, 0 | 1]): string {
  return JSON.stringify(['l', at, lessonId, value]);
}

export function caseLine(at: number, practice: StoredCase): string {
  return JSON.stringify(['p', at, practice]);
}

/** Journal lines for what changed between two progress values: lessons set, case practices added. */
export function progressLines(before: StoredProgress, after: StoredProgress, now: number): string[] {
  const lines: string[] = [];
  for (const id of Object.keys(after.l)) {
    const v = after.l[id];
    const old = own(before.l, id);
    if (!old || old[0] !== v[0] || old[1] !== v[1]) lines.push(lessonLine(now, id, v));
  }
  const had = new Set(before.p.map((p) => p[0]));
  for (const p of after.p) if (!had.has(p[0])) lines.push(caseLine(now, p));
  return lines;
}

/** What folding the journal gives: the state it describes, and what could not be read. */
export interface JournalState {
  readonly cards: Map<string, StoredCard>;
  readonly lessons: Map<string, [number, 0 | 1]>;
  readonly cases: Map<string, StoredCase>;
  /** Each card's newest typed answer, from review lines that carry one. */
  readonly answers?: Map<string, { at: number; text: string }>;
  /** Lines read and applied. */
  lines: number;
  /** One sentence per unreadable file or line: where and what. */
  readonly problems: string[];
}

const ms = z.number().check(z.gte(0), z.lte(8.64e15));
const contentId = z.string().check(z.refine(isContentId, 'not a content id'));
const headerSchema = z.tuple([z.literal('h'), z.number(), z.string(), ms]);
const cardLineSchema = z.tuple([z.literal(['r', 'u', 's', 'i', 'b']), ms, contentId, z.unknown()]);
/** A review line with its extra (lines written before answers existed have none, and read as above). */
const reviewLineSchema = z.tuple([z.literal('r'), ms, contentId, z.unknown(), z.object({ a: z.optional(z.string().check(z.maxLength(JOURNAL_ANSWER_MAX))) })]);
const lessonLineSchema = z.tuple([z.literal('l'), ms, contentId, z.tuple([ms, z.literal([0, 1])])]);
const caseLineSchema = z.tuple([
  z.literal('p'),
  ms,
  z.tuple([
    z.string().check(z.minLength(1), z.maxLength(64)),
    contentId,
    ms,
    z.number().check(z.gte(0)),
    z.number().check(z.gte(0)),
    z.array(z.string().check(z.minLength(1), z.maxLength(200))),
  ]),
]);

/** Per-card accumulation while folding: cheaper than merging whole cards line by line. */
interface CardAcc {
  sched: StoredSched | 0;
  schedAt: number;
  flags: StoredFlags | 0;
  flagsAt: number;
  readonly log: Map<string, StoredLog>;
  readonly undone: Set<string>;
}

/** A card line through the schemas (the path `quickCardLine` stands in front of). */
export function parseCardLine(value: unknown) {
  return Array.isArray(value) && value.length === 5 ? reviewLineSchema.safeParse(value) : cardLineSchema.safeParse(value);
}

/** Folds segment texts into one state. Lines may come in any order and repeat. */
export class JournalFolder {
  private readonly acc = new Map<string, CardAcc>();
  private readonly lessons = new Map<string, [number, 0 | 1]>();
  private readonly cases = new Map<string, StoredCase>();
  private readonly answers = new Map<string, { at: number; text: string }>();
  private lines = 0;
  private readonly problems: string[] = [];

  /** Reads one segment's text; `name` is used in problem reports. */
  addSegment(name: string, text: string): void {
    const rows = text.split('\n');
    const complete = text.endsWith('\n');
    if (complete) rows.pop();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row.trim()) continue;
      const torn = i === rows.length - 1 && !complete;
      const why = this.addLine(row, i === 0);
      if (why === 'future') {
        this.problems.push(`${name}: written by a newer Loop Prep (journal format ${JSON.parse(row)[1]}); skipped`);
        return;
      }
      if (why) this.problems.push(torn ? `${name}, line ${i + 1}: torn last line (an interrupted write), skipped` : `${name}, line ${i + 1}: ${why}; skipped`);
    }
  }

  /** Applies one line; returns why it was skipped, or undefined. */
  private addLine(row: string, first: boolean): string | undefined {
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch {
      return 'not JSON';
    }
    const kind = Array.isArray(value) ? value[0] : undefined;
    if (kind === 'h') {
      const h = headerSchema.safeParse(value);
      if (!h.success) return 'unreadable header';
      if (h.data[1] > JOURNAL_VERSION) return 'future';
      return first ? undefined : 'header in the middle of a segment';
    }
    if (kind === 'l') {
      const l = lessonLineSchema.safeParse(value);
      if (!l.success) return 'unreadable lesson line';
      const [, , id, v] = l.data;
      const prev = this.lessons.get(id);
      if (!prev || v[0] > prev[0] || (v[0] === prev[0] && v[1] > prev[1])) this.lessons.set(id, [v[0], v[1]]);
    } else if (kind === 'p') {
      const p = caseLineSchema.safeParse(value);
      if (!p.success) return 'unreadable case practice line';
      if (!this.cases.has(p.data[2][0])) this.cases.set(p.data[2][0], p.data[2] as StoredCase);
    } else {
      const c = quickCardLine(value, JOURNAL_ANSWER_MAX) ?? parseCardLine(value);
      if (!c.success) return 'unreadable line';
      const findings = newFindings(null);
      const card = readCard(c.data[3], c.data[2], 'journal', findings);
      if (!card || findings.problems.length) return `unreadable card "${c.data[2]}"`;
      this.addCard(c.data[2], card);
      const answer = c.data.length === 5 ? c.data[4].a : undefined;
      if (answer !== undefined) this.noteAnswer(c.data[2], c.data[1], answer);
    }
    this.lines++;
    return undefined;
  }

  private noteAnswer(id: string, at: number, text: string): void {
    const prev = this.answers.get(id);
    if (!prev || at > prev.at) this.answers.set(id, { at, text });
  }

  private addCard(id: string, record: StoredCard): void {
    const parts = unpackCard(record);
    let a = this.acc.get(id);
    if (!a) {
      a = { sched: 0, schedAt: -1, flags: 0, flagsAt: -1, log: new Map(), undone: new Set() };
      this.acc.set(id, a);
    }
    if (parts.schedAt > a.schedAt || (parts.schedAt === a.schedAt && JSON.stringify(parts.sched) > JSON.stringify(a.sched))) {
      a.sched = parts.sched;
      a.schedAt = parts.schedAt;
    }
    const flagsAt = parts.flags === 0 ? 0 : parts.flags[2];
    if (flagsAt > a.flagsAt || (flagsAt === a.flagsAt && JSON.stringify(parts.flags) > JSON.stringify(a.flags))) {
      a.flags = parts.flags;
      a.flagsAt = flagsAt;
    }
    for (const e of parts.log) if (!a.log.has(e[0])) a.log.set(e[0], e);
    for (const u of parts.undone) a.undone.add(u);
  }

  /** The folded state. */
  result(): JournalState {
    const cards = new Map<string, StoredCard>();
    for (const [id, a] of this.acc) {
      const log = [...a.log.values()].filter((e) => !a.undone.has(e[0])).sort(byTimeThenId);
      cards.set(id, packCard({ sched: a.sched, schedAt: Math.max(0, a.schedAt), flags: a.flags, log, undone: [...a.undone].sort() }));
    }
    return {
      cards,
      lessons: new Map(this.lessons),
      cases: new Map(this.cases),
      answers: new Map(this.answers),
      lines: this.lines,
      problems: [...this.problems],
    };
  }
}

/** Reads every segment in the journal folder and folds them; a file that cannot be read is reported and skipped. */
export async function readJournal(fs: JournalFs): Promise<JournalState> {
  const folder = new JournalFolder();
  const problems: string[] = [];
  let names: string[] = [];
  try {
    names = (await fs.list()).filter((n) => SEGMENT_NAME.test(n)).sort();
  } catch (err) {
    problems.push(`journal folder unreadable: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const name of names) {
    let text: string;
    try {
      text = await fs.read(name);
    } catch (err) {
      problems.push(`${name}: unreadable (${err instanceof Error ? err.message : String(err)}); skipped`);
      continue;
    }
    folder.addSegment(name, text);
  }
  const state = folder.result();
  state.problems.unshift(...problems);
  return state;
}

/** How many reviews a journal state holds. */
export function reviewCount(state: Pick<JournalState, 'cards'>): number {
  let n = 0;
  for (const record of state.cards.values()) n += record[1].length;
  return n;
}

/** The journal state in the stored layout (shards and progress, null-prototype), for merging into globalState. */
export function journalAsStored(state: JournalState, writer: string): { shards: StoredShard[]; progress: StoredProgress } {
  const shards = Array.from({ length: REVIEW_SHARD_COUNT }, () => emptyShard(writer));
  for (const [id, record] of state.cards) shards[shardOf(id)].c[id] = record;
  const progress = emptyProgress(writer);
  const l = dict<[number, 0 | 1]>();
  for (const [id, v] of state.lessons) l[id] = v;
  progress.l = l;
  progress.p = [...state.cases.values()].sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
  return { shards, progress };
}
