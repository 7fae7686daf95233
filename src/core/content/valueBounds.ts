/**
 * Size bounds for untrusted values: parsed front matter and anything a webview sends.
 *
 * js-yaml (gray-matter's engine) keeps an alias as a reference to the anchored value, so parsing a
 * "billion laughs" file is fast and small; the blow-up comes later, from any code that walks the value
 * as a tree (schema validation, JSON.stringify, a copy). `measureValue` counts the value as such a walk
 * would see it, in time linear in the number of distinct nodes (shared nodes are counted once and
 * remembered), and stops as soon as a bound is passed. Nothing else touches the value before it passes.
 */

/** Front matter of a real content file holds a few hundred values; a rubric-heavy case under 2,000. */
export const MAX_FRONT_MATTER_VALUES = 20_000;
/** Nesting deeper than this is refused; it also catches an alias that refers to its own anchor. */
export const MAX_FRONT_MATTER_DEPTH = 32;

export type Measure = { ok: true; values: number } | { ok: false; reason: 'too-many-values' | 'too-deep' };

/** Counts the values of `value` as a tree (aliases expanded), refusing past `maxValues` or `maxDepth`. */
export function measureValue(value: unknown, maxValues = MAX_FRONT_MATTER_VALUES, maxDepth = MAX_FRONT_MATTER_DEPTH): Measure {
  // Per distinct node: its size and height as a tree, so a shared node is walked once wherever it appears.
  const seen = new Map<object, { size: number; height: number }>();
  let tooDeep = false;
  const walk = (v: unknown, depth: number): { size: number; height: number } => {
    if (v === null || typeof v !== 'object') return { size: 1, height: 0 };
    const known = seen.get(v);
    if (known !== undefined) {
      if (depth + known.height > maxDepth) tooDeep = true;
      return known;
    }
    if (depth > maxDepth) {
      tooDeep = true; // also where an alias refers to its own anchor: the walk never ends otherwise
      return { size: Infinity, height: Infinity };
    }
    let size = 1;
    let height = 0;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      const c = walk(child, depth + 1);
      size += c.size;
      height = Math.max(height, c.height + 1);
      if (size > maxValues || tooDeep) break;
    }
    const result = { size, height };
    seen.set(v, result);
    return result;
  };
  const { size } = walk(value, 0);
  if (tooDeep) return { ok: false, reason: 'too-deep' };
  return size > maxValues ? { ok: false, reason: 'too-many-values' } : { ok: true, values: size };
}

/** A short, bounded rendering of an untrusted value for a message: never stringifies more than `max` characters' worth. */
export function preview(value: unknown, max = 60): string {
  if (typeof value === 'string') return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return value instanceof Date ? 'a date' : 'a mapping';
  return typeof value;
}

/** Cuts a message to `max` characters, so one field can never make a diagnostic huge. */
export function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
