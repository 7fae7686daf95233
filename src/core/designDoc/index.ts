/**
 * The design-doc checker's public surface: the extension (diagnostics, quick fixes, code lenses, the
 * self-review) and the CLI import from here, never from the files behind it.
 */
export { checkDesignDoc, type CheckOptions } from './check';
export { parseDesignDoc } from './parse';
export { containsPhrase, matchRubricEvidence, normalizeForEvidence, type RubricEvidence } from './rubric';
export { missingSectionInsertion, sectionMarkdown, type SectionInsertion, type SectionMarkdownOptions, type TemplateSections } from './scaffold';
export { DESIGN_DOC_SECTIONS, matchSectionHeading, normalizeHeading, sectionInfo, type DesignDocSectionInfo, type HeadingMatch } from './sections';
export {
  DESIGN_DOC_CODES,
  type DesignDocCode,
  type DesignDocDiagnostic,
  type DesignDocSection,
  type DesignDocSeverity,
  type DesignSectionKey,
  type ParsedDesignDoc,
} from './types';
