/**
 * What each section must contain to read as a real answer rather than prose. Each rule is a cheap
 * heuristic on the section's answer text; when it is not met the checker warns with a message that says
 * what a strong answer includes.
 *
 * Every pattern is written to stay linear on any input (the checker runs on every keystroke, on files up
 * to 10 MB): numbers start only where no digit, letter, dot or comma precedes them, so a run of digits is
 * tried once; no two adjacent quantifiers can match the same characters; gaps are bounded ({0,40}).
 */
import type { DesignDocCode, DesignDocKind, DesignSectionKey } from './types';

export interface ContentRule {
  readonly code: DesignDocCode;
  readonly section: DesignSectionKey;
  /** True when the section's answer text meets the rule for a doc of this kind. */
  readonly satisfied: (text: string, kind: DesignDocKind) => boolean;
  /** The message, worded for the doc's kind where the evidence differs. */
  readonly message: string | Readonly<Record<DesignDocKind, string>>;
}

/** A rule's message for a kind. */
export function ruleMessage(rule: ContentRule, kind: DesignDocKind): string {
  return typeof rule.message === 'string' ? rule.message : rule.message[kind];
}

const NUM = String.raw`(?<![\w.,])\d+(?:[.,]\d+)*`;
const TIME_UNIT = String.raw`(?:ms|msecs?|millis(?:econds?)?|s|secs?|seconds?|mins?|minutes?|µs|us|microseconds?)`;
const TOKEN_RATE = String.raw`(?:tokens?|tok)[ \t]*(?:\/|per)[ \t]*(?:s|sec|second)|tps`;
const PERCENTILE = String.raw`\bp(?:50|75|90|95|99|999)\b[^\n\d]{0,40}\d`;

const LATENCY = new RegExp(`${NUM}(?:[ \\t]*k)?[ \\t]*(?:${TIME_UNIT}|${TOKEN_RATE})(?!\\w)|${PERCENTILE}`, 'i');
/** Throughput counts as a performance target for models and platforms: "3k QPS", "1,200 predictions/s". */
const THROUGHPUT = new RegExp(
  `${NUM}(?:[ \\t]*k)?[ \\t]*(?:qps|rps|tps|(?:req(?:uest)?s?|predictions?|inferences?|images?|events?|queries|transactions?|payments?|samples?)[ \\t]*(?:\\/|per)[ \\t]*(?:s|sec|second))(?!\\w)`,
  'i',
);

const DIGIT = /\d/;
const COST_UNIT =
  /[$€£]|\/[ \t]*1k\b|\b(?:usd|eur|gbp|dollars?|cents?|tokens?|gpu[- ]?h(?:ou)?rs?|(?:instance|node|cpu|vcpu|machine|core)[- ]?h(?:ou)?rs?|per[ \t]+(?:1k|1,?000|10k|100k|1m|thousand|million)\b)/i;

const EVAL_DATASET = new RegExp(
  String.raw`\b(?:data[ -]?sets?|golden|gold[ -]set|eval(?:uation)?[ -]sets?|test[ -]sets?|test[ -]suites?|benchmarks?|held[ -]?out|holdout|examples|labell?ed[ -](?:set|examples|queries|pairs)|queries|samples)\b` +
    String.raw`|\b(?:question|utterance|query|prompt|example|request|chat|conversation|meeting|message|replay|reference|benchmark)[ -](?:sets?|suites?)\b|\breplay(?:ed|s)? (?:of|one|the|a)\b` +
    // "600 questions", "10k logged requests", "300M impressions", "about 9 billion requests": up to two words between.
    `|${NUM}(?:[ \\t]*[kmb])?(?:[ \\t]+(?:thousand|million|billion))?[ \\t]+(?:[\\w-]+[ \\t]+){0,2}(?:questions|conversations|pairs|items|cases|tickets|documents|prompts|transcripts|requests|utterances|messages|searches|impressions|payments|applications|sessions|chats|meetings|jobs|traces|reads|users|calls|models)\\b`,
  'i',
);
const EVAL_METRIC =
  /\b(?:metrics?|precision|recall|f1|f-?score|accuracy|ndcg|mrr|auc|pr-auc|roc|bleu|rouge|bertscore|faithfulness|groundedness|correctness|exact match|win ?rate|hit ?rate|perplexity|calibration|ece|rmse|mae|mape|log ?loss|ctr|click-through|conversion|agreement|kappa|success rate|error rate|resolution rate|relevance)\b|\b(?:map|pass)@/i;
/** A platform is evaluated on its service: latency, throughput, utilization, whether outputs match the old version. */
const EVAL_METRIC_PLATFORM = /\b(?:p50|p95|p99|latency|throughput|utili[sz]ation|match(?:es|ing)?|queue wait|wait time|availability|uptime)\b/i;
const EVAL_THRESHOLD =
  /\d[ \t]*%|[<>≥≤]=?[ \t]*\d|(?<![\w.,])0?\.\d|\b(?:at least|at most|no (?:less|more|worse|lower) than|above|below|under|over|exceeds?|beats?|thresholds?|minimum|maximum|min|max|gates?|gated|regress\w*|drops?|within)\b[^\n\d]{0,40}\d/i;

const MONITOR_SIGNAL =
  /\b(?:latency|p50|p95|p99|errors?|error rate|5xx|timeouts?|throughput|qps|rps|tokens?|token usage|cost|spend|refusals?|abstentions?|abstain rate|feedback|thumbs|ratings?|drift|distribution|accuracy|precision|recall|quality|ctr|clicks?|conversion|escalations?|saturation|utili[sz]ation|queue depth|dashboards?|metrics?|slos?|slis?|rates?|stability|psi|freshness|null|lag|calibration)\b/i;
const MONITOR_ALERT = /\b(?:alert\w*|alarm\w*|pag(?:e|ed|es|ing)|pager\w*|on-?call|notif\w*|opsgenie|escalat\w*)\b/i;

/** Risks every kind shares: abuse and adversaries, privacy, access, fairness. */
const SAFETY_COMMON =
  /\b(?:pii|personal (?:data|information)|privacy|leak\w*|exfiltrat\w*|abuse\w*|misuse|bias(?:es|ed)?|fairness|unfair\w*|disparate|unauthori[sz]ed|permissions?|access control|acls?|adversar\w*|attack\w*|fraud\w*|spam|poisoning|impersonation|gdpr|hipaa|ccpa|encrypt\w*|harm\w*)\b/i;
const SAFETY_BY_KIND: Record<DesignDocKind, RegExp> = {
  'llm-app': /\b(?:hallucinat\w*|prompt injection|injection|jailbreak\w*|toxic\w*|copyright|misinformation|self-harm|hate|harassment|csam)\b/i,
  'ml-system':
    /\b(?:false (?:positives?|negatives?|declines?|accepts?|alarms?|bans?)|wrongly (?:blocked|declined|flagged|banned)|probing|gaming|evasion|feedback loops?|manipulat\w*|appeals?|amplif\w*|starv\w*|borderline|integrity|exposure|protected groups|demographic\w*|under-?represent\w*)\b/i,
  'ml-platform':
    /\b(?:tenant isolation|isolation|noisy neighbou?rs?|multi[- ]tenan\w*|quotas?|secrets?|supply chain|sandbox\w*|rbac|authz|authori[sz]ation|untrusted (?:code|models?))\b/i,
};

const DATA_LABELS =
  /\b(?:labels?|labell?ed|labell?ing|labell?ers?|annotat\w*|ground[ -]truth|gold(?:en)?|raters?|ratings?|judge?ments?|reviewers?|human review|feedback|thumbs|clicks?|crowd\w*|weak supervision|synthetic)\b/i;

/**
 * A fallback is any stated degraded path: a rules engine or heuristic, a handover to a person, a cached,
 * stale or default answer, a smaller or previous model, abstaining, failing open or closed.
 */
const FALLBACK =
  /\b(?:fall(?:s|ing)?[ -]?backs?|fallbacks?|degrad\w*|fail(?:s|ing)?[ -]?over|fails? (?:open|closed|safe)|circuit[ -]breakers?|backups?|secondary|abstain\w*|stale|cached|caches?|switch(?:es|ed)? to|route[sd]? to|hand(?:s|ed|ing)?[ -]?(?:offs?|over)|handover|escalat\w* to|human (?:agents?|review\w*)|manual review|rules?[ -]engine|rule[ -]based|heuristics?|default (?:answers?|responses?|scores?|decisions?|values?|ranking|model)|last[ -]known[ -]good|previous (?:model|version)|smaller model|queue[sd]? for (?:review|later)|(?:scor|process|retri|deliver|sen)(?:ed|t)? later|(?:rate[- ]limit|existing|old|simple|static) rules|on[- ]device (?:\w+ )?models?|local models?|says (?:so|it cannot)|(?:tells|shows|notifies|informs) (?:the )?(?:users?|customers?|drivers?)|status note|without (?:an? |the )?(?:generated |llm )?(?:answers?|comments?|summary|summaries|suggestions?))\b/i;

/** A platform's data is what it stores and serves for others: its provenance stands in for labels. */
export const PLATFORM_DATA =
  /\b(?:lineage|retention|schemas?|versioned|owners?|point[- ]in[- ]time|freshness|model (?:registry|artifacts?)|registry|request logs?|logs|traces|checkpoints?|telemetry|warehouse)\b/i;

/** The rules, in the order their warnings are listed for one section. */
export const CONTENT_RULES: readonly ContentRule[] = [
  {
    code: 'data-no-labels',
    section: 'data',
    satisfied: (t, kind) => DATA_LABELS.test(t) || (kind === 'ml-platform' && PLATFORM_DATA.test(t)),
    message: {
      'llm-app':
        'Data does not say where labels or ground truth come from. A strong answer names the source (human raters, user actions, logs, an existing system) and how noisy it is.',
      'ml-system':
        'Data does not say where labels or ground truth come from. A strong answer names the source (human raters, user actions, logs, an existing system), how noisy and how delayed it is.',
      'ml-platform':
        'Data does not say what the platform stores or serves and where it comes from. A strong answer names the sources, their owners and freshness, and how lineage and retention are kept.',
    },
  },
  {
    code: 'evals-no-dataset',
    section: 'evals',
    satisfied: (t) => EVAL_DATASET.test(t),
    message:
      'Evals names no eval dataset. A strong answer says what you evaluate on: how many examples, where they come from and who labeled them (for example "a golden set of 500 expert-labeled questions").',
  },
  {
    code: 'evals-no-metric',
    section: 'evals',
    satisfied: (t, kind) => EVAL_METRIC.test(t) || (kind === 'ml-platform' && EVAL_METRIC_PLATFORM.test(t)),
    message:
      'Evals names no metric. A strong answer picks one per quality dimension, for example recall@k for retrieval, answer correctness, faithfulness, or precision at the operating threshold.',
  },
  {
    code: 'evals-no-threshold',
    section: 'evals',
    satisfied: (t) => EVAL_THRESHOLD.test(t),
    message:
      'Evals sets no acceptance threshold. A strong answer states, as a number, the bar a new version must meet before release (for example "correctness at least 85%, no regression over 2 points").',
  },
  {
    code: 'latency-no-number',
    section: 'latency',
    satisfied: (t, kind) => LATENCY.test(t) || (kind !== 'llm-app' && THROUGHPUT.test(t)),
    message: {
      'llm-app':
        'Latency gives no number with a unit. A strong answer sets targets such as "p95 under 800 ms" or "time to first token under 1 s", gives throughput in tokens per second where it matters, and splits the budget across steps.',
      'ml-system':
        'Latency gives no number with a unit. A strong answer sets targets such as "p99 scoring under 50 ms at 3k QPS", splits the budget across feature lookup and model, and sets a timeout per remote call.',
      'ml-platform':
        'Latency gives no number with a unit. A strong answer sets targets such as "p95 under 200 ms at 1,000 requests/s per GPU" and "cold start under 60 s", and splits the budget across queueing, batching and compute.',
    },
  },
  {
    code: 'cost-no-estimate',
    section: 'cost',
    satisfied: (t) => DIGIT.test(t) && COST_UNIT.test(t),
    message: {
      'llm-app':
        'Cost has no estimate. A strong answer works out the cost per 1k requests from input and output tokens and an illustrative price per token or GPU-hour (for example "about $4 per 1k requests"), then the monthly total.',
      'ml-system':
        'Cost has no estimate. A strong answer works out the cost per 1k predictions from instance- or GPU-hours at an illustrative price (for example "$0.02 per 1k predictions on 6 CPU nodes"), plus training and labeling, then the monthly total.',
      'ml-platform':
        'Cost has no estimate. A strong answer prices GPU-hours or instance-hours at an illustrative rate, the expected utilization, and the cost per 1k requests or per team, then the monthly total.',
    },
  },
  {
    code: 'safety-no-risk',
    section: 'safety',
    satisfied: (t, kind) => SAFETY_COMMON.test(t) || SAFETY_BY_KIND[kind].test(t),
    message: {
      'llm-app':
        'Safety names no concrete risk. A strong answer names the risks that apply (hallucination, prompt injection, PII leakage, harmful content, unauthorized actions) and the mitigation and test for each.',
      'ml-system':
        'Safety names no concrete risk. A strong answer names the risks that apply (adversaries probing the model, harm from false positives such as wrongly blocked users, unfair outcomes across groups, privacy of personal data) and the mitigation and test for each.',
      'ml-platform':
        'Safety names no concrete risk. A strong answer names the risks that apply (tenant isolation and noisy neighbours, access control on models and data, secrets, untrusted model code) and the mitigation and test for each.',
    },
  },
  {
    code: 'monitoring-no-signal',
    section: 'monitoring',
    satisfied: (t) => MONITOR_SIGNAL.test(t),
    message:
      'Monitoring names no signal. A strong answer lists what you watch in production: latency, error rate, token usage and cost, refusals, user feedback, drift, and a daily sample of outputs reviewed for quality.',
  },
  {
    code: 'monitoring-no-alert',
    section: 'monitoring',
    satisfied: (t) => MONITOR_ALERT.test(t),
    message:
      'Monitoring has no alert. A strong answer says which alert fires on which threshold (for example "p95 over 3 s for 10 minutes") and who gets paged.',
  },
  {
    code: 'failure-no-fallback',
    section: 'failure-modes',
    satisfied: (t) => FALLBACK.test(t),
    message:
      'Failure modes gives no fallback. A strong answer says what the system does when each part fails: a rules engine or a smaller model, a cached or default answer, a handover to a person, abstaining, or a degraded mode behind a circuit breaker.',
  },
];
