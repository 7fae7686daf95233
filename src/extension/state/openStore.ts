/**
 * Opening the review store over globalState, for StateService: a store that cannot open falls back to
 * memory and says so, stored values that had to be set aside are reported once, and a quarantine still
 * under the old globalState key moves to its file.
 */
import * as vscode from 'vscode';
import { createScheduler } from '../../core/review/scheduler';
import { MemoryMemento } from '../../core/review/memoryMemento';
import { ReviewStore } from '../../core/review/store';
import type { StoreProblem } from '../../core/review/types';
import type { JournalWriter } from '../../core/review/journalWriter';
import { desiredRetention } from '../config';
import { Commands } from '../commands';
import { log } from '../log';
import type { QuarantineFiles } from './quarantineFiles';

/** A new writer id: four lowercase letters or digits, different for every open store. */
export function newWriterId(): string {
  return (Math.random().toString(36).slice(2) + '0000').slice(0, 4);
}

/** The scheduler for the `loopPrep.desiredRetention` setting. */
export function schedulerFromSettings(retention?: number): ReturnType<typeof createScheduler> {
  return createScheduler({ desiredRetention: retention ?? desiredRetention() });
}

/** Opens the store in `memento`; when that throws, a store in memory (reviews then are not saved). */
export async function openReviewStore(
  memento: vscode.Memento,
  options: { now: () => Date; writerId: string; journal: JournalWriter | undefined; quarantine: QuarantineFiles | undefined },
): Promise<ReviewStore> {
  const onProblem = (p: StoreProblem) => reportProblem(p);
  try {
    return await ReviewStore.open(memento, {
      now: options.now(),
      writerId: options.writerId,
      scheduler: schedulerFromSettings(),
      onProblem,
      journal: options.journal,
      quarantine: options.quarantine,
    });
  } catch (err) {
    log().error(`could not open review state: ${err instanceof Error ? err.stack : err}`);
    void vscode.window.showErrorMessage(
      'Loop Prep could not open your saved progress, so reviews in this window will not be saved. Details are in "Loop Prep: Show Log".',
    );
    return ReviewStore.open(new MemoryMemento(), { now: options.now(), onProblem, journal: options.journal });
  }
}

function reportProblem(p: StoreProblem): void {
  const what = p.kind === 'future-version' ? 'was written by a newer version of Loop Prep' : 'was partly unreadable';
  log().warn(`saved progress ${what}; the unreadable part is kept in ${p.quarantineKey}:\n${p.details}`);
  void vscode.window
    .showWarningMessage(
      `Loop Prep: your saved progress ${what}. Everything readable was kept, and the rest is saved aside, not deleted.`,
      'Show Details',
      'Show Quarantined Data',
    )
    .then((choice) => {
      if (choice === 'Show Details') log().show(true);
      if (choice === 'Show Quarantined Data') void vscode.commands.executeCommand(Commands.showQuarantine);
    });
}

/** Moves a quarantine still under the old globalState key to its file, off the path of any rating. */
export async function adoptQuarantine(quarantine: QuarantineFiles, memento: vscode.Memento): Promise<void> {
  try {
    const moved = await quarantine.adoptFrom(memento);
    if (moved) log().info(`moved ${moved} quarantined values from globalState to ${quarantine.where}`);
  } catch (err) {
    log().error(`could not move the quarantine out of globalState: ${err instanceof Error ? err.message : String(err)}`);
  }
}
