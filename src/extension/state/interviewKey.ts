/**
 * The interview key in globalState (core/interview/storage.ts holds its format), read and written for
 * StateService, the one door to stored state. A value that cannot be read is kept in the quarantine
 * (once per value) and logged; the user then starts with no interviews instead of an error.
 */
import * as vscode from 'vscode';
import { INTERVIEW_KEY } from '../../core/review/keys';
import { EMPTY_INTERVIEW_STATE, readInterviewState, writeInterviewState } from '../../core/interview/storage';
import type { InterviewState } from '../../core/interview/storage';
import type { QuarantineSink } from '../../core/review/storeApi';
import { log } from '../log';

export class InterviewKey implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InterviewState>();
  readonly onDidChange = this.changed.event;
  private raw: unknown = Symbol('unread');
  private state: InterviewState = EMPTY_INTERVIEW_STATE;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly quarantine: QuarantineSink | undefined,
    private readonly now: () => Date,
  ) {}

  /** The stored interviews, validated; re-read when another window wrote. */
  get(): InterviewState {
    const raw = this.memento.get<unknown>(INTERVIEW_KEY);
    if (raw === this.raw) return this.state;
    this.raw = raw;
    const read = readInterviewState(raw);
    this.state = read.state;
    if (read.rejected !== undefined) {
      const details = read.findings.join('\n');
      log().warn(`stored interview dates: ${details}`);
      const item = { at: this.now().getTime(), kind: 'corrupt' as const, key: INTERVIEW_KEY, details, value: read.rejected };
      if (this.quarantine)
        void Promise.resolve(this.quarantine.keep([item])).catch((err: unknown) => log().error(`keeping the interview value failed: ${String(err)}`));
    }
    return this.state;
  }

  /** Writes the whole state; resolves once written. */
  async set(state: InterviewState): Promise<void> {
    const value = writeInterviewState(state);
    await this.memento.update(INTERVIEW_KEY, value);
    this.raw = this.memento.get<unknown>(INTERVIEW_KEY);
    this.state = state;
    this.changed.fire(state);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
