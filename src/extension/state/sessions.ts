/** Which cards a drill shows: the session for a mode, and a case study's cards. For StateService. */
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import { buildSession, priorityFromRole, type SessionMode } from '../../core/review/session';
import type { CardState } from '../../core/review/types';
import { newCardsPerDay, roleSetting, sessionSize } from '../config';

/** What a session is built from: the cards by current id (aliases followed) and today's new cards so far. */
export interface SessionState {
  readonly cards: ReadonlyMap<string, CardState>;
  introducedSince(since: Date): number;
  readonly learnAheadMs: number;
  /** Overrides the `loopPrep.newCardsPerDay` setting (the interview plan's daily quota). */
  readonly newCardsPerDay?: number;
}

/** The card ids of a drill session for a mode, following the role's priorities and the settings. */
export function sessionCardIds(index: ContentIndex, state: SessionState, mode: SessionMode, now: Date): string[] {
  const role = catalogOf(index).get('role', roleSetting() ?? '');
  const startOfDay = new Date(now);
  startOfDay.setHours(0, 0, 0, 0);
  const session = buildSession({
    questions: index.questions,
    cards: state.cards,
    now,
    // The same order the Study Plan shows: the role's core, supporting, then skip topics; by title without a role.
    priority: role ? priorityFromRole(role) : { order: [...index.topics].sort((a, b) => a.title.localeCompare(b.title)).map((t) => t.id) },
    newCardsPerDay: state.newCardsPerDay ?? newCardsPerDay(),
    newIntroducedToday: state.introducedSince(startOfDay),
    sessionSize: sessionSize(),
    mode,
    learnAheadMs: state.learnAheadMs,
  });
  return session.items.map((i) => i.id);
}

/** The cards of a case study (by id or alias): the rubric points missed in its practices first, then its topics' questions. */
export function caseCardIds(index: ContentIndex, caseId: string): string[] {
  const catalog = catalogOf(index);
  const c = catalog.resolve('case', caseId);
  if (!c) return [];
  const rubric = catalog.rubricQuestionsOf(c.id).map((q) => q.id);
  const seen = new Set(rubric);
  // One pass in index order (not a hot path: once per "drill this case").
  const topics = new Set(c.topics);
  return [...rubric, ...index.questions.filter((q) => topics.has(q.topic) && !seen.has(q.id)).map((q) => q.id)];
}
