/**
 * The design-doc checker's data: what parsing a doc yields and what checking it reports. Plain objects with
 * 0-based lines and UTF-16 columns, so the extension maps them one to one onto vscode Ranges and the CLI
 * adds 1 for humans.
 */
import type { CaseSectionKey } from '../content/types';

/** A design-doc section key: the same keys as a case study's rubric, so evidence lines up section by section. */
export type DesignSectionKey = CaseSectionKey;

/** Never 'error': a design doc is a practice draft, and an error would read as "this file is broken". */
export type DesignDocSeverity = 'information' | 'warning';

/**
 * Stable diagnostic codes. Quick fixes, code lenses and tests key on these, so a code is never renamed;
 * retire one and add a new one instead.
 */
export const DESIGN_DOC_CODES = [
  'missing-section',
  'empty-section',
  'duplicate-section',
  'placeholder',
  'latency-no-number',
  'cost-no-estimate',
  'evals-no-dataset',
  'evals-no-metric',
  'evals-no-threshold',
  'monitoring-no-signal',
  'monitoring-no-alert',
  'safety-no-risk',
  'data-no-labels',
  'failure-no-fallback',
] as const;
export type DesignDocCode = (typeof DESIGN_DOC_CODES)[number];

/** One finding. The range covers the heading or the offending text; end is exclusive, like a vscode Range. */
export interface DesignDocDiagnostic {
  readonly code: DesignDocCode;
  readonly severity: DesignDocSeverity;
  /** Says what is wrong and what a strong answer includes, so the hover alone teaches something. */
  readonly message: string;
  /** The section the finding is about; absent for a placeholder outside the ten sections. */
  readonly section?: DesignSectionKey;
  readonly startLine: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** One recognized section of a doc. */
export interface DesignDocSection {
  readonly key: DesignSectionKey;
  /** The heading text as the user wrote it, without the leading #s. */
  readonly heading: string;
  /** The number of #s: docs may use # or ### where the template uses ##. */
  readonly level: number;
  /** 0-based line of the heading. */
  readonly line: number;
  /** 0-based last line of the section (inclusive): the line before the next section or top-level heading. */
  readonly endLine: number;
  /** The section's text below the heading, trimmed. */
  readonly body: string;
  /** True for a later repeat of a key: the checker reads only the first occurrence. */
  readonly duplicate: boolean;
}

/** A parsed design doc. Parse once and pass it to the checker, the rubric matcher and the scaffolder. */
export interface ParsedDesignDoc {
  /** True when the front matter says `loopPrep: design-doc`; the extension checks only such files unasked. */
  readonly isDesignDoc: boolean;
  /** The `case:` of the front matter, unvalidated: the caller looks it up in the content index. */
  readonly caseId?: string;
  /** 0-based line of the closing `---` of the front matter, or -1 when there is none. */
  readonly frontMatterEnd: number;
  /** Recognized sections in document order, duplicates included (flagged). */
  readonly sections: readonly DesignDocSection[];
  /** The heading level most sections use (2 unless the doc says otherwise): inserted sections match it. */
  readonly sectionLevel: number;
  /** The text's lines, split on CRLF, CR or LF as editors do. */
  readonly lines: readonly string[];
  /** The doc's line ending, so inserted text keeps a CRLF file CRLF. */
  readonly eol: '\n' | '\r\n';
}
