/**
 * Reads the text of a design-doc config (JSON, or the YAML of a config file or of the front matter's
 * `loopPrep:` mapping) into plain values, with the 1-based line of every key, so validation errors can say
 * "design-doc.yaml:4". The YAML side reads the subset a config needs: nested mappings (block or `{ }`
 * flow), plain and quoted strings, comments. Anchors, aliases, tags, lists and multi-line strings are
 * refused with their line: a config never needs them, and refusing aliases makes a "billion laughs" file
 * harmless. Linear in the text; never throws.
 */

export type ReadResult = { ok: true; value: unknown; lines: ReadonlyMap<string, number> } | { ok: false; line: number; message: string };

/** The key under which readers store a path's line: the path as JSON. */
export const pathKey = (path: readonly PropertyKey[]): string => JSON.stringify(path.map(String));

type Obj = Record<string, unknown>;
const newObj = (): Obj => Object.create(null) as Obj;

class ReadError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Strips a comment: `#` at the start or after white space, outside quotes. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return line.slice(0, i);
  }
  return line;
}

const UNSUPPORTED: [RegExp, string][] = [
  [/^[&*]/, 'anchors and aliases (& and *) are not supported in a design-doc config'],
  [/^!/, 'YAML tags (!) are not supported in a design-doc config'],
  [/^[|>]/, 'multi-line strings (| and >) are not supported in a design-doc config'],
  [/^\[/, 'lists are not used in a design-doc config: write a mapping of "key: value" lines'],
];

/** Reads a scalar or a flow mapping starting at `s[at]`; returns the value and the index after it. */
function readValue(s: string, at: number, line: number, path: readonly string[], lines: Map<string, number>, inFlow: boolean): [unknown, number] {
  while (s[at] === ' ' || s[at] === '\t') at++;
  if (s[at] === '{') return readFlow(s, at, line, path, lines);
  for (const [re, message] of UNSUPPORTED) if (re.test(s.slice(at, at + 1))) throw new ReadError(line, message);
  if (s[at] === '"' || s[at] === "'") {
    const [text, end] = readQuoted(s, at, line);
    return [text, end];
  }
  let end = at;
  while (end < s.length && !(inFlow && (s[end] === ',' || s[end] === '}'))) end++;
  const text = s.slice(at, end).trim();
  return [text === '' || text === '~' || text === 'null' ? null : text, end];
}

function readQuoted(s: string, at: number, line: number): [string, number] {
  const q = s[at];
  let out = '';
  for (let i = at + 1; i < s.length; i++) {
    const c = s[i];
    if (q === "'" && c === "'" && s[i + 1] === "'") {
      out += "'";
      i++;
    } else if (c === q) return [out, i + 1];
    else if (q === '"' && c === '\\') {
      const n = s[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
    } else out += c;
  }
  throw new ReadError(line, `a string is never closed: add the closing ${q}`);
}

function readKey(s: string, at: number, line: number, inFlow: boolean): [string, number] {
  while (s[at] === ' ' || s[at] === '\t') at++;
  if (s[at] === '"' || s[at] === "'") {
    const [key, end] = readQuoted(s, at, line);
    let i = end;
    while (s[i] === ' ') i++;
    if (s[i] !== ':') throw new ReadError(line, `expected ":" after the key "${key}"`);
    return [key, i + 1];
  }
  for (let i = at; i < s.length; i++) {
    if (s[i] === ':' && (i + 1 === s.length || s[i + 1] === ' ' || s[i + 1] === '\t' || (inFlow && (s[i + 1] === ',' || s[i + 1] === '}')))) {
      return [s.slice(at, i).trim(), i + 1];
    }
    if (inFlow && (s[i] === ',' || s[i] === '}')) break;
  }
  throw new ReadError(line, `expected "key: value", got "${s.slice(at).trim().slice(0, 40)}"`);
}

function setKey(obj: Obj, key: string, value: unknown, line: number, path: readonly string[], lines: Map<string, number>): void {
  if (Object.prototype.hasOwnProperty.call(obj, key)) throw new ReadError(line, `"${key}" is set twice`);
  obj[key] = value;
  lines.set(pathKey([...path, key]), line);
}

function readFlow(s: string, at: number, line: number, path: readonly string[], lines: Map<string, number>): [Obj, number] {
  const obj = newObj();
  let i = at + 1;
  for (;;) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] === '}') return [obj, i + 1];
    if (i >= s.length) throw new ReadError(line, 'a "{" mapping is never closed on its line: add "}"');
    const [key, afterKey] = readKey(s, i, line, true);
    const [value, afterValue] = readValue(s, afterKey, line, [...path, key], lines, true);
    setKey(obj, key, value, line, path, lines);
    i = afterValue;
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] === ',') i++;
    else if (s[i] !== '}') throw new ReadError(line, 'expected "," or "}" in a "{ }" mapping');
  }
}

/**
 * Reads YAML lines; `firstLine` is the 1-based line of lines[0] in its file. A blank document is an empty
 * mapping.
 */
export function readYamlSubset(yamlLines: readonly string[], firstLine = 1): ReadResult {
  const root = newObj();
  const lines = new Map<string, number>();
  const stack: { indent: number; obj: Obj; path: string[]; childIndent: number }[] = [{ indent: -1, obj: root, path: [], childIndent: -1 }];
  try {
    for (let i = 0; i < yamlLines.length; i++) {
      const line = firstLine + i;
      const raw = stripComment(yamlLines[i]).trimEnd();
      if (raw.trim() === '') continue;
      if (/^\s*\t/.test(raw)) throw new ReadError(line, 'indent with spaces: YAML does not allow tabs there');
      const indent = raw.length - raw.trimStart().length;
      const text = raw.trimStart();
      if (text === '---' || text === '...') continue;
      if (/^-(\s|$)/.test(text)) throw new ReadError(line, 'lists are not used in a design-doc config: write a mapping of "key: value" lines');
      while (stack.length > 1 && indent <= stack[stack.length - 1].indent) stack.pop();
      const top = stack[stack.length - 1];
      if (top.childIndent < 0) top.childIndent = indent;
      else if (indent !== top.childIndent) throw new ReadError(line, `inconsistent indentation: expected ${top.childIndent} spaces here`);
      const [key, afterKey] = readKey(text, 0, line, false);
      if (text.slice(afterKey).trim() === '') {
        // Either a nested block mapping follows, or the value is empty (null).
        const next = nextContentIndent(yamlLines, i + 1);
        if (next > indent) {
          const child = newObj();
          setKey(top.obj, key, child, line, top.path, lines);
          stack.push({ indent, obj: child, path: [...top.path, key], childIndent: -1 });
          continue;
        }
        setKey(top.obj, key, null, line, top.path, lines);
        continue;
      }
      const [value, end] = readValue(text, afterKey, line, [...top.path, key], lines, false);
      if (text.slice(end).trim() !== '') throw new ReadError(line, `unexpected text after the value of "${key}"`);
      setKey(top.obj, key, value, line, top.path, lines);
    }
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, line: err.line, message: err.message };
    return { ok: false, line: firstLine, message: err instanceof Error ? err.message : String(err) };
  }
  return { ok: true, value: root, lines };
}

function nextContentIndent(yamlLines: readonly string[], from: number): number {
  for (let i = from; i < yamlLines.length; i++) {
    const raw = stripComment(yamlLines[i]).trimEnd();
    if (raw.trim() !== '') return raw.length - raw.trimStart().length;
  }
  return -1;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Reads JSON, and the line of every object key (by a second, structural pass over the valid text). */
export function readJsonWithLines(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const lc = /line (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const line = lc ? Number(lc[1]) : pos ? lineAt(text, Number(pos[1])) : 1;
    return { ok: false, line, message: `bad JSON: ${message.replace(/^(?:SyntaxError: )?/, '')}` };
  }
  const lines = new Map<string, number>();
  const stack: { path: string[]; array: boolean; index: number; key?: string }[] = [];
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && !top.array && expectKey) {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        lines.set(pathKey([...top.path, top.key]), line);
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      const path = top ? [...top.path, top.array ? String(top.index) : (top.key ?? '')] : [];
      stack.push({ path, array: c === '[', index: 0 });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      else expectKey = true;
    }
  }
  return { ok: true, value, lines };
}
