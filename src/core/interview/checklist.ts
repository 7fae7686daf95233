/**
 * The readiness checklist in the order the plan needs it: first the due reviews of kept core topics,
 * then their new cards (in the role's topic order), then the lessons and cases the plan puts on today or
 * earlier, then everything else in readiness's own order (by impact). Items of dropped topics go last.
 */
import type { ChecklistAction } from '../progress/readiness';
import type { InterviewPlan } from './plan';

/** Reorders the checklist for a plan; the items themselves are unchanged. Unknown action kinds go last. */
export function orderChecklistForPlan<T extends { readonly action: ChecklistAction | { readonly kind: string } }>(
  items: readonly T[],
  plan: InterviewPlan,
): T[] {
  const topicRank = new Map(plan.topics.map((t, i) => [t.topicId, { i, core: t.weight === 'core', kept: t.kept }]));
  const itemDay = new Map(plan.items.map((i) => [i.id, i.day]));
  const n = plan.topics.length + 1;
  const rankOf = (item: T): number => {
    const a = item.action as ChecklistAction;
    if (a.kind === 'drillDue' || a.kind === 'drill') {
      const t = topicRank.get(a.topicId);
      if (!t || !t.kept) return 5 * n;
      if (t.core) return (a.kind === 'drillDue' ? 0 : n) + t.i;
      return 3 * n + t.i;
    }
    if (a.kind !== 'openLesson' && a.kind !== 'practiseCase') return 5 * n;
    const id = a.kind === 'openLesson' ? a.lessonId : a.caseId;
    const day = itemDay.get(id);
    return day !== undefined && day <= plan.today ? 2 * n : 4 * n;
  };
  return items
    .map((item, i) => ({ item, i, rank: rankOf(item) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
