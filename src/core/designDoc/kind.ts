/**
 * Which kind of system a doc describes, so the rules ask for the right evidence: an LLM app's cost is in
 * tokens, a fraud model's in predictions, a serving platform's in GPU-hours. Detected from the words the
 * doc uses, with the reason spelled out, unless the front matter or the team config declares it.
 */
import type { DesignDocKind, ParsedDesignDoc } from './types';

export interface KindDecision {
  readonly kind: DesignDocKind;
  /** True when a config or the front matter set it. */
  readonly declared: boolean;
  /** Why, in one sentence: "declared in front matter" or the terms that decided it. */
  readonly reason: string;
}

/** Signals per kind: a label and a pattern; each distinct signal found scores one, repeats add up to three. */
const SIGNALS: Record<DesignDocKind, readonly [string, RegExp][]> = {
  'llm-app': [
    ['LLM', /\b(?:llms?|large language models?|gpt[- ]?\d\w*|claude|gemini|llama)\b/gi],
    ['prompts', /\b(?:prompts?|prompting|system prompt)\b/gi],
    ['tokens', /\b(?:tokens?|context window)\b/gi],
    ['retrieval', /\b(?:rag|retrieval|retriever|reranker|vector (?:store|index|db|database)|embeddings?|chunk(?:s|ing)?)\b/gi],
    ['agents', /\b(?:agents?|agentic|tool calls?|tool use)\b/gi],
    ['hallucination', /\b(?:hallucinat\w*|prompt injection|jailbreaks?)\b/gi],
  ],
  'ml-system': [
    ['features', /\b(?:features?|feature engineering)\b/gi],
    ['labels', /\b(?:labels?|labell?ed|labell?ing|chargebacks?)\b/gi],
    [
      'a classic model',
      /\b(?:classifiers?|gradient[- ]boost\w*|gbdt|xgboost|lightgbm|logistic regression|random forests?|two[- ]tower|ranking model|ranker|regression)\b/gi,
    ],
    ['training', /\b(?:training (?:data|set|pipeline)|retrain\w*|trained)\b/gi],
    ['offline metrics', /\b(?:pr[- ]auc|roc[- ]auc|auc|precision|recall|ndcg|log ?loss|calibration)\b/gi],
    ['scores and thresholds', /\b(?:scores?|decision threshold|false (?:positives?|negatives?|declines?))\b/gi],
  ],
  'ml-platform': [
    ['a platform for other teams', /\b(?:platform|self[- ]serve|other teams|internal (?:customers|users|teams)|onboard\w*)\b/gi],
    ['tenants', /\b(?:tenants?|multi[- ]tenant\w*|quotas?|noisy neighbou?rs?)\b/gi],
    ['GPUs', /\b(?:gpus?|gpu[- ]hours?|accelerators?|a100s?|h100s?|cuda)\b/gi],
    [
      'serving infrastructure',
      /\b(?:serving|inference (?:service|server|cluster|endpoint)s?|model (?:registry|server)s?|autoscal\w*|kubernetes|k8s|clusters?)\b/gi,
    ],
    ['training infrastructure', /\b(?:training jobs?|schedulers?|job queue|feature store|pipelines? for|orchestrat\w*)\b/gi],
  ],
};

const ORDER: readonly DesignDocKind[] = ['llm-app', 'ml-system', 'ml-platform'];

function score(text: string, kind: DesignDocKind): { score: number; found: string[] } {
  let total = 0;
  const found: string[] = [];
  for (const [label, re] of SIGNALS[kind]) {
    re.lastIndex = 0;
    let n = 0;
    while (n < 3 && re.exec(text)) n++;
    if (n > 0) {
      total += n;
      found.push(label);
    }
  }
  return { score: total, found };
}

/** Detects the kind from text (the doc body), explaining which terms decided it. Ties go to llm-app. */
export function detectKind(text: string): KindDecision {
  const sample = text.length > 30_000 ? text.slice(0, 30_000) : text;
  const scores = ORDER.map((kind) => ({ kind, ...score(sample, kind) }));
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score === 0) return { kind: 'llm-app', declared: false, reason: 'no kind-specific terms found, so the LLM-app rules apply' };
  const others = scores.filter((s) => s !== best && s.score > 0).map((s) => `${s.kind} ${s.score}`);
  return {
    kind: best.kind,
    declared: false,
    reason: `it mentions ${best.found.join(', ')} (${best.score} signals${others.length ? `, against ${others.join(', ')}` : ''})`,
  };
}

/** The doc's kind: declared in its config (front matter or team file) or detected from its body. */
export function decideKind(doc: ParsedDesignDoc, body: () => string): KindDecision {
  const declared = doc.config.kind;
  if (declared) return { kind: declared, declared: true, reason: `declared in ${doc.config.source ?? 'the config'}` };
  return detectKind(body());
}

/** A human name for a kind, for messages. */
export function kindLabel(kind: DesignDocKind): string {
  return kind === 'llm-app' ? 'LLM app' : kind === 'ml-system' ? 'ML system' : 'ML platform';
}
