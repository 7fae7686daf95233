/**
 * Content ids: stable, lowercase kebab-case keys. Review history is stored under them, so the rules are
 * strict and shared by the content compiler, user-pack loader and storage.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 80;

/** True when the value is a well-formed content id. */
export function isContentId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

/** Why an id is malformed, in words an author can act on; undefined when it is fine. */
export function idProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `an id must be a string, not ${value === null ? 'null' : typeof value}`;
  if (value.length === 0) return 'an id must not be empty';
  if (value.length > MAX_ID_LENGTH) return `an id must be at most ${MAX_ID_LENGTH} characters (this one has ${value.length})`;
  if (!ID_PATTERN.test(value)) return `"${value}" is not lowercase kebab-case (letters, digits and single hyphens, e.g. "evals-judge-bias")`;
  return undefined;
}
