/**
 * The ten design-doc sections and how a heading the user wrote maps onto one. People rename headings
 * ("Evaluation plan", "3. Failure modes", "Latency (p95)"), so matching works on a normalized form and
 * accepts common variants rather than the template's exact wording.
 */
import { EXACT_ONLY_ALIASES, HEADING_ALIASES } from './headingMap';
import type { DesignSectionKey } from './types';

export interface DesignDocSectionInfo {
  readonly key: DesignSectionKey;
  /** The template's heading, used when a quick fix inserts the section. */
  readonly heading: string;
  /** Other names for the section, in normalized form (see normalizeHeading); see headingMap.ts. */
  readonly aliases: readonly string[];
  /** What a strong answer includes: the teaching half of every message about this section. */
  readonly strongAnswer: string;
}

/** In syllabus order, which is also the order the quick fix keeps when it inserts a missing section. */
export const DESIGN_DOC_SECTIONS: readonly DesignDocSectionInfo[] = [
  {
    key: 'requirements',
    heading: 'Problem and requirements',
    aliases: HEADING_ALIASES.requirements,
    strongAnswer:
      'names the user problem and the one product metric that shows it is solved, the load (peak QPS, users, corpus size), a launch quality bar as a number, hard constraints, and what is out of scope',
  },
  {
    key: 'data',
    heading: 'Data',
    aliases: HEADING_ALIASES.data,
    strongAnswer:
      'says what data is read at request time and where it lives, where labels or ground truth come from and how noisy they are, how fresh the data must be, and how leakage and sensitive fields are handled',
  },
  {
    key: 'model-choice',
    heading: 'Retrieval or model choice',
    aliases: HEADING_ALIASES['model-choice'],
    strongAnswer:
      'starts from a simple baseline and its score, names the model or retrieval method and why it beats the baseline and the next-larger option, and says what evidence would change the choice',
  },
  {
    key: 'evals',
    heading: 'Evals',
    aliases: HEADING_ALIASES.evals,
    strongAnswer:
      'names the eval dataset (size, source, who labeled it), a metric per quality dimension, and the acceptance threshold a new version must meet before release',
  },
  {
    key: 'latency',
    heading: 'Latency',
    aliases: HEADING_ALIASES.latency,
    strongAnswer:
      'states targets as numbers with units (p50 and p95 in ms, time to first token, tokens per second), splits the budget across steps, and sets a timeout per remote call',
  },
  {
    key: 'cost',
    heading: 'Cost',
    aliases: HEADING_ALIASES.cost,
    strongAnswer:
      'estimates the unit cost (per 1k requests or predictions, from tokens or from GPU- or instance-hours at an illustrative price), projects the monthly cost, and names the first levers to cut it',
  },
  {
    key: 'safety',
    heading: 'Safety',
    aliases: HEADING_ALIASES.safety,
    strongAnswer:
      'names the concrete risks for this kind of system (for an LLM app: hallucination, prompt injection, PII leakage; for a classic model: adversaries and abuse, harm from false positives, fairness; for a platform: tenant isolation, access control), the mitigation and test for each, and how permissions are enforced',
  },
  {
    key: 'monitoring',
    heading: 'Monitoring',
    aliases: HEADING_ALIASES.monitoring,
    strongAnswer:
      'lists the production signals (latency, error rate, token usage, cost, feedback, drift), how quality is sampled after launch, and which alert fires on which threshold and who is paged',
  },
  {
    key: 'failure-modes',
    heading: 'Failure modes and fallbacks',
    aliases: HEADING_ALIASES['failure-modes'],
    strongAnswer:
      'walks through what happens when each dependency (model, provider, feature store, retrieval) is slow, down or wrong, with the degraded path for each (a rules engine, a smaller model, a cached or default answer, a handover to a person), and how retries avoid duplicate side effects',
  },
  {
    key: 'rollout',
    heading: 'Rollout',
    aliases: HEADING_ALIASES.rollout,
    strongAnswer:
      'goes from shadow traffic to a canary with gating metrics, to an A/B test with a primary metric and guardrails, and says what triggers a rollback and how fast it is',
  },
];

const STOP_WORDS = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'our', 'plan', 'vs']);
const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/;

/**
 * Lowercases a heading, drops parentheticals, punctuation, leading numbering ("3.", "IV.") and filler
 * words, so "3. Failure Modes & Fallbacks:" and "failure modes and fallbacks" compare equal.
 */
export function normalizeHeading(heading: string): string {
  const words = heading
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w));
  while (words.length > 1 && (/^\d+$/.test(words[0]) || ROMAN.test(words[0]))) words.shift();
  return words.join(' ');
}

const EXACT = new Map<string, DesignSectionKey>();
for (const s of DESIGN_DOC_SECTIONS) {
  EXACT.set(normalizeHeading(s.heading), s.key);
  for (const a of s.aliases) EXACT.set(a, s.key);
}
/** Longest first, so "model choice ..." wins over "model ...". */
const PREFIXES = [...EXACT.entries()].filter(([alias]) => !EXACT_ONLY_ALIASES.has(alias)).sort((a, b) => b[0].length - a[0].length);

export interface HeadingMatch {
  readonly key: DesignSectionKey;
  /** False when only the start of the heading matched ("Latency budget and SLOs"): a weaker signal. */
  readonly exact: boolean;
}

/**
 * Which section a heading names, if any. `custom` holds a team's own headings (normalized, from the
 * config); they win over the built-in map and always match exactly.
 */
export function matchSectionHeading(heading: string, custom?: Readonly<Record<string, DesignSectionKey>>): HeadingMatch | undefined {
  return matchNormalized(normalizeHeading(heading), custom);
}

/** matchSectionHeading for a heading already normalized. */
export function matchNormalized(norm: string, custom?: Readonly<Record<string, DesignSectionKey>>): HeadingMatch | undefined {
  if (!norm) return undefined;
  const own = custom && Object.prototype.hasOwnProperty.call(custom, norm) ? custom[norm] : undefined;
  if (own) return { key: own, exact: true };
  const key = EXACT.get(norm);
  if (key) return { key, exact: true };
  for (const [alias, k] of PREFIXES) if (norm.startsWith(`${alias} `)) return { key: k, exact: false };
  return undefined;
}

/** The section info for a key. */
export function sectionInfo(key: DesignSectionKey): DesignDocSectionInfo {
  return DESIGN_DOC_SECTIONS.find((s) => s.key === key) ?? DESIGN_DOC_SECTIONS[0];
}
