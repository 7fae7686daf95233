/**
 * Study Plan figures for `npm run bench`: with 2,000 cards, building the whole plan (every topic's counts)
 * and rebuilding it after one review. The tree does exactly this work per refresh. Budget 10 ms each.
 */
import type { ContentIndex, Question, Role, Topic } from '../../src/core/content/types';
import { buildStudyPlan, questionsByTopic, type CardStatus } from '../../src/core/studyPlan/studyPlan';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function bench(): Promise<Record<string, number>> {
  const src = { pack: 'builtin', file: 'x.md' };
  const topics: Topic[] = Array.from({ length: 25 }, (_, i) => ({
    kind: 'topic',
    id: `t${i}`,
    aliases: [],
    source: src,
    title: `Topic ${i}`,
    summary: '',
    concepts: [],
    html: '',
  }));
  const questions: Question[] = Array.from({ length: 2000 }, (_, i) => ({
    kind: 'question',
    id: `q${i}`,
    aliases: [],
    source: src,
    topic: `t${i % 25}`,
    roles: ['r'],
    difficulty: 'medium',
    type: 'flashcard',
    promptHtml: '',
    promptText: `q${i}`,
    explanationHtml: '',
    explanationText: '',
    tags: [],
  }));
  const role: Role = {
    kind: 'role',
    id: 'r',
    aliases: [],
    source: src,
    name: 'R',
    summary: '',
    html: '',
    topics: topics.map((t, i) => ({ id: t.id, weight: i < 6 ? 'core' : i > 21 ? 'skip' : 'supporting' })),
  };
  const index: ContentIndex = { formatVersion: 1, roles: [role], topics, questions, cases: [], lessons: [], templates: [] };
  const statuses: CardStatus[] = ['new', 'learning', 'due', 'mastered'];
  const status = new Map(questions.map((q, i) => [q.id, statuses[i % 4]]));
  const statusOf = (q: Question) => status.get(q.id)!;

  const build: number[] = [];
  const refresh: number[] = [];
  const byTopic = questionsByTopic(index);
  for (let r = 0; r < 21; r++) {
    let t = performance.now();
    buildStudyPlan(index, 'r', statusOf);
    build.push(performance.now() - t);
    status.set(`q${r}`, 'learning');
    t = performance.now();
    buildStudyPlan(index, 'r', statusOf, byTopic);
    refresh.push(performance.now() - t);
  }
  return { cards: 2000, buildPlanMedianMs: +median(build).toFixed(3), refreshAfterReviewMedianMs: +median(refresh).toFixed(3), budgetMs: 10 };
}
