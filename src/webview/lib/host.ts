/** The webview's side of the host connection: typed postMessage, view state, and error reporting. */
import { MAX_WEBVIEW_ERROR_LENGTH } from '../../shared/protocol';

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

export interface Host<Out, S> {
  post(message: Out): void;
  getState(): S | undefined;
  setState(state: S): void;
}

let api: VsCodeApi<unknown> | undefined;

/** Connects once; reports uncaught errors to the host so they land in the Loop Prep log. */
export function connect<Out, S = unknown>(): Host<Out, S> {
  api ??= acquireVsCodeApi<unknown>();
  const vscode = api as VsCodeApi<S>;
  // Cut here as the host would: the text of a runaway error never crosses the bridge whole.
  const report = (what: unknown) => vscode.postMessage({ type: 'webviewError', message: String(what).slice(0, MAX_WEBVIEW_ERROR_LENGTH) || 'unknown error' });
  window.addEventListener('error', (e) => report(e.message));
  window.addEventListener('unhandledrejection', (e) => report(e.reason));
  return {
    post: (m) => vscode.postMessage(m),
    getState: () => vscode.getState(),
    setState: (s) => vscode.setState(s),
  };
}

/** Listens for host messages; the caller validates their shape with the schema from src/shared. */
export function onHostMessage(handler: (message: unknown) => void): void {
  window.addEventListener('message', (e: MessageEvent) => handler(e.data));
}
