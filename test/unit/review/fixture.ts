/**
 * A large, realistic stored state for size and speed checks: `cards` cards with ids as long as the
 * bank's (about 34 characters), each reviewed `reviewsPerCard` times by the real scheduler over the
 * months before T0, written straight into the v2 format (recording 50,000 reviews one by one through the
 * store would take most of a minute). Review ids look like the store's: a writer id per day, then the
 * card's review count.
 */
import { FORMAT_VERSION, emptyProgress, emptyShard, emptyUndo, encodeLog, encodeSched, packCard } from '../../../src/core/review/format';
import type { StoredLog } from '../../../src/core/review/format';
import { REVIEW_PROGRESS_KEY, REVIEW_ROOT_KEY, REVIEW_SHARD_KEYS, REVIEW_UNDO_KEY, shardOf } from '../../../src/core/review/keys';
import { MemoryMemento, createScheduler } from '../../../src/core/review';
import type { Rating, ReviewCard, SessionQuestion } from '../../../src/core/review';
import { T0, seeded } from './helpers';

export const TOPICS = [
  'llm-fundamentals',
  'prompt-design',
  'evals',
  'agents-tools',
  'retrieval-rag',
  'cost-latency',
  'safety-reliability',
  'model-choice',
  'embeddings-similarity',
  'system-design-core',
  'reliability-observability',
  'security-access',
  'deployment-rollout',
  'monitoring-mlops',
  'metrics',
  'problem-framing',
  'data-and-labels',
  'versioning-registry',
  'serving',
  'ml-foundations',
  'recommendation-ranking',
  'features',
  'pipelines-orchestration',
  'gpu-batch-economics',
  'distributed-training',
];

export interface HistoryFixture {
  readonly memento: MemoryMemento;
  readonly questions: SessionQuestion[];
  /** The final card state of each card, as the scheduler produced it. */
  readonly cards: Map<string, ReviewCard>;
}

/** Builds the fixture; deterministic for a given seed. */
export function buildHistory(cards: number, reviewsPerCard: number, seed = 42): HistoryFixture {
  const random = seeded(seed);
  const scheduler = createScheduler();
  const shards = REVIEW_SHARD_KEYS.map(() => emptyShard('fixt'));
  const questions: SessionQuestion[] = [];
  const finals = new Map<string, ReviewCard>();
  for (let i = 0; i < cards; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const id = `${topic}-question-${i.toString().padStart(5, '0')}`;
    questions.push({ id, topic, difficulty: (['easy', 'medium', 'hard'] as const)[i % 3] });
    let card: ReviewCard | undefined;
    let now = new Date(T0.getTime() - (120 + random() * 60) * 86_400_000);
    const log: StoredLog[] = [];
    for (let r = 0; r < reviewsPerCard; r++) {
      const rating = (random() < 0.15 ? 1 : random() < 0.2 ? 2 : random() < 0.9 ? 3 : 4) as Rating;
      card = scheduler.rate(card, rating, now).card;
      const writer = `s${(Math.floor(now.getTime() / 86_400_000) % 46656).toString(36).padStart(3, '0')}`;
      log.push(
        encodeLog(
          `${writer}${r.toString(36)}`,
          rating,
          now.getTime(),
          3000 + Math.floor(random() * 30000),
          random() < 0.8 ? rating > 1 : undefined,
          5 + Math.floor(random() * 20),
        ),
      );
      now = new Date(Math.min(card.due.getTime(), T0.getTime() - 3_600_000));
    }
    if (card) finals.set(id, card);
    shards[shardOf(id)].c[id] = packCard({ sched: card ? encodeSched(card) : 0, log, schedAt: card ? card.lastReview.getTime() : 0, flags: 0, undone: [] });
  }
  const memento = new MemoryMemento({
    [REVIEW_ROOT_KEY]: { version: FORMAT_VERSION },
    ...Object.fromEntries(REVIEW_SHARD_KEYS.map((key, i) => [key, { ...shards[i], rev: 1 }])),
    [REVIEW_PROGRESS_KEY]: { ...emptyProgress('fixt'), rev: 1 },
    [REVIEW_UNDO_KEY]: { ...emptyUndo('fixt'), rev: 1 },
  });
  return { memento, questions, cards: finals };
}
