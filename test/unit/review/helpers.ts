/**
 * Test helpers for the review core: fixed dates, a seeded random source, question factories, and a
 * model of globalState shared by several VS Code windows with delayed propagation.
 */
import type { MementoLike, SessionQuestion } from '../../../src/core/review';
import type { JournalFs } from '../../../src/core/review/journal';

/** The fixed "now" of these tests. */
export const T0 = new Date('2026-03-01T09:00:00Z');

export function minutes(n: number, from: Date = T0): Date {
  return new Date(from.getTime() + n * 60_000);
}

export function days(n: number, from: Date = T0): Date {
  return new Date(from.getTime() + n * 86_400_000);
}

/** mulberry32: a small deterministic generator for randomized tests. */
export { seededRandom as seeded } from '../../../src/core/random';

/** `n` questions spread over `topics`, round-robin, ids like `t0-q3`. */
export function questions(topics: readonly string[], perTopic: number): SessionQuestion[] {
  const out: SessionQuestion[] = [];
  for (let i = 0; i < perTopic; i++)
    for (const topic of topics) out.push({ id: `${topic}-q${i}`, topic, difficulty: (['easy', 'medium', 'hard'] as const)[i % 3] });
  return out;
}

function copy(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
}

interface Pending {
  readonly from: WindowMemento;
  readonly resolve: () => void;
}

/**
 * globalState as several windows see it. Each window has its own cache: `update` changes it at once
 * and queues a flush. A flush (`commit`) sends the writing window's whole cache to shared storage, as
 * VS Code's ExtensionMemento does, and every other window's cache is then replaced by the shared state,
 * as the storage change event does. Until the test commits, windows do not see each other's writes, so
 * both can read before either writes, and a flush can carry stale copies of keys the window did not touch.
 */
export class SharedStorage {
  readonly committed = new Map<string, unknown>();
  private readonly windows: WindowMemento[] = [];
  private readonly queue: Pending[] = [];

  window(): WindowMemento {
    const w = new WindowMemento(this, new Map([...this.committed].map(([k, v]) => [k, copy(v)])));
    this.windows.push(w);
    return w;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** @internal */
  enqueue(from: WindowMemento): Promise<void> {
    return new Promise((resolve) => this.queue.push({ from, resolve }));
  }

  /** Flushes queued write number `index` (oldest first). */
  commit(index = 0): void {
    const [p] = this.queue.splice(index, 1);
    if (!p) return;
    this.committed.clear();
    for (const [key, value] of p.from.cache) this.committed.set(key, copy(value));
    for (const w of this.windows) if (w !== p.from) w.cache = new Map([...this.committed].map(([k, v]) => [k, copy(v)]));
    p.resolve();
  }

  commitAll(): void {
    while (this.queue.length) this.commit();
  }
}

export class WindowMemento implements MementoLike {
  constructor(
    private readonly storage: SharedStorage,
    public cache: Map<string, unknown>,
  ) {}

  get(key: string): unknown {
    return this.cache.get(key);
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.cache.delete(key);
    else this.cache.set(key, copy(value));
    return this.storage.enqueue(this);
  }
}

/** A journal folder in memory; writes land at once. */
export class MemoryJournalFs implements JournalFs {
  readonly files = new Map<string, string>();
  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }
  async read(name: string): Promise<string> {
    return this.files.get(name) ?? '';
  }
  async write(name: string, text: string): Promise<void> {
    this.files.set(name, text);
  }
}
