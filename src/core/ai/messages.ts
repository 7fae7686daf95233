/**
 * The one-line messages the user sees when AI feedback cannot run. Each says what happened, with which
 * model, and that the non-AI path still works. Errors are read by shape (`code`, `message`), since
 * `vscode.LanguageModelError` cannot be imported here.
 */
import type { AiFailure, AiFailureReason } from './types';

/** The setting that turns AI feedback off, named in messages. */
export const AI_ENABLED_SETTING = 'loopPrep.ai.enabled';
export const AI_MODEL_SETTING = 'loopPrep.ai.model';

function firstLine(text: string, max = 160): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line.trim();
}

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

const QUOTA = /quota|rate.?limit|too many requests|\b429\b|exhausted/i;

/** The message for an error a model request threw: each LanguageModelError code, quotas, anything else. */
export function modelErrorMessage(err: unknown, model: string): string {
  const code = err !== null && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : '';
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const text = firstLine(raw);
  if (QUOTA.test(raw) || QUOTA.test(code)) return `AI feedback: ${model} is over its quota or rate limit; try again later (your own grading works as before).`;
  switch (code) {
    case 'NoPermissions':
      return `AI feedback: Loop Prep has no permission to use ${model}; allow it under Manage Language Model Access in the Accounts menu.`;
    case 'Blocked':
      return `AI feedback: ${model} blocked the request${text ? ` (${text})` : ''}; try again later.`;
    case 'NotFound':
      return `AI feedback: the chat model ${model} is no longer available; choose another in ${AI_MODEL_SETTING}.`;
    default:
      return `AI feedback: ${model} failed${text ? `: ${text}` : ''}.`;
  }
}

export interface FailureDetail {
  readonly timeoutMs?: number;
  readonly detail?: string;
}

/** A typed failure with its message. `model` is the model's name, or for `no-model` the setting's value. */
export function failure(reason: AiFailureReason, model: string, detail: FailureDetail = {}): AiFailure {
  return { ok: false, reason, message: failureMessage(reason, model, detail) };
}

function failureMessage(reason: AiFailureReason, model: string, { timeoutMs, detail }: FailureDetail): string {
  switch (reason) {
    case 'disabled':
      return `AI feedback is turned off (${AI_ENABLED_SETTING}).`;
    case 'no-model':
      return model
        ? `AI feedback needs a chat model: "${model}" (${AI_MODEL_SETTING}) is not available here.`
        : 'AI feedback needs a chat model, and none is available (install or sign in to one, such as GitHub Copilot Chat).';
    case 'declined':
      return `AI feedback: nothing was sent to ${model}.`;
    case 'cancelled':
      return `AI feedback: the request to ${model} was cancelled.`;
    case 'timeout':
      return `AI feedback: ${model} did not answer within ${seconds(timeoutMs ?? 0)}.`;
    case 'invalid':
      return `AI feedback: ${model} twice replied in a shape Loop Prep cannot use${detail ? ` (${firstLine(detail, 120)})` : ''}.`;
    case 'error':
      return `AI feedback: ${model} failed${detail ? `: ${firstLine(detail)}` : ''}.`;
  }
}
