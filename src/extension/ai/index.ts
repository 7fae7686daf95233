/**
 * AI feedback through the editor's own chat models (`vscode.lm`): the one service every AI feature uses.
 * `registerAi` is the entry point; features get the service and fall back to their non-AI path on every
 * failure it returns.
 */
import * as vscode from 'vscode';
import { aiSettings } from '../config';
import { log } from '../log';
import { AiService } from './service';

export { AiService, AI_TIMEOUT_MS, modelLabel } from './service';
export type { AiChatOptions, AiRequest, AiServiceDeps, AiSettings, ChatModelLike, LmLike } from './service';
export type { AiChatOutcome, AiData, AiFailure, AiOutcome, ChatMessage } from '../../core/ai/types';

export function registerAi(context: vscode.ExtensionContext): AiService {
  return new AiService({
    memento: context.globalState,
    settings: aiSettings,
    log: (level, line) => (level === 'info' ? log().info(line) : log().warn(line)),
  });
}
