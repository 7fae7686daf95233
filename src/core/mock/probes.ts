/**
 * How the mock interviewer decides that an answer is vague and what it asks next. It reuses the
 * design-doc checker's own reading of prose: an answer that talks about evals, cost or latency without the
 * dataset, estimate or number the checker would ask for gets the question an interviewer would ask ("how do
 * you know it works?", "what does it cost per 1k requests?"). Each probe is asked at most once per mock.
 */
import { mentionsTopic } from '../designDoc/evidence';
import { CONTENT_RULES } from '../designDoc/rules';
import type { DesignDocCode, DesignDocKind, DesignSectionKey } from '../designDoc';
import type { PhaseKey } from '../practice/phases';

/** One follow-up question, keyed so it is asked once. */
export interface Probe {
  readonly key: string;
  readonly question: string;
}

/** The follow-up for each checker rule an answer fails. */
const RULE_PROBES: Partial<Record<DesignDocCode, string>> = {
  'evals-no-dataset': 'How do you know it works? Which eval set would you measure it on, how big, and who labels it?',
  'evals-no-metric': 'How do you know it works? Which metric tells you the answers are good?',
  'evals-no-threshold': 'What number does a new version have to reach before you ship it?',
  'cost-no-estimate': 'What does it cost per 1k requests? A rough estimate from tokens or GPU-hours is fine.',
  'latency-no-number': 'What is your latency target, as a number: p95 in milliseconds, or time to first token?',
  'monitoring-no-signal': 'Which signals would you watch in production?',
  'monitoring-no-alert': 'Which alert fires, at what threshold, and who gets paged?',
  'safety-no-risk': 'What could go wrong for users here (abuse, leaks, harmful output), and how do you stop it?',
  'data-no-labels': 'Where do the labels or ground truth come from, and how noisy are they?',
  'failure-no-fallback': 'What happens when the model or a dependency is slow or down? What does the user get then?',
};

/** Claims that need a number or a test behind them. */
const VAGUE =
  /\b(?:robust|scalable|scale well|highly available|fast enough|low latency|cheap|cost[- ]effective|accurate|high quality|state of the art|best practices?|should be fine|handle it|as needed|etc)\b/i;
const NUMBER = /\d/;

/** Fewer words than this is a one-liner, not an answer. */
export const SHORT_ANSWER_WORDS = 12;

function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * The probe for an answer, or undefined when it is specific enough. Checks, in order: a one-line answer,
 * each topic the answer raises without what the checker requires, then vague claims with no number.
 */
export function probeFor(answer: string, phase: PhaseKey, kind: DesignDocKind, asked: ReadonlySet<string>): Probe | undefined {
  const fresh = (p: Probe) => (asked.has(p.key) ? undefined : p);
  if (words(answer) < SHORT_ANSWER_WORDS) {
    const p = fresh({ key: `short-${phase}`, question: 'Can you be more specific? Walk me through it with concrete components and numbers.' });
    if (p) return p;
  }
  // Only what this phase is about: a latency word in the wrap-up's monitoring answer is not a latency answer.
  const onTable = new Set(PHASE_TOPICS[phase].map((t) => t.section));
  for (const rule of CONTENT_RULES) {
    const question = RULE_PROBES[rule.code];
    if (!question || !onTable.has(rule.section) || !mentionsTopic(rule.section, answer, kind) || rule.satisfied(answer, kind)) continue;
    const p = fresh({ key: rule.code, question });
    if (p) return p;
  }
  if (VAGUE.test(answer) && !NUMBER.test(answer))
    return fresh({ key: `vague-${phase}`, question: 'How do you know it works? What would you measure to show it?' });
  return undefined;
}

/** What each phase covers, in the order the interviewer brings it up, with its question. */
export const PHASE_TOPICS: Readonly<Record<PhaseKey, readonly { readonly section: DesignSectionKey; readonly question: string }[]>> = {
  clarify: [
    {
      section: 'requirements',
      question: 'Before you design anything: what would you ask to clarify the requirements? Users, scale, quality bar, constraints.',
    },
  ],
  highLevelDesign: [
    { section: 'data', question: 'Sketch the high-level design. What data does it read, and where does it come from?' },
    { section: 'model-choice', question: 'Which model or retrieval approach would you start with, and what is the baseline?' },
  ],
  deepDive: [
    { section: 'evals', question: 'Let us go deep. How do you know it works?' },
    { section: 'latency', question: 'What is the latency budget, end to end?' },
    { section: 'cost', question: 'What does it cost per 1k requests?' },
    { section: 'safety', question: 'What are the main risks to users, and how do you mitigate them?' },
    { section: 'failure-modes', question: 'What happens when a dependency fails?' },
  ],
  wrapUp: [
    { section: 'monitoring', question: 'To wrap up: what do you monitor after launch, and what pages someone?' },
    { section: 'rollout', question: 'How do you roll it out, and what makes you roll back?' },
  ],
};

/** The next topic of the phase the candidate has not talked about yet, or undefined when all are covered. */
export function nextTopic(phase: PhaseKey, said: string, kind: DesignDocKind, asked: ReadonlySet<string>): Probe | undefined {
  for (const t of PHASE_TOPICS[phase]) {
    const key = `topic-${t.section}`;
    if (asked.has(key) || mentionsTopic(t.section, said, kind)) continue;
    return { key, question: t.question };
  }
  return undefined;
}
