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
  'covered-elsewhere',
  'config-error',
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
  /**
   * True for a later repeat of the same heading ("## Latency" twice): the checker reads only the first.
   * Near-synonyms ("Safety" and "Security", "Performance" and "Performance benchmarks") are not duplicates:
   * each adds its text to the section's evidence.
   */
  readonly duplicate: boolean;
}

/** The kinds of system a doc describes; the safety, latency, cost and failure-mode rules read each one's evidence. */
export const DESIGN_DOC_KINDS = ['llm-app', 'ml-system', 'ml-platform'] as const;
export type DesignDocKind = (typeof DESIGN_DOC_KINDS)[number];

/** What a team may set for a rule: turn it off, or report it at another severity. */
export type RuleSetting = 'off' | DesignDocSeverity;

/**
 * A team's or a doc's settings, already validated (see config.ts): custom headings (normalized) mapped to
 * sections, rule settings keyed by diagnostic code or by section key, and the doc kind.
 */
export interface DesignDocConfig {
  readonly kind?: DesignDocKind;
  readonly headings?: Readonly<Record<string, DesignSectionKey>>;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Where the settings came from, for messages ("declared in .loopprep/design-doc.yaml"). */
  readonly source?: string;
}

/** A problem in a config: the file (or the doc, for front matter), a 1-based line and what is wrong. */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
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
  /** Every heading outside code and comments, in order: where content-based evidence is looked for. */
  readonly headings: readonly DocHeading[];
  /** The settings in force: a team config merged with the front matter's `loopPrep:` mapping. */
  readonly config: DesignDocConfig;
  /** Problems in the front matter's `loopPrep:` mapping, with 1-based lines of this doc. */
  readonly configProblems: readonly ConfigProblem[];
}

/** One heading of a doc: its 0-based line, level (#s) and text. */
export interface DocHeading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}
