/** What a timed case practice is made of, as practice.ts keeps it and tests see it. */
import type * as vscode from 'vscode';
import type { CaseStudy } from '../../core/content/types';
import type { PracticeMemento } from '../../core/practice/practiceState';
import type { Clock, Countdown } from '../../core/practice/timer';
import type { SelfReview, SelfReviewResult } from '../../shared/selfReview';
import type { ContentService } from '../content/contentService';
import type { StateService } from '../state/stateService';
import type { PracticeStatus } from './practiceStatusBar';
import type { RubricCardSync } from './rubricCardSync';

export type { PracticeStatus } from './practiceStatusBar';

/** A practice as tests and the status bar see it. */
export interface PracticeSnapshot {
  readonly caseId: string;
  readonly status: PracticeStatus;
  readonly phaseLabel: string;
  readonly phaseIndex: number;
  readonly phaseRemainingMs: number;
  readonly statusBarText: string;
  readonly documentUri: string;
  /** The self-review once time is up or the user finished; undefined before. */
  readonly review: SelfReview | undefined;
}

/** What confirming a self-review recorded. */
export interface PracticeOutcome extends SelfReviewResult {
  readonly caseId: string;
  readonly missed: readonly string[];
  /** The rubric cards rated Again for the missed points. */
  readonly cardIds: readonly string[];
}

/** The practice under way. */
export interface PracticeSession {
  readonly id: string;
  readonly caseStudy: CaseStudy;
  readonly documentUri: string;
  readonly countdown: Countdown;
  review?: SelfReview;
  /** Set while a confirm is being written, so a double click or the API racing the button records once. */
  recording?: boolean;
}

export interface PracticeDeps {
  readonly extensionUri: vscode.Uri;
  readonly content: ContentService;
  readonly state: StateService;
  readonly cards: RubricCardSync;
  readonly clock: Clock;
  /** Resolves once content and progress are loaded. */
  readonly ready: () => Promise<unknown>;
  /** Workspace state: the practice under way is kept there, so a window reload resumes it. */
  readonly memento: PracticeMemento;
}
