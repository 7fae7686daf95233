/**
 * The `@loopprep` chat participant: `/mock <case>` runs a mock interview in the Chat view, each message
 * a step of the interview; `/grade` grades the open design doc as "Review Design Doc with AI" does. The
 * handler is a plain function of its inputs, so tests call it with a fake response stream.
 */
import * as vscode from 'vscode';
import type { ContentIndex } from '../../core/content/types';
import type { MockStep } from '../../core/mock/interview';
import { escapeMarkdown } from '../../core/mock/summary';
import { CHAT_PARTICIPANT, Commands } from '../commands';
import { isMarkdown } from '../designDoc/documents';
import { log } from '../log';
import { platform } from '../platform';
import type { DocReviewOutcome } from './docReview';
import { findCase, type MockChat } from './mockChat';

/** The participant's id, as package.json's `chatParticipants` declares it. */
export const CHAT_PARTICIPANT_ID = CHAT_PARTICIPANT;

/** The parts of the response stream the handler writes to (a test passes a recorder). */
export type ChatStreamLike = Pick<vscode.ChatResponseStream, 'markdown' | 'button' | 'progress'>;
/** The parts of a request the handler reads. */
export type ChatRequestLike = Pick<vscode.ChatRequest, 'prompt' | 'command'>;
export type LoopPrepChatHandler = (
  request: ChatRequestLike,
  context: unknown,
  stream: ChatStreamLike,
  token: vscode.CancellationToken,
) => Promise<vscode.ChatResult>;

export interface ChatDeps {
  readonly index: () => Promise<ContentIndex>;
  readonly mock: MockChat;
  /** Grades a doc like the command, without opening the panel unless asked. */
  readonly grade: (document: vscode.TextDocument, token: vscode.CancellationToken) => Promise<DocReviewOutcome>;
}

const HELP =
  'I run mock interviews and grade design docs against their rubric.\n\n' +
  '- `/mock <case>`: a mock interview for a case (try `/mock rag-search`); answer each question, say `next` to move on or `end` to finish.\n' +
  '- `/grade`: grades the design doc open in the editor.';

function say(stream: ChatStreamLike, step: MockStep): void {
  stream.markdown(`${step.say.map(escapeMarkdown).join('\n\n')}\n\n_${escapeMarkdown(step.clock)}_`);
}

async function finish(deps: ChatDeps, stream: ChatStreamLike, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  stream.progress('Scoring your answers against the rubric…');
  const { finished, message } = await deps.mock.summarize(token);
  if (message) stream.markdown(`${escapeMarkdown(message)} Scoring by the rubric’s words instead.\n\n`);
  stream.markdown(finished.summary.markdown);
  if (finished.summary.missed.length) {
    const n = finished.summary.missed.length;
    stream.button({ command: Commands.mockMissesToCards, title: `Turn ${n} missed ${n === 1 ? 'point' : 'points'} into review cards` });
  }
  return { metadata: { mock: 'finished', score: finished.summary.score, maxScore: finished.summary.maxScore } };
}

async function mock(deps: ChatDeps, request: ChatRequestLike, stream: ChatStreamLike): Promise<vscode.ChatResult> {
  const index = await deps.index();
  const c = findCase(index, request.prompt);
  if (!c) {
    const list = index.cases.map((x) => `- \`${x.id}\`: ${escapeMarkdown(x.title)}`).join('\n');
    const asked = request.prompt.trim() ? `There is no case "${escapeMarkdown(request.prompt.trim())}". ` : '';
    stream.markdown(`${asked}Which case? Say \`/mock <case>\` with one of these:\n\n${list}`);
    return { metadata: { mock: 'no-case' } };
  }
  say(stream, deps.mock.start(c));
  return { metadata: { mock: 'started', caseId: c.id } };
}

async function grade(deps: ChatDeps, stream: ChatStreamLike, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  const document = vscode.window.activeTextEditor?.document ?? vscode.window.visibleTextEditors.find((e) => isMarkdown(e.document))?.document;
  if (!document || !isMarkdown(document)) {
    stream.markdown('Open a Markdown design doc in the editor first, then ask `/grade` again.');
    return { metadata: { grade: 'no-doc' } };
  }
  stream.progress('Reviewing the design doc against its rubric…');
  const outcome = await deps.grade(document, token);
  const points = outcome.review.sections.flatMap((s) => s.points);
  const made = points.filter((p) => p.evidenced).length;
  const lines = [`**${made} of ${points.length} rubric points** for ${escapeMarkdown(outcome.review.caseTitle)}.`, ''];
  if (outcome.message) lines.push(escapeMarkdown(outcome.message), '');
  else if (outcome.review.note) lines.push(escapeMarkdown(outcome.review.note), '');
  for (const s of outcome.review.sections)
    for (const p of s.points) lines.push(`- ${p.evidenced ? '✓' : '✗'} ${escapeMarkdown(p.text)}${p.reason ? ` (${escapeMarkdown(p.reason)})` : ''}`);
  lines.push('', 'The self-review panel has the same list: confirm it there to record the review and turn misses into cards.');
  stream.markdown(lines.join('\n'));
  return { metadata: { grade: outcome.via, made, total: points.length } };
}

/** The `@loopprep` handler. Never throws: a failure is logged and said in the chat. */
export function createChatHandler(deps: ChatDeps): LoopPrepChatHandler {
  return async (request, _context, stream, token) => {
    try {
      if (request.command === 'mock') return await mock(deps, request, stream);
      if (request.command === 'grade') return await grade(deps, stream, token);
      if (deps.mock.running) {
        const step = deps.mock.answer(request.prompt)!;
        say(stream, step);
        return step.state.status === 'done' ? await finish(deps, stream, token) : { metadata: { mock: 'running' } };
      }
      stream.markdown(HELP);
      return { metadata: { help: true } };
    } catch (err) {
      log().error(`@loopprep: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return {
        errorDetails: { message: `Loop Prep could not answer: ${err instanceof Error ? err.message : String(err)}. Details are in "Loop Prep: Show Log".` },
      };
    }
  };
}

/** True when this VS Code can host chat participants (the API, and a Chat view to open). */
export async function chatAvailable(): Promise<boolean> {
  const chat = (vscode as { chat?: { createChatParticipant?: unknown } }).chat;
  if (typeof chat?.createChatParticipant !== 'function') return false;
  return (await vscode.commands.getCommands(true)).includes('workbench.action.chat.open');
}

/** Registers `@loopprep` where chat exists; returns undefined (and logs why) where it does not. */
export function registerChatParticipant(context: vscode.ExtensionContext, handler: LoopPrepChatHandler): vscode.ChatParticipant | undefined {
  try {
    const participant = platform().createChatParticipant(CHAT_PARTICIPANT_ID, handler);
    if (!participant) {
      log().info('@loopprep: this VS Code has no chat API; the mock interviewer is not available here');
      return undefined;
    }
    participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    context.subscriptions.push(participant);
    return participant;
  } catch (err) {
    log().warn(`@loopprep could not be registered: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
