/**
 * The design-doc checker: what a reviewer would flag in a practice design doc, as editor diagnostics.
 * Pure and synchronous so the extension can run it on every change and the CLI and tests can run it on a
 * string; it never throws on any text.
 *
 * A section is covered by the headings that name it (at any depth, near-synonyms adding to each other), or,
 * when none does, by the other sections whose text carries its topic; the content rules then read that
 * text, worded for the doc's kind (LLM app, ML system, ML platform). A team's config can turn rules off or
 * change their severity.
 */
import { blocksFor, docBlocks, whereFound, type DocBlock } from './evidence';
import { decideKind, kindLabel, type KindDecision } from './kind';
import { parseDesignDoc } from './parse';
import { CONTENT_RULES, ruleMessage } from './rules';
import { DESIGN_DOC_SECTIONS, normalizeHeading, sectionInfo } from './sections';
import { readAnswer, sectionAnswer, type PlaceholderSpan } from './text';
import { DESIGN_DOC_CODES, type DesignDocDiagnostic, type DesignDocSection, type DesignSectionKey, type ParsedDesignDoc } from './types';

export interface CheckOptions {
  /**
   * At most this many diagnostics (default 1000), earliest lines first. A 10 MB file of leftover TODOs
   * would otherwise flood the Problems panel and slow the editor; the first ones already show the pattern.
   */
  readonly maxDiagnostics?: number;
}

/** How one section is covered: by its own headings, by other sections' text, or not at all. */
export interface SectionCoverage {
  readonly key: DesignSectionKey;
  readonly via: 'heading' | 'content' | 'missing';
  /** The headings (or "the introduction") that cover it. */
  readonly where: readonly string[];
}

/** Everything one check finds: the diagnostics, the kind it checked for and why, and each section's coverage. */
export interface DesignDocReport {
  readonly diagnostics: DesignDocDiagnostic[];
  readonly kind: KindDecision;
  readonly coverage: readonly SectionCoverage[];
}

const CODE_ORDER = new Map<string, number>(DESIGN_DOC_CODES.map((c, i) => [c, i]));
const KIND_RULES = new Set(['latency-no-number', 'cost-no-estimate', 'safety-no-risk']);

function placeholderMessage(p: PlaceholderSpan): string {
  if (p.kind === 'question')
    return "A guiding question is still here. Answer it in the section's own words (a decision, a number, a reason), then delete the question.";
  if (p.kind === 'snippet') return `Snippet placeholder ${p.text} is still here. Replace it with your actual value or decision.`;
  if (p.kind === 'angle')
    return `Placeholder ${p.text.length > 60 ? `${p.text.slice(0, 57)}...>` : p.text} is still here. Replace it with the concrete name, number or choice.`;
  return `"${p.text}" is still here. Replace it with the decision, number or reason; an interviewer reads a gap as "not considered".`;
}

type Range = Pick<DesignDocDiagnostic, 'startLine' | 'startCol' | 'endLine' | 'endCol'>;

/** The whole heading line, from its first # to its last visible character. */
function headingRange(doc: ParsedDesignDoc, line: number): Range {
  const text = doc.lines[line] ?? '';
  return { startLine: line, startCol: text.length - text.trimStart().length, endLine: line, endCol: text.trimEnd().length };
}

/**
 * Checks a design doc. Pass the text, or a doc from parseDesignDoc when the caller also needs the sections
 * (code lenses, rubric), so the text is parsed once. Runs whether or not the doc has the
 * `loopPrep: design-doc` marker: the caller decides when to check unasked.
 */
export function checkDesignDoc(input: string | ParsedDesignDoc, options: CheckOptions = {}): DesignDocDiagnostic[] {
  return checkDesignDocReport(input, options).diagnostics;
}

/** The full check: diagnostics plus the doc's kind and how each section is covered. */
export function checkDesignDocReport(input: string | ParsedDesignDoc, options: CheckOptions = {}): DesignDocReport {
  const doc = typeof input === 'string' || input == null ? parseDesignDoc(input as string) : input;
  const max = Math.max(0, options.maxDiagnostics ?? 1000);
  const out: DesignDocDiagnostic[] = [];
  let placeholderBudget = max;
  let blocks: DocBlock[] | undefined;
  const allBlocks = () => (blocks ??= docBlocks(doc));
  const kind = decideKind(doc, () => bodySample(doc));
  const coverage: SectionCoverage[] = [];

  const addPlaceholders = (spans: readonly (PlaceholderSpan & { line: number })[], section?: DesignSectionKey) => {
    for (const p of spans) {
      if (placeholderBudget-- <= 0) return;
      out.push({
        code: 'placeholder',
        severity: 'warning',
        message: placeholderMessage(p),
        ...(section ? { section } : {}),
        startLine: p.line,
        startCol: p.start,
        endLine: p.line,
        endCol: p.end,
      });
    }
  };
  const kindNote = (code: string) =>
    KIND_RULES.has(code)
      ? ` (Checked as an ${kindLabel(kind.kind)}: ${kind.reason}${kind.declared ? '' : '; set "loopPrep: { kind: ... }" in the front matter to change it'}.)`
      : '';
  const runRules = (key: DesignSectionKey, text: string, range: Range, prefix: string) => {
    for (const rule of CONTENT_RULES) {
      if (rule.section === key && !rule.satisfied(text, kind.kind)) {
        out.push({ code: rule.code, severity: 'warning', message: `${prefix}${ruleMessage(rule, kind.kind)}${kindNote(rule.code)}`, section: key, ...range });
      }
    }
  };

  for (const p of doc.configProblems) {
    const line = Math.min(Math.max(0, p.line - 1), doc.lines.length - 1);
    out.push({ code: 'config-error', severity: 'warning', message: `Loop Prep settings: ${p.message}`, ...headingRange(doc, line) });
  }

  const byKey = new Map<DesignSectionKey, DesignDocSection[]>();
  const firstOf = new Map<string, DesignDocSection>();
  const norms = new Map<string, string>();
  const normOf = (h: string) => norms.get(h) ?? (norms.size < 10_000 ? (norms.set(h, normalizeHeading(h)), norms.get(h)!) : normalizeHeading(h));
  for (const s of doc.sections) {
    const same = `${s.key}\u0000${normOf(s.heading)}`;
    if (!s.duplicate) {
      byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
      if (!firstOf.has(same)) firstOf.set(same, s);
      continue;
    }
    const kept = firstOf.get(same) ?? s;
    out.push({
      code: 'duplicate-section',
      severity: 'information',
      message: `A second "${s.heading}" section (the first is on line ${kept.line + 1}). Only the first is checked; merge the two so a reviewer finds everything in one place.`,
      section: s.key,
      ...headingRange(doc, s.line),
    });
  }

  const anchor = Math.max(0, doc.frontMatterEnd);
  for (const info of DESIGN_DOC_SECTIONS) {
    const own = byKey.get(info.key) ?? [];
    if (own.length === 0) {
      const found = blocksFor(info.key, allBlocks(), kind.kind);
      if (found.length === 0) {
        coverage.push({ key: info.key, via: 'missing', where: [] });
        out.push({
          code: 'missing-section',
          severity: 'warning',
          message: `No "${info.heading}" section. A strong answer ${info.strongAnswer}.`,
          section: info.key,
          startLine: anchor,
          startCol: 0,
          endLine: anchor,
          endCol: (doc.lines[anchor] ?? '').length,
        });
        continue;
      }
      const where = whereFound(found);
      const label = sectionInfo(info.key).heading;
      coverage.push({ key: info.key, via: 'content', where: found.map((b) => b.heading ?? 'the introduction') });
      const range = headingRange(doc, found[0].line);
      out.push({
        code: 'covered-elsewhere',
        severity: 'information',
        message: `${label}: found under ${where}. No heading names it, so that text is checked as its answer.`,
        section: info.key,
        ...range,
      });
      runRules(info.key, found.map((b) => b.text).join('\n'), range, `${label} (found under ${where}): `);
      continue;
    }
    coverage.push({ key: info.key, via: 'heading', where: own.map((s) => s.heading) });
    const answered: { s: DesignDocSection; text: string }[] = [];
    for (const s of own) {
      const answer = sectionAnswer(doc, s, Math.max(0, placeholderBudget));
      if (!answer.hasContent && !hasNestedSection(doc, s)) {
        out.push({
          code: 'empty-section',
          severity: 'warning',
          message: `"${s.heading}" has no answer yet${answer.placeholders.length ? ', only guiding questions or placeholders' : ''}. A strong answer ${info.strongAnswer}.`,
          section: info.key,
          ...headingRange(doc, s.line),
        });
        continue;
      }
      addPlaceholders(answer.placeholders, info.key);
      answered.push({ s, text: answer.text });
    }
    if (answered.length) runRules(info.key, answered.map((a) => a.text).join('\n'), headingRange(doc, answered[0].s.line), '');
  }

  // Placeholders outside the checked sections: the intro, the user's own sections, repeated sections.
  const checked = [...byKey.values()].flat().sort((a, b) => a.line - b.line);
  let from = doc.frontMatterEnd + 1;
  for (const s of [...checked, undefined]) {
    const to = s ? s.line - 1 : doc.lines.length - 1;
    if (to >= from && placeholderBudget > 0) addPlaceholders(readAnswer(doc, from, to, false, placeholderBudget, false).placeholders);
    if (s) from = Math.max(from, s.endLine + 1);
  }

  const diagnostics = applySettings(doc, out);
  diagnostics.sort((a, b) => a.startLine - b.startLine || a.startCol - b.startCol || (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0));
  return { diagnostics: diagnostics.length > max ? diagnostics.slice(0, max) : diagnostics, kind, coverage };
}

/**
 * True when a section's answer lives in its subsections ("Requirements & Constraints" over "Functional
 * requirements", "Detailed design" over "Data" and "Serving architecture"): it is not empty.
 */
function hasNestedSection(doc: ParsedDesignDoc, s: DesignDocSection): boolean {
  const next = doc.headings.find((h) => h.line > s.line && h.level <= s.level);
  const end = next ? next.line - 1 : doc.lines.length - 1;
  return end > s.endLine && readAnswer(doc, s.endLine + 1, end, true, 0, false).hasContent;
}

/**
 * The body's first 30 KB (about 400 lines), enough to tell the kind of system: the kind's terms are
 * searched on every keystroke, so a long doc is not scanned in full for them.
 */
function bodySample(doc: ParsedDesignDoc): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = doc.frontMatterEnd + 1; i < doc.lines.length && size < 30_000; i++) {
    parts.push(doc.lines[i]);
    size += doc.lines[i].length + 1;
  }
  return parts.join('\n');
}

/** Applies the config's rule settings: by code first, then by section; 'off' drops a finding. */
function applySettings(doc: ParsedDesignDoc, found: DesignDocDiagnostic[]): DesignDocDiagnostic[] {
  const rules = doc.config.rules;
  if (!rules) return found;
  const out: DesignDocDiagnostic[] = [];
  for (const d of found) {
    const setting = rules[d.code] ?? (d.section ? rules[d.section] : undefined);
    if (setting === 'off' && d.code !== 'config-error') continue;
    out.push(setting && setting !== 'off' && setting !== d.severity ? { ...d, severity: setting } : d);
  }
  return out;
}
