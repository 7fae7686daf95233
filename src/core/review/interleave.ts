/**
 * Topic interleaving for sessions: reorders a priority-ordered list so that no two neighbours share a
 * topic whenever some order allows it, staying as close to the priority order as that permits.
 * O(n log t) for n items in t topics, with two lazily cleaned heaps instead of rescanning the list.
 */

/** A binary min-heap on a `before` ordering. */
class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < a.length && this.before(a[l], a[best])) best = l;
        if (r < a.length && this.before(a[r], a[best])) best = r;
        if (best === i) break;
        [a[i], a[best]] = [a[best], a[i]];
        i = best;
      }
    }
    return top;
  }
}

interface Group<T> {
  readonly items: T[];
  /** Priority positions of `items`, ascending. */
  readonly positions: number[];
  next: number;
}

interface Entry<T> {
  readonly group: Group<T>;
  /** Priority position of the group's next item when the entry was pushed. */
  readonly position: number;
  /** Items the group had left when the entry was pushed. */
  readonly left: number;
}

/**
 * Returns `items` (highest priority first) reordered so that no two consecutive items have the same
 * `topicOf`, when any order achieves that. The rule at each step: if one topic holds more than half of
 * what is left it must go now (unless it just went); otherwise take the highest-priority item whose topic
 * differs from the previous one. When one topic dominates, its surplus ends up together at the end.
 */
export function interleaveByTopic<T>(items: readonly T[], topicOf: (item: T) => string): T[] {
  const groups = new Map<string, Group<T>>();
  items.forEach((item, position) => {
    const topic = topicOf(item);
    let group = groups.get(topic);
    if (!group) groups.set(topic, (group = { items: [], positions: [], next: 0 }));
    group.items.push(item);
    group.positions.push(position);
  });
  if (groups.size < 2) return [...items];

  const byPosition = new Heap<Entry<T>>((a, b) => a.position < b.position);
  const byLeft = new Heap<Entry<T>>((a, b) => a.left > b.left || (a.left === b.left && a.position < b.position));
  const valid = (e: Entry<T>): boolean => e.group.next < e.group.items.length && e.group.positions[e.group.next] === e.position;
  const enqueue = (group: Group<T>): void => {
    if (group.next >= group.items.length) return;
    const entry = { group, position: group.positions[group.next], left: group.items.length - group.next };
    byPosition.push(entry);
    byLeft.push(entry);
  };
  const top = (heap: Heap<Entry<T>>): Entry<T> | undefined => {
    while (heap.size && !valid(heap.peek()!)) heap.pop();
    return heap.peek();
  };
  for (const group of groups.values()) enqueue(group);

  const out: T[] = [];
  let previous: Group<T> | undefined;
  while (out.length < items.length) {
    const remaining = items.length - out.length;
    const largest = top(byLeft)!;
    let chosen: Group<T>;
    if (largest.group !== previous && largest.left * 2 > remaining) {
      chosen = largest.group;
    } else {
      const first = top(byPosition)!;
      if (first.group !== previous) {
        chosen = first.group;
      } else {
        byPosition.pop();
        chosen = top(byPosition)?.group ?? first.group;
        byPosition.push(first);
      }
    }
    out.push(chosen.items[chosen.next]);
    chosen.next++;
    enqueue(chosen);
    previous = chosen;
  }
  return out;
}
