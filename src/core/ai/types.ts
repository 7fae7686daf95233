/**
 * The shapes every AI feature shares: what a request carries and what it ends in. Pure: the VS Code side
 * (src/extension/ai) adapts `vscode.lm` to `ModelPort` (run.ts).
 */

/** One message of a conversation. VS Code's chat API has user and assistant roles only. */
export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** A piece of the user's material (a typed answer, a design doc), sent as delimited data. */
export interface AiData {
  /** A short name for the block, shown to the model ("answer", "design doc"). */
  readonly label: string;
  readonly text: string;
}

/** Why a request did not produce a value. Callers fall back to the non-AI path on every one of them. */
export type AiFailureReason = 'disabled' | 'no-model' | 'declined' | 'cancelled' | 'timeout' | 'error' | 'invalid';

export interface AiFailure {
  readonly ok: false;
  readonly reason: AiFailureReason;
  /** One line for the user: what happened, with which model, and what to do. */
  readonly message: string;
}

/** The end of a structured request: a validated value, or a typed failure. */
export type AiOutcome<T> =
  { readonly ok: true; readonly value: T; readonly model: string; readonly tokensIn: number; readonly tokensOut: number; readonly ms: number } | AiFailure;

/** The end of a free-text (streamed) chat request. */
export type AiChatOutcome =
  { readonly ok: true; readonly text: string; readonly model: string; readonly tokensIn: number; readonly tokensOut: number; readonly ms: number } | AiFailure;
