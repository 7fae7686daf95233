/**
 * The plan toward one interview, from today, the date and the role's topics:
 *
 *   daysLeft    = interview day - today (local days, so a DST change never adds or loses one)
 *   learnDays   = daysLeft - 2: new cards are learned up to three days before the date, so each gets its
 *                 second review at the latest two days before (the goal: every core card reviewed twice)
 *   newPerDay   = ceil(cards still to learn in the planned topics / learnDays)
 *   lessons and case practices still to do are spread evenly over the days left
 *
 * The planned topics are all the role's listed topics. When `newPerDay` exceeds the daily limit
 * (`maxNewPerDay`, the new-cards setting), topics are dropped in this order until it fits: supporting
 * topics, then "only if your role needs it" (skip) topics. Core topics are never dropped: if they alone
 * do not fit, the plan says so (`fits` false) and by how much.
 *
 * Pace compares what the plan needed since the date was set with what was learned: "cards behind" is
 * the plan's share of cards for the whole days since then minus the cards learned since then.
 */
import type { ContentIndex, Role, TopicWeight } from '../content/types';
import { casesForRole, lessonsForRole } from '../progress/readiness';
import type { CardState, CasePractice, ReviewEntry } from '../review/types';
import { localDayOf } from '../time';
import { plural } from '../text';
import type { OffsetAt } from '../progress/calendar';
import { safeOffset } from '../progress/calendar';
import { dayOfDate, dayStart } from './dates';
import type { Interview } from './dates';

/** Days over which the average of new cards a day is taken. */
export const PACE_WINDOW_DAYS = 14;
/** The plan counts as on track while at most this many days' quota behind. */
export const ON_TRACK_DAYS_BEHIND = 2;
/** The order in which topic groups are dropped when the plan does not fit. */
export const DROP_ORDER: readonly Exclude<TopicWeight, 'core'>[] = ['supporting', 'skip'];

/** What the plan reads. */
export interface PlanInput {
  readonly index: ContentIndex;
  readonly role: Role;
  readonly interview: Interview;
  readonly cards: ReadonlyMap<string, CardState>;
  /** The review log (any order). */
  readonly reviews: readonly ReviewEntry[];
  /**
   * Reviews folded out of the raw log (core/review/fold.ts), by card: `[count, firstAt, ...]`. A card's
   * first review may be folded while its newest stays raw.
   */
  readonly folded?: Readonly<Record<string, readonly [reviews: number, firstAt: number, ...rest: unknown[]]>>;
  readonly reads: ReadonlyMap<string, Date>;
  readonly casePractices: readonly CasePractice[];
  readonly now: Date;
  readonly offsetAt: OffsetAt;
  /** The daily limit of new cards (the `loopPrep.newCardsPerDay` setting). */
  readonly maxNewPerDay: number;
}

/** One topic of the plan. */
export interface PlanTopic {
  readonly topicId: string;
  readonly title: string;
  readonly weight: TopicWeight;
  readonly cards: number;
  /** Cards never reviewed (suspended cards are left out: they never come up). */
  readonly unseen: number;
  /** Cards reviewed once: they need one more review, not learning. */
  readonly once: number;
  /** Whether the plan keeps this topic (false: dropped to fit). */
  readonly kept: boolean;
}

/** A lesson or case practice placed on a day. */
export interface PlanItem {
  readonly kind: 'lesson' | 'case';
  readonly id: string;
  readonly title: string;
  /** Local day number. */
  readonly day: number;
}

export type PaceStatus = 'on-track' | 'behind' | 'cannot-fit' | 'learned' | 'no-time';

/** The plan and the pace. */
export interface InterviewPlan {
  readonly interviewId: string;
  readonly today: number;
  readonly interviewDay: number;
  readonly daysLeft: number;
  readonly learnDays: number;
  readonly topics: readonly PlanTopic[];
  /** Cards still to learn in the kept topics. */
  readonly toLearn: number;
  /** The daily quota of new cards; 0 when nothing is left to learn. */
  readonly newPerDay: number;
  /** Whether the kept topics fit in the daily limit and the days left. */
  readonly fits: boolean;
  /** Topic groups dropped to fit, in drop order; empty when everything fits. */
  readonly drop: readonly { readonly weight: Exclude<TopicWeight, 'core'>; readonly topics: readonly PlanTopic[] }[];
  /** Lessons and case practices still to do, each on a day. */
  readonly items: readonly PlanItem[];
  readonly itemsPerDay: number;
  /** New cards learned a day, averaged over the last PACE_WINDOW_DAYS days (rounded). */
  readonly averageNew: number;
  readonly behind: number;
  readonly status: PaceStatus;
  /** "On track: 14 new a day needed, you average 11, 21 cards behind". */
  readonly paceText: string;
  /** "To fit: drop supporting topics Metrics (2 cards), then ..." or '' when nothing is dropped. */
  readonly dropText: string;
}

/** The first review of each card, epoch ms: one pass, a single map lookup per review. */
function firstReviews(reviews: readonly ReviewEntry[], folded: PlanInput['folded']): Map<string, number> {
  const out = new Map<string, number>();
  if (folded) for (const id of Object.keys(folded)) out.set(id, folded[id][1]);
  for (const r of reviews) {
    const t = r.reviewedAt.getTime();
    const known = out.get(r.cardId);
    if (known === undefined || t < known) out.set(r.cardId, t);
  }
  return out;
}

/** Computes the plan. O(reviews + questions + role's lessons and cases). */
export function computePlan(input: PlanInput): InterviewPlan {
  const { index, role, interview, now } = input;
  const dayOf = (ms: number): number => localDayOf(ms, safeOffset(input.offsetAt(new Date(ms))));
  const today = dayOf(now.getTime());
  const interviewDay = dayOfDate(interview.date) ?? today;
  const daysLeft = interviewDay - today;
  const learnDays = Math.max(0, daysLeft - 2);
  const startDay = Math.min(today, dayOf(interview.createdAt));
  const startMs = interview.createdAt;
  const first = firstReviews(input.reviews, input.folded);

  const weights = new Map<string, TopicWeight>();
  for (const t of role.topics) if (!weights.has(t.id)) weights.set(t.id, t.weight);
  const titles = new Map(index.topics.map((t) => [t.id, t.title]));
  const acc = new Map<string, { cards: number; unseen: number; once: number; learnedSince: number }>();
  const windowStartMs = dayStart(today - PACE_WINDOW_DAYS + 1, input.offsetAt).getTime();
  let firstEver = Infinity;
  let learnedWindowAll = 0;
  for (const q of index.questions) {
    const firstAt = first.get(q.id);
    if (firstAt !== undefined) {
      firstEver = Math.min(firstEver, firstAt);
      if (firstAt >= windowStartMs) learnedWindowAll++;
    }
    if (!weights.has(q.topic)) continue;
    let a = acc.get(q.topic);
    if (!a) acc.set(q.topic, (a = { cards: 0, unseen: 0, once: 0, learnedSince: 0 }));
    a.cards++;
    const state = input.cards.get(q.id);
    if (state?.suspended) continue;
    // Reviews since the card was last new (a reset starts it over): FSRS's own count.
    const count = state?.card ? Math.max(1, state.card.reps) : 0;
    if (count === 0) a.unseen++;
    else if (count === 1) a.once++;
    if (firstAt !== undefined && firstAt >= startMs && state?.card) a.learnedSince++;
  }

  const listed = role.topics.filter((t, i) => role.topics.findIndex((u) => u.id === t.id) === i && titles.has(t.id));
  const rank: Record<TopicWeight, number> = { core: 0, supporting: 1, skip: 2 };
  const ordered = listed.map((t, i) => ({ t, i })).sort((a, b) => rank[a.t.weight] - rank[b.t.weight] || a.i - b.i);
  const base = ordered.map(({ t }) => {
    const a = acc.get(t.id) ?? { cards: 0, unseen: 0, once: 0, learnedSince: 0 };
    return { topicId: t.id, title: titles.get(t.id) ?? t.id, weight: t.weight, cards: a.cards, unseen: a.unseen, once: a.once, learnedSince: a.learnedSince };
  });

  const limit = Math.max(0, Math.floor(input.maxNewPerDay));
  const quota = (n: number): number => (n === 0 ? 0 : learnDays > 0 ? Math.ceil(n / learnDays) : Infinity);
  const dropped = new Set<TopicWeight>();
  const toLearnOf = (): number => base.filter((t) => !dropped.has(t.weight)).reduce((s, t) => s + t.unseen, 0);
  for (const weight of DROP_ORDER) {
    if (quota(toLearnOf()) <= limit) break;
    if (base.some((t) => t.weight === weight && t.unseen > 0)) dropped.add(weight);
  }
  const toLearn = toLearnOf();
  const needed = quota(toLearn);
  const fits = needed <= limit;
  const topics: PlanTopic[] = base.map(({ learnedSince: _l, ...t }) => ({ ...t, kept: !dropped.has(t.weight) }));
  const drop = DROP_ORDER.filter((w) => dropped.has(w)).map((weight) => ({ weight, topics: topics.filter((t) => t.weight === weight && t.unseen > 0) }));

  const items = spreadItems(index, role.id, input.reads, input.casePractices, today, daysLeft);
  const span = Math.max(1, daysLeft);
  const itemsPerDay = items.length ? Math.ceil(items.length / span) : 0;

  const windowDays = Math.max(1, Math.min(PACE_WINDOW_DAYS, Number.isFinite(firstEver) ? today - dayOf(firstEver) + 1 : 1));
  const averageNew = Math.round(learnedWindowAll / windowDays);
  const learnedSince = base.filter((t) => !dropped.has(t.weight)).reduce((s, t) => s + t.learnedSince, 0);
  const totalAtStart = toLearn + learnedSince;
  const startLearnDays = Math.max(1, interviewDay - 2 - startDay);
  const elapsed = Math.max(0, Math.min(today, interviewDay - 2) - startDay);
  const expected = Math.min(totalAtStart, Math.ceil((totalAtStart / startLearnDays) * elapsed));
  const behind = Math.max(0, expected - learnedSince);
  const newPerDay = Number.isFinite(needed) ? needed : toLearn;

  let status: PaceStatus;
  if (toLearn === 0) status = 'learned';
  else if (learnDays === 0) status = 'no-time';
  else if (!fits) status = 'cannot-fit';
  else status = behind > ON_TRACK_DAYS_BEHIND * Math.max(1, needed) ? 'behind' : 'on-track';
  const paceText = paceLine(status, newPerDay, averageNew, behind, toLearn, limit);
  return {
    interviewId: interview.id,
    today,
    interviewDay,
    daysLeft,
    learnDays,
    topics,
    toLearn,
    newPerDay,
    fits,
    drop,
    items,
    itemsPerDay,
    averageNew,
    behind,
    status,
    paceText,
    dropText: dropLine(drop),
  };
}

function paceLine(status: PaceStatus, perDay: number, average: number, behind: number, toLearn: number, limit: number): string {
  const tail = `you average ${average}, ${behind ? `${plural(behind, 'card')} behind` : 'none behind'}`;
  switch (status) {
    case 'learned':
      return 'Every planned card has been learned: keep up with the due reviews.';
    case 'no-time':
      return `No days left to learn new cards (${plural(toLearn, 'card')} unseen): review what you know.`;
    case 'cannot-fit':
      return `Does not fit: ${perDay} new a day needed, your limit is ${limit}; ${tail}`;
    case 'behind':
      return `Behind: ${perDay} new a day needed, ${tail}`;
    default:
      return `On track: ${perDay} new a day needed, ${tail}`;
  }
}

const GROUP_NAMES: Readonly<Record<Exclude<TopicWeight, 'core'>, string>> = { supporting: 'supporting topics', skip: '"only if your role needs it" topics' };

function dropLine(drop: InterviewPlan['drop']): string {
  if (!drop.length) return '';
  const groups = drop.map((g) => `${GROUP_NAMES[g.weight]} ${g.topics.map((t) => `${t.title} (${plural(t.unseen, 'new card')})`).join(', ')}`);
  return `To fit the days left, drop ${groups.join(', then ')}.`;
}

/** Lessons not read and cases never practised, spread evenly from today to the day before the date. */
function spreadItems(
  index: ContentIndex,
  roleId: string,
  reads: ReadonlyMap<string, Date>,
  practices: readonly CasePractice[],
  today: number,
  daysLeft: number,
): PlanItem[] {
  const practised = new Set(practices.map((p) => p.caseId));
  const todo: Omit<PlanItem, 'day'>[] = [
    ...lessonsForRole(index, roleId)
      .filter((l) => !reads.has(l.id))
      .map((l) => ({ kind: 'lesson' as const, id: l.id, title: l.title })),
    ...casesForRole(index, roleId)
      .filter((c) => !practised.has(c.id))
      .map((c) => ({ kind: 'case' as const, id: c.id, title: c.title })),
  ];
  const span = Math.max(1, daysLeft);
  return todo.map((item, i) => ({ ...item, day: today + Math.floor((i * span) / todo.length) }));
}
