/**
 * Appending to this window's journal segments. `JournalFs` can only replace a whole file (that is all
 * `vscode.workspace.fs` offers), so the writer keeps its open segment's text in memory, rewrites it on
 * each append, and starts a new segment once one passes `SEGMENT_BYTES`, which bounds the cost of an
 * append whatever the journal's size. Writes are queued one at a time, so two appends in flight can never
 * land out of order and drop a line. A failed write is retried with the next append (the text is kept)
 * and reported once through `onError`; the review itself is already in globalState.
 */
import { headerLine, segmentName, withAnswer } from './journal';
import type { JournalFs } from './journal';

/** A segment is closed once it passes this size: an append rewrites at most about this much. */
export const SEGMENT_BYTES = 64 * 1024;

/** Where appended lines go. The store calls `append` for every change it makes. */
export interface JournalSink {
  /** Queues lines (no newlines inside) and resolves once they are on disk, or the write failed. */
  append(lines: readonly string[]): Promise<void>;
}

/** One window's segments. */
export class JournalWriter implements JournalSink {
  private n = 0;
  private text = '';
  private dirty = new Set<number>();
  private readonly closed = new Map<number, string>();
  private queue: Promise<void> = Promise.resolve();
  private failed = false;
  /** Lines appended since creation. */
  appended = 0;

  constructor(
    private readonly fs: JournalFs,
    private readonly writer: string,
    private readonly startedAt: number,
    private readonly onError: (message: string) => void,
  ) {}

  private answer: { cardId: string; at: number; text: string } | undefined;

  /**
   * The review line of `cardId` at `at` (ms), when it passes through `append`, carries `text`: the answer
   * typed before the reveal. Call it just before recording that review; one answer waits at a time.
   */
  attachAnswer(cardId: string, at: number, text: string): void {
    this.answer = { cardId, at, text };
  }

  append(lines: readonly string[]): Promise<void> {
    if (!lines.length || this.isClosed) return this.queue;
    const answer = this.answer;
    if (answer) {
      const tagged = lines.map((l) => withAnswer(l, answer.cardId, answer.at, answer.text));
      if (tagged.some((l, i) => l !== lines[i])) this.answer = undefined;
      lines = tagged;
    }
    for (const line of lines) {
      if (!this.text) this.text = `${headerLine(this.writer, this.startedAt)}\n`;
      this.text += `${line}\n`;
      this.dirty.add(this.n);
      this.appended++;
      if (this.text.length >= SEGMENT_BYTES) {
        this.closed.set(this.n, this.text);
        this.n++;
        this.text = '';
      }
    }
    this.queue = this.queue.then(() => this.flush());
    return this.queue;
  }

  private isClosed = false;

  /** Stops taking lines (the store it served was replaced); resolves once what was taken is written. */
  close(): Promise<void> {
    this.isClosed = true;
    return this.queue;
  }

  /** Resolves when everything appended so far has been written (or has failed). */
  whenWritten(): Promise<void> {
    return this.queue;
  }

  private async flush(): Promise<void> {
    const pending = [...this.dirty].sort((a, b) => a - b);
    for (const n of pending) {
      const text = n === this.n ? this.text : this.closed.get(n);
      if (text === undefined) continue;
      this.dirty.delete(n);
      try {
        await this.fs.write(segmentName(this.startedAt, this.writer, n), text);
        this.closed.delete(n);
        this.failed = false;
      } catch (err) {
        this.dirty.add(n);
        if (!this.failed)
          this.onError(
            `could not write the journal segment ${segmentName(this.startedAt, this.writer, n)}: ${err instanceof Error ? err.message : String(err)}`,
          );
        this.failed = true;
        return;
      }
    }
  }
}
