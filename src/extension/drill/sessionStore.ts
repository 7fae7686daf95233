import type * as vscode from 'vscode';
import { DRILL_SESSION_KEY } from '../../core/review/keys';
import { log } from '../log';
import { parseDrillSnapshot, type DrillSnapshot } from '../../core/drill/snapshot';

/**
 * Keeps the running drill session in workspace state, written after every step, so the drill panel a
 * window reload revives resumes the same queue (cards coming back included) instead of a new session.
 * One key: there is one drill panel per window.
 */
export class DrillSessionStore {
  constructor(private readonly memento: Pick<vscode.Memento, 'get' | 'update'>) {}

  save(snapshot: DrillSnapshot): void {
    this.memento
      .update(DRILL_SESSION_KEY, snapshot)
      .then(undefined, (err: unknown) => log().warn(`drill: could not keep the session for a reload: ${err instanceof Error ? err.message : err}`));
  }

  /** The saved session if it can be resumed at `now`; otherwise undefined, with the reason in the log. */
  load(now: Date): DrillSnapshot | undefined {
    const { snapshot, why } = parseDrillSnapshot(this.memento.get<unknown>(DRILL_SESSION_KEY), now);
    if (!snapshot) log().info(`drill: starting a new session after the reload: ${why}`);
    return snapshot;
  }
}
