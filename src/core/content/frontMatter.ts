/**
 * Splits a content file into YAML front matter and body with gray-matter, restricted to YAML: gray-matter
 * can also evaluate JavaScript front matter (`---js`), which must never run for a user's pack.
 */
import matter from 'gray-matter';
import { clip, MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_VALUES, measureValue } from './valueBounds';

export interface SplitFile {
  readonly data: unknown;
  readonly body: string;
  /** The front matter's lines, for mapping schema errors to lines. */
  readonly yamlLines: readonly string[];
  /** 1-based line of the body's first line in the file. */
  readonly bodyLine: number;
}

export type SplitResult = { ok: true; file: SplitFile } | { ok: false; line: number; message: string };

const refuse = (lang: string) => () => {
  throw new Error(`only YAML front matter is allowed (this file declares "${lang}")`);
};

const ONLY_YAML = {
  js: refuse('js'),
  javascript: refuse('javascript'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  toml: refuse('toml'),
  json: refuse('json'),
};

interface YamlErrorLike {
  name?: string;
  reason?: string;
  message?: string;
  mark?: { line?: number };
}

/** Normalizes text (BOM, CRLF) and splits it. Never throws. */
export function splitFrontMatter(raw: string): SplitResult {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = text.split('\n', 1)[0];
  if (!/^---\s*[a-z]*\s*$/i.test(first)) {
    return { ok: false, line: 1, message: 'missing front matter: a content file starts with a line "---", then YAML, then "---"' };
  }
  const lines = text.split('\n');
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^---\s*$/.test(lines[i])) {
      close = i;
      break;
    }
  }
  if (close < 0) return { ok: false, line: 1, message: 'the front matter is never closed: add a line "---" after the YAML' };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache, which would keep every file's text alive.
    parsed = matter(text, { engines: ONLY_YAML, excerpt: false });
  } catch (err) {
    const e = err as YamlErrorLike;
    if (e.name === 'YAMLException') {
      // js-yaml counts lines of the matter text, which starts with the newline after the opening "---", so
      // its line 0 is the file's line 1. An unclosed bracket is reported at the end; keep it inside.
      const line = typeof e.mark?.line === 'number' ? Math.min(Math.max(e.mark.line + 1, 2), close) : 1;
      return { ok: false, line, message: clip(`bad YAML in front matter: ${e.reason ?? e.message}`) };
    }
    return { ok: false, line: 1, message: clip(`cannot read front matter: ${e.message ?? String(err)}`) };
  }
  // Before anything walks the value (the schema, a message, a copy): aliases must not expand past a bound.
  const measured = measureValue(parsed.data);
  if (!measured.ok) {
    const yamlLines = lines.slice(1, close);
    const alias = yamlLines.findIndex((l) => /(^|[\s[{,:-])\*[^\s,\]}]+/.test(l));
    const line = alias >= 0 ? alias + 2 : 2;
    return {
      ok: false,
      line,
      message:
        measured.reason === 'too-many-values'
          ? `the front matter expands to more than ${MAX_FRONT_MATTER_VALUES} values through YAML aliases (*name); write the values out instead, this file is skipped`
          : `the front matter nests deeper than ${MAX_FRONT_MATTER_DEPTH} levels, or a YAML alias refers to itself; this file is skipped`,
    };
  }
  return {
    ok: true,
    file: { data: parsed.data, body: parsed.content, yamlLines: lines.slice(1, close), bodyLine: close + 2 },
  };
}

const indentOf = (line: string): number => line.search(/\S/);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds the line of `key` among the children of the node at line `at` (whose own indentation is
 * `indent`; -1 for the document). Children of a list item may start on the item's own line.
 */
function findKey(lines: readonly string[], at: number, indent: number, key: string, itemLine: boolean): number {
  const pattern = new RegExp(`^(\\s*)(-\\s+)?["']?${escapeRegex(key)}["']?\\s*:`);
  if (itemLine) {
    const m = pattern.exec(lines[at]);
    if (m && m[2]) return at;
  }
  let childIndent = -1;
  for (let i = at + 1; i < lines.length; i++) {
    const ind = indentOf(lines[i]);
    if (ind < 0 || lines[i].trimStart().startsWith('#')) continue;
    if (ind <= indent) return -1; // left the node
    if (childIndent < 0) childIndent = ind;
    if (ind !== childIndent) continue;
    const m = pattern.exec(lines[i]);
    if (m && !m[2]) return i;
  }
  return -1;
}

/** Finds the n-th list item under the node at line `at`; YAML allows the dashes at the key's own indentation. */
function findItem(lines: readonly string[], at: number, indent: number, n: number): { line: number; dash: number } | undefined {
  let dash = -1;
  let count = -1;
  for (let i = at + 1; i < lines.length; i++) {
    const ind = indentOf(lines[i]);
    if (ind < 0 || lines[i].trimStart().startsWith('#')) continue;
    const isDash = /^\s*-(\s|$)/.test(lines[i]);
    if (ind < indent || (ind === indent && !isDash)) return undefined;
    if (!isDash) continue;
    if (dash < 0) dash = ind;
    if (ind !== dash) continue;
    if (++count === n) return { line: i, dash };
  }
  return undefined;
}

/**
 * Finds the 1-based file line of a schema path (e.g. ['options', 2, 'why']) in the front matter. Block
 * and flow YAML both resolve to the nearest line that is known; the first YAML line when nothing is.
 */
export function lineOfPath(yamlLines: readonly string[], path: readonly PropertyKey[]): number {
  let at = -1;
  let indent = -1;
  let itemLine = false;
  for (const seg of path) {
    if (typeof seg === 'string') {
      const found = findKey(yamlLines, at, indent, seg, itemLine);
      if (found < 0) break;
      const onItemLine = itemLine && found === at;
      at = found;
      indent = onItemLine ? (/^\s*-\s+/.exec(yamlLines[found])?.[0].length ?? indent + 2) : indentOf(yamlLines[found]);
      itemLine = false;
    } else if (typeof seg === 'number') {
      const item = findItem(yamlLines, at, indent, seg);
      if (!item) break;
      at = item.line;
      indent = item.dash;
      itemLine = true;
    }
  }
  return (at < 0 ? 0 : at) + 2;
}
