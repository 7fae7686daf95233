/**
 * The review journal in the extension: one writer per open store (a new segment per window and per
 * reopen), the comparison with globalState just after the store opens, and the one message that says
 * what came back. The journal logic itself is pure (core/review/journal.ts, reconcile.ts).
 */
import * as vscode from 'vscode';
import { readJournal, reviewCount } from '../../core/review/journal';
import type { JournalFs, JournalState } from '../../core/review/journal';
import { JournalWriter } from '../../core/review/journalWriter';
import type { Restored } from '../../core/review/reconcile';
import type { ReviewStore } from '../../core/review/store';
import { log } from '../log';
import { retireJournal, workspaceJournalFs } from './journalFs';
import { plural } from '../../core/text';

/** What the check after opening found; for the log, tests and the Show Log reader. */
export interface JournalCheck {
  readonly restored: Restored;
  /** Reviews the journal holds. */
  readonly journalReviews: number;
  /** Unreadable files or lines, skipped. */
  readonly problems: readonly string[];
}

export class JournalService {
  private readonly fs: JournalFs;
  private writeErrorShown = false;

  constructor(readonly folder: vscode.Uri) {
    this.fs = workspaceJournalFs(folder);
  }

  /** A writer for a store opening now, with its own segment files. */
  writerFor(writerId: string, startedAt: Date): JournalWriter {
    return new JournalWriter(this.fs, writerId, startedAt.getTime(), (message) => {
      log().error(`review journal: ${message}`);
      if (this.writeErrorShown) return;
      this.writeErrorShown = true;
      void vscode.window.showWarningMessage(
        'Loop Prep could not write its review journal, the second copy of your reviews. Your reviews are still saved; details are in "Loop Prep: Show Log".',
      );
    });
  }

  /**
   * Compares the journal with the store and completes both (see `ReviewStore.reconcileJournal`). When
   * globalState was missing, unreadable or behind, says once what came back. Never throws.
   */
  async check(store: ReviewStore, now: Date): Promise<JournalCheck | undefined> {
    try {
      const journal = await readJournal(this.fs);
      for (const p of journal.problems) log().warn(`review journal: ${p}`);
      const restored = await store.reconcileJournal(journal, now, { fold: true, offsetAt: (d) => -d.getTimezoneOffset() });
      if (restored.reviews || restored.progress) {
        const what = restored.reviews ? plural(restored.reviews, 'review') : 'your lessons and case practices';
        log().info(
          `restored ${what}${restored.reviews && restored.progress ? ' and lessons or case practices' : ''} from the journal in ${this.folder.toString(true)}`,
        );
        void vscode.window.showInformationMessage(`Restored ${what} from Loop Prep's journal.`);
      }
      return { restored, journalReviews: reviewCount(journal), problems: journal.problems };
    } catch (err) {
      log().error(`review journal check failed: ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
  }

  /** The journal's state, for export; undefined (and logged) when it cannot be read at all. */
  async read(): Promise<JournalState | undefined> {
    try {
      const journal = await readJournal(this.fs);
      for (const p of journal.problems) log().warn(`review journal: ${p}`);
      return journal;
    } catch (err) {
      log().error(`could not read the review journal: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /**
   * Moves the journal aside after a restore replaced the state: merging the old journal back would undo
   * the restore. The folder is kept next to the new journal, named by the time, never deleted.
   */
  async retire(now: Date): Promise<void> {
    const name = `journal-replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    if (await retireJournal(this.folder, name)) log().info(`review journal moved aside to ${name} after a restore`);
  }
}
