/**
 * Fixtures for the progress tests: a small bank with three roles, card and review factories, explicit
 * UTC-offset functions (no dependence on the machine's time zone), and deep freezing that also covers
 * Maps and Dates, so a test fails if a pure function mutates its input.
 */
import type { CaseStudy, ContentIndex, Difficulty, Lesson, Question, Role, Topic, TopicWeight } from '../../../src/core/content/types';
import type { OffsetAt } from '../../../src/core/progress';
import type { CardPhase, CardState, CasePractice, Rating, ReviewCard, ReviewEntry } from '../../../src/core/review/types';

/** The fixed "now" of these tests: Tuesday 2026-03-10, 12:00 UTC (08:00 in New York, EDT). */
export const NOW = new Date('2026-03-10T12:00:00Z');
export const DAY = 86_400_000;

export const daysAgo = (n: number, from: Date = NOW): Date => new Date(from.getTime() - n * DAY);
export const at = (iso: string): Date => new Date(iso);

/** UTC: offset 0 everywhere. */
export const utc: OffsetAt = () => 0;

/**
 * New York in 2025-2026 with explicit transitions: EDT (UTC-4) from 2025-03-09 07:00Z to 2025-11-02
 * 06:00Z and from 2026-03-08 07:00Z to 2026-11-01 06:00Z, EST (UTC-5) otherwise.
 */
export const newYork: OffsetAt = (d) => {
  const t = d.getTime();
  const edt =
    (t >= Date.parse('2025-03-09T07:00:00Z') && t < Date.parse('2025-11-02T06:00:00Z')) ||
    (t >= Date.parse('2026-03-08T07:00:00Z') && t < Date.parse('2026-11-01T06:00:00Z'));
  return edt ? -240 : -300;
};

const src = { pack: 'builtin', file: 'fixture.md' };

export function topic(id: string, title: string): Topic {
  return { kind: 'topic', id, aliases: [], source: src, title, summary: '', concepts: [], html: '' };
}

export function question(id: string, topicId: string, difficulty: Difficulty = 'medium'): Question {
  return {
    kind: 'question',
    id,
    aliases: [],
    source: src,
    topic: topicId,
    roles: [],
    difficulty,
    type: 'flashcard',
    promptHtml: '',
    promptText: id,
    explanationHtml: '',
    explanationText: '',
    tags: [],
  };
}

export function role(id: string, name: string, topics: readonly (readonly [string, TopicWeight])[]): Role {
  return { kind: 'role', id, aliases: [], source: src, name, summary: '', html: '', topics: topics.map(([t, weight]) => ({ id: t, weight })) };
}

export function lesson(id: string, title: string, order: number, roles: readonly string[] = []): Lesson {
  return { kind: 'lesson', id, aliases: [], source: src, title, order, minutes: 3, roles, html: '', selfCheck: [] };
}

export function caseStudy(id: string, title: string, roles: readonly string[], topics: readonly string[]): CaseStudy {
  return {
    kind: 'case',
    id,
    aliases: [],
    source: src,
    title,
    summary: '',
    roles,
    topics,
    promptHtml: '',
    clarifyingHtml: '',
    sections: [],
    rubric: {} as CaseStudy['rubric'],
  };
}

/**
 * The bank: product-ai (core evals and rag, supporting metrics, skip gpu), ml-infra (core gpu and serving,
 * supporting evals) and solo (core evals only, no cases). Four cards each in evals and rag, two in the rest.
 */
export function bank(): ContentIndex {
  const cards = (t: string, n: number) => Array.from({ length: n }, (_, i) => question(`${t}-${i + 1}`, t));
  return {
    formatVersion: 1,
    roles: [
      role('product-ai', 'Product AI engineer', [
        ['evals', 'core'],
        ['rag', 'core'],
        ['metrics', 'supporting'],
        ['gpu', 'skip'],
      ]),
      role('ml-infra', 'ML infra engineer', [
        ['gpu', 'core'],
        ['serving', 'core'],
        ['evals', 'supporting'],
      ]),
      role('solo', 'Solo', [['evals', 'core']]),
    ],
    topics: [topic('evals', 'Evals'), topic('rag', 'Retrieval'), topic('metrics', 'Metrics'), topic('gpu', 'GPUs'), topic('serving', 'Serving')],
    questions: [...cards('evals', 4), ...cards('rag', 4), ...cards('metrics', 2), ...cards('gpu', 2), ...cards('serving', 2)],
    lessons: [
      lesson('what-is-new', 'What is new in AI systems', 3),
      lesson('choose-your-role', 'Choose your role', 1, ['product-ai', 'ml-infra']),
      lesson('gpu-basics', 'GPU basics', 2, ['ml-infra']),
    ],
    cases: [
      caseStudy('support-assistant', 'Support assistant', ['product-ai'], ['evals', 'rag']),
      caseStudy('document-qa', 'Document Q&A', ['product-ai'], ['rag']),
      caseStudy('gpu-serving', 'GPU serving', ['ml-infra'], ['gpu', 'serving']),
    ],
    templates: [],
  };
}

/** A reviewed card: last reviewed `lastReview`, due `due` (default lastReview + stability days). */
export function reviewCard(lastReview: Date, stability: number, options: { due?: Date; phase?: CardPhase; scheduledDays?: number } = {}): ReviewCard {
  const scheduledDays = options.scheduledDays ?? Math.round(stability);
  return {
    due: options.due ?? new Date(lastReview.getTime() + scheduledDays * DAY),
    stability,
    difficulty: 5,
    scheduledDays,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    phase: options.phase ?? 'review',
    lastReview,
  };
}

export function state(card: ReviewCard | undefined, extra: { suspended?: boolean; buriedUntil?: Date } = {}): CardState {
  return { card, suspended: extra.suspended ?? false, buriedUntil: extra.buriedUntil };
}

let counter = 0;
/** A review entry; ids are `<cardId>#t<n>` unless given. */
export function review(cardId: string, reviewedAt: Date, rating: Rating = 3, extra: Partial<ReviewEntry> = {}): ReviewEntry {
  return { id: `${cardId}#t${(counter++).toString(36)}`, cardId, rating, reviewedAt, correct: undefined, durationMs: 8000, xp: undefined, ...extra };
}

export function practice(id: string, caseId: string, practicedAt: Date, score: number, maxScore: number): CasePractice {
  return { id, caseId, practicedAt, score, maxScore, missed: [] };
}

function lock(name: string): () => never {
  return () => {
    throw new TypeError(`a pure function called ${name} on its input`);
  };
}

/** Freezes objects and arrays deeply; Maps, Sets and Dates get mutators that throw. Returns its argument. */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<unknown>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || Object.isFrozen(v)) return;
    seen.add(v);
    if (v instanceof Date) {
      for (const m of Object.getOwnPropertyNames(Date.prototype)) if (m.startsWith('set')) Object.defineProperty(v, m, { value: lock(`Date.${m}`) });
    } else if (v instanceof Map || v instanceof Set) {
      for (const m of ['set', 'add', 'delete', 'clear']) Object.defineProperty(v, m, { value: lock(`${v.constructor.name}.${m}`) });
      for (const entry of v.entries()) visit(entry);
    }
    for (const key of Object.keys(v)) visit((v as Record<string, unknown>)[key]);
    Object.freeze(v);
  };
  visit(value);
  return value;
}

/** A JSON snapshot that also captures Maps and Dates, to compare before and after a call. */
export function snapshot(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? { map: [...v.entries()] } : v instanceof Set ? { set: [...v] } : v));
}
