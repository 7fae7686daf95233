/**
 * An in-memory `MementoLike` that behaves like VS Code's `globalState` where it matters: `update` stores
 * a JSON copy of objects (as ExtensionMemento does, so later mutation of the passed object does not leak
 * in, and the copy costs what it costs in VS Code), and `get` sees the new value at once. For tests,
 * benchmarks, and as a fallback when no real storage is available.
 */
import type { MementoLike } from './types';

/** A `MementoLike` kept in memory; see the file comment. */
export class MemoryMemento implements MementoLike {
  private readonly values = new Map<string, unknown>();

  constructor(initial?: Readonly<Record<string, unknown>>) {
    for (const [key, value] of Object.entries(initial ?? {})) this.values.set(key, copy(value));
  }

  get(key: string): unknown {
    return this.values.get(key);
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, copy(value));
    return Promise.resolve();
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  /** Total JSON size of the stored values, in UTF-16 code units (bytes for ASCII JSON). */
  storedLength(keys: readonly string[] = this.keys()): number {
    let n = 0;
    for (const key of keys) {
      const value = this.values.get(key);
      if (value !== undefined) n += JSON.stringify(value).length;
    }
    return n;
  }
}

function copy(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
}
