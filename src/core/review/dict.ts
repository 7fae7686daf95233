/**
 * Id-keyed records in stored state. Card, lesson and case ids come from content and packs, so any string
 * can reach a lookup: on a plain object `c['constructor']` finds `Object.prototype.constructor`, and
 * assigning `c['__proto__']` replaces the prototype. Stored-state records are therefore always
 * null-prototype objects, built and copied only through these helpers (spread `{ ...c }` would give
 * back a plain object).
 */

/** A record keyed by ids, with no prototype: every key is an own entry or absent. */
export type Dict<T> = Record<string, T>;

/** An empty null-prototype record. */
export function dict<T>(): Dict<T> {
  return Object.create(null) as Dict<T>;
}

/** A null-prototype copy of `source` (own entries only). */
export function dictOf<T>(source: Readonly<Record<string, T>>): Dict<T> {
  const out = dict<T>();
  for (const key of Object.keys(source)) out[key] = source[key];
  return out;
}

/** A null-prototype copy of `source` with `key` set to `value`. */
export function withEntry<T>(source: Readonly<Record<string, T>>, key: string, value: T): Dict<T> {
  const out = dictOf(source);
  out[key] = value;
  return out;
}

/** The own entry under `key`, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Whether `key` is an own entry. */
export function hasOwn(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
