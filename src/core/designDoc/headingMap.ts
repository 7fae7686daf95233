/**
 * The heading map: the headings people already write, in normalized form (see normalizeHeading), and the
 * section each one is evidence for. Built from the templates teams use:
 * - the widely used ML design-doc template (Overview, Motivation, Success metrics, Requirements &
 *   Constraints, Methodology > Data / Techniques / Experimentation & Validation, Implementation >
 *   Performance / Security / Data privacy / Monitoring & Alarms / Cost / Risks & Uncertainties, Appendix >
 *   Milestones & Timeline);
 * - the "Context and scope / Goals and non-goals / The actual design / Alternatives considered /
 *   Cross-cutting concerns" style;
 * - RFC templates (Summary, Motivation, Detailed design, Drawbacks, Rationale and alternatives, Unresolved
 *   questions);
 * - the delivery frameworks of ML system-design interviews (clarify requirements, frame the problem,
 *   metrics, data and features, model, evaluation, serving, monitoring, deployment).
 *
 * Headings that only group others (Methodology, Implementation, Appendix, Cross-cutting concerns, Overview,
 * Summary) map to nothing: their subsections do. Near-synonyms map to the section they are evidence for,
 * not to a neighbour that shares a word: "Data privacy" is safety, not data; "Risks & Uncertainties" is
 * failure modes; "Success metrics" is requirements.
 */
import type { DesignSectionKey } from './types';

export const HEADING_ALIASES: Readonly<Record<DesignSectionKey, readonly string[]>> = {
  requirements: [
    'problem', 'requirements', 'problem statement', 'problem statement requirements', 'requirements constraints', 'constraints', 'goals',
    'goals non goals', 'non goals', 'goals requirements', 'problem goals', 'problem scope', 'scope', 'context scope', 'success metrics',
    'success criteria', 'motivation', 'clarify requirements', 'clarifying requirements', 'clarifying questions', 'problem formulation',
    'problem framing', 'framing', 'business objective', 'business objectives', 'objectives', 'use cases', 'functional requirements',
    'non functional requirements', 'requirements scope', 'product requirements', 'background requirements',
  ],
  data: [
    'data labels', 'data sources', 'dataset', 'datasets', 'training data', 'labels', 'data ground truth', 'ground truth', 'data collection',
    'data pipeline', 'data pipelines', 'data preparation', 'feature engineering', 'features', 'feature pipeline', 'data features',
    'features labels', 'data storage', 'labeling', 'labelling', 'training data generation', 'data model', 'data requirements',
  ],
  'model-choice': [
    'model choice', 'retrieval', 'retrieval model', 'model retrieval', 'model retrieval choice', 'retrieval ranking', 'model', 'models',
    'model selection', 'modeling', 'modelling', 'approach', 'baseline', 'baseline model choice', 'architecture', 'techniques',
    'alternatives considered', 'alternatives', 'rationale alternatives', 'actual design', 'detailed design', 'proposed design',
    'high level design', 'proposed solution', 'ml approach', 'model development', 'model training',
    'model architecture', 'trade offs', 'tradeoffs', 'design alternatives', 'guide level explanation', 'reference level explanation',
  ],
  evals: [
    'eval', 'evaluation', 'evaluations', 'evaluation metrics', 'offline evaluation', 'offline evals', 'metrics evals', 'testing',
    'experimentation validation', 'validation', 'experimentation', 'experiments', 'offline metrics', 'metrics', 'offline online metrics',
    'online evaluation', 'offline online evaluation', 'test', 'testing strategy', 'quality', 'evaluation strategy', 'evals metrics',
  ],
  latency: [
    'latency budget', 'latency throughput', 'latency performance', 'performance', 'response time', 'speed', 'performance benchmarks',
    'throughput', 'slos', 'performance scalability', 'scalability', 'latency slos',
  ],
  cost: [
    'costs', 'cost estimate', 'cost capacity', 'capacity cost', 'budget', 'pricing', 'economics', 'unit economics', 'capacity',
    'capacity planning', 'resource estimates', 'back envelope estimates', 'estimation', 'estimates', 'cost analysis',
  ],
  safety: [
    'safety security', 'security', 'safety privacy', 'privacy', 'data privacy', 'trust safety', 'guardrails', 'responsible ai', 'abuse',
    'fairness', 'ethics', 'ethical considerations', 'compliance', 'security privacy', 'privacy security', 'abuse prevention', 'safety risks',
  ],
  monitoring: [
    'observability', 'monitoring alerting', 'monitoring observability', 'alerting', 'alarms', 'monitoring alarms', 'online monitoring',
    'production monitoring', 'monitoring maintenance', 'operations', 'monitoring metrics',
  ],
  'failure-modes': [
    'failure modes', 'failures', 'fallbacks', 'fallback', 'failure handling', 'error handling', 'reliability', 'failure modes mitigations',
    'degradation', 'graceful degradation', 'risks', 'risk', 'risks uncertainties', 'risks mitigations', 'disaster recovery', 'resilience',
    'availability', 'edge cases',
  ],
  rollout: [
    'roll out', 'launch', 'launch rollout', 'deployment', 'deployment rollout', 'rollout deployment', 'release', 'rollout rollback',
    'milestones', 'milestones timeline', 'timeline', 'b testing', 'ab testing', 'online experimentation', 'deployment serving',
    'migration', 'launch criteria', 'go live', 'rollout milestones',
  ],
};

/**
 * One-word or generic aliases that only count as the whole heading: "Design principles" or "Test data"
 * is not model choice or evals just because it starts with the word.
 */
export const EXACT_ONLY_ALIASES: ReadonlySet<string> = new Set([
  'test', 'testing', 'quality', 'scope', 'approach', 'validation', 'metrics', 'operations', 'availability',
  'estimation', 'estimates', 'framing', 'constraints', 'objectives', 'release', 'model', 'models', 'features', 'capacity', 'motivation',
  'alternatives', 'timeline', 'migration', 'speed', 'budget', 'problem',
]);
