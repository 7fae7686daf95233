/** Cancellation without VS Code: the shape of `vscode.CancellationToken` that the AI code needs, and a source. */

export interface CancelSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** A cancellation source: `cancel()` fires every listener once; a listener added after that fires at once. */
export class CancelSource {
  private readonly listeners = new Set<() => void>();
  private cancelled = false;

  readonly token: CancelSignal = {
    isCancellationRequested: false,
    onCancellationRequested: (listener) => {
      if (this.cancelled) {
        listener();
        return { dispose() {} };
      }
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    },
  };

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    (this.token as { isCancellationRequested: boolean }).isCancellationRequested = true;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const l of listeners) l();
  }
}
