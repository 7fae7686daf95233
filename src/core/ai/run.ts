/**
 * Running one request against a model, with no VS Code in sight: streaming, a timeout, cancellation,
 * token counts, and for structured requests the JSON check with one retry. The extension adapts
 * `vscode.lm` to `ModelPort`; tests pass a fake with a controllable clock.
 */
import type * as z from 'zod/mini';
import type { Clock } from '../practice/timer';
import { CancelSource, type CancelSignal } from './cancel';
import { failure, modelErrorMessage } from './messages';
import { parseModelJson, retryMessage } from './json';
import type { AiChatOutcome, AiFailure, AiOutcome, ChatMessage } from './types';

/** One chat model, as the runner sees it. */
export interface ModelPort {
  /** How the user knows the model ("Copilot GPT-4o (copilot/gpt-4o)"). */
  readonly name: string;
  /** Starts a request; the stream yields the reply's text. `abort` fires on timeout or cancellation. Rejects on failure. */
  send(messages: readonly ChatMessage[], abort: CancelSignal): PromiseLike<AsyncIterable<string>>;
  countTokens(text: string): PromiseLike<number>;
}

export interface RunOptions {
  readonly clock: Clock;
  /** Per attempt (a retry gets its own). */
  readonly timeoutMs: number;
  readonly token?: CancelSignal;
  /** Each streamed piece of text as it arrives. */
  readonly onText?: (text: string) => void;
}

type Streamed = { ok: true; text: string } | { ok: false; failure: AiFailure };

/** Streams one reply; settles at the first of: the end of the stream, an error, the timeout, cancellation. */
export function streamReply(port: ModelPort, messages: readonly ChatMessage[], options: RunOptions): Promise<Streamed> {
  const inner = new CancelSource();
  return new Promise<Streamed>((resolve) => {
    let done = false;
    // Filled in below; `finish` may run before either is set (a token cancelled while subscribing).
    const handles: { timer?: unknown; sub?: { dispose(): void } } = {};
    const finish = (result: Streamed) => {
      if (done) return;
      done = true;
      if (handles.timer !== undefined) options.clock.clearTimeout(handles.timer);
      handles.sub?.dispose();
      if (!result.ok) inner.cancel();
      resolve(result);
    };
    const cancelled = () => finish({ ok: false, failure: failure('cancelled', port.name) });
    if (options.token?.isCancellationRequested) return cancelled();
    handles.sub = options.token?.onCancellationRequested(cancelled);
    if (done) return handles.sub?.dispose();
    handles.timer = options.clock.setTimeout(
      () => finish({ ok: false, failure: failure('timeout', port.name, { timeoutMs: options.timeoutMs }) }),
      options.timeoutMs,
    );
    void (async () => {
      const stream = await port.send(messages, inner.token);
      let text = '';
      for await (const part of stream) {
        if (done) return;
        text += part;
        options.onText?.(part);
      }
      finish({ ok: true, text });
    })().catch((err: unknown) => finish({ ok: false, failure: { ok: false, reason: 'error', message: modelErrorMessage(err, port.name) } }));
  });
}

async function tokens(port: ModelPort, texts: readonly string[]): Promise<number> {
  let sum = 0;
  for (const text of texts) {
    try {
      sum += await port.countTokens(text);
    } catch {
      sum += Math.ceil(text.length / 4); // an estimate rather than no number when the model cannot count
    }
  }
  return sum;
}

/** A free-text request: the streamed reply, with token counts. */
export async function runChat(port: ModelPort, messages: readonly ChatMessage[], options: RunOptions): Promise<AiChatOutcome> {
  const started = options.clock.now();
  const reply = await streamReply(port, messages, options);
  if (!reply.ok) return reply.failure;
  const [tokensIn, tokensOut] = [
    await tokens(
      port,
      messages.map((m) => m.text),
    ),
    await tokens(port, [reply.text]),
  ];
  return { ok: true, text: reply.text, model: port.name, tokensIn, tokensOut, ms: options.clock.now() - started };
}

/**
 * A structured request: the reply must hold a JSON object that `schema` accepts. An unusable reply gets
 * one retry that tells the model what was wrong; a second one ends in `invalid`.
 */
export async function runJson<T>(port: ModelPort, messages: readonly ChatMessage[], schema: z.ZodMiniType<T>, options: RunOptions): Promise<AiOutcome<T>> {
  const started = options.clock.now();
  let sent: readonly ChatMessage[] = messages;
  let tokensIn = 0;
  let tokensOut = 0;
  let lastError = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const reply = await streamReply(port, sent, options);
    if (!reply.ok) return reply.failure;
    tokensIn += await tokens(
      port,
      sent.map((m) => m.text),
    );
    tokensOut += await tokens(port, [reply.text]);
    const parsed = parseModelJson(reply.text, schema);
    if (parsed.ok) return { ok: true, value: parsed.value, model: port.name, tokensIn, tokensOut, ms: options.clock.now() - started };
    lastError = parsed.error;
    sent = [...messages, { role: 'assistant', text: reply.text }, { role: 'user', text: retryMessage(parsed.error) }];
  }
  return failure('invalid', port.name, { detail: lastError });
}
