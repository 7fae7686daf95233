/**
 * "Loop Prep: Review Design Doc with AI": the open design doc (a case's, or the generic template) is
 * reviewed by the chat model against its rubric; the host checks every quote; the result opens in the
 * self-review panel pre-ticked, and as diagnostics on the quoted or missing sections. Without a model (or
 * when the model fails) today's word-match pre-ticking is used, with one message that says why.
 */
import * as vscode from 'vscode';
import { checkDocReview, caseReviewRubric, docReviewPrompt, docReviewReply, genericReviewRubric, GENERIC_RUBRIC_ID } from '../../core/ai/docReview';
import { reviewFindings, reviewSummary, reviewToSelfReview } from '../../core/ai/docReviewMap';
import { checkerReview } from '../../core/ai/heuristic';
import { buildSelfReview } from '../../core/practice/selfReviewRubric';
import { parseDesignDoc } from '../../core/designDoc';
import { caseForDoc } from '../../core/practice/sectionHelp';
import type { SelfReview, SelfReviewResult } from '../../shared/selfReview';
import type { ContentService } from '../content/contentService';
import { isMarkdown } from '../designDoc/documents';
import { log } from '../log';
import type { PracticeApi } from '../practice';
import { SelfReviewPanel } from '../practice/selfReviewPanel';
import type { AiPort } from './aiPort';
import type { ReviewDiagnostics } from './reviewDiagnostics';

export interface DocReviewDeps {
  readonly extensionUri: vscode.Uri;
  readonly content: ContentService;
  readonly practice: PracticeApi;
  readonly ai: AiPort | undefined;
  readonly diagnostics: ReviewDiagnostics;
  /** The AI service's quote check against the source text. */
  readonly verifyQuote: (source: string, quote: string) => boolean;
  /** Shows the one message of a fallback. */
  readonly notify: (message: string) => void;
}

/** What a review did, for the chat's /grade and for tests. */
export interface DocReviewOutcome {
  readonly via: 'model' | 'words';
  readonly review: SelfReview;
  /** The one message shown when the model could not be used. */
  readonly message?: string;
  readonly model?: string;
  readonly tokensIn?: number;
  readonly tokensOut?: number;
  readonly ms?: number;
}

let sequence = 0;

/** Reviews `document`; opens the self-review unless `openPanel` is false. Never throws on bad model output. */
export async function reviewDesignDoc(
  deps: DocReviewDeps,
  document: vscode.TextDocument,
  options: { readonly token?: vscode.CancellationToken; readonly openPanel?: boolean } = {},
): Promise<DocReviewOutcome> {
  await deps.content.ensureLoaded();
  const text = document.getText();
  const doc = parseDesignDoc(text);
  const caseStudy = caseForDoc(doc, deps.content.index.cases);
  const rubric = caseStudy ? caseReviewRubric(caseStudy) : genericReviewRubric();
  const reviewId = `ai-${caseStudy?.id ?? GENERIC_RUBRIC_ID}-${Date.now()}-${++sequence}`;
  const generic = caseStudy ? '' : ' A generic doc has no case, so the score is not recorded and misses do not become cards.';
  const info = { reviewId, reason: 'finished' as const, elapsed: '' };

  const prompt = docReviewPrompt(rubric, doc);
  const outcome = deps.ai
    ? await deps.ai.request({ purpose: 'review-doc', what: 'this design doc', ...prompt, schema: docReviewReply, token: options.token, quiet: true })
    : ({ ok: false, reason: 'no-model', message: 'AI feedback needs a chat model, and none is available.' } as const);

  let result: DocReviewOutcome;
  if (outcome.ok) {
    const checked = checkDocReview(rubric, doc, outcome.value, deps.verifyQuote);
    const review = reviewToSelfReview(rubric, checked, { ...info, preTickedBy: outcome.model, note: `${reviewSummary(checked, outcome.model)}${generic}` });
    deps.diagnostics.set(document.uri, reviewFindings(doc, checked));
    const { model, tokensIn, tokensOut, ms } = outcome;
    log().info(`AI doc review of ${rubric.caseId ?? 'a generic doc'}: ${checked.made}/${checked.points.length} made, ${checked.rejected} quotes rejected`);
    result = { via: 'model', review, model, tokensIn, tokensOut, ms };
  } else {
    const silent = outcome.reason === 'cancelled' || outcome.reason === 'declined';
    const message = silent ? undefined : `Loop Prep: ${outcome.message} The self-review is pre-ticked from matching words instead.`;
    const fallback = { ...info, note: `Pre-ticked from matching words in your doc, not by a model.${generic}` };
    // A case's doc gets today's self-review exactly; the generic rubric is ticked by the checker's findings.
    const review = caseStudy ? buildSelfReview(caseStudy, text, fallback) : reviewToSelfReview(rubric, checkerReview(rubric, doc), fallback);
    deps.diagnostics.clear(document.uri);
    if (message) deps.notify(message);
    result = { via: 'words', review, ...(message ? { message } : {}) };
  }
  if (options.openPanel !== false) openReview(deps, result.review);
  return result;
}

/** Opens the self-review for a doc review: confirming records it for the case (nothing for a generic doc). */
export function openReview(deps: Pick<DocReviewDeps, 'extensionUri' | 'practice'>, review: SelfReview): SelfReviewPanel {
  let cardIds: readonly string[] = [];
  return SelfReviewPanel.show(deps.extensionUri, review, {
    confirm: async (_reviewId, ticked): Promise<SelfReviewResult> => {
      if (!review.caseId) {
        const all = review.sections.flatMap((s) => s.points.map((p) => p.id));
        return { score: all.filter((id) => ticked.includes(id)).length, maxScore: all.length, cards: 0, xp: 0 };
      }
      const recorded = await deps.practice.recordReview(review, ticked);
      cardIds = recorded.cardIds;
      return { score: recorded.score, maxScore: recorded.maxScore, cards: recorded.cards, xp: recorded.xp };
    },
    drillMissed: async () => deps.practice.drillCards(cardIds),
    closed: () => undefined,
  });
}

/** The command: the active Markdown editor's doc, reviewed with a cancellable progress notification. */
export async function reviewActiveDoc(deps: DocReviewDeps): Promise<DocReviewOutcome | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !isMarkdown(document)) {
    void vscode.window.showInformationMessage('Loop Prep: open a Markdown design doc (a case’s or the generic template) to review it.');
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Loop Prep: reviewing the design doc against its rubric…', cancellable: true },
    (_progress, token) => reviewDesignDoc(deps, document, { token }),
  );
}
