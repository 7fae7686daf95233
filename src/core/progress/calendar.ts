/**
 * Local calendar days for the Progress view: the review heatmap and the due-card forecast.
 *
 * A day is a local calendar date, numbered as days since 1970-01-01 (as in streak.ts). An instant's day
 * uses the UTC offset in force at that instant, asked of the caller's `OffsetAt` function, so a review at
 * 23:30 counts on its own date and every bucket is right across DST changes: the offset of each review
 * (or due date) is the one that applied then, not today's.
 */
import { dayLabel, localDayOf, MINUTE_MS } from '../time';
import { plural } from '../text';

/**
 * The user's UTC offset at an instant, in minutes east of UTC. In the extension:
 * `(instant) => -instant.getTimezoneOffset()`. Values that are not finite or beyond ±18 hours count as 0.
 * For a run of instants in time order, one answer may serve every instant in the same UTC quarter hour
 * (see `OffsetProbe`): time zones change their offset only on a quarter hour.
 */
export type OffsetAt = (instant: Date) => number;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Weeks shown by the heatmap, the current week last. */
export const HEATMAP_WEEKS = 26;
/** Days covered by the forecast, today first. */
export const FORECAST_DAYS = 14;

/** An offset from `OffsetAt`, made safe: nonsense gives 0 rather than a bucket far off. */
export function safeOffset(minutes: number): number {
  return Number.isFinite(minutes) && Math.abs(minutes) <= 18 * 60 ? minutes : 0;
}

const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/**
 * Asks an `OffsetAt` once per UTC quarter hour while instants come in time order, so 50,000 reviews
 * cost a few thousand calls (a session's reviews share one), not 50,000.
 */
export class OffsetProbe {
  private slot = NaN;
  private value = 0;

  constructor(private readonly offsetAt: OffsetAt) {}

  /** The offset at `instant`, whose epoch ms is `ms`. */
  at(instant: Date, ms: number): number {
    const slot = Math.floor(ms / QUARTER_HOUR_MS);
    if (slot !== this.slot) {
      this.slot = slot;
      this.value = safeOffset(this.offsetAt(instant));
    }
    return this.value;
  }
}

/** 0 Sunday to 6 Saturday, for a day number (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** "Tue 2026-03-03": a day as screen readers and tooltips get it, the same in every locale. */
export function dayName(day: number): string {
  return `${WEEKDAYS[weekdayOf(day)]} ${dayLabel(day)}`;
}

/** One heatmap cell: a local day and how many reviews it had. */
export interface HeatmapCell {
  /** "2026-03-03". */
  readonly date: string;
  readonly count: number;
  /** 0 (none) to 4 (busiest): ceil(4 x count / busiest day's count). */
  readonly level: 0 | 1 | 2 | 3 | 4;
  /** Days after today in the current week: drawn empty, never counted. */
  readonly future: boolean;
  /** "Tue 2026-03-03: 12 reviews", for the cell's aria-label and tooltip. */
  readonly label: string;
}

/**
 * The review heatmap: `HEATMAP_WEEKS` columns of 7 local days, oldest week first, each week starting on
 * `weekStartsOn` (0 Sunday, 1 Monday); the last column is the week holding today. `weeks[w][d]` is the
 * d-th day of week w, so a table with one row per week is a faithful text alternative.
 */
export interface Heatmap {
  readonly weeks: readonly (readonly HeatmapCell[])[];
  readonly weekStartsOn: number;
  /** Reviews inside the grid (up to today). */
  readonly total: number;
  readonly activeDays: number;
  /** Days from the grid's first day to today. */
  readonly days: number;
  readonly busiest: { readonly date: string; readonly count: number } | undefined;
  /** One sentence for screen readers, e.g. "412 reviews on 60 of the last 178 days; busiest day Tue 2026-03-03 with 40." */
  readonly summary: string;
}

/** Counts per local day of the heatmap range, filled in one pass by the caller. */
export class DayCounter {
  readonly counts: number[];

  /** Counts days `first` to `last` inclusive. */
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    this.counts = new Array<number>(Math.max(0, last - first + 1)).fill(0);
  }

  add(day: number, n = 1): void {
    if (day >= this.first && day <= this.last) this.counts[day - this.first] += n;
  }
}

/** The first day of the heatmap for `today`: the start of the week `HEATMAP_WEEKS - 1` weeks before today's. */
export function heatmapStart(today: number, weekStartsOn: number): number {
  const intoWeek = (weekdayOf(today) - weekStartsOn + 7) % 7;
  return today - intoWeek - (HEATMAP_WEEKS - 1) * 7;
}

/** Lays out the counts of `counter` (first day from `heatmapStart`, last day today) as the weeks grid. */
export function buildHeatmap(counter: DayCounter, weekStartsOn: number): Heatmap {
  const today = counter.last;
  let max = 0;
  let total = 0;
  let activeDays = 0;
  let busiestDay = -1;
  counter.counts.forEach((n, i) => {
    total += n;
    if (n > 0) activeDays++;
    if (n > max) [max, busiestDay] = [n, counter.first + i];
  });
  const weeks: HeatmapCell[][] = [];
  for (let w = 0; w < HEATMAP_WEEKS; w++) {
    const week: HeatmapCell[] = [];
    for (let d = 0; d < 7; d++) {
      const day = counter.first + w * 7 + d;
      const future = day > today;
      const count = future ? 0 : counter.counts[day - counter.first];
      const level = (count === 0 ? 0 : Math.min(4, Math.ceil((4 * count) / max))) as HeatmapCell['level'];
      week.push({
        date: dayLabel(day),
        count,
        level,
        future,
        label: future ? `${dayName(day)}: later this week` : `${dayName(day)}: ${plural(count, 'review')}`,
      });
    }
    weeks.push(week);
  }
  const days = today - counter.first + 1;
  const busiest = busiestDay >= 0 ? { date: dayLabel(busiestDay), count: max } : undefined;
  const summary = total
    ? `${plural(total, 'review')} on ${activeDays} of the last ${days} days; busiest day ${dayName(busiestDay)} with ${max}.`
    : `No reviews in the last ${days} days.`;
  return { weeks, weekStartsOn, total, activeDays, days, busiest, summary };
}

/** One forecast day. */
export interface ForecastDay {
  readonly date: string;
  /** Cards due by the end of this local day; today's includes every overdue card. */
  readonly count: number;
  /** Of today's count, the cards that were due on an earlier day; 0 on other days. */
  readonly overdue: number;
  /** "Wed 2026-03-04: 8 cards due". */
  readonly label: string;
}

/** Due cards over the next `FORECAST_DAYS` local days, today first, with a one-sentence summary. */
export interface Forecast {
  readonly days: readonly ForecastDay[];
  readonly total: number;
  readonly summary: string;
}

/**
 * Buckets due instants into local days. `dues` holds [due epoch ms, offset minutes at that instant];
 * anything due on or before `today` counts today, anything after the last forecast day is left out.
 */
export function buildForecast(dues: readonly (readonly [number, number])[], today: number): Forecast {
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  let overdue = 0;
  for (const [at, offset] of dues) {
    const day = localDayOf(at, offset);
    if (day < today) overdue++;
    const i = Math.max(0, day - today);
    if (i < FORECAST_DAYS) counts[i]++;
  }
  const days = counts.map((count, i): ForecastDay => {
    const late = i === 0 ? overdue : 0;
    const extra = late ? ` (${late} overdue)` : '';
    return { date: dayLabel(today + i), count, overdue: late, label: `${dayName(today + i)}: ${plural(count, 'card')} due${extra}` };
  });
  const total = counts.reduce((a, b) => a + b, 0);
  let peak = 0;
  for (let i = 1; i < FORECAST_DAYS; i++) if (counts[i] > counts[peak]) peak = i;
  const todayText = `${plural(counts[0], 'card')} due today${overdue ? ` (${overdue} overdue)` : ''}`;
  const summary = total
    ? `${todayText}; ${total} over the next ${FORECAST_DAYS} days; the busiest day is ${dayName(today + peak)} with ${counts[peak]}.`
    : `No cards due in the next ${FORECAST_DAYS} days.`;
  return { days, total, summary };
}
