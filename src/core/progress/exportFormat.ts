/**
 * The export file: everything needed to move progress to another machine or keep a backup, as plain,
 * versioned JSON. Format version 1:
 *
 * ```jsonc
 * {
 *   "formatVersion": 1,                 // integer; readers refuse versions newer than they know
 *   "app": "loop-prep",
 *   "exportedAt": "2026-03-01T09:00:00.000Z",
 *   "settings": {
 *     "role": "product-ai",             // content id, or null when no role was chosen
 *     "desiredRetention": 0.9,          // 0.7-0.97
 *     "newCardsPerDay": 15,             // integer 0-500
 *     "sessionSize": 20                 // integer 1-200
 *   },
 *   "reviews": [{                       // the review log, oldest first
 *     "id": "evals-judge-bias#k3j92",   // unique: "<cardId>#<local id>", local id 1-64 characters
 *     "cardId": "evals-judge-bias",     // content id (kebab-case); may name a card the bank lacks
 *     "rating": 3,                      // 1 Again, 2 Hard, 3 Good, 4 Easy
 *     "reviewedAt": "2026-02-27T09:00:00.000Z",
 *     "durationMs": 9000,               // whole milliseconds, >= 0
 *     "correct": true,                  // optional: whether the answer was right (not for flashcards)
 *     "xp": 8                           // optional: XP earned, >= 0
 *   }],
 *   "cards": [{                         // scheduling state per card that has any, by card id
 *     "cardId": "evals-judge-bias",
 *     "suspended": false,
 *     "buriedUntil": null,              // ISO date, or null
 *     "fsrs": {                         // null for a card that is new again (reset)
 *       "due": "2026-03-05T09:00:00.000Z", "stability": 8.5, "difficulty": 4.2, // difficulty 0-10
 *       "scheduledDays": 6, "learningSteps": 0, "reps": 3, "lapses": 0,       // integers >= 0
 *       "phase": "review",              // "learning" | "review" | "relearning"
 *       "lastReview": "2026-02-27T09:00:00.000Z"
 *     }
 *   }],
 *   "reads": [{ "id": "what-is-new", "completedAt": "2026-02-20T10:00:00.000Z" }], // lessons and case walkthroughs
 *   "casePractices": [{
 *     "id": "k3j90",                    // unique, 1-64 characters
 *     "caseId": "support-assistant", "practicedAt": "2026-02-21T18:00:00.000Z",
 *     "score": 14, "maxScore": 20,      // 0 <= score <= maxScore
 *     "missed": ["evals-2"]             // rubric point ids missed, each 1-200 characters
 *   }]
 * }
 * ```
 *
 * Dates are ISO 8601 instants (UTC, `toISOString()`). Unknown extra fields are ignored on import, so a
 * later version 1 writer may add optional fields; anything a version 1 reader must understand bumps
 * `formatVersion`. Arrays are sorted (reviews and case practices by time then id, cards and reads by
 * id) so two exports of the same state are byte-identical.
 */
import type { CardPhase, CardState, CasePractice, Rating, ReviewEntry } from '../review/types';
import type { Interview } from '../interview/dates';

/** The export format this code writes, and the newest it reads. */
export const EXPORT_FORMAT_VERSION = 1;

/** The settings an export carries. Import reports them; whether to apply them is the caller's choice. */
export interface ExportSettings {
  readonly role: string | null;
  readonly desiredRetention: number;
  readonly newCardsPerDay: number;
  readonly sessionSize: number;
}

/** One review in the file. */
export interface ExportedReview {
  readonly id: string;
  readonly cardId: string;
  readonly rating: Rating;
  readonly reviewedAt: string;
  readonly durationMs: number;
  readonly correct?: boolean;
  readonly xp?: number;
}

/** A card's FSRS state in the file. */
export interface ExportedFsrs {
  readonly due: string;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly phase: CardPhase;
  readonly lastReview: string;
}

/** One card's state in the file. */
export interface ExportedCard {
  readonly cardId: string;
  readonly suspended: boolean;
  readonly buriedUntil: string | null;
  readonly fsrs: ExportedFsrs | null;
}

/** One completed read in the file. */
export interface ExportedRead {
  readonly id: string;
  readonly completedAt: string;
}

/** One case practice in the file. */
export interface ExportedCasePractice {
  readonly id: string;
  readonly caseId: string;
  readonly practicedAt: string;
  readonly score: number;
  readonly maxScore: number;
  readonly missed: readonly string[];
}

/**
 * One interview date in the file (optional part of format 1: files without it import as before):
 * `{ "id": "i1", "date": "2026-03-20", "roleId": "product-ai", "createdAt": "2026-03-01T09:00:00.000Z" }`.
 */
export interface ExportedInterview {
  readonly id: string;
  /** Local calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly roleId: string;
  readonly createdAt: string;
}

/** The whole file, format version 1 (see the file comment). */
export interface ExportFile {
  readonly formatVersion: typeof EXPORT_FORMAT_VERSION;
  readonly app: 'loop-prep';
  readonly exportedAt: string;
  readonly settings: ExportSettings;
  readonly reviews: readonly ExportedReview[];
  readonly cards: readonly ExportedCard[];
  readonly reads: readonly ExportedRead[];
  readonly casePractices: readonly ExportedCasePractice[];
  /** Interview dates (core/interview); absent in files from before they existed. */
  readonly interviews?: readonly ExportedInterview[];
}

/** What `buildExport` reads: the store's getters and the settings. */
export interface ExportInput {
  /** `store.reviews()`. */
  readonly reviews: readonly ReviewEntry[];
  /** `store.cards()`. */
  readonly cards: ReadonlyMap<string, CardState>;
  /** `store.lessons()`: completed lessons and case walkthroughs. */
  readonly reads: ReadonlyMap<string, Date>;
  /** `store.casePractices()`. */
  readonly casePractices: readonly CasePractice[];
  readonly settings: ExportSettings;
  /** The stored interview dates; left out of the file when not given. */
  readonly interviews?: readonly Interview[];
}

const iso = (d: Date): string => d.toISOString();
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A review as the file holds it; optional fields are left out when unknown. */
export function exportReview(r: ReviewEntry): ExportedReview {
  const out: { -readonly [K in keyof ExportedReview]: ExportedReview[K] } = {
    id: r.id,
    cardId: r.cardId,
    rating: r.rating,
    reviewedAt: iso(r.reviewedAt),
    durationMs: Math.max(0, Math.round(r.durationMs)),
  };
  if (r.correct !== undefined) out.correct = r.correct;
  if (r.xp !== undefined) out.xp = r.xp;
  return out;
}

/** A card state as the file holds it. */
export function exportCard(cardId: string, s: CardState): ExportedCard {
  const c = s.card;
  const fsrs: ExportedFsrs | null = c
    ? {
        due: iso(c.due),
        stability: c.stability,
        difficulty: c.difficulty,
        scheduledDays: c.scheduledDays,
        learningSteps: c.learningSteps,
        reps: c.reps,
        lapses: c.lapses,
        phase: c.phase,
        lastReview: iso(c.lastReview),
      }
    : null;
  return { cardId, suspended: s.suspended, buriedUntil: s.buriedUntil ? iso(s.buriedUntil) : null, fsrs };
}

/**
 * Builds the export object for `JSON.stringify` (add `null, 1` for a file people can read). Pure; `now`
 * stamps `exportedAt`. Review ids are unique in the output: should the input repeat an id, the first
 * entry is kept.
 */
export function buildExport(input: ExportInput, now: Date): ExportFile {
  const seen = new Set<string>();
  const unique: ReviewEntry[] = [];
  for (const r of input.reviews) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    unique.push(r);
  }
  const reviews = unique.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || byId(a.id, b.id)).map(exportReview);
  const cards = [...input.cards.entries()].sort(([a], [b]) => byId(a, b)).map(([id, s]) => exportCard(id, s));
  const reads = [...input.reads.entries()].sort(([a], [b]) => byId(a, b)).map(([id, at]) => ({ id, completedAt: iso(at) }));
  const casePractices = [...input.casePractices]
    .sort((a, b) => a.practicedAt.getTime() - b.practicedAt.getTime() || byId(a.id, b.id))
    .map((p) => ({ id: p.id, caseId: p.caseId, practicedAt: iso(p.practicedAt), score: p.score, maxScore: p.maxScore, missed: [...p.missed] }));
  const { role, desiredRetention, newCardsPerDay, sessionSize } = input.settings;
  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    app: 'loop-prep',
    exportedAt: iso(now),
    settings: { role, desiredRetention, newCardsPerDay, sessionSize },
    reviews,
    cards,
    reads,
    casePractices,
    ...(input.interviews
      ? { interviews: input.interviews.map((i) => ({ id: i.id, date: i.date, roleId: i.roleId, createdAt: iso(new Date(i.createdAt)) })) }
      : {}),
  };
}
