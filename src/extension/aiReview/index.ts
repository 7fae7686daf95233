/**
 * AI feedback on design docs and the mock interviewer: "Review Design Doc with AI", the `@loopprep` chat
 * participant (`/mock`, `/grade`), "Start Mock Interview in Chat" and "Turn Mock Interview Misses into
 * Cards". `registerAiReview` is the one entry point; everything falls back to the non-AI path.
 */
import * as vscode from 'vscode';
import type { PracticePhase } from '../../core/practice/phases';
import { Commands } from '../commands';
import type { ContentService } from '../content/contentService';
import { log } from '../log';
import { pickCase } from '../pickers';
import type { PracticeApi, RecordedReview } from '../practice';
import { phasesFromSettings } from '../practice/practiceActions';
import { registerCommand } from '../registerCommand';
import type { AiPort } from './aiPort';
import { chatAvailable, createChatHandler, registerChatParticipant, type LoopPrepChatHandler } from './chatParticipant';
import { reviewActiveDoc, reviewDesignDoc, type DocReviewDeps, type DocReviewOutcome } from './docReview';
import { MockChat } from './mockChat';
import { AI_REVIEW_DIAGNOSTICS, ReviewDiagnostics } from './reviewDiagnostics';

export type { DocReviewOutcome } from './docReview';

/** What registerAiReview returns: the entry points, and hooks for tests. */
export interface AiReviewApi {
  readonly diagnosticCollectionName: string;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Reviews a doc (default: the active editor's) as the command does; `openPanel: false` skips the panel. */
  reviewDoc(document?: vscode.TextDocument, openPanel?: boolean): Promise<DocReviewOutcome | undefined>;
  /** The `@loopprep` handler, callable with a fake stream. */
  readonly chatHandler: LoopPrepChatHandler;
  /** True when `@loopprep` was registered with VS Code's chat. */
  readonly chatRegistered: boolean;
  readonly mock: MockChat;
  /** Overrides the mock's phases (seconds); undefined goes back to `loopPrep.practice.phases`. */
  setMockPhases(phases: readonly PracticePhase[] | undefined): void;
  /** "Turn Mock Interview Misses into Cards": records the last mock; undefined when there is none to record. */
  mockMissesToCards(): Promise<RecordedReview | undefined>;
  /** Every fallback message the doc review has shown, oldest first. */
  messages(): readonly string[];
}

export function registerAiReview(
  context: vscode.ExtensionContext,
  deps: {
    readonly content: ContentService;
    readonly practice: PracticeApi;
    readonly ai: AiPort | undefined;
    readonly verifyQuote: (source: string, quote: string) => boolean;
  },
): AiReviewApi {
  const diagnostics = new ReviewDiagnostics();
  context.subscriptions.push(diagnostics);
  const shown: string[] = [];
  const notify = (message: string) => {
    shown.push(message);
    void vscode.window.showInformationMessage(message);
  };
  const reviewDeps: DocReviewDeps = { extensionUri: context.extensionUri, diagnostics, notify, ...deps };
  let mockPhases: readonly PracticePhase[] | undefined;
  const mock = new MockChat({ ai: deps.ai, verifyQuote: deps.verifyQuote, now: () => Date.now(), phases: () => mockPhases ?? phasesFromSettings() });
  const chatHandler = createChatHandler({
    index: async () => {
      await deps.content.ensureLoaded();
      return deps.content.index;
    },
    mock,
    grade: (document, token) => reviewDesignDoc(reviewDeps, document, { token }),
  });
  const participant = registerChatParticipant(context, chatHandler);

  async function mockMissesToCards(): Promise<RecordedReview | undefined> {
    const finished = mock.finished;
    if (!finished || finished.recorded) {
      const why = finished
        ? 'the last mock interview’s misses are already cards'
        : 'there is no finished mock interview yet: run `@loopprep /mock <case>` in Chat';
      void vscode.window.showInformationMessage(`Loop Prep: ${why}.`);
      return undefined;
    }
    finished.recorded = true;
    const recorded = await deps.practice.recordReview(finished.review, finished.made);
    log().info(`mock interview of ${finished.caseId} recorded: ${recorded.score}/${recorded.maxScore}, ${recorded.cards} rubric cards`);
    void vscode.window.showInformationMessage(
      `Loop Prep: recorded the mock interview (${recorded.score} of ${recorded.maxScore} points); ${recorded.cards} missed points are now review cards.`,
    );
    return recorded;
  }

  async function startMockInChat(arg?: unknown): Promise<boolean> {
    if (!participant || !(await chatAvailable())) {
      void vscode.window.showInformationMessage(
        'Loop Prep: the mock interviewer runs in VS Code’s Chat view, which is not available in this VS Code (it needs the chat API and a Chat view). "Practise a Case" runs a timed practice instead.',
      );
      return false;
    }
    await deps.content.ensureLoaded();
    const id = typeof arg === 'string' ? arg : await pickCase(deps.content.index, 'Mock interview for which case?');
    if (!id) return false;
    await vscode.commands.executeCommand('workbench.action.chat.open', { query: `@loopprep /mock ${id}` });
    return true;
  }

  const register = registerCommand(context);
  register(Commands.reviewDesignDocWithAi, 'Review Design Doc with AI', () => reviewActiveDoc(reviewDeps));
  register(Commands.mockInterview, 'Start Mock Interview in Chat', startMockInChat);
  register(Commands.mockMissesToCards, 'Turn Mock Interview Misses into Cards', mockMissesToCards);

  return {
    diagnosticCollectionName: AI_REVIEW_DIAGNOSTICS,
    diagnostics: diagnostics.collection,
    reviewDoc: async (document, openPanel = true) => {
      const doc = document ?? vscode.window.activeTextEditor?.document;
      return doc ? reviewDesignDoc(reviewDeps, doc, { openPanel }) : undefined;
    },
    chatHandler,
    chatRegistered: participant !== undefined,
    mock,
    setMockPhases: (phases) => {
      mockPhases = phases;
    },
    mockMissesToCards,
    messages: () => [...shown],
  };
}
