/**
 * The host side of typed answers: marks flashcards for an answer box (`loopPrep.drill.typeAnswers`), adds
 * last time's answer and the "Grade with <model>" offer to a result, and grades on request through the
 * AI service. Nothing is sent unless the user presses Grade; every failure leaves self-grading as it was.
 */
import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import { applyGrading, GRADING_SYSTEM, gradingData, gradingReply } from '../../core/drill/answerGrading';
import type { DrillController } from '../../core/drill/controller';
import { describeAnswerAge } from '../../core/drill/lastAnswers';
import type { HostToDrill } from '../../shared/drill';
import type { AiService } from '../ai/service';
import { typeAnswers } from '../config';
import type { ContentService } from '../content/contentService';
import type { StateService } from '../state/stateService';

export interface TypedAnswerDeps {
  readonly content: ContentService;
  readonly state: StateService;
  readonly ai: AiService;
}

export class TypedAnswers implements vscode.Disposable {
  private grading: vscode.CancellationTokenSource | undefined;

  constructor(private readonly deps: TypedAnswerDeps) {}

  /** `msg` with what typed answers add: the answer box on a flashcard, last time's answer and the grade offer on its result. */
  async decorate(msg: HostToDrill): Promise<HostToDrill> {
    if (msg.type === 'card' && msg.card.type === 'flashcard' && typeAnswers() === 'flashcards') return { ...msg, card: { ...msg.card, typeAnswer: true } };
    if (msg.type !== 'result' || !msg.result.typed) return msg;
    const last = this.deps.state.lastAnswer(msg.result.cardId);
    let grader: string | undefined;
    if (msg.result.keyPoints?.length) {
      const picked = await this.deps.ai.pickModel();
      // Without a model the offer still shows, so that pressing it can say why there is no AI feedback.
      grader = picked.ok ? picked.label : picked.reason === 'disabled' ? undefined : 'AI';
    }
    const typed = { ...msg.result.typed, last: last && { text: last.text, when: describeAnswerAge(last.at, new Date()) }, grader };
    return { ...msg, result: { ...msg.result, typed } };
  }

  /** Grades the answer typed for `cardId` against its key points: `graded`, or `gradeFailed` with one line. */
  async grade(controller: DrillController, cardId: string): Promise<HostToDrill> {
    const failed = (message: string): HostToDrill => ({ type: 'gradeFailed', cardId, message });
    const answer = controller.typedAnswer(cardId);
    if (!answer) return failed('There is no typed answer to grade on this card.');
    const q = catalogOf(this.deps.content.index).resolve('question', cardId);
    const keyPoints = q?.keyPoints ?? [];
    if (!q || !keyPoints.length) return failed('This card has no key points to grade against.');
    this.cancel();
    const source = (this.grading = new vscode.CancellationTokenSource());
    try {
      const out = await this.deps.ai.request({
        purpose: 'grade-answer',
        what: 'your typed answer, with the card and its key points,',
        system: GRADING_SYSTEM,
        data: gradingData(q.promptText, keyPoints, answer),
        schema: gradingReply,
        token: source.token,
        quiet: true, // the drill shows the one line itself, beside the checklist
      });
      if (!out.ok) return failed(out.message);
      return { type: 'graded', cardId, grading: applyGrading(out.value, keyPoints, answer, out.model) };
    } finally {
      if (this.grading === source) this.grading = undefined;
      source.dispose();
    }
  }

  /** Stops a grading under way (the card was rated, the session ended, the panel closed). */
  cancel(): void {
    this.grading?.cancel();
  }

  dispose(): void {
    this.cancel();
  }
}
