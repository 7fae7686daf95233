/**
 * What the "Hints" and "Self-check" code lenses say about one section. Pure: given a parsed doc and, when
 * the doc names one, its case study, it returns text; the VS Code side only shows it.
 */
import type { CaseSectionKey, CaseStudy } from '../content/types';
import { checkDesignDoc, matchRubricEvidence, sectionInfo, type DesignDocDiagnostic, type ParsedDesignDoc } from '../designDoc';
import { plural } from '../text';

export interface SectionHint {
  readonly point: string;
  /** True when the doc already shows evidence of the point. */
  readonly covered: boolean;
}

export interface SectionHints {
  readonly heading: string;
  /** The case's rubric points for the section; empty for a doc without a (known) case. */
  readonly points: readonly SectionHint[];
  /** What a strong answer includes, for docs without a case (and as the quick pick's title detail). */
  readonly strongAnswer: string;
}

/** The case a doc names in its front matter (`case:`), by id or alias. */
export function caseForDoc(doc: ParsedDesignDoc, cases: readonly CaseStudy[]): CaseStudy | undefined {
  const id = doc.caseId;
  return id ? cases.find((c) => c.id === id || c.aliases.includes(id)) : undefined;
}

export function sectionHints(doc: ParsedDesignDoc, key: CaseSectionKey, caseStudy: CaseStudy | undefined): SectionHints {
  const info = sectionInfo(key);
  const strongAnswer = `A strong answer ${info.strongAnswer}.`;
  if (!caseStudy) return { heading: info.heading, points: [], strongAnswer };
  const evidence = matchRubricEvidence(doc, { [key]: caseStudy.rubric[key] ?? [] });
  return { heading: info.heading, points: evidence.map((e) => ({ point: e.point, covered: e.evidenced })), strongAnswer };
}

export interface SectionCheck {
  readonly heading: string;
  /** The checker's findings about this section (missing, empty, placeholders, content rules). */
  readonly findings: readonly DesignDocDiagnostic[];
  /** Rubric points of the doc's case with no evidence in the section yet. */
  readonly uncoveredPoints: number;
  readonly totalPoints: number;
  /** True when the checker found nothing. */
  readonly complete: boolean;
  /** One message for the user. */
  readonly message: string;
}

/** Runs the checker and keeps what concerns `key`; adds the rubric's view when the doc has a case. */
export function checkSection(doc: ParsedDesignDoc, key: CaseSectionKey, caseStudy: CaseStudy | undefined): SectionCheck {
  const heading = sectionInfo(key).heading;
  const findings = checkDesignDoc(doc).filter((d) => d.section === key);
  const points = caseStudy ? sectionHints(doc, key, caseStudy).points : [];
  const uncoveredPoints = points.filter((p) => !p.covered).length;
  const rubric =
    uncoveredPoints > 0 ? ` ${uncoveredPoints} of ${points.length} rubric points for ${caseStudy!.title} have no evidence here yet: "Hints" lists them.` : '';
  let message: string;
  if (findings.length === 0) message = uncoveredPoints > 0 ? `"${heading}" passes the checks.${rubric}` : `"${heading}" looks complete.`;
  else {
    const listed = findings
      .slice(0, 5)
      .map((d, i) => `${i + 1}) ${d.message}`)
      .join(' ');
    const more = findings.length > 5 ? ` …and ${findings.length - 5} more in the Problems panel.` : '';
    message = `"${heading}" is missing something: ${listed}${more}${rubric}`;
  }
  return { heading, findings, uncoveredPoints, totalPoints: points.length, complete: findings.length === 0, message };
}

/** The section whose lines contain `line`, for commands run from the palette with the cursor in a section. */
export function sectionAtLine(doc: ParsedDesignDoc, line: number): CaseSectionKey | undefined {
  return doc.sections.find((s) => !s.duplicate && line >= s.line && line <= s.endLine)?.key;
}

/** "3 warnings and 1 info: see the Problems panel", or "No problems found". */
export function summarizeFindings(findings: readonly Pick<DesignDocDiagnostic, 'severity'>[]): string {
  const warnings = findings.filter((d) => d.severity === 'warning').length;
  const infos = findings.length - warnings;
  if (findings.length === 0) return 'No problems found';
  const parts = [warnings ? plural(warnings, 'warning') : '', infos ? `${infos} info` : ''].filter(Boolean);
  return `${parts.join(' and ')}: see the Problems panel`;
}
