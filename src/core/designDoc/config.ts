/**
 * A team's design-doc settings: `.loopprep/design-doc.json` or `.yaml` in the repo, or the front matter's
 * `loopPrep:` mapping. Either can map the team's own headings to sections, turn rules off or change their
 * severity, and declare the doc's kind. Validated with zod/mini; every problem names the file and line.
 *
 *     kind: ml-system
 *     headings:
 *       Launch plan: rollout
 *       Abuse and appeals: safety
 *     rules:
 *       cost-no-estimate: information
 *       covered-elsewhere: off
 */
import * as z from 'zod/mini';
import { pathKey, readJsonWithLines, readYamlSubset, type ReadResult } from './configText';
import { DESIGN_DOC_SECTIONS, normalizeHeading } from './sections';
import { DESIGN_DOC_CODES, DESIGN_DOC_KINDS, type ConfigProblem, type DesignDocConfig, type DesignSectionKey, type RuleSetting } from './types';

/** The config file names looked for in a `.loopprep/` folder, in this order. */
export const CONFIG_FILE_NAMES = ['design-doc.json', 'design-doc.yaml', 'design-doc.yml'] as const;
export const CONFIG_FOLDER = '.loopprep';
/** A config is a few lines; anything bigger is not one, and is refused before it is read. */
export const MAX_CONFIG_BYTES = 256 * 1024;

const SECTION_KEYS = DESIGN_DOC_SECTIONS.map((s) => s.key) as [DesignSectionKey, ...DesignSectionKey[]];
const SETTINGS = ['off', 'information', 'warning'] as const;

const KindSchema = z.enum(DESIGN_DOC_KINDS);
const SectionSchema = z.enum(SECTION_KEYS);
const SettingSchema = z.enum(SETTINGS);
const MappingSchema = z.record(z.string(), z.unknown());
const TOP_LEVEL = new Set(['$schema', 'kind', 'headings', 'rules']);

const RULE_NAMES = new Set<string>([...DESIGN_DOC_CODES, ...SECTION_KEYS]);

/** One zod issue in words (zod/mini carries no messages of its own). */
function describe(issue: z.core.$ZodIssue, where: string): string {
  if (issue.code === 'invalid_value') return `${where} must be one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type')
    return `${where} must be ${issue.expected === 'record' || issue.expected === 'object' ? 'a mapping of "key: value" entries' : `a ${issue.expected}`}`;
  return `${where}: ${issue.message}`;
}

/**
 * Validates a read config value, entry by entry, so one bad entry costs only itself: the rest of the
 * config still applies. `prefix` is where the config sits in the value (['loopPrep'] for front matter);
 * `lineOf` maps a path to a line. Returns the valid settings and the problems.
 */
export function validateConfig(
  data: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  prefix: readonly PropertyKey[] = [],
): { config: DesignDocConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const at = (path: readonly PropertyKey[], message: string) => problems.push({ file, line: lineOf([...prefix, ...path]), message });
  const check = <T>(schema: z.ZodMiniType<T>, value: unknown, path: readonly string[], where: string): T | undefined => {
    const r = z.safeParse(schema, value);
    if (r.success) return r.data;
    at(path, describe(r.error.issues[0], where));
    return undefined;
  };
  if (data === null || data === undefined) return { config: { source: file }, problems };
  // Validate the shape with zod, but read entries from the value itself: zod copies records into plain
  // objects, where a key such as "__proto__" would be lost.
  const mapping = (value: unknown, path: readonly string[], where: string) =>
    check(MappingSchema, value, path, where) ? (value as Record<string, unknown>) : undefined;
  const top = mapping(data, [], 'the config');
  if (!top) return { config: { source: file }, problems };
  for (const key of Object.keys(top)) if (!TOP_LEVEL.has(key)) at([key], `unknown field "${key}": use kind, headings, rules`);
  const kind = top.kind === undefined ? undefined : check(KindSchema, top.kind, ['kind'], 'kind');
  const headings: Record<string, DesignSectionKey> = Object.create(null) as Record<string, DesignSectionKey>;
  const rawHeadings = top.headings === undefined ? {} : (mapping(top.headings, ['headings'], 'headings') ?? {});
  for (const [heading, value] of Object.entries(rawHeadings)) {
    const key = check(SectionSchema, value, ['headings', heading], `headings."${heading}"`);
    const norm = normalizeHeading(heading);
    if (!norm) at(['headings', heading], `the heading "${heading}" has no words to match`);
    else if (key) headings[norm] = key;
  }
  const rules: Record<string, RuleSetting> = Object.create(null) as Record<string, RuleSetting>;
  const rawRules = top.rules === undefined ? {} : (mapping(top.rules, ['rules'], 'rules') ?? {});
  for (const [name, value] of Object.entries(rawRules)) {
    if (!RULE_NAMES.has(name)) {
      at(
        ['rules', name],
        `unknown rule "${name}": use a diagnostic code (${DESIGN_DOC_CODES.slice(0, 3).join(', ')}, ...) or a section (${SECTION_KEYS.join(', ')})`,
      );
      continue;
    }
    const setting = check(SettingSchema, value, ['rules', name], `rules.${name}`);
    if (setting) rules[name] = setting;
  }
  if (top.$schema !== undefined) check(z.string(), top.$schema, ['$schema'], '$schema');
  return {
    config: {
      ...(kind ? { kind } : {}),
      ...(Object.keys(headings).length ? { headings } : {}),
      ...(Object.keys(rules).length ? { rules } : {}),
      source: file,
    },
    problems,
  };
}

/** The nearest known line of a path: its own key's line, else its parent's, else `fallback`. */
function locator(read: Extract<ReadResult, { ok: true }>, fallback: number): (path: readonly PropertyKey[]) => number {
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const line = read.lines.get(pathKey(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return fallback;
  };
}

/** Parses and validates a config file's text; `file` names it in problems and picks JSON or YAML. */
export function parseConfigFile(text: string, file: string): { config: DesignDocConfig; problems: ConfigProblem[] } {
  if (typeof text !== 'string') return { config: { source: file }, problems: [{ file, line: 1, message: 'cannot read the config as text' }] };
  if (text.length > MAX_CONFIG_BYTES)
    return { config: { source: file }, problems: [{ file, line: 1, message: `the config is too large (over ${MAX_CONFIG_BYTES / 1024} KB)` }] };
  const clean = text.replace(/^\uFEFF/, '');
  const read = /\.json$/i.test(file) ? readJsonWithLines(clean) : readYamlSubset(clean.split(/\r\n|\r|\n/));
  if (!read.ok) return { config: { source: file }, problems: [{ file, line: read.line, message: read.message }] };
  return validateConfig(read.value, file, locator(read, 1));
}

/** Reads the front matter's `loopPrep:` mapping: `lines` start at 0-based doc line `first`. */
export function parseFrontMatterConfig(lines: readonly string[], first: number, file: string): { config: DesignDocConfig; problems: ConfigProblem[] } {
  const read = readYamlSubset(lines, first + 1);
  if (!read.ok) return { config: { source: file }, problems: [{ file, line: read.line, message: `loopPrep: ${read.message}` }] };
  const value = (read.value as Record<string, unknown>).loopPrep;
  return validateConfig(value, file, locator(read, first + 1), ['loopPrep']);
}

/** The team's settings with a doc's own on top: the doc's kind, headings and rules win. */
export function mergeConfigs(team: DesignDocConfig | undefined, doc: DesignDocConfig | undefined): DesignDocConfig {
  if (!team) return doc ?? {};
  if (!doc) return team;
  const kind = doc.kind ?? team.kind;
  const headings = team.headings || doc.headings ? { ...team.headings, ...doc.headings } : undefined;
  const rules = team.rules || doc.rules ? { ...team.rules, ...doc.rules } : undefined;
  return { ...(kind ? { kind } : {}), ...(headings ? { headings } : {}), ...(rules ? { rules } : {}), source: doc.kind ? doc.source : team.source };
}

/**
 * Where to look for a team config for a doc in `docDir`: each folder from the doc's up to `stopAt` (the
 * repo root or workspace folder, inclusive), nearest first; every candidate path in order. Pure: the
 * caller does the file system checks. `join` and `dirname` are the caller's path functions.
 */
export function configCandidates(docDir: string, stopAt: string | undefined, paths: { join(...p: string[]): string; dirname(p: string): string }): string[] {
  const out: string[] = [];
  for (let dir = docDir, n = 0; n < 64; n++) {
    for (const name of CONFIG_FILE_NAMES) out.push(paths.join(dir, CONFIG_FOLDER, name));
    if (stopAt !== undefined && dir === stopAt) break;
    const up = paths.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}
