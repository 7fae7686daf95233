/**
 * The session builder: which cards a drill shows, in what order. Pure and O(n log n): one pass to
 * classify, sorts, then interleaving of the (small) chosen set.
 */
import type { Difficulty, Role } from '../content/types';
import { countsDueFrom } from './due';
import { interleaveByTopic } from './interleave';
import { retrievability } from './scheduler';
import type { CardState, ReviewCard } from './types';
import { MINUTE_MS } from '../time';

/** The fields of a question the builder reads; `Question` from the content index fits. */
export interface SessionQuestion {
  readonly id: string;
  readonly topic: string;
  readonly difficulty: Difficulty;
}

/** The user's role as study order: topic ids in order, and the ones the role marks 'skip'. */
export interface TopicPriority {
  readonly order: readonly string[];
  readonly skip?: readonly string[];
}

/** What to drill. `mixed` (due, then new) is the default. */
export type SessionMode =
  | { readonly kind: 'mixed' }
  | { readonly kind: 'due' }
  | { readonly kind: 'new' }
  | { readonly kind: 'topic'; readonly topicId: string }
  | { readonly kind: 'weak' }
  | { readonly kind: 'case'; readonly cardIds: readonly string[] };

/** Everything `buildSession` needs; only `questions`, `cards`, `now` and `priority` are required. */
export interface SessionInput {
  readonly questions: readonly SessionQuestion[];
  /** Card states by question id; a question with no entry is new. `ReviewStore.cards()` fits. */
  readonly cards: ReadonlyMap<string, CardState>;
  readonly now: Date;
  readonly priority: TopicPriority;
  /** Default 15. */
  readonly newCardsPerDay?: number;
  /** New cards already introduced today (see `ReviewStore.introducedSince`). Default 0. */
  readonly newIntroducedToday?: number;
  /** Default 20. */
  readonly sessionSize?: number;
  readonly mode?: SessionMode;
  /**
   * How fast new cards from lower-priority topics join: topic number r (0-based, in study order) starts
   * once each topic before it has offered about `newTopicSpread * r` cards. Default 2, so a session mixes
   * the first few topics, the first one most; a large value gives strict topic order.
   */
  readonly newTopicSpread?: number;
  /**
   * The learn-ahead window in ms (default 0): a card in learning steps due within it counts as due, the
   * way the status bar and Study Plan count it (see due.ts).
   */
  readonly learnAheadMs?: number;
}

/** Why a card is in the session. 'case' marks case cards that are neither due nor new. */
export type SessionReason = 'due' | 'new' | 'weak' | 'case';

/** One card in a session. */
export interface SessionItem {
  readonly id: string;
  readonly topic: string;
  readonly reason: SessionReason;
}

/** A built session and the counts a UI shows next to it. */
export interface Session {
  /** At most `sessionSize` cards, topics interleaved. */
  readonly items: readonly SessionItem[];
  /** Due cards in the mode's scope, including any that did not fit. */
  readonly dueCount: number;
  /** New cards in the mode's scope, including any that did not fit or exceed the allowance. */
  readonly newCount: number;
  /** New cards still allowed today before this session. */
  readonly newAllowance: number;
}

/** New cards introduced per day unless the user sets otherwise. */
export const DEFAULT_NEW_CARDS_PER_DAY = 15;
/** Cards per session unless the user sets otherwise. */
export const DEFAULT_SESSION_SIZE = 20;

const DIFFICULTY_RANK: Readonly<Record<Difficulty, number>> = { easy: 0, medium: 1, hard: 2 };

interface Candidate {
  readonly q: SessionQuestion;
  readonly index: number;
  readonly rank: number;
  readonly card: ReviewCard | undefined;
  key: number;
}

/** Study order for a role, the way the Study Plan shows it: core, then supporting, then skip topics. */
export function priorityFromRole(role: Pick<Role, 'topics'> | undefined): TopicPriority {
  if (!role) return { order: [] };
  const weightRank = { core: 0, supporting: 1, skip: 2 };
  const sorted = role.topics.map((t, i) => ({ ...t, i })).sort((a, b) => weightRank[a.weight] - weightRank[b.weight] || a.i - b.i);
  return { order: sorted.map((t) => t.id), skip: sorted.filter((t) => t.weight === 'skip').map((t) => t.id) };
}

/** Topic ranks: listed topics in order, unlisted ones after them (first seen first), 'skip' topics last. */
function topicRanks(questions: readonly SessionQuestion[], priority: TopicPriority): { rankOf: Map<string, number>; firstSkipRank: number } {
  const skip = new Set(priority.skip ?? []);
  const rankOf = new Map<string, number>();
  for (const topic of priority.order) if (!skip.has(topic) && !rankOf.has(topic)) rankOf.set(topic, rankOf.size);
  for (const q of questions) if (!skip.has(q.topic) && !rankOf.has(q.topic)) rankOf.set(q.topic, rankOf.size);
  const firstSkipRank = rankOf.size;
  for (const topic of [...priority.order, ...skip]) if (!rankOf.has(topic)) rankOf.set(topic, rankOf.size);
  for (const q of questions) if (!rankOf.has(q.topic)) rankOf.set(q.topic, rankOf.size);
  return { rankOf, firstSkipRank };
}

const byKeyDesc = (a: Candidate, b: Candidate): number => b.key - a.key || a.rank - b.rank || a.index - b.index;
const byKeyAsc = (a: Candidate, b: Candidate): number => a.key - b.key || a.rank - b.rank || a.index - b.index;

/** Orders new cards: easy first within a topic, topics staggered by priority, 'skip' topics after all others. */
function orderNew(news: Candidate[], firstSkipRank: number, spread: number): Candidate[] {
  const byTopic = new Map<number, Candidate[]>();
  for (const c of news) {
    const list = byTopic.get(c.rank);
    if (list) list.push(c);
    else byTopic.set(c.rank, [c]);
  }
  const ranks = [...byTopic.keys()].sort((a, b) => a - b);
  let mainSlot = 0;
  let skipSlot = 0;
  for (const rank of ranks) {
    const isSkip = rank >= firstSkipRank;
    const slot = isSkip ? skipSlot++ : mainSlot++;
    const list = byTopic.get(rank)!.sort((a, b) => DIFFICULTY_RANK[a.q.difficulty] - DIFFICULTY_RANK[b.q.difficulty] || a.index - b.index);
    list.forEach((c, i) => (c.key = (isSkip ? 1e12 : 0) + i + slot * spread));
  }
  return news.sort(byKeyAsc);
}

/**
 * Builds a drill session. Suspended cards and cards buried past `now` never appear. Due cards (due at or
 * before `now`, or within the learn-ahead window for cards in learning steps) come first, most overdue relative to their last interval first; new cards follow in study
 * order up to what is left of today's allowance; then topics are interleaved. Per mode:
 * - mixed: due, then new. topic: the same within one topic. due / new: only that kind.
 * - weak: reviewed cards, lowest retrievability at `now` first, due or not.
 * - case: the given cards; due ones first, then the rest in the given order, exempt from the new-card
 *   allowance because the user just asked to drill what they missed.
 */
export function buildSession(input: SessionInput): Session {
  const now = input.now.getTime();
  const mode = input.mode ?? { kind: 'mixed' };
  const size = Math.max(0, Math.floor(input.sessionSize ?? DEFAULT_SESSION_SIZE));
  const newAllowance = Math.max(0, Math.floor((input.newCardsPerDay ?? DEFAULT_NEW_CARDS_PER_DAY) - (input.newIntroducedToday ?? 0)));
  const spread = Math.max(0, input.newTopicSpread ?? 2);
  const { rankOf, firstSkipRank } = topicRanks(input.questions, input.priority);
  const caseOrder = mode.kind === 'case' ? new Map(mode.cardIds.map((id, i) => [id, i])) : undefined;

  const due: Candidate[] = [];
  const news: Candidate[] = [];
  const rest: Candidate[] = [];
  input.questions.forEach((q, index) => {
    if (mode.kind === 'topic' && q.topic !== mode.topicId) return;
    if (caseOrder && !caseOrder.has(q.id)) return;
    const state = input.cards.get(q.id);
    if (state?.suspended || (state?.buriedUntil && state.buriedUntil.getTime() > now)) return;
    const card = state?.card;
    const candidate: Candidate = { q, index: caseOrder?.get(q.id) ?? index, rank: rankOf.get(q.topic) ?? 0, card, key: 0 };
    if (!card) news.push(candidate);
    else if ((countsDueFrom(state, input.learnAheadMs ?? 0) ?? Infinity) <= now) {
      candidate.key = (now - card.due.getTime()) / Math.max(MINUTE_MS, card.due.getTime() - card.lastReview.getTime());
      due.push(candidate);
    } else rest.push(candidate);
  });

  const item =
    (reason: SessionReason) =>
    (c: Candidate): SessionItem => ({ id: c.q.id, topic: c.q.topic, reason });
  let chosen: SessionItem[];
  if (mode.kind === 'weak') {
    const reviewed = [...due, ...rest];
    for (const c of reviewed) c.key = retrievability(c.card, input.now);
    chosen = reviewed.sort(byKeyAsc).slice(0, size).map(item('weak'));
  } else if (mode.kind === 'case') {
    const dueItems = due.sort(byKeyDesc).map(item('due'));
    const others = [...news, ...rest].sort((a, b) => a.index - b.index).map((c) => item(c.card ? 'case' : 'new')(c));
    chosen = [...dueItems, ...others].slice(0, size);
  } else {
    const dueItems = mode.kind === 'new' ? [] : due.sort(byKeyDesc).slice(0, size).map(item('due'));
    const newRoom = mode.kind === 'due' ? 0 : Math.min(newAllowance, size - dueItems.length);
    const newItems = newRoom > 0 ? orderNew(news, firstSkipRank, spread).slice(0, newRoom).map(item('new')) : [];
    chosen = [...dueItems, ...newItems];
  }
  return { items: interleaveByTopic(chosen, (i) => i.topic), dueCount: due.length, newCount: news.length, newAllowance };
}
