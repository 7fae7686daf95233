/**
 * The mock interview behind `@loopprep /mock <case>`: one interview at a time per window, driven by the
 * pure state machine (core/mock/interview.ts). Each chat message is one step; at the end the candidate's
 * answers are scored against the case's rubric (by the chat model with every quote checked, or by the
 * rubric's words without one), and the misses can be turned into review cards.
 */
import type * as vscode from 'vscode';
import { caseReviewRubric, checkDocReview, docReviewPrompt, docReviewReply } from '../../core/ai/docReview';
import { reviewToSelfReview } from '../../core/ai/docReviewMap';
import { heuristicReview } from '../../core/ai/heuristic';
import { catalogOf } from '../../core/content/catalog';
import type { CaseStudy, ContentIndex } from '../../core/content/types';
import { answerMock, candidateText, startMock, type MockState, type MockStep } from '../../core/mock/interview';
import { mockSummary, type MockSummary } from '../../core/mock/summary';
import type { PracticePhase } from '../../core/practice/phases';
import type { SelfReview } from '../../shared/selfReview';
import { stripTags } from '../designDoc/templates';
import type { AiPort } from './aiPort';

export interface MockChatDeps {
  readonly ai: AiPort | undefined;
  readonly verifyQuote: (source: string, quote: string) => boolean;
  readonly now: () => number;
  readonly phases: () => readonly PracticePhase[];
}

/** A finished mock: its summary, and the self-review that "turn misses into cards" records. */
export interface FinishedMock {
  readonly caseId: string;
  readonly summary: MockSummary;
  readonly review: SelfReview;
  /** The points made: what recording ticks. */
  readonly made: readonly string[];
  /** Set once the misses were recorded, so a second click does not record twice. */
  recorded?: boolean;
}

/** The case a `/mock` prompt names: an id, an old id, or words of the title. */
export function findCase(index: ContentIndex, query: string): CaseStudy | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  const byId = catalogOf(index).resolve('case', q);
  if (byId) return byId;
  const words = q.split(/\s+/);
  return index.cases.find((c) => words.every((w) => c.title.toLowerCase().includes(w) || c.id.includes(w)));
}

export class MockChat {
  private state: MockState | undefined;
  private caseStudy: CaseStudy | undefined;
  private finishedMock: FinishedMock | undefined;
  private sequence = 0;

  constructor(private readonly deps: MockChatDeps) {}

  get running(): boolean {
    return this.state?.status === 'running';
  }

  /** The last finished mock, until another one starts. */
  get finished(): FinishedMock | undefined {
    return this.finishedMock;
  }

  /** The interview under way or last finished, for tests. */
  get current(): MockState | undefined {
    return this.state;
  }

  start(c: CaseStudy): MockStep {
    this.caseStudy = c;
    this.finishedMock = undefined;
    const step = startMock({ id: c.id, title: c.title, prompt: stripTags(c.promptHtml) }, this.deps.phases(), this.deps.now());
    this.state = step.state;
    return step;
  }

  /** One answer; when the step ends the interview, `finished` is set once `summarize` resolves. */
  answer(text: string): MockStep | undefined {
    if (!this.state) return undefined;
    const step = answerMock(this.state, text, this.deps.now());
    this.state = step.state;
    return step;
  }

  /** Scores the finished interview's answers; `message` says why the words were used when no model was. */
  async summarize(token?: vscode.CancellationToken): Promise<{ finished: FinishedMock; message?: string }> {
    const state = this.state;
    const c = this.caseStudy;
    if (!state || !c) throw new Error('no mock interview to summarize');
    const rubric = caseReviewRubric(c);
    const said = candidateText(state);
    const outcome = this.deps.ai
      ? await this.deps.ai.request({
          purpose: 'mock-summary',
          what: 'your answers in this mock interview',
          ...docReviewPrompt(rubric, said, 'interview answers'),
          schema: docReviewReply,
          token,
          quiet: true,
        })
      : undefined;
    const checked = outcome?.ok ? checkDocReview(rubric, said, outcome.value, this.deps.verifyQuote) : heuristicReview(rubric, said);
    const scoredBy = outcome?.ok ? `scored by ${outcome.model}; every point made is backed by your own words` : 'scored by matching the rubric’s words';
    const summary = mockSummary(checked, scoredBy);
    const review = reviewToSelfReview(rubric, checked, { reviewId: `mock-${c.id}-${state.startedAt}-${++this.sequence}`, reason: 'finished', elapsed: '' });
    const made = checked.points.filter((p) => p.status === 'made').map((p) => p.point.id);
    this.finishedMock = { caseId: c.id, summary, review, made };
    const message = outcome && !outcome.ok && outcome.reason !== 'cancelled' && outcome.reason !== 'declined' ? outcome.message : undefined;
    return { finished: this.finishedMock, ...(message ? { message } : {}) };
  }
}
