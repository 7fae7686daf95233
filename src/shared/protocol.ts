/**
 * The envelope every webview speaks. A webview posts `ready` once its script has loaded; the host sends
 * nothing before that, so no message is lost to a view that is still booting. Panel-specific messages
 * extend these unions in their own files.
 */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Sent by a webview when its own code fails, so the host can log it with context. */
export interface WebviewErrorMessage {
  readonly type: 'webviewError';
  readonly message: string;
}

export type CommonWebviewMessage = ReadyMessage | WebviewErrorMessage;
