/**
 * The one AI service. It picks a chat model through `vscode.lm` (settings `loopPrep.ai.enabled` and
 * `loopPrep.ai.model`), asks once per model before anything is sent, streams, cancels, times out, logs the
 * tokens sent and received, and turns every failure into a typed outcome with one clear line for the user,
 * so each caller falls back to its non-AI path. Requests only ever start from a user action; nothing here
 * runs in the background. The work itself (retry, timeout, parsing) is pure: core/ai/run.ts.
 */
import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import type { CancelSignal } from '../../core/ai/cancel';
import { ConsentStore, modelKey } from '../../core/ai/consent';
import { failure } from '../../core/ai/messages';
import { buildPrompt } from '../../core/ai/prompt';
import { runChat, runJson, type ModelPort } from '../../core/ai/run';
import type { AiChatOutcome, AiData, AiFailure, AiOutcome, ChatMessage } from '../../core/ai/types';
import type { Clock } from '../../core/practice/timer';
import type { MementoLike } from '../../core/review/types';

export type { AiChatOutcome, AiData, AiFailure, AiOutcome, ChatMessage } from '../../core/ai/types';

/** The 30 s the issue asks for; tests shorten it through `AiService.timeoutMs`. */
export const AI_TIMEOUT_MS = 30_000;

/** The part of `vscode.LanguageModelChat` the service uses (a fake in tests implements just this). */
export interface ChatModelLike {
  readonly id: string;
  readonly vendor: string;
  readonly family: string;
  readonly name: string;
  sendRequest(
    messages: vscode.LanguageModelChatMessage[],
    options?: vscode.LanguageModelChatRequestOptions,
    token?: vscode.CancellationToken,
  ): Thenable<{ readonly text: AsyncIterable<string> }>;
  countTokens(text: string, token?: vscode.CancellationToken): Thenable<number>;
}

/** The part of `vscode.lm` the service uses. */
export interface LmLike {
  selectChatModels(selector?: vscode.LanguageModelChatSelector): Thenable<readonly ChatModelLike[]>;
}

export interface AiSettings {
  readonly enabled: boolean;
  /** `vendor/family`, or '' for the first model available. */
  readonly model: string;
}

/** A structured request. The reply must be a JSON object that `schema` accepts. */
export interface AiRequest<T> {
  /** A short tag for the log: "grade-answer", "review-doc". */
  readonly purpose: string;
  /** What is sent, in the user's words, for the consent notice: "your typed answer", "this design doc". */
  readonly what: string;
  /** The instructions: role, task and reply format. Never user text. */
  readonly system: string;
  /** The user's material, sent as delimited data (core/ai/prompt.ts). */
  readonly data: readonly AiData[];
  readonly schema: z.ZodMiniType<T>;
  readonly token?: vscode.CancellationToken;
  /** Return the failure without showing its message (a caller that shows it in its own UI). */
  readonly quiet?: boolean;
}

export interface AiChatOptions {
  readonly purpose?: string;
  readonly what?: string;
  readonly quiet?: boolean;
}

/** What the service needs from VS Code; tests pass fakes. */
export interface AiServiceDeps {
  /** Defaults to `vscode.lm` when this VS Code has `selectChatModels`. */
  readonly lm?: LmLike;
  readonly memento: MementoLike;
  readonly settings: () => AiSettings;
  /** Asks the user, in one line, whether `model` may see `what`; true to go ahead. */
  readonly confirm?: (notice: string) => Thenable<boolean>;
  /** Shows a failure's one-line message. */
  readonly notify?: (message: string) => void;
  readonly log?: (level: 'info' | 'warn', line: string) => void;
  readonly clock?: Clock;
}

const realClock: Clock = { now: () => Date.now(), setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

/** The model as the user knows it: "GPT-4o (copilot/gpt-4o)". */
export const modelLabel = (m: ChatModelLike): string => `${m.name} (${m.vendor}/${m.family})`;

function lmOfThisVsCode(): LmLike | undefined {
  const lm = (vscode as { lm?: Partial<LmLike> }).lm;
  return typeof lm?.selectChatModels === 'function' ? (lm as LmLike) : undefined;
}

/** A vscode.lm model as a `ModelPort` for core/ai/run.ts. */
function portOf(model: ChatModelLike, justification: string): ModelPort {
  return {
    name: modelLabel(model),
    async send(messages: readonly ChatMessage[], abort: CancelSignal) {
      const source = new vscode.CancellationTokenSource();
      const sub = abort.onCancellationRequested(() => source.cancel());
      const chat = messages.map((m) => (m.role === 'user' ? vscode.LanguageModelChatMessage.User(m.text) : vscode.LanguageModelChatMessage.Assistant(m.text)));
      try {
        const response = await model.sendRequest(chat, { justification }, source.token);
        return (async function* () {
          try {
            for await (const part of response.text) yield part;
          } finally {
            sub.dispose();
            source.dispose();
          }
        })();
      } catch (err) {
        sub.dispose();
        source.dispose();
        throw err;
      }
    },
    countTokens: (text) => model.countTokens(text),
  };
}

export class AiService {
  /** Per attempt; tests shorten it. */
  timeoutMs = AI_TIMEOUT_MS;
  /** Integration tests answer the consent notice and see the messages here instead of in the UI. */
  readonly testHooks: { confirm?: (notice: string) => Thenable<boolean>; notify?: (message: string) => void } = {};
  readonly consent: ConsentStore;
  private readonly clock: Clock;

  constructor(private readonly deps: AiServiceDeps) {
    this.consent = new ConsentStore(deps.memento);
    this.clock = deps.clock ?? realClock;
  }

  private get lm(): LmLike | undefined {
    return this.deps.lm ?? lmOfThisVsCode();
  }

  /** The model a request would use now, or the failure it would end in; sends nothing and asks nothing. */
  async pickModel(): Promise<{ ok: true; model: ChatModelLike; label: string } | AiFailure> {
    const settings = this.deps.settings();
    if (!settings.enabled) return failure('disabled', '');
    const wanted = settings.model.trim();
    const [vendor, family] = wanted.includes('/') ? [wanted.slice(0, wanted.indexOf('/')), wanted.slice(wanted.indexOf('/') + 1)] : [wanted, ''];
    const lm = this.lm;
    if (!lm) return failure('no-model', wanted);
    try {
      const selector: vscode.LanguageModelChatSelector = wanted ? (family ? { vendor, family } : { vendor }) : {};
      const model = (await lm.selectChatModels(selector))[0];
      return model ? { ok: true, model, label: modelLabel(model) } : failure('no-model', wanted);
    } catch (err) {
      this.log('warn', `AI: listing chat models failed: ${err instanceof Error ? err.message : String(err)}`);
      return failure('no-model', wanted);
    }
  }

  /** A structured request; see `AiRequest`. Never throws. */
  async request<T>(req: AiRequest<T>): Promise<AiOutcome<T>> {
    const ready = await this.prepare(req.what, req.purpose, req.quiet);
    if (!ready.ok) return ready;
    let messages: ChatMessage[];
    try {
      messages = buildPrompt({ system: req.system, data: req.data }).messages;
    } catch (err) {
      return this.failed(req.purpose, { ok: false, reason: 'error', message: `AI feedback: ${err instanceof Error ? err.message : String(err)}.` }, req.quiet);
    }
    const out = await runJson(ready.port, messages, req.schema, { clock: this.clock, timeoutMs: this.timeoutMs, token: req.token });
    return out.ok ? this.succeeded(req.purpose, out) : this.failed(req.purpose, out, req.quiet);
  }

  /** A free-text request whose reply streams to `onText` (the mock interviewer). Never throws. */
  async chat(
    messages: readonly ChatMessage[],
    token?: vscode.CancellationToken,
    onText?: (text: string) => void,
    options: AiChatOptions = {},
  ): Promise<AiChatOutcome> {
    const purpose = options.purpose ?? 'chat';
    const ready = await this.prepare(options.what ?? 'your chat messages', purpose, options.quiet);
    if (!ready.ok) return ready;
    const out = await runChat(ready.port, messages, { clock: this.clock, timeoutMs: this.timeoutMs, token, onText });
    return out.ok ? this.succeeded(purpose, out) : this.failed(purpose, out, options.quiet);
  }

  private async prepare(what: string, purpose: string, quiet?: boolean): Promise<{ ok: true; port: ModelPort } | AiFailure> {
    const picked = await this.pickModel();
    if (!picked.ok) return this.failed(purpose, picked, quiet);
    const key = modelKey(picked.model);
    if (!this.consent.has(key)) {
      const notice = `Loop Prep will send ${what} to ${picked.label} to get AI feedback; allow this model?`;
      const yes = await Promise.resolve(this.confirm(notice)).catch(() => false);
      if (!yes) return this.failed(purpose, failure('declined', picked.label), true);
      await this.consent.grant(key);
    }
    return { ok: true, port: portOf(picked.model, `Loop Prep sends ${what} for feedback.`) };
  }

  private confirm(notice: string): Thenable<boolean> {
    const confirm = this.testHooks.confirm ?? this.deps.confirm;
    if (confirm) return confirm(notice);
    return vscode.window.showInformationMessage(notice, { modal: true }, 'Allow').then((pick) => pick === 'Allow');
  }

  private succeeded<O extends { model: string; tokensIn: number; tokensOut: number; ms: number }>(purpose: string, out: O): O {
    this.log('info', `AI ${purpose}: ${out.model}, ${out.tokensIn} tokens in, ${out.tokensOut} out, ${out.ms} ms`);
    return out;
  }

  private failed(purpose: string, out: AiFailure, quiet?: boolean): AiFailure {
    this.log(out.reason === 'cancelled' || out.reason === 'declined' ? 'info' : 'warn', `AI ${purpose}: ${out.reason}: ${out.message}`);
    // The user cancelled or declined: they know; anything else gets its one line.
    if (!quiet && out.reason !== 'cancelled' && out.reason !== 'declined') {
      const notify = this.testHooks.notify ?? this.deps.notify;
      if (notify) notify(out.message);
      else void vscode.window.showWarningMessage(out.message);
    }
    return out;
  }

  private log(level: 'info' | 'warn', line: string): void {
    this.deps.log?.(level, line);
  }
}
