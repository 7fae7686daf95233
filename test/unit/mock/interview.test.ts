import * as assert from 'assert';
import { answerMock, candidateText, mockClock, startMock, type MockState } from '../../../src/core/mock/interview';
import { probeFor } from '../../../src/core/mock/probes';
import { escapeMarkdown, mockSummary } from '../../../src/core/mock/summary';
import { heuristicReview } from '../../../src/core/ai/heuristic';
import type { ReviewRubric } from '../../../src/core/ai/docReview';
import type { PracticePhase } from '../../../src/core/practice/phases';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const MIN = 60_000;
const PHASES: PracticePhase[] = [
  { key: 'clarify', label: 'Clarify', seconds: 120 },
  { key: 'highLevelDesign', label: 'High-level design', seconds: 120 },
  { key: 'deepDive', label: 'Deep dive', seconds: 300 },
  { key: 'wrapUp', label: 'Wrap-up', seconds: 120 },
];
const CASE = { id: 'doc-qa', title: 'Document Q&A', prompt: 'Design a Q&A assistant over internal documents.' };
const CLARIFY =
  'Who are the users and how many? I would assume 5,000 employees, about 20 questions per second at peak, answers grounded in the wiki, and a quality bar agreed with support.';

function run(answers: readonly [string, number][]): { state: MockState; said: string[][] } {
  let { state } = startMock(CASE, PHASES, T0);
  const said: string[][] = [];
  for (const [text, at] of answers) {
    const step = answerMock(state, text, T0 + at);
    state = step.state;
    said.push([...step.say]);
  }
  return { state, said };
}

describe('mock interview: phases and time', () => {
  it('opens with the plan, the case and a clarifying question', () => {
    const step = startMock(CASE, PHASES, T0);
    assert.match(step.say[0], /Mock interview: Document Q&A\. About 11 min: Clarify 2:00, High-level design 2:00, Deep dive 5:00, Wrap-up 2:00/);
    assert.strictEqual(step.say[1], CASE.prompt);
    assert.match(step.say[2], /clarify the requirements/);
    assert.strictEqual(step.clock, 'Clarify · 2:00 left in this phase · 11:00 left in total');
    assert.strictEqual(step.state.phaseIndex, 0);
  });

  it('moves to the next phase when the candidate covers the phase, and when its time is up', () => {
    const covered = run([[CLARIFY, 30_000]]);
    assert.strictEqual(covered.state.phaseIndex, 1, JSON.stringify(covered.said));
    assert.match(covered.said[0][0], /Moving on to High-level design/);
    // A short answer in clarify would be probed, but the phase's two minutes are over: time wins.
    const late = run([['Users?', 3 * MIN]]);
    assert.strictEqual(late.state.phaseIndex, 1);
    assert.match(late.said[0][0], /^Time check: that is the Clarify time\./);
    assert.strictEqual(mockClock(late.state, T0 + 3 * MIN), 'High-level design · 2:00 left in this phase · 8:00 left in total');
  });

  it('ends when the whole time is up, or when the candidate says "end"; "next" skips a phase', () => {
    const timeUp = run([[CLARIFY, 12 * MIN]]);
    assert.strictEqual(timeUp.state.status, 'done');
    assert.strictEqual(timeUp.state.ended, 'time-up');
    assert.match(timeUp.said[0][0], /^Time is up/);
    assert.match(candidateText(timeUp.state), /5,000 employees/);
    const skipped = run([['next', 10_000]]);
    assert.strictEqual(skipped.state.phaseIndex, 1);
    const ended = run([['end', 10_000]]);
    assert.strictEqual(ended.state.ended, 'candidate');
    assert.match(answerMock(ended.state, 'hello?', T0 + MIN).say[0], /has ended/);
  });

  it('runs a whole shortened mock through every phase, bringing up what is not covered yet', () => {
    const { state, said } = run([
      [CLARIFY, 20_000],
      ['We index the wiki and tickets as labelled data from support, refreshed nightly, chunked and embedded for retrieval.', 60_000],
      ['We measure on a golden set of 400 real questions labelled by support, with faithfulness above 0.9 before any release.', 90_000],
      ['next', 3 * MIN],
      ['We watch p95 latency, error rate and thumbs-down rate on a dashboard, and an alert pages on-call above 2% errors.', 3.5 * MIN],
      ['Shadow traffic first, then a 5% canary gated on faithfulness, then an A/B test; we roll back above a 2% error rate.', 4.5 * MIN],
    ]);
    assert.deepStrictEqual(
      said.map((s) => s[s.length - 1]),
      [
        'Sketch the high-level design. What data does it read, and where does it come from?',
        'Let us go deep. How do you know it works?',
        'What is the latency budget, end to end?',
        'To wrap up: what do you monitor after launch, and what pages someone?',
        'How do you roll it out, and what makes you roll back?',
        'That covers everything I wanted to ask. Here is how your answers score against the rubric.',
      ],
    );
    assert.deepStrictEqual([state.status, state.ended], ['done', 'covered']);
    assert.strictEqual(state.turns.filter((t) => t.role === 'candidate').length, 5);
    assert.deepStrictEqual([...new Set(state.turns.map((t) => t.phase))], ['clarify', 'highLevelDesign', 'deepDive', 'wrapUp']);
  });
});

describe('mock interview: probes', () => {
  const none = new Set<string>();
  it('asks "how do you know it works?" of evals with no dataset, and for the cost per 1k requests', () => {
    assert.match(
      probeFor('We will evaluate it carefully with a big offline evaluation before we launch the system.', 'deepDive', 'llm-app', none)!.question,
      /How do you know it works/,
    );
    assert.match(
      probeFor('Cost is a concern so we keep the spend under control with caching and a small model.', 'deepDive', 'llm-app', none)!.question,
      /cost per 1k requests/,
    );
    assert.match(
      probeFor('It will be robust and scalable and it should be fine for all of our many users.', 'highLevelDesign', 'llm-app', none)!.question,
      /How do you know it works/,
    );
  });

  it('probes a one-line answer, but never asks the same probe twice, and leaves a specific answer alone', () => {
    const p = probeFor('Use RAG.', 'highLevelDesign', 'llm-app', none)!;
    assert.strictEqual(p.key, 'short-highLevelDesign');
    assert.notStrictEqual(probeFor('Use RAG.', 'highLevelDesign', 'llm-app', new Set([p.key]))?.key, p.key);
    assert.strictEqual(
      probeFor('Latency: p95 under 800 ms to the first token, split as 200 ms for retrieval and 600 ms for generation.', 'deepDive', 'llm-app', none),
      undefined,
    );
  });

  it('a vague answer in the state machine gets a probe and stays in its phase', () => {
    const { state, said } = run([
      [CLARIFY, 20_000],
      ['Use RAG.', 40_000],
    ]);
    assert.strictEqual(state.phaseIndex, 1);
    assert.match(said[1][0], /more specific/);
  });
});

describe('mock interview: the summary', () => {
  const rubric: ReviewRubric = {
    caseId: 'doc-qa',
    title: 'Document Q&A',
    points: [
      { id: 'doc-qa-evals-0', key: 'P1', section: 'evals', index: 0, text: 'Names a golden set.', evidence: ['golden set'] },
      { id: 'doc-qa-cost-0', key: 'P2', section: 'cost', index: 0, text: 'Cost per 1k <requests>.', evidence: ['per 1k'] },
    ],
  };

  it('scores the answers against the rubric by its evidence phrases without a model, listing misses for cards', () => {
    const summary = mockSummary(heuristicReview(rubric, 'We measure on a golden set of 300 questions.'), 'matched by words');
    assert.deepStrictEqual([summary.score, summary.maxScore, summary.missed], [1, 2, ['doc-qa-cost-0']]);
    assert.match(summary.markdown, /\*\*Score: 1 of 2 rubric points\*\*/);
    assert.match(summary.markdown, /✓ made: Names a golden set\./);
    assert.match(summary.markdown, /✗ missed: Cost per 1k \\<requests\\>\./);
    assert.match(summary.markdown, /1 missed point can become review cards/);
  });

  it('escapes Markdown so links and HTML in text show as written', () => {
    assert.strictEqual(escapeMarkdown('[x](command:evil) <img>'), '\\[x\\]\\(command:evil\\) \\<img\\>');
  });
});
