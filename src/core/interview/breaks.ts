/**
 * A break of N days (travel, illness): every card due before the break ends is moved out of it, onto
 * the N days after it (at least one), each onto the day with the fewest reviews due so far (cards
 * already due then included), earliest day on ties, most overdue card first. So the moved cards never
 * bunch on the first day back: the days after the break end up within one review of each other, unless
 * one of them was already busier than the rest. `lastDay` (the day before an interview) bounds the days
 * used, so a break never pushes a card past the date.
 */
import type { CardState } from '../review/types';
import { localDayOf } from '../time';
import type { OffsetAt } from '../progress/calendar';
import { safeOffset } from '../progress/calendar';

/** Longest break offered. */
export const MAX_BREAK_DAYS = 60;

export interface BreakInput {
  readonly cards: ReadonlyMap<string, CardState>;
  /** The first day of the break (local day number). */
  readonly firstDay: number;
  /** 1-60. */
  readonly days: number;
  readonly offsetAt: OffsetAt;
  /** The last day cards may move to; undefined for no bound. */
  readonly lastDay?: number;
}

/** Where one card goes: the local day it comes back on. */
export interface BreakMove {
  readonly cardId: string;
  readonly day: number;
}

export interface BreakPlan {
  readonly firstDay: number;
  /** The first day after the break. */
  readonly backDay: number;
  readonly moves: readonly BreakMove[];
  /** Reviews due per day after the break, from `backDay`, moved cards included. */
  readonly load: readonly number[];
}

/** Plans a break; the caller buries each moved card until its day (the store's `bury`). */
export function planBreak(input: BreakInput): BreakPlan {
  const days = Math.max(1, Math.min(MAX_BREAK_DAYS, Math.floor(input.days)));
  const backDay = input.firstDay + days;
  const bound = input.lastDay === undefined ? Infinity : input.lastDay;
  const spread = Math.max(1, Math.min(days, bound - backDay + 1));
  const dayOf = (d: Date): number => localDayOf(d.getTime(), safeOffset(input.offsetAt(d)));
  const load = new Array<number>(spread).fill(0);
  const moving: { cardId: string; due: number }[] = [];
  for (const [cardId, state] of input.cards) {
    if (!state.card || state.suspended) continue;
    const day = Math.max(dayOf(state.card.due), state.buriedUntil ? dayOf(state.buriedUntil) : -Infinity);
    if (day < backDay) moving.push({ cardId, due: state.card.due.getTime() });
    else if (day - backDay < spread) load[day - backDay]++;
  }
  moving.sort((a, b) => a.due - b.due || (a.cardId < b.cardId ? -1 : 1));
  const moves = moving.map(({ cardId }) => {
    let best = 0;
    for (let i = 1; i < spread; i++) if (load[i] < load[best]) best = i;
    load[best]++;
    return { cardId, day: backDay + best };
  });
  return { firstDay: input.firstDay, backDay, moves, load };
}
