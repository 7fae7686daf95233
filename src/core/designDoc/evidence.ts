/**
 * Content-based evidence: when no heading names a section, a doc may still cover it in another section's
 * text (data described under "The actual design", a rollout plan in "Milestones"). The doc is cut into
 * blocks, one per heading (its own lines, up to the next heading of any level) plus the introduction; a
 * section is covered by the blocks whose text carries its topic. The checker then reads those blocks as the
 * section's answer and says where it found them.
 */
import { LINE_CODE, LINE_COMMENT, LINE_FENCE, LINE_FRONT_MATTER, LINE_HEADING, lineFlags } from './parse';
import { CONTENT_RULES, PLATFORM_DATA } from './rules';
import { guidingQuestionSpan, inlinePlaceholders } from './text';
import type { DesignDocKind, DesignSectionKey, ParsedDesignDoc } from './types';

/** One block of a doc: a heading's own text (or the introduction, heading undefined). */
export interface DocBlock {
  /** 0-based line of the heading, or the first body line for the introduction. */
  readonly line: number;
  readonly heading?: string;
  /** The answer text (placeholders, comments and guiding questions taken out). */
  readonly text: string;
}

/** What each section's topic looks like in prose. Safety reuses the kind's risk vocabulary (see rules.ts). */
const TOPICS: Record<Exclude<DesignSectionKey, 'safety'>, RegExp> = {
  requirements: /\b(?:requirements?|goals?|non-goals|success (?:metrics?|criteria)|out of scope|in scope|constraints?|peak (?:qps|load|traffic))\b/i,
  data: /\b(?:training data|data ?sets?|labels?|labell?ed|labell?ing|ground[ -]truth|annotat\w*|data sources?|feature (?:store|pipeline)s?|event logs?|corpus)\b/i,
  'model-choice':
    /\b(?:baseline|models?|classifiers?|retrieval|retriever|rankers?|gradient[- ]boost\w*|xgboost|lightgbm|transformers?|embeddings?|llms?|fine[- ]tun\w*|logistic regression)\b/i,
  evals:
    /\b(?:evals?|evaluat\w*|golden set|test set|held[- ]?out|holdout|offline metrics?|pr[- ]auc|auc|ndcg|precision|recall|accuracy|benchmarks?|backtest\w*)\b/i,
  latency: /\b(?:latency|latencies|p50|p90|p95|p99|response time|time to first token|ttft|throughput)\b/i,
  cost: /\b(?:costs?|spend\w*|pricing|gpu[- ]hours?|per 1k|cost budget)\b|[$€£]\d/i,
  monitoring: /\b(?:monitor\w*|dashboards?|alert\w*|alarm\w*|on-?call|observability|pag(?:ed|ing))\b/i,
  'failure-modes':
    /\b(?:fallbacks?|falls? back|failures?|fails?|outages?|timeouts?|times? out|degrad\w*|circuit[ -]breakers?|unavailable|goes down|is down)\b/i,
  rollout:
    /\b(?:shadow (?:mode|traffic|deploy\w*)|canary|canaries|a\/b|ab tests?|roll(?:s|ed|ing)? ?outs?|ramp\w*|staged|gradual\w*|feature flags?|roll(?:s|ed|ing)? ?backs?|launch\w*)\b/i,
};

const SAFETY_RULE = CONTENT_RULES.find((r) => r.code === 'safety-no-risk')!;

/** True when the text talks about the section's topic. */
export function mentionsTopic(key: DesignSectionKey, text: string, kind: DesignDocKind): boolean {
  if (key === 'safety') return SAFETY_RULE.satisfied(text, kind);
  return TOPICS[key].test(text) || (key === 'data' && kind === 'ml-platform' && PLATFORM_DATA.test(text));
}

/** Evidence is looked for in the first 5,000 lines: a design doc's sections are there, and a 10 MB file stays fast. */
const MAX_EVIDENCE_LINES = 5_000;

/** Prose lines longer than this are read only this far for evidence: topics show in the first sentences. */
const MAX_EVIDENCE_LINE = 2_000;

/**
 * A block's text for evidence: what readAnswer keeps (no front matter, comments, fences or guiding
 * questions; placeholders blanked), with each line cut at MAX_EVIDENCE_LINE so a pathological line costs
 * little a second time.
 */
function evidenceText(doc: ParsedDesignDoc, from: number, to: number): string {
  const flags = lineFlags(doc);
  const parts: string[] = [];
  for (let i = Math.max(0, from); i <= to && i < doc.lines.length; i++) {
    if (flags[i] & (LINE_FRONT_MATTER | LINE_COMMENT | LINE_FENCE | LINE_HEADING)) continue;
    const line = doc.lines[i].length > MAX_EVIDENCE_LINE ? doc.lines[i].slice(0, MAX_EVIDENCE_LINE) : doc.lines[i];
    if (flags[i] & LINE_CODE) {
      parts.push(line);
      continue;
    }
    if (guidingQuestionSpan(line)) continue;
    let text = line;
    for (const span of inlinePlaceholders(line).reverse()) text = `${text.slice(0, span.start)} ${text.slice(span.end)}`;
    parts.push(text);
  }
  return parts.join('\n');
}

/** Cuts a doc into blocks. Computed once per check and only when some section has no heading. */
export function docBlocks(doc: ParsedDesignDoc): DocBlock[] {
  const blocks: DocBlock[] = [];
  const first = doc.frontMatterEnd + 1;
  const limit = first + MAX_EVIDENCE_LINES;
  const hs = doc.headings.length && doc.headings[doc.headings.length - 1].line >= limit ? doc.headings.filter((h) => h.line < limit) : doc.headings;
  const introEnd = hs.length ? hs[0].line - 1 : Math.min(doc.lines.length, limit) - 1;
  if (introEnd >= first) {
    const text = evidenceText(doc, first, introEnd);
    if (text.trim()) blocks.push({ line: first, text });
  }
  for (let i = 0; i < hs.length; i++) {
    const to = i + 1 < hs.length ? hs[i + 1].line - 1 : Math.min(doc.lines.length, limit) - 1;
    const text = evidenceText(doc, hs[i].line + 1, to);
    if (text.trim()) blocks.push({ line: hs[i].line, heading: hs[i].text, text });
  }
  return blocks;
}

/** The blocks that cover a section's topic, in document order. */
export function blocksFor(key: DesignSectionKey, blocks: readonly DocBlock[], kind: DesignDocKind): DocBlock[] {
  return blocks.filter((b) => mentionsTopic(key, b.text, kind));
}

/** "'Experimentation & Validation'" or "the introduction", plus "and 2 more" when there are others. */
export function whereFound(blocks: readonly DocBlock[]): string {
  const names = blocks.map((b) => (b.heading ? `'${b.heading}'` : 'the introduction'));
  const unique = [...new Set(names)];
  if (unique.length <= 2) return unique.join(' and ');
  return `${unique.slice(0, 2).join(', ')} and ${unique.length - 2} more`;
}
