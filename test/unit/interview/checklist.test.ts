import * as assert from 'assert';
import { computePlan, orderChecklistForPlan } from '../../../src/core/interview';
import type { ChecklistAction } from '../../../src/core/progress';
import { planInput } from './helpers';

describe('checklist in plan order', () => {
  it('puts core due reviews, then core new cards, then today’s lessons and cases first', () => {
    const plan = computePlan(planInput('2026-03-20', { maxNewPerDay: 20 }));
    const items: { action: ChecklistAction }[] = [
      { action: { kind: 'practiseCase', caseId: 'document-qa' } },
      { action: { kind: 'drill', topicId: 'metrics' } },
      { action: { kind: 'openLesson', lessonId: 'choose-your-role' } },
      { action: { kind: 'drill', topicId: 'rag' } },
      { action: { kind: 'drillDue', topicId: 'rag' } },
      { action: { kind: 'drill', topicId: 'evals' } },
    ];
    const order = orderChecklistForPlan(items, plan).map((i) => JSON.stringify(i.action));
    assert.deepStrictEqual(order, [
      '{"kind":"drillDue","topicId":"rag"}',
      '{"kind":"drill","topicId":"evals"}',
      '{"kind":"drill","topicId":"rag"}',
      '{"kind":"openLesson","lessonId":"choose-your-role"}',
      '{"kind":"drill","topicId":"metrics"}',
      '{"kind":"practiseCase","caseId":"document-qa"}',
    ]);
  });
});
