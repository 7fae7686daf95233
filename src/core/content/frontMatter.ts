/**
 * Splits a content file into YAML front matter and body with gray-matter, restricted to YAML: gray-matter
 * can also evaluate JavaScript front matter (`---js`), which must never run for a user's pack.
 */
import matter from 'gray-matter';

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
    if (/^(---|\.\.\.)\s*$/.test(lines[i])) {
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
      // js-yaml reports an unclosed bracket at the end of the input; keep the line inside the front matter.
      const line = typeof e.mark?.line === 'number' ? Math.min(e.mark.line + 2, close) : 1;
      return { ok: false, line, message: `bad YAML in front matter: ${e.reason ?? e.message}` };
    }
    return { ok: false, line: 1, message: `cannot read front matter: ${e.message ?? String(err)}` };
  }
  return {
    ok: true,
    file: { data: parsed.data, body: parsed.content, yamlLines: lines.slice(1, close), bodyLine: close + 2 },
  };
}

/**
 * Finds the 1-based file line of a schema path (e.g. ['options', 2, 'why']) in the front matter. Block
 * and flow YAML both resolve to the nearest line that is known; the first YAML line when nothing is.
 */
export function lineOfPath(yamlLines: readonly string[], path: readonly PropertyKey[]): number {
  let at = -1;
  let indent = -1;
  for (const seg of path) {
    if (typeof seg === 'string') {
      const key = new RegExp(`^(\\s*)(?:-\\s+)?["']?${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
      let found = -1;
      for (let i = at + 1; i < yamlLines.length; i++) {
        const m = key.exec(yamlLines[i]);
        if (!m) continue;
        const col = yamlLines[i].indexOf(seg);
        if (col > indent || at < 0) {
          found = i;
          indent = col;
          break;
        }
      }
      if (found < 0) break;
      at = found;
    } else if (typeof seg === 'number') {
      let count = -1;
      let itemIndent = -1;
      let found = -1;
      for (let i = at + 1; i < yamlLines.length; i++) {
        const m = /^(\s*)-(\s|$)/.exec(yamlLines[i]);
        const lineIndent = yamlLines[i].search(/\S/);
        if (lineIndent >= 0 && lineIndent <= indent && !m) break; // left the parent block
        if (!m) continue;
        if (itemIndent < 0) itemIndent = m[1].length;
        if (m[1].length !== itemIndent) continue;
        count++;
        if (count === seg) {
          found = i;
          break;
        }
      }
      if (found < 0) break;
      at = found;
      indent = itemIndent;
    }
  }
  return (at < 0 ? 0 : at) + 2;
}
