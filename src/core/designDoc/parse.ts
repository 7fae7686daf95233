/**
 * Parses a design doc: front matter, headings and sections, in one linear pass with no YAML or Markdown
 * library, because it runs on every keystroke and must survive any text (10 MB, no newlines, unclosed
 * fences). Headings inside fenced code or HTML comments do not count.
 */
import { mergeConfigs, parseFrontMatterConfig } from './config';
import { matchNormalized, normalizeHeading, type HeadingMatch } from './sections';
import type { ConfigProblem, DesignDocConfig, DesignDocSection, DesignSectionKey, ParsedDesignDoc } from './types';

export interface ParseOptions {
  /** A team's config (from `.loopprep/design-doc.*`); the front matter's `loopPrep:` mapping is merged on top. */
  readonly config?: DesignDocConfig;
  /** The doc's name in config problems; default "front matter". */
  readonly file?: string;
}

/** Per-line facts the checker and the rubric matcher reuse, so they never rescan fences or comments. */
export const LINE_FRONT_MATTER = 1;
export const LINE_FENCE = 2;
export const LINE_CODE = 4;
export const LINE_COMMENT = 8;
export const LINE_HEADING = 16;

const flagsByDoc = new WeakMap<ParsedDesignDoc, Uint8Array>();

interface Heading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
  /** The normalized text (see normalizeHeading). */
  readonly norm: string;
  readonly match?: HeadingMatch;
}

/** Splits text into a parsed design doc. Never throws; a non-string is read as an empty doc. */
export function parseDesignDoc(text: string, options: ParseOptions = {}): ParsedDesignDoc {
  const raw = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const lines = raw.split(/\r\n|\r|\n/);
  const firstBreak = raw.search(/\r\n|\r|\n/);
  const eol = firstBreak >= 0 && raw.startsWith('\r\n', firstBreak) ? '\r\n' : '\n';
  const flags = new Uint8Array(lines.length);

  const front = readFrontMatter(lines);
  for (let i = 0; i <= front.end; i++) flags[i] = LINE_FRONT_MATTER;
  const own = front.configAt
    ? parseFrontMatterConfig(lines.slice(front.configAt.from, front.configAt.to + 1), front.configAt.from, options.file ?? 'front matter')
    : undefined;
  const config = mergeConfigs(options.config, own?.config);
  const headings = scanBody(lines, front.end + 1, flags, config.headings);
  const sectionLevel = dominantLevel(headings);
  const sections = buildSections(lines, headings, sectionLevel);

  const doc: ParsedDesignDoc = {
    isDesignDoc: front.isDesignDoc,
    ...(front.caseId ? { caseId: front.caseId } : {}),
    frontMatterEnd: front.end,
    sections,
    sectionLevel,
    lines,
    eol,
    headings,
    config,
    configProblems: own?.problems ?? ([] as ConfigProblem[]),
  };
  flagsByDoc.set(doc, flags);
  return doc;
}

/** The per-line flags of a doc; recomputed for a doc object that parseDesignDoc did not make. */
export function lineFlags(doc: ParsedDesignDoc): Uint8Array {
  let flags = flagsByDoc.get(doc);
  if (!flags) {
    flags = new Uint8Array(doc.lines.length);
    for (let i = 0; i <= doc.frontMatterEnd && i < flags.length; i++) flags[i] = LINE_FRONT_MATTER;
    scanBody(doc.lines, doc.frontMatterEnd + 1, flags);
    flagsByDoc.set(doc, flags);
  }
  return flags;
}

/** A YAML scalar without its trailing comment or quotes; enough for `design-doc` and a case id. */
function unquote(value: string): string {
  let end = value.length;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '#' && (value[i - 1] === ' ' || value[i - 1] === '\t')) {
      end = i;
      break;
    }
  }
  const v = value.slice(0, end).trim();
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1).trim() : v;
}

interface FrontMatter {
  readonly end: number;
  readonly isDesignDoc: boolean;
  readonly caseId?: string;
  /** The lines of a `loopPrep:` mapping (its key line and the indented lines below), 0-based, inclusive. */
  readonly configAt?: { readonly from: number; readonly to: number };
}

/**
 * Reads only the keys we need from top-level `key: value` lines; anything else in YAML is ignored.
 * `loopPrep: design-doc` marks a design doc, and so does a `loopPrep:` mapping of settings
 * (`loopPrep: { kind: ml-system }`, or indented lines below `loopPrep:`), which config.ts reads.
 */
function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (lines[0].trimEnd() !== '---') return { end: -1, isDesignDoc: false };
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].trimEnd();
    if (l === '---' || l === '...') {
      end = i;
      break;
    }
  }
  if (end < 0) return { end: -1, isDesignDoc: false };
  let isDesignDoc = false;
  let caseId: string | undefined;
  let configAt: { from: number; to: number } | undefined;
  for (let i = 1; i < end; i++) {
    const m = /^([A-Za-z][\w-]*)[ \t]*:(.*)$/.exec(lines[i]);
    if (!m) continue;
    if (m[1] === 'loopPrep') {
      const value = unquote(m[2]);
      let to = i;
      while (to + 1 < end && (/^[ \t]/.test(lines[to + 1]) || lines[to + 1].trim() === '')) to++;
      isDesignDoc = value.toLowerCase() === 'design-doc' || value.startsWith('{') || (value === '' && to > i);
      configAt = isDesignDoc && value.toLowerCase() !== 'design-doc' ? { from: i, to } : undefined;
    } else if (m[1] === 'case') caseId = unquote(m[2]) || undefined;
  }
  return { end, isDesignDoc, caseId, ...(configAt ? { configAt } : {}) };
}

/** An ATX heading (`#` to `######`), parsed by hand to keep it linear on any line. */
function atxHeading(line: string): { level: number; text: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return undefined;
  const after = line[i + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return undefined;
  const text = line.slice(i + level).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  const closed = end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t';
  return { level, text: closed ? text.slice(0, end).trim() : text };
}

/** The fence a line opens or closes: its character and run length, after at most three spaces. */
function fenceOf(line: string): { char: string; length: number; rest: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let n = 0;
  while (line[i + n] === char) n++;
  return n >= 3 ? { char, length: n, rest: line.slice(i + n) } : undefined;
}

function scanBody(lines: readonly string[], from: number, flags: Uint8Array, custom?: Readonly<Record<string, DesignSectionKey>>): Heading[] {
  const headings: Heading[] = [];
  // Long docs repeat headings ("Notes", "Details"): normalize and match each distinct text once.
  const known = new Map<string, { norm: string; match?: HeadingMatch }>();
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const f = fenceOf(line);
      if (f && f.char === fence.char && f.length >= fence.length && f.rest.trim() === '') {
        fence = undefined;
        flags[i] = LINE_FENCE;
      } else flags[i] = LINE_CODE;
      continue;
    }
    if (inComment) {
      flags[i] = LINE_COMMENT;
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const f = fenceOf(line);
    if (f && !(f.char === '`' && f.rest.includes('`'))) {
      fence = { char: f.char, length: f.length };
      flags[i] = LINE_FENCE;
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith('<!--')) {
      flags[i] = LINE_COMMENT;
      inComment = !trimmed.includes('-->', 4);
      continue;
    }
    const h = atxHeading(line);
    if (h) {
      flags[i] = LINE_HEADING;
      let m = known.get(h.text);
      if (!m) {
        const norm = normalizeHeading(h.text);
        m = { norm, match: matchNormalized(norm, custom) };
        if (known.size < 10_000) known.set(h.text, m);
      }
      headings.push({ line: i, level: h.level, text: h.text, norm: m.norm, match: m.match });
    }
  }
  return headings;
}

/**
 * The level most headings that name a section exactly use (any match counts when none is exact, so a title
 * like "# Data platform design" cannot outvote the sections). Ties go to 2, the template's level, then to
 * fewer #s; 2 when nothing matches.
 */
function dominantLevel(headings: readonly Heading[]): number {
  const exact = headings.some((h) => h.match?.exact);
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const h of headings) if (h.match && (h.match.exact || !exact)) counts[h.level]++;
  let best = 2;
  for (const level of [1, 3, 4, 5, 6]) if (counts[level] > counts[best]) best = level;
  return best;
}

/**
 * Decides which headings start sections. A recognized heading at the doc's section level starts one; a
 * shallower one only when it names a section exactly (a stray "# Latency" does, a title "# Data platform
 * design" does not); a deeper one only when it names a section exactly and nothing at section level names
 * it (a stray "### Latency" does, and so does "### Data" under "## Methodology", but "### Data" inside
 * "## Evals" stays part of Evals when the doc has its own "## Data"). A section runs to the next heading
 * of its own level or above, or to the next heading that starts a section, so its unrecognized subsections
 * are part of it. A later section with the same key and the same heading is a duplicate; one with another
 * heading for the same key ("Security" after "Safety") adds to it.
 */
function buildSections(lines: readonly string[], headings: readonly Heading[], level: number): DesignDocSection[] {
  const primary = (h: Heading) => !!h.match && (h.level === level || (h.match.exact && h.level < level));
  const atLevel = new Set(headings.filter(primary).map((h) => h.match!.key));
  const starts = (h: Heading) => primary(h) || (!!h.match && h.match.exact && h.level > level && !atLevel.has(h.match.key));
  const seen = new Set<string>();
  const sections: DesignDocSection[] = [];
  for (let b = 0; b < headings.length; b++) {
    const h = headings[b];
    if (!starts(h)) continue;
    let next = b + 1;
    while (next < headings.length && headings[next].level > h.level && !starts(headings[next])) next++;
    const endLine = next < headings.length ? headings[next].line - 1 : lines.length - 1;
    const key = h.match!.key;
    const same = `${key}\u0000${h.norm}`;
    sections.push({
      key,
      heading: h.text,
      level: h.level,
      line: h.line,
      endLine,
      body: lines
        .slice(h.line + 1, endLine + 1)
        .join('\n')
        .trim(),
      duplicate: seen.has(same),
    });
    seen.add(same);
  }
  return sections;
}
