/**
 * A small glob for `loop-prep check-doc 'docs/**\/*.md'`, since Node 20 has no fs.glob and a CI step
 * often quotes the pattern. Supports `*`, `?`, `[abc]`/`[!abc]`, `{a,b}` within a path segment and `**`
 * for any number of folders. Like a shell, `*` does not match a leading dot; like ESLint, `**` never
 * descends into node_modules, .git or other dot-folders, and symlinked folders are not followed (no loops).
 */
import * as fs from 'fs';
import * as path from 'path';

/** True when an argument is a pattern rather than a path. */
export function isGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/** One path segment's pattern as a RegExp; throws on nothing (unclosed brackets are literal). */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = segment.slice(i + 1, close);
        const negate = body[0] === '!' || body[0] === '^';
        if (negate) body = body.slice(1);
        re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  re += ')'.repeat(braces);
  const dotOk = segment.startsWith('.');
  return new RegExp(`^${dotOk ? '' : '(?!\\.)'}${re}$`);
}

/** True when a slash-separated relative path matches a slash-separated pattern (used by tests and expand). */
export function matchPath(pattern: string, rel: string): boolean {
  const ps = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const xs = rel.split('/').filter((s) => s !== '' && s !== '.');
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let result: boolean;
    if (i === ps.length) result = j === xs.length;
    else if (ps[i] === '**') result = go(i + 1, j) || (j < xs.length && !xs[j].startsWith('.') && xs[j] !== 'node_modules' && go(i, j + 1));
    else result = j < xs.length && segmentRegExp(ps[i]).test(xs[j]) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

const SKIP = new Set(['node_modules', '.git']);

/**
 * The files a pattern matches, relative to `cwd` as the pattern was written (forward slashes), sorted.
 * The walk starts at the pattern's literal prefix ("docs/" for "docs/**\/*.md") and stops after
 * `limit` files.
 */
export function expandGlob(pattern: string, cwd: string, limit = 100_000): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const absolute = normalized.startsWith('/');
  const segments = normalized.split('/');
  let literal = 0;
  while (literal < segments.length - 1 && !isGlob(segments[literal])) literal++;
  const prefix = segments.slice(0, literal).join('/');
  const rest = segments.slice(literal).join('/');
  const base = absolute ? prefix || '/' : path.join(cwd, prefix);
  const depthLimit = rest.includes('**') ? 64 : rest.split('/').length;
  const found: string[] = [];
  const walk = (dir: string, rel: string, depth: number) => {
    if (found.length >= limit || depth > depthLimit) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          if (fs.statSync(full).isDirectory()) continue; // never follow a symlinked folder
          isDir = false;
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (SKIP.has(e.name) && !rest.includes(e.name)) continue;
        walk(full, childRel, depth + 1);
      } else if (matchPath(rest, childRel)) {
        // Non-regular files that match are kept, so the reader can refuse them by name.
        found.push(prefix || absolute ? `${prefix}/${childRel}` : childRel);
        if (found.length >= limit) return;
      }
    }
  };
  walk(base, '', 1);
  return found;
}
