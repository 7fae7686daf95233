import type * as vscode from 'vscode';
import type { Question } from '../../core/content/types';
import type { ContentService } from '../content/contentService';
import { log } from '../log';
import type { StateService } from '../state/stateService';
import { cardsKey, rubricCardsFromPractices } from '../../core/practice/selfReviewRubric';

/**
 * `ContentService.setExtraQuestions` merges run-time cards into the index and fires `onDidChange`. Typed
 * as optional here so this module builds on its own; with it missing, rubric cards are only logged.
 */
type WithExtraQuestions = ContentService & { setExtraQuestions?(questions: readonly Question[]): void };

/**
 * Keeps the rubric cards in the content index: one flashcard per rubric point missed in any stored case
 * practice. Cards are derived from the practices, not stored, so they come back after a reload, follow
 * practices merged in from other windows, and leave when their case's pack goes. Publishing fires the
 * content's change event, which calls back here; an unchanged card set is not published again, so that
 * round trip ends at once.
 */
export class RubricCardSync implements vscode.Disposable {
  private key = '';
  private current: readonly Question[] = [];
  private ids: ReadonlySet<string> = new Set();
  private warned = false;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly content: ContentService,
    private readonly state: StateService,
  ) {
    this.disposables = [
      content.onDidChange(() => this.sync()),
      state.onDidChange((e) => {
        if (e.reads) this.sync();
      }),
    ];
  }

  /** The rubric cards now in (or, without setExtraQuestions, meant for) the index. */
  get cards(): readonly Question[] {
    return this.current;
  }

  /** The ids of the rubric cards linked to a case. */
  idsFor(caseId: string): string[] {
    return this.current.filter((q) => q.caseId === caseId).map((q) => q.id);
  }

  has(cardId: string): boolean {
    return this.ids.has(cardId);
  }

  /** Recomputes the cards from the stored practices and publishes them when they changed. */
  sync(): void {
    if (!this.state.isOpen) return;
    const cards = rubricCardsFromPractices(this.content.index.cases, this.state.casePractices());
    const key = cardsKey(cards);
    if (key === this.key) return;
    this.key = key;
    this.current = cards;
    this.ids = new Set(cards.map((q) => q.id));
    const content = this.content as WithExtraQuestions;
    if (typeof content.setExtraQuestions === 'function') content.setExtraQuestions(cards);
    else if (!this.warned) {
      this.warned = true;
      log().warn(`rubric cards: ContentService.setExtraQuestions is missing, so ${cards.length} rubric cards are not in the index`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
