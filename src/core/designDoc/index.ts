/**
 * The design-doc checker's public surface: the extension (diagnostics, quick fixes, code lenses, the
 * self-review) and the CLI import from here, never from the files behind it.
 */
export { checkDesignDoc, checkDesignDocReport, type CheckOptions, type DesignDocReport, type SectionCoverage } from './check';
export { CONFIG_FILE_NAMES, CONFIG_FOLDER, MAX_CONFIG_BYTES, configCandidates, mergeConfigs, parseConfigFile, validateConfig } from './config';
export { detectKind, kindLabel, type KindDecision } from './kind';
export { parseDesignDoc, type ParseOptions } from './parse';
export { containsPhrase, matchRubricEvidence, normalizeForEvidence, type RubricEvidence } from './rubric';
export { missingSectionInsertion, sectionMarkdown, type SectionInsertion, type SectionMarkdownOptions, type TemplateSections } from './scaffold';
export { DESIGN_DOC_SECTIONS, matchSectionHeading, normalizeHeading, sectionInfo, type DesignDocSectionInfo, type HeadingMatch } from './sections';
export {
  DESIGN_DOC_CODES,
  DESIGN_DOC_KINDS,
  type ConfigProblem,
  type DesignDocCode,
  type DesignDocConfig,
  type DesignDocKind,
  type DocHeading,
  type RuleSetting,
  type DesignDocDiagnostic,
  type DesignDocSection,
  type DesignDocSeverity,
  type DesignSectionKey,
  type ParsedDesignDoc,
} from './types';
