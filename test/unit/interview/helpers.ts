/** Fixtures for the interview tests: the progress bank and a plan input around a fixed "now". */
import type { CardState, ReviewEntry } from '../../../src/core/review/types';
import type { Interview, PlanInput } from '../../../src/core/interview';
import type { OffsetAt } from '../../../src/core/progress';
import { bank, utc } from '../progress/helpers';

export const DAY = 86_400_000;
/** Tuesday 2026-03-10, 12:00 UTC. */
export const NOW = new Date('2026-03-10T12:00:00Z');

export function interview(date: string, extra: Partial<Interview> = {}): Interview {
  return { id: 'i1', date, roleId: 'product-ai', createdAt: NOW.getTime(), ...extra };
}

export function planInput(date: string, extra: Partial<PlanInput> & { offsetAt?: OffsetAt } = {}): PlanInput {
  const index = bank();
  return {
    index,
    role: index.roles.find((r) => r.id === 'product-ai')!,
    interview: interview(date),
    cards: new Map<string, CardState>(),
    reviews: [] as ReviewEntry[],
    reads: new Map(),
    casePractices: [],
    now: NOW,
    offsetAt: utc,
    maxNewPerDay: 20,
    ...extra,
  };
}
