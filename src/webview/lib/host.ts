/** The webview's side of the host connection: typed postMessage, view state, and error reporting. */

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
  window.addEventListener('error', (e) => vscode.postMessage({ type: 'webviewError', message: String(e.message).slice(0, 1000) }));
  window.addEventListener('unhandledrejection', (e) => vscode.postMessage({ type: 'webviewError', message: String(e.reason).slice(0, 1000) }));
  return {
    post: (m) => vscode.postMessage(m),
    getState: () => vscode.getState(),
    setState: (s) => vscode.setState(s),
  };
}

/** Listens for host messages; the caller validates their shape. */
export function onHostMessage(handler: (message: unknown) => void): void {
  window.addEventListener('message', (e: MessageEvent) => handler(e.data));
}
