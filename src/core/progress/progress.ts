/**
 * Everything the Progress view shows, from one pure call: `computeProgress(input, now)`.
 *
 * Cost: linear. One pass over the review log (XP, streak days, heatmap, true retention), one pass over
 * the bank's questions (recall, statuses, forecast), then per-role work proportional to the role's
 * topics, lessons and cases; no step is quadratic. 50,000 reviews take about 10 ms
 * (test/bench/progress.bench.ts; the budget is 30 ms). The review log may come in any order, but
 * `ReviewStore.reviews()` is already oldest first, which saves a sort.
 *
 * Wiring in the extension (sketch):
 *   computeProgress({ index, roleId: roleSetting(), reviews: store.reviews(), cards: store.cards(),
 *     reads: store.lessons(), casePractices: store.casePractices(), desiredRetention: desiredRetention(),
 *     offsetAt: (d) => -d.getTimezoneOffset() }, new Date())
 */
import { catalogOf } from '../content/catalog';
import type { ContentIndex } from '../content/types';
import { clampRetention } from '../review/scheduler';
import type { CardState, CasePractice, ReviewEntry } from '../review/types';
import { countsDueFrom } from '../review/due';
import { DayCounter, OffsetProbe, buildForecast, buildHeatmap, heatmapStart, safeOffset } from './calendar';
import { localDayOf } from '../time';
import type { Forecast, Heatmap, OffsetAt } from './calendar';
import { bestCaseScores, roleReadiness } from './readiness';
import type { RoleReadiness } from './readiness';
import { RetentionCounter } from './retention';
import type { TrueRetention } from './retention';
import { computeStreaks } from './streak';
import type { Activity } from './streak';
import { masteryBars, topicStats } from './topics';
import type { TopicMasteryBar } from './topics';
import { LEVELS, levelFor, readAndCaseXp } from './xp';
import type { LevelInfo } from './xp';
import { plural } from '../text';
import { historyTotals } from './history';
import type { StoredHistory } from '../review/fold';

/** What `computeProgress` reads. Every field is what `ReviewStore` and the settings already provide. */
export interface ProgressInput {
  readonly index: ContentIndex;
  /** The chosen role; undefined (or an unknown id) gives no `readiness`, and every role in `otherRoles`. */
  readonly roleId: string | undefined;
  /** The review log: `store.reviews()`. */
  readonly reviews: readonly ReviewEntry[];
  /** Card states by card id: `store.cards()`. A card with no entry is new. */
  readonly cards: ReadonlyMap<string, CardState>;
  /** Completed lessons and case walkthroughs (one map): `store.lessons()`. */
  readonly reads: ReadonlyMap<string, Date>;
  readonly casePractices: readonly CasePractice[];
  /** The desired-retention setting, shown next to true retention (clamped to 0.70-0.97 like the scheduler's). */
  readonly desiredRetention: number;
  /** The user's UTC offset at any instant; see `OffsetAt`. */
  readonly offsetAt: OffsetAt;
  /** First day of the heatmap's weeks: 0 Sunday, 1 Monday (default). */
  readonly weekStartsOn?: number;
  /**
   * The learn-ahead window (`loopPrep.learnAheadMinutes` in ms; default 0): cards in learning steps due
   * within it count as due now, in the mastery bars' counts and the forecast alike (review/due.ts).
   */
  readonly learnAheadMs?: number;
  /**
   * Reviews folded into per-day aggregates (review/fold.ts, `store.history()`); `reviews` then holds the
   * raw rest. Streak, XP and heatmap come out as from the full log, true retention per day (history.ts).
   */
  readonly history?: StoredHistory;
}

/** XP totals, derived from history (see xp.ts for the per-review formula). */
export interface XpSummary {
  readonly total: number;
  /** Sum of the `xp` stored on each review (reviews without one count 0). */
  readonly reviews: number;
  /** 20 per completed lesson or case walkthrough that the bank still has. */
  readonly reads: number;
  /** Per case practice: round(60 x score / maxScore). */
  readonly casePractices: number;
  readonly level: LevelInfo;
  /** Progress from this level's threshold to the next one, 0-1 (1 at the top level). */
  readonly levelProgress: number;
  /** "1,234 XP: level 4, Specialist; 266 XP to Expert." */
  readonly summary: string;
}

/** Streaks in local days (streak.ts). */
export interface StreakSummary {
  readonly current: number;
  readonly longest: number;
  readonly activeToday: boolean;
  readonly summary: string;
}

/** Compact readiness of a role other than the chosen one. */
export interface RoleReadinessBrief {
  readonly roleId: string;
  readonly roleName: string;
  readonly percent: number;
  /** "Applied ML engineer: 35% ready." */
  readonly summary: string;
}

/** Everything the Progress view shows. Every chart has a `summary` sentence as its text alternative. */
export interface ProgressModel {
  readonly streak: StreakSummary;
  readonly xp: XpSummary;
  /** Readiness for the chosen role, with parts and checklist; undefined without a (known) role. */
  readonly readiness: RoleReadiness | undefined;
  /** Every other role, in the bank's order. */
  readonly otherRoles: readonly RoleReadinessBrief[];
  readonly heatmap: Heatmap;
  readonly forecast: Forecast;
  readonly retention: TrueRetention;
  /** One bar per topic, in the chosen role's study order (skip topics last). */
  readonly topics: readonly TopicMasteryBar[];
}

/** What the review pass collects. */
interface ReviewScan {
  readonly xp: number;
  readonly heat: DayCounter;
  readonly retention: RetentionCounter;
  readonly activities: Activity[];
}

/**
 * The one pass over the review log, newest first (see RetentionCounter). The log must be in time order:
 * this returns undefined as soon as it finds two reviews out of order, and the caller scans a sorted copy
 * instead. Streaks only need each distinct (local day, offset), so a run of reviews on one day at one
 * offset adds a single activity.
 */
function scanReviews(reviews: readonly ReviewEntry[], offsetAt: OffsetAt, firstDay: number, today: number, now: number): ReviewScan | undefined {
  const heat = new DayCounter(firstDay, today);
  const retention = new RetentionCounter(now);
  const offsets = new OffsetProbe(offsetAt);
  const activities: Activity[] = [];
  let xp = 0;
  let next = Infinity;
  let lastDay = NaN;
  let lastOffset = NaN;
  for (let i = reviews.length - 1; i >= 0; i--) {
    const r = reviews[i];
    const at = r.reviewedAt.getTime();
    if (at > next) return undefined;
    next = at;
    xp += r.xp ?? 0;
    retention.addNewestFirst(r.cardId, at, r.rating);
    const offset = offsets.at(r.reviewedAt, at);
    const day = localDayOf(at, offset);
    heat.add(day);
    if (day !== lastDay || offset !== lastOffset) activities.push({ at, offsetMinutes: offset });
    lastDay = day;
    lastOffset = offset;
  }
  return { xp, heat, retention, activities };
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function xpSummary(reviewXp: number, input: ProgressInput): XpSummary {
  const { reads, casePractices } = readAndCaseXp(input.index, input.reads.keys(), input.casePractices);
  const total = reviewXp + reads + casePractices;
  const level = levelFor(total);
  const floor = LEVELS[level.level - 1].xp;
  const levelProgress = level.nextAt === undefined ? 1 : (total - floor) / (level.nextAt - floor);
  const next = level.nextAt === undefined ? 'the top level' : `${thousands(level.nextAt - total)} XP to ${level.nextName}`;
  return {
    total,
    reviews: reviewXp,
    reads,
    casePractices,
    level,
    levelProgress,
    summary: `${thousands(total)} XP: level ${level.level}, ${level.name}; ${next}.`,
  };
}

/**
 * Computes the Progress view's model. Pure: reads only its arguments, never the clock, and mutates
 * nothing. `now` is the current instant; its local day (by `input.offsetAt(now)`) is "today".
 */
export function computeProgress(input: ProgressInput, now: Date): ProgressModel {
  const t = now.getTime();
  const nowOffset = safeOffset(input.offsetAt(now));
  const today = localDayOf(t, nowOffset);
  const weekStartsOn = ((Math.trunc(input.weekStartsOn ?? 1) % 7) + 7) % 7 || 0;
  const firstDay = heatmapStart(today, weekStartsOn);
  const scan = (reviews: readonly ReviewEntry[]) => scanReviews(reviews, input.offsetAt, firstDay, today, t);
  const {
    xp: rawXp,
    heat,
    retention,
    activities,
  } = scan(input.reviews) ?? scan([...input.reviews].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime()))!;
  let xp = rawXp;
  if (input.history) {
    const folded = historyTotals(input.history, t, retention, (day, n) => heat.add(day, n));
    xp += folded.xp;
    activities.push(...folded.activities);
  }
  for (const d of input.reads.values()) activities.push({ at: d.getTime(), offsetMinutes: safeOffset(input.offsetAt(d)) });
  for (const p of input.casePractices) activities.push({ at: p.practicedAt.getTime(), offsetMinutes: safeOffset(input.offsetAt(p.practicedAt)) });
  const streaks = computeStreaks(activities, { at: t, offsetMinutes: nowOffset });
  const streakText = `Current streak ${plural(streaks.current, 'day')}; longest ${streaks.longest}${streaks.activeToday ? '; done today' : ''}.`;

  // The card pass: forecast of the bank's cards that sessions can show (not suspended), due or unburied.
  // A card that counts as due now with learn-ahead is counted now, like the status bar counts it.
  const learnAhead = input.learnAheadMs ?? 0;
  const dues: [number, number][] = [];
  for (const q of input.index.questions) {
    const state = input.cards.get(q.id);
    const from = countsDueFrom(state, learnAhead);
    if (from === undefined || !state?.card) continue;
    const shown = Math.max(state.card.due.getTime(), state.buriedUntil?.getTime() ?? 0);
    const at = from <= t ? Math.min(shown, t) : shown;
    dues.push([at, safeOffset(input.offsetAt(new Date(at)))]);
  }

  const stats = topicStats(input.index, input.cards, now, learnAhead);
  const ctx = { index: input.index, stats, reads: input.reads, bestScores: bestCaseScores(input.casePractices) };
  const role = input.roleId === undefined ? undefined : catalogOf(input.index).get('role', input.roleId);
  const otherRoles = input.index.roles
    .filter((r) => r !== role)
    .map((r): RoleReadinessBrief => {
      const { percent } = roleReadiness(r, ctx);
      return { roleId: r.id, roleName: r.name, percent, summary: `${r.name}: ${percent}% ready.` };
    });

  return {
    streak: { ...streaks, summary: streakText },
    xp: xpSummary(xp, input),
    readiness: role && roleReadiness(role, ctx),
    otherRoles,
    heatmap: buildHeatmap(heat, weekStartsOn),
    forecast: buildForecast(dues, today),
    retention: retention.result(clampRetention(input.desiredRetention)),
    topics: masteryBars(input.index, role, stats),
  };
}
