/**
 * Reading an export file (format in exportFormat.ts). `parseImport` validates everything before anything
 * is used and refuses the whole file, with one clear message, on any of:
 *   tooLarge        longer than `maxBytes` (UTF-8), checked before JSON.parse
 *   notJson         not valid JSON
 *   wrongShape      not a Loop Prep export, or a field out of its type or range (the message names it)
 *   futureVersion   a formatVersion newer than this code reads
 *   futureTimestamp a review, read, practice, card state or the export itself dated more than a day after now
 * Reviews and card states of cards the bank does not have are kept, not refused (a pack may come back),
 * and listed in `unknownCards`. Pure: nothing is read but the arguments.
 */
import * as z from 'zod/mini';
import { isContentId } from '../ids';
import type { CardState, CasePractice, ReviewEntry } from '../review/types';
import { EXPORT_FORMAT_VERSION } from './exportFormat';
import type { ExportSettings } from './exportFormat';
import { DAY_MS } from '../time';
import { utf8Length } from '../text';
import { dayOfDate } from '../interview/dates';
import type { Interview } from '../interview/dates';

/** The default largest file `parseImport` accepts: 50 MB. */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** How far past `now` a date may be (clock skew between machines) before the file is refused. */
export const FUTURE_TOLERANCE_MS = DAY_MS;

/** Why a file was refused. */
export type ImportErrorKind = 'tooLarge' | 'notJson' | 'wrongShape' | 'futureVersion' | 'futureTimestamp';

/** A refusal; `message` is a complete sentence for the user. */
export interface ImportError {
  readonly kind: ImportErrorKind;
  readonly message: string;
}

/** A parsed file, in the review store's own types. */
export interface ImportData {
  readonly formatVersion: number;
  readonly exportedAt: Date;
  readonly settings: ExportSettings;
  readonly reviews: readonly ReviewEntry[];
  readonly cards: ReadonlyMap<string, CardState>;
  readonly reads: ReadonlyMap<string, Date>;
  readonly casePractices: readonly CasePractice[];
  /** Interview dates; empty or absent when the file has none. */
  readonly interviews?: readonly Interview[];
}

/** Cards the file mentions that the bank lacks: kept, and reported. */
export interface UnknownCards {
  /** Sorted. */
  readonly cardIds: readonly string[];
  /** Reviews of those cards in the file. */
  readonly reviews: number;
}

/** The outcome of `parseImport`. */
export type ParseImportResult =
  { readonly ok: true; readonly data: ImportData; readonly unknownCards: UnknownCards } | { readonly ok: false; readonly error: ImportError };

/** Options for `parseImport`. */
export interface ParseImportOptions {
  readonly now: Date;
  /** Every card id in the current bank, to report the file's unknown cards. */
  readonly knownCardIds: ReadonlySet<string>;
  /** Default `DEFAULT_MAX_IMPORT_BYTES`. */
  readonly maxBytes?: number;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isInstant = (s: string): boolean => ISO_INSTANT.test(s) && Date.parse(s) >= 0 && Date.parse(s) <= 8.64e15;
const instant = z.string().check(z.refine(isInstant, 'must be an ISO 8601 date such as "2026-03-01T09:00:00.000Z"'));
const contentId = z.string().check(z.refine(isContentId, 'must be a content id (lowercase kebab-case, at most 80 characters)'));
const localId = z.string().check(z.minLength(1), z.maxLength(64));
const count = z.int().check(z.gte(0));
const amount = z.number().check(z.gte(0));

const fileSchema = z.object({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  app: z.literal('loop-prep'),
  exportedAt: instant,
  settings: z.object({
    role: z.nullable(contentId),
    desiredRetention: z.number().check(z.gte(0.7), z.lte(0.97)),
    newCardsPerDay: z.int().check(z.gte(0), z.lte(500)),
    sessionSize: z.int().check(z.gte(1), z.lte(200)),
  }),
  reviews: z.array(
    z.object({
      id: z.string().check(z.minLength(3), z.maxLength(145)),
      cardId: contentId,
      rating: z.literal([1, 2, 3, 4]),
      reviewedAt: instant,
      durationMs: amount,
      correct: z.optional(z.nullable(z.boolean())),
      xp: z.optional(z.nullable(amount)),
    }),
  ),
  cards: z.array(
    z.object({
      cardId: contentId,
      suspended: z.boolean(),
      buriedUntil: z.nullable(instant),
      fsrs: z.nullable(
        z.object({
          due: instant,
          stability: amount,
          difficulty: z.number().check(z.gte(0), z.lte(10)),
          scheduledDays: count,
          learningSteps: count,
          reps: count,
          lapses: count,
          phase: z.enum(['learning', 'review', 'relearning']),
          lastReview: instant,
        }),
      ),
    }),
  ),
  reads: z.array(z.object({ id: contentId, completedAt: instant })),
  casePractices: z.array(
    z.object({
      id: localId,
      caseId: contentId,
      practicedAt: instant,
      score: amount,
      maxScore: amount,
      missed: z.array(z.string().check(z.minLength(1), z.maxLength(200))),
    }),
  ),
  interviews: z.optional(
    z
      .array(
        z.object({
          id: localId,
          date: z.string().check(z.refine((d) => dayOfDate(d) !== undefined, 'must be a date such as "2026-03-20"')),
          roleId: contentId,
          createdAt: instant,
        }),
      )
      .check(z.maxLength(50)),
  ),
});

interface Issue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: string;
}

/** "reviews[3].rating" */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || 'the file';
}

/** One zod issue in words: zod/mini carries no messages of its own, so they are made here. */
export function describeIssue(issue: Issue): string {
  const where = pathText(issue.path);
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' entries' : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${where} must be ${issue.expected === 'int' ? 'a whole number' : issue.expected === 'array' || issue.expected === 'object' ? `an ${issue.expected}` : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${where} must be ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      return `${where} must be at least ${String(issue.minimum)}${unit}`;
    case 'too_big':
      return `${where} must be at most ${String(issue.maximum)}${unit}`;
    default:
      return `${where} ${issue.message}`;
  }
}

const mb = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`);

/** The refusal for a file of `bytes` bytes, if it is too large: for checking a file's size before reading it. */
export function importSizeError(bytes: number, maxBytes = DEFAULT_MAX_IMPORT_BYTES): ImportError | undefined {
  if (bytes <= maxBytes) return undefined;
  return { kind: 'tooLarge', message: `This file is ${mb(bytes)}; Loop Prep imports files of at most ${mb(maxBytes)}. Nothing was imported.` };
}

const refuse = (kind: ImportErrorKind, message: string): ParseImportResult => ({ ok: false, error: { kind, message } });
const wrongShape = (why: string): ParseImportResult => refuse('wrongShape', `This is not a Loop Prep export file: ${why}. Nothing was imported.`);

/** Checks what the schema cannot: unique ids, review ids that name their card, scores within range. */
function consistencyProblem(file: z.infer<typeof fileSchema>): string | undefined {
  const unique = <T>(items: readonly T[], key: (t: T) => string, what: string): string | undefined => {
    const seen = new Set<string>();
    for (const item of items) {
      const k = key(item);
      if (seen.has(k)) return `${what} "${k}" appears twice`;
      seen.add(k);
    }
    return undefined;
  };
  for (const [i, r] of file.reviews.entries()) {
    if (!r.id.startsWith(`${r.cardId}#`) || r.id.length - r.cardId.length - 1 > 64)
      return `reviews[${i}].id must be "${r.cardId}#" followed by 1-64 characters`;
  }
  const bad = file.casePractices.findIndex((p) => p.score > p.maxScore);
  if (bad >= 0) return `casePractices[${bad}].score must not exceed its maxScore`;
  return (
    unique(file.reviews, (r) => r.id, 'review id') ??
    unique(file.cards, (c) => c.cardId, 'card') ??
    unique(file.reads, (r) => r.id, 'read') ??
    unique(file.casePractices, (p) => p.id, 'case practice id') ??
    unique(file.interviews ?? [], (i) => i.id, 'interview id')
  );
}

/** The first date after now + tolerance, described, if any. */
function futureProblem(file: z.infer<typeof fileSchema>, limit: number): string | undefined {
  const late = (iso: string): boolean => Date.parse(iso) > limit;
  if (late(file.exportedAt)) return `the export itself is dated ${file.exportedAt}`;
  const r = file.reviews.find((x) => late(x.reviewedAt));
  if (r) return `review "${r.id}" is dated ${r.reviewedAt}`;
  const c = file.cards.find((x) => x.fsrs && late(x.fsrs.lastReview));
  if (c) return `card "${c.cardId}" was last reviewed ${c.fsrs!.lastReview}`;
  const d = file.reads.find((x) => late(x.completedAt));
  if (d) return `"${d.id}" was completed ${d.completedAt}`;
  const p = file.casePractices.find((x) => late(x.practicedAt));
  return p ? `case practice "${p.id}" is dated ${p.practicedAt}` : undefined;
}

/** Converts a validated file into the store's types. */
function toData(file: z.infer<typeof fileSchema>): ImportData {
  const date = (iso: string): Date => new Date(Date.parse(iso));
  return {
    formatVersion: file.formatVersion,
    exportedAt: date(file.exportedAt),
    settings: file.settings,
    reviews: file.reviews.map((r) => ({
      id: r.id,
      cardId: r.cardId,
      rating: r.rating,
      reviewedAt: date(r.reviewedAt),
      correct: r.correct ?? undefined,
      durationMs: Math.round(r.durationMs),
      xp: r.xp ?? undefined,
    })),
    cards: new Map(
      file.cards.map((c): [string, CardState] => {
        const f = c.fsrs;
        const card = f ? { ...f, due: date(f.due), lastReview: date(f.lastReview) } : undefined;
        return [c.cardId, { card, suspended: c.suspended, buriedUntil: c.buriedUntil ? date(c.buriedUntil) : undefined }];
      }),
    ),
    reads: new Map(file.reads.map((r) => [r.id, date(r.completedAt)])),
    casePractices: file.casePractices.map((p) => ({
      id: p.id,
      caseId: p.caseId,
      practicedAt: date(p.practicedAt),
      score: p.score,
      maxScore: p.maxScore,
      missed: [...p.missed],
    })),
    // Only when the file has them, so that exporting what was imported gives the same file.
    ...(file.interviews ? { interviews: file.interviews.map((i) => ({ id: i.id, date: i.date, roleId: i.roleId, createdAt: Date.parse(i.createdAt) })) } : {}),
  };
}

/**
 * Parses and validates an export file's text. Refuses the whole file on the first problem found, in the
 * order listed in the file comment; the size is checked before the text is parsed at all.
 */
export function parseImport(text: string, options: ParseImportOptions): ParseImportResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  // A UTF-16 code unit is at least one UTF-8 byte, so only text near the limit needs an exact count.
  const size = text.length > maxBytes ? text.length : text.length * 3 > maxBytes ? utf8Length(text) : 0;
  const tooLarge = importSizeError(size, maxBytes);
  if (tooLarge) return { ok: false, error: tooLarge };
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return refuse('notJson', `This file is not valid JSON (${err instanceof Error ? err.message : String(err)}). Nothing was imported.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return wrongShape('it does not hold a JSON object');
  const { app, formatVersion } = raw as { app?: unknown; formatVersion?: unknown };
  if (app !== 'loop-prep') return wrongShape('it lacks "app": "loop-prep"');
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > EXPORT_FORMAT_VERSION) {
    return refuse(
      'futureVersion',
      `This file was exported by a newer Loop Prep (format ${formatVersion}); this version reads format ${EXPORT_FORMAT_VERSION}. Update Loop Prep and import it again. Nothing was imported.`,
    );
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return wrongShape(describeIssue(parsed.error.issues[0] as Issue));
  const file = parsed.data;
  const inconsistent = consistencyProblem(file);
  if (inconsistent) return wrongShape(inconsistent);
  const now = options.now.getTime();
  const future = futureProblem(file, now + FUTURE_TOLERANCE_MS);
  if (future) {
    return refuse(
      'futureTimestamp',
      `This file has dates in the future: ${future}, after now (${options.now.toISOString()}). The file or this computer's clock is wrong. Nothing was imported.`,
    );
  }
  const unknown = new Set<string>();
  let unknownReviews = 0;
  for (const r of file.reviews) {
    if (options.knownCardIds.has(r.cardId)) continue;
    unknown.add(r.cardId);
    unknownReviews++;
  }
  for (const c of file.cards) if (!options.knownCardIds.has(c.cardId)) unknown.add(c.cardId);
  return { ok: true, data: toData(file), unknownCards: { cardIds: [...unknown].sort(), reviews: unknownReviews } };
}
