/**
 * Design-doc checker figures for `npm run bench`. The checker runs on every keystroke, so the budget is
 * 20 ms for a 2,000-line doc (median of several runs after warm-up); a 10 MB doc only has to finish
 * without hanging, and its time is reported to catch a regression towards quadratic behaviour.
 */
import { checkDesignDoc, matchRubricEvidence, parseDesignDoc } from '../../src/core/designDoc';

const SECTIONS: [heading: string, line: string][] = [
  ['Problem and requirements', 'Employees need cited answers from 2M documents; 85% correct on the golden set; peak 5 QPS and 5k questions a day.'],
  ['Data', 'Ground truth comes from questions labeled by subject-matter experts, two raters per item, refreshed each quarter.'],
  ['Retrieval or model choice', 'BM25 baseline, then hybrid retrieval with a cross-encoder reranker over the top 50 and a hosted mid-size model.'],
  ['Evals', 'The golden set holds 600 questions; recall@10 and correctness must stay at least 85% with no regression over 2 points.'],
  ['Latency', 'p95 time to first token under 1.5 s; retrieval 150 ms, rerank 100 ms, streaming at 40 tokens per second.'],
  ['Cost', 'About 3,000 input tokens per question, roughly $4 per 1k questions and $600 a month at current volume.'],
  ['Safety', 'Hallucination, prompt injection and PII leakage, each with a mitigation and a red-team case; ACLs at retrieval.'],
  ['Monitoring', 'Track latency, error rate, token usage and feedback; alert the on-call when p95 exceeds 6 s for 10 minutes.'],
  ['Failure modes and fallbacks', 'Fall back to a smaller model when the provider is slow, and to plain search results when both fail.'],
  ['Rollout', 'Shadow traffic for a week, a 5% canary gated on error rate, then an A/B test; roll back by flag.'],
];

/** A realistic doc of about `lines` lines: front matter, ten sections, paragraphs and lists with numbers. */
function designDoc(lines: number): string {
  const perSection = Math.max(1, Math.ceil((lines - 6) / SECTIONS.length) - 2);
  const out = ['---', 'loopPrep: design-doc', 'case: document-qa', '---', '# Document Q&A design', ''];
  for (const [heading, line] of SECTIONS) {
    out.push(`## ${heading}`);
    for (let i = 0; i < perSection; i++) out.push(i % 3 === 2 ? `- Point ${i}: ${line}` : line);
    out.push('');
  }
  return out.join('\n');
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRuns(runs: number, fn: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}

export async function bench(): Promise<Record<string, number>> {
  const doc2000 = designDoc(2000);
  // The worst realistic keystroke: a long draft where every section still carries its guiding questions.
  const unanswered = doc2000.replace(/^- Point (\d+): .*$/gm, '- What is the target for point $1, and who owns it?');
  const doc10mb = doc2000.repeat(Math.ceil((10 * 1024 * 1024) / doc2000.length));
  const rubric = {
    latency: [{ point: 'Streams the answer.', evidence: ['streaming', 'time to first token'] }],
    safety: [{ point: 'Permissions.', evidence: ['acl', 'permissions'] }],
  };

  timeRuns(10, () => checkDesignDoc(doc2000));
  const check2000 = timeRuns(21, () => checkDesignDoc(doc2000));
  const checkUnanswered = timeRuns(21, () => checkDesignDoc(unanswered));
  const parse2000 = timeRuns(21, () => parseDesignDoc(doc2000));
  const rubric2000 = timeRuns(21, () => matchRubricEvidence(doc2000, rubric));
  const check10mb = timeRuns(3, () => checkDesignDoc(doc10mb));

  return {
    doc2000Lines: doc2000.split('\n').length,
    doc2000Warnings: checkDesignDoc(doc2000).length,
    check2000LinesMedianMs: +median(check2000).toFixed(2),
    check2000LinesMaxMs: +Math.max(...check2000).toFixed(2),
    check2000LinesWithPlaceholdersMedianMs: +median(checkUnanswered).toFixed(2),
    placeholders2000Lines: checkDesignDoc(unanswered).length,
    parse2000LinesMedianMs: +median(parse2000).toFixed(2),
    rubric2000LinesMedianMs: +median(rubric2000).toFixed(2),
    budgetMs: 20,
    doc10MbBytes: doc10mb.length,
    check10MbMs: +median(check10mb).toFixed(1),
  };
}
