/**
 * The part of the webview host that needs no VS Code: one message at a time, validated dispatch, the
 * `ready` handshake, error logging with one set of limits, and a dispose guard. The extension's
 * `WebviewHost` (src/extension/webview/host.ts) binds one to a real webview; unit tests drive one with
 * fakes. Every panel and view speaks through one of these, so they all behave alike.
 */
import { check, type CommonWebviewMessage, type MessageSchema } from '../../shared/protocol';
import { preview } from '../content/valueBounds';

/** Where the channel writes what went wrong. */
export interface ChannelLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface Disposer {
  dispose(): void;
}

/** One way for tests to watch any webview: readiness, and the messages it was sent and sent back. */
export interface ChannelProbe<In, Out> {
  /** True once the webview said `ready` (and until it is rebuilt or disposed). */
  readonly ready: boolean;
  readonly disposed: boolean;
  /** Messages the webview took (postMessage resolved true). */
  readonly posted: number;
  readonly lastPosted: Out | undefined;
  /** Called with each message the webview took. */
  onDidPost(listener: (msg: Out) => void): Disposer;
  /** Called with each valid message from the webview (`ready` too), once its handler has finished. */
  onDidReceive(listener: (msg: In | CommonWebviewMessage) => void): Disposer;
}

export interface ChannelOptions<In extends { readonly type: string }, Out> {
  /** For the log: "drill", "reader", "self-review", "progress view". */
  readonly name: string;
  /** Validates what the webview sends; the same schema the webview's code is typed from. */
  readonly schema: MessageSchema<In | CommonWebviewMessage>;
  /** Hands a message to the webview; resolves to whether it took it. */
  readonly deliver: (msg: Out) => PromiseLike<boolean> | boolean;
  readonly log: ChannelLog;
  /** Called after each `ready`: the webview is (again) empty and wants its content. */
  readonly onReady: () => void | Promise<void>;
  /** Handles every other valid message, one at a time. */
  readonly onMessage: (msg: In) => void | Promise<void>;
  /** After a handler failed and the failure was logged: tell the user, if the panel can. */
  readonly onFailure?: (err: unknown) => void;
  /** After each message, whether it was handled or not (the drill saves its session here). */
  readonly afterEach?: () => void;
}

/** A short description of an unexpected webview message for the log; bounded, whatever was sent. */
export function describeMessage(v: unknown): string {
  if (!v || typeof v !== 'object') return preview(v, 300);
  const type = (v as { type?: unknown }).type;
  return `{ type: ${preview(type, 80)}, keys: ${Object.keys(v)
    .slice(0, 10)
    .map((k) => preview(k, 40))
    .join(', ')} }`;
}

/** An error's stack, or its text, for the log. */
export const errorText = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/** An error's message alone, for the user. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class WebviewChannel<In extends { readonly type: string }, Out> implements ChannelProbe<In, Out>, Disposer {
  private queue: Promise<void> = Promise.resolve();
  private isReady = false;
  private isDisposed = false;
  private count = 0;
  private last: Out | undefined;
  private readonly postListeners = new Set<(msg: Out) => void>();
  private readonly receiveListeners = new Set<(msg: In | CommonWebviewMessage) => void>();

  constructor(private readonly options: ChannelOptions<In, Out>) {}

  get ready(): boolean {
    return this.isReady;
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  get posted(): number {
    return this.count;
  }

  get lastPosted(): Out | undefined {
    return this.last;
  }

  /**
   * Takes a raw message from the webview. Messages are handled in arrival order, each after the last
   * has finished, so a fast second key press never overlaps a rating being written. Resolves when this
   * one is done; never rejects.
   */
  receive(raw: unknown): Promise<void> {
    if (this.isDisposed) return Promise.resolve();
    this.queue = this.queue.then(() => this.handle(raw)).catch((err: unknown) => this.options.log.error(`${this.options.name}: ${errorText(err)}`));
    return this.queue;
  }

  /** Sends to the webview once it is ready; resolves to whether the webview took it. Never throws. */
  async post(msg: Out): Promise<boolean> {
    if (!this.isReady || this.isDisposed) return false;
    let took: boolean;
    try {
      took = await this.options.deliver(msg);
    } catch (err) {
      // A webview disposed between the check and the post throws; that is not worth more than a line.
      this.options.log.warn(`${this.options.name}: a message to the webview was not delivered: ${errorMessage(err)}`);
      return false;
    }
    if (!took || this.isDisposed) return false;
    this.count++;
    this.last = msg;
    for (const l of [...this.postListeners]) l(msg);
    return true;
  }

  onDidPost(listener: (msg: Out) => void): Disposer {
    this.postListeners.add(listener);
    return { dispose: () => this.postListeners.delete(listener) };
  }

  onDidReceive(listener: (msg: In | CommonWebviewMessage) => void): Disposer {
    this.receiveListeners.add(listener);
    return { dispose: () => this.receiveListeners.delete(listener) };
  }

  /** Stops sending and taking messages. Safe to call more than once; returns whether this call did it. */
  dispose(): boolean {
    if (this.isDisposed) return false;
    this.isDisposed = true;
    this.isReady = false;
    this.postListeners.clear();
    this.receiveListeners.clear();
    return true;
  }

  private async handle(raw: unknown): Promise<void> {
    const { name, log } = this.options;
    const checked = check(this.options.schema, raw);
    if (!checked.ok) {
      log.warn(`${name}: ignored an unexpected message (${checked.problem}): ${describeMessage(raw)}`);
      this.options.afterEach?.();
      return;
    }
    const msg = checked.value;
    try {
      if (msg.type === 'ready') {
        if (this.isDisposed) return;
        this.isReady = true;
        await this.options.onReady();
      } else if (msg.type === 'webviewError') {
        log.error(`${name} webview: ${(msg as { message: string }).message}`);
      } else {
        await this.options.onMessage(msg as In);
      }
    } catch (err) {
      log.error(`${name}: ${errorText(err)}`);
      try {
        this.options.onFailure?.(err);
      } catch (again) {
        log.error(`${name}: ${errorText(again)}`);
      }
    }
    try {
      this.options.afterEach?.();
    } catch (err) {
      log.error(`${name}: ${errorText(err)}`);
    }
    for (const l of [...this.receiveListeners]) l(msg);
  }
}
