import * as assert from 'assert';
import type { ContentIndex, Question, Role, Topic } from '../../../src/core/content/types';
import { buildStudyPlan, describeCounts, summarizeTopic, topicTooltip, type CardStatus } from '../../../src/core/studyPlan/studyPlan';

const src = { pack: 'builtin', file: 'x.md' };
const topic = (id: string): Topic => ({ kind: 'topic', id, aliases: [], source: src, title: id.toUpperCase(), summary: '', concepts: [], html: '' });
const question = (id: string, t: string): Question =>
  ({
    kind: 'question',
    id,
    aliases: [],
    source: src,
    topic: t,
    roles: ['r'],
    difficulty: 'easy',
    type: 'flashcard',
    promptHtml: '',
    promptText: id,
    explanationHtml: '',
    explanationText: '',
    tags: [],
  }) as Question;
const role: Role = {
  kind: 'role',
  id: 'r',
  aliases: [],
  source: src,
  name: 'R',
  summary: '',
  html: '',
  topics: [
    { id: 'b', weight: 'supporting' },
    { id: 'c', weight: 'skip' },
    { id: 'a', weight: 'core' },
  ],
};
const index: ContentIndex = {
  formatVersion: 1,
  roles: [role],
  topics: [topic('a'), topic('b'), topic('c'), topic('d')],
  questions: [question('a1', 'a'), question('a2', 'a'), question('b1', 'b'), question('c1', 'c')],
  cases: [],
  lessons: [],
  templates: [],
};

describe('study plan', () => {
  it('orders core before supporting, puts unlisted topics after, and skip topics in their own group', () => {
    const plan = buildStudyPlan(index, 'r', () => 'new');
    assert.deepStrictEqual(
      plan.topics.map((t) => t.topic.id),
      ['a', 'b', 'd'],
    );
    assert.deepStrictEqual(
      plan.skipped.map((t) => t.topic.id),
      ['c'],
    );
  });
  it('falls back to every topic by title for an unknown role', () => {
    const plan = buildStudyPlan(index, 'nope', () => 'new');
    assert.strictEqual(plan.role, undefined);
    assert.deepStrictEqual(
      plan.topics.map((t) => t.topic.id),
      ['a', 'b', 'c', 'd'],
    );
    assert.strictEqual(plan.skipped.length, 0);
  });
  it('counts statuses and mastery per topic', () => {
    const status: Record<string, CardStatus> = { a1: 'due', a2: 'mastered' };
    const plan = buildStudyPlan(index, 'r', (q) => status[q.id] ?? 'new');
    const a = plan.topics[0];
    assert.deepStrictEqual({ ...a.counts }, { new: 0, learning: 0, due: 1, mastered: 1, suspended: 0 });
    assert.strictEqual(a.masteryPct, 50);
    assert.strictEqual(describeCounts(a), '1 due · 50% mastered');
    assert.strictEqual(describeCounts(plan.topics[1]), '1 new · 0% mastered');
  });

  it('builds the topic tooltip as plain text, pack Markdown kept literal and long summaries cut', () => {
    const summary = 'Judges ![tracker](https://example.invalid/pixel.png) and [links](command:workbench.action.quit).';
    const t = { ...topic('evals'), title: '**Evals**', summary };
    const tip = topicTooltip(summarizeTopic(t, 'core', [question('q', 'evals')], () => 'due'));
    assert.strictEqual(tip.split('\n\n')[0], '**Evals** · core');
    assert.strictEqual(tip.split('\n\n')[1], summary);
    assert.match(tip, /• 1 due now: scheduled for review today or earlier/);
    const long = topicTooltip(summarizeTopic({ ...t, summary: 'x'.repeat(5000) }, undefined, [], () => 'new'));
    assert.strictEqual(long.split('\n\n')[1], `${'x'.repeat(399)}…`);
  });
});
