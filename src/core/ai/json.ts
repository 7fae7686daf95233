/**
 * Reading a JSON object out of model text. Models wrap JSON in ```json fences, put prose before or after
 * it, or stop half-way; this finds the first complete object and validates it with a zod/mini schema, and
 * says precisely what was wrong otherwise, so a retry can tell the model.
 */
import * as z from 'zod/mini';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Where the balanced object starting at `start` ends (index after its `}`), or -1; strings are skipped. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The text inside ```json (or bare ```) fences, in order, then the whole text. */
function candidates(text: string): string[] {
  const fenced = [...text.matchAll(/```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)```/g)].map((m) => m[1]);
  return [...fenced, text];
}

/** The first JSON object in `text` (fenced or bare, prose around it allowed). */
export function extractJsonObject(text: string): Parsed<Record<string, unknown>> {
  let sawBrace = false;
  for (const candidate of candidates(text)) {
    for (let start = candidate.indexOf('{'); start >= 0; start = candidate.indexOf('{', start + 1)) {
      sawBrace = true;
      const end = objectEnd(candidate, start);
      if (end < 0) continue;
      try {
        const value: unknown = JSON.parse(candidate.slice(start, end));
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
      } catch {
        // not JSON after all (e.g. braces in prose); try the next one
      }
    }
  }
  return { ok: false, error: sawBrace ? 'the reply has no complete, valid JSON object (it may be cut off)' : 'the reply contains no JSON object' };
}

/** zod issues as "path: message" lines, at most five. */
export function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const lines = error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(top level)'}: ${i.message}`);
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
  return lines.join('; ') + more;
}

/** The first JSON object in `text`, validated by `schema`. */
export function parseModelJson<T>(text: string, schema: z.ZodMiniType<T>): Parsed<T> {
  const found = extractJsonObject(text);
  if (!found.ok) return found;
  const checked = schema.safeParse(found.value);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, error: `the JSON does not match the expected shape: ${describeIssues(checked.error)}` };
}

/** The follow-up message of the one retry: what was wrong, and the instruction to answer with JSON only. */
export function retryMessage(error: string): string {
  return `Your reply could not be used: ${error}. Reply again with only the JSON object in the requested shape, no prose and no code fences.`;
}
