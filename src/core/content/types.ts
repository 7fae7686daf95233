/**
 * The content model: what the compiled index holds and what user packs add. Markdown is already rendered
 * to HTML (sanitized again before display), so nothing at runtime parses YAML or Markdown for built-in
 * content.
 */
export type RoleId = string;
export type TopicId = string;
export type Difficulty = 'easy' | 'medium' | 'hard';
export type QuestionType = 'single' | 'multi' | 'flashcard' | 'numeric';
export type TopicWeight = 'core' | 'supporting' | 'skip';

export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];
export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multi', 'flashcard', 'numeric'];

/** The ten design-doc / case-study sections, in order: rubric keys and the walkthrough headings. */
export const CASE_SECTIONS = [
  { key: 'requirements', heading: 'Requirements' },
  { key: 'data', heading: 'Data' },
  { key: 'model-choice', heading: 'Retrieval or model choice' },
  { key: 'evals', heading: 'Evals' },
  { key: 'latency', heading: 'Latency' },
  { key: 'cost', heading: 'Cost' },
  { key: 'safety', heading: 'Safety' },
  { key: 'monitoring', heading: 'Monitoring' },
  { key: 'failure-modes', heading: 'Failure modes' },
  { key: 'rollout', heading: 'Rollout' },
] as const;
export type CaseSectionKey = (typeof CASE_SECTIONS)[number]['key'];

/** Where an item came from: a file path and the pack it belongs to ('builtin' for the shipped bank). */
export interface Source {
  readonly pack: string;
  readonly file: string;
}

interface ItemBase {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly source: Source;
}

export interface Role extends ItemBase {
  readonly kind: 'role';
  readonly name: string;
  readonly summary: string;
  readonly topics: readonly { readonly id: TopicId; readonly weight: TopicWeight }[];
  readonly html: string;
}

export interface Topic extends ItemBase {
  readonly kind: 'topic';
  readonly title: string;
  readonly summary: string;
  readonly concepts: readonly string[];
  readonly html: string;
}

export interface QuestionOption {
  readonly html: string;
  readonly whyHtml: string;
  /** Plain text, used by quality checks (length, wording) and by screen-reader labels. */
  readonly text: string;
  /** Stays in the last place when the options are shuffled. */
  readonly pinLast?: boolean;
}

/** A wrong numeric value that a typical slip produces. */
export interface NumericMistake {
  readonly value: number;
  /** The slip, as plain text: "That is the figure you get if …". */
  readonly why: string;
}

export interface Question extends ItemBase {
  readonly kind: 'question';
  readonly topic: TopicId;
  readonly roles: readonly RoleId[];
  readonly difficulty: Difficulty;
  readonly type: QuestionType;
  readonly promptHtml: string;
  /** The prompt as plain text: for the tree, quick picks and duplicate detection. */
  readonly promptText: string;
  readonly answerHtml?: string;
  readonly explanationHtml: string;
  readonly explanationText: string;
  readonly options?: readonly QuestionOption[];
  /** single: [index]; multi: indices; absent for flashcard and numeric. */
  readonly correct?: readonly number[];
  readonly numeric?: { readonly answer: number; readonly tolerance: number; readonly unit: string; readonly mistakes?: readonly NumericMistake[] };
  /** Flashcards: the points a complete answer makes, as plain text. */
  readonly keyPoints?: readonly string[];
  readonly tags: readonly string[];
  /** Set for cards made from a case-study rubric point the user missed. */
  readonly caseId?: string;
}

export interface RubricPoint {
  readonly point: string;
  readonly evidence: readonly string[];
}

export interface CaseStudy extends ItemBase {
  readonly kind: 'case';
  readonly title: string;
  readonly summary: string;
  readonly roles: readonly RoleId[];
  readonly topics: readonly TopicId[];
  readonly promptHtml: string;
  readonly clarifyingHtml: string;
  readonly sections: readonly { readonly key: CaseSectionKey; readonly heading: string; readonly html: string }[];
  readonly rubric: Readonly<Record<CaseSectionKey, readonly RubricPoint[]>>;
}

export interface Lesson extends ItemBase {
  readonly kind: 'lesson';
  readonly title: string;
  readonly order: number;
  readonly minutes: number;
  readonly roles: readonly RoleId[];
  readonly html: string;
  /** Ids of the cards its self-check questions open; unknown ids are dropped with a warning. */
  readonly selfCheck: readonly string[];
}

export interface Template extends ItemBase {
  readonly kind: 'template';
  readonly title: string;
  readonly caseId?: string;
  /** Raw Markdown: inserted into the user's editor. */
  readonly markdown: string;
  readonly sections: readonly { readonly heading: string; readonly guidingQuestions: readonly string[] }[];
}

export type ContentItem = Role | Topic | Question | CaseStudy | Lesson | Template;
export type ContentKind = ContentItem['kind'];

/** The compiled bank. */
export interface ContentIndex {
  readonly formatVersion: 1;
  readonly roles: readonly Role[];
  readonly topics: readonly Topic[];
  readonly questions: readonly Question[];
  readonly cases: readonly CaseStudy[];
  readonly lessons: readonly Lesson[];
  readonly templates: readonly Template[];
}

export type Severity = 'error' | 'warning';

/** A problem in a content file, with a 1-based line, for the build, content:check and the Problems panel. */
export interface ContentProblem {
  readonly file: string;
  readonly line: number;
  /** 1-based column, when the problem is at one character rather than a whole line. */
  readonly column?: number;
  readonly severity: Severity;
  readonly message: string;
}
