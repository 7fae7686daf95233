/**
 * The drill session on the host side: which card is up, grading, suggested ratings, recording reviews,
 * cards that come back within the learn-ahead window, and the end-of-session summary. It holds no VS Code
 * objects, so unit tests drive it directly with a fixed clock; the panel only moves messages. Each rating
 * is written to the store as it happens, and `snapshot()` lets the panel keep the queue over a reload.
 */
import { catalogOf } from '../content/catalog';
import type { ContentIndex, Question } from '../content/types';
import { grade, suggestRating, type Answer } from './grade';
import { optionOrder, toFileIndices, toScreenPositions } from './optionOrder';
import { slipFor } from './slips';
import { describeDue, describeDueAgain } from './dueText';
import { reviewXp } from '../progress/xp';
import { inLearningSteps } from '../review/due';
import {
  afterRating,
  createLearnQueue,
  isFinished,
  keepCards,
  pickNext,
  queueProgress,
  requeue,
  undoRating,
  type LearnQueue,
  type Requeued,
} from '../review/learnQueue';
import type { RatingPreview as SchedulerPreview } from '../review/scheduler';
import type { ReviewCard } from '../review/types';
import type { DrillCard, DrillProgress, DrillResult, DrillSummary, HostToDrill, Rating } from '../../shared/drill';
import { RATING_LABELS } from '../../shared/drill';
import type { AnsweredCard, DrillSnapshot } from './snapshot';
import { HOUR_MS } from '../time';
import { truncate } from '../text';

export interface DrillBackend {
  content(): ContentIndex;
  preview(cardId: string, now: Date): readonly SchedulerPreview[];
  /** Records one rating; resolves once it is stored. */
  record(review: { cardId: string; rating: Rating; at: Date; correct: boolean | undefined; durationMs: number; xp: number; answer?: string }): Promise<void>;
  /** Rolls back the newest review if it is of `expectedCardId`; resolves with its card id, or undefined. */
  undoLast(expectedCardId: string): Promise<string | undefined>;
  /** The card's scheduling state as stored now; undefined for a new card. */
  card(cardId: string): ReviewCard | undefined;
  /** The earliest due date among the given cards after this session, for the summary. */
  nextDue(now: Date): Date | undefined;
}

export interface DrillSessionOptions {
  readonly cardIds: readonly string[];
  readonly modeLabel: string;
  readonly now: () => Date;
  /** The learn-ahead window in ms, read at each rating (`loopPrep.learnAheadMinutes`); default 0, off. */
  readonly learnAheadMs?: () => number;
}

/** The summary offers to go on with cards in learning steps due within this long after the window. */
export const SOON_AFTER_WINDOW_MS = HOUR_MS;

export class DrillController {
  private queue: LearnQueue;
  private readonly answered: AnsweredCard[] = [];
  private pending: { cardId: string; correct: boolean | null; shownAt: number; result: DrillResult; answer?: string } | undefined;
  private startedAt: number;
  private shownAt: number;
  private ended = false;
  private readonly hadCards: boolean;

  constructor(
    private readonly backend: DrillBackend,
    private readonly options: DrillSessionOptions,
    snapshot?: DrillSnapshot,
  ) {
    // Cards from a removed pack are left out quietly; their history stays in the store.
    const known = new Set(backend.content().questions.map((q) => q.id));
    const has = (id: string) => known.has(id);
    this.queue = keepCards(snapshot?.queue ?? createLearnQueue(options.cardIds), has);
    if (snapshot) {
      this.answered.push(...snapshot.answered);
      this.ended = snapshot.ended;
    }
    this.startedAt = snapshot?.startedAt ?? options.now().getTime();
    this.shownAt = options.now().getTime();
    this.hadCards = !isFinished(this.queue) || this.queue.rated.length > 0;
  }

  /** The session as plain JSON, for the panel to keep over a window reload. */
  snapshot(): DrillSnapshot {
    return {
      version: 1,
      savedAt: this.options.now().getTime(),
      startedAt: this.startedAt,
      modeLabel: this.options.modeLabel,
      ended: this.ended,
      queue: this.queue,
      answered: [...this.answered],
    };
  }

  /** Cards shown and still to show, returning cards included. */
  get total(): number {
    return queueProgress(this.queue).total;
  }

  /** The card on screen (picking the next one if none is). */
  get currentCardId(): string | undefined {
    this.queue = pickNext(this.queue, this.options.now());
    return this.queue.current?.cardId;
  }

  get done(): boolean {
    return isFinished(this.queue);
  }

  private learnAheadMs(): number {
    return Math.max(0, this.options.learnAheadMs?.() ?? 0);
  }

  private question(id: string): Question | undefined {
    // A card renamed through `aliases` while the session ran is found under its old id.
    return catalogOf(this.backend.content()).resolve('question', id);
  }

  private progress(): DrillProgress {
    return { ...queueProgress(this.queue), modeLabel: this.options.modeLabel };
  }

  /** The message that shows the current state: the card, its result, or the summary. */
  current(): HostToDrill {
    if (!this.hadCards) return { type: 'empty', message: 'No cards match this drill right now. Try "New for my role" or another topic.' };
    if (this.ended) return { type: 'summary', summary: this.summary() };
    if (this.pending) return { type: 'result', result: this.pending.result, progress: this.progress() };
    for (;;) {
      this.queue = pickNext(this.queue, this.options.now());
      const shown = this.queue.current;
      if (!shown) return { type: 'summary', summary: this.summary() };
      const q = this.question(shown.cardId);
      if (q) {
        this.shownAt = this.options.now().getTime();
        return { type: 'card', card: toDrillCard(q, this.backend.content(), this.orderOf(q)), progress: this.progress() };
      }
      this.queue = keepCards(this.queue, (id) => id !== shown.cardId); // its pack was removed meanwhile
    }
  }

  /**
   * The order this showing of a choice card presents its options in (file indices). It follows from the
   * card id and its review count, so the result, an undo (which takes the count back) and a window reload
   * show the same order, and the next review of the card a new one.
   */
  private orderOf(q: Question): number[] | undefined {
    if (!q.options) return undefined;
    return optionOrder(
      q.id,
      q.options.map((o) => o.pinLast === true),
      this.backend.card(q.id)?.reps ?? 0,
    );
  }

  /**
   * Grades an answer for the current card. Choices arrive as positions on screen; they are graded (and
   * would be stored) in the file's order, and the result lists options, marks and reasons in screen order.
   * Stale or foreign card ids are ignored (undefined).
   */
  submit(cardId: string, answer: Answer): HostToDrill | undefined {
    if (this.ended || this.pending || cardId !== this.currentCardId) return undefined;
    const q = this.question(cardId);
    if (!q) return undefined;
    const order = this.orderOf(q);
    const onScreen = (fileIndices: readonly number[] | undefined) =>
      fileIndices && order ? toScreenPositions(order, fileIndices).sort((a, b) => a - b) : fileIndices;
    const g = grade(q, answer.kind === 'choice' && order ? { kind: 'choice', indices: toFileIndices(order, answer.indices) } : answer);
    const slip = q.numeric && answer.kind === 'numeric' ? slipFor(q.numeric, answer.value) : undefined;
    const keyPoints = q.type === 'flashcard' && q.keyPoints?.length ? [...q.keyPoints] : undefined;
    const typed = q.type === 'flashcard' && answer.kind === 'reveal' ? answer.text?.trim() || undefined : undefined;
    const now = this.options.now();
    const previews = this.backend.preview(cardId, now).map((p) => ({ rating: p.rating, label: RATING_LABELS[p.rating], interval: p.label }));
    const result: DrillResult = {
      cardId,
      correct: g.correct,
      correctIndices: onScreen(q.correct),
      chosenIndices: onScreen(g.chosen),
      numeric:
        q.numeric && answer.kind === 'numeric'
          ? { given: answer.value, answer: q.numeric.answer, unit: q.numeric.unit, tolerance: q.numeric.tolerance }
          : undefined,
      answerHtml: q.answerHtml,
      explanationHtml: q.explanationHtml,
      optionWhyHtml: order?.map((i) => q.options![i].whyHtml),
      slip: slip?.why,
      keyPoints,
      suggestedRating: suggestRating(g.correct),
      previews,
      typed: typed === undefined ? undefined : { text: typed },
    };
    this.pending = { cardId, correct: g.correct, shownAt: this.shownAt, result, answer: typed };
    return { type: 'result', result, progress: this.progress() };
  }

  /** The answer typed for `cardId` while its result is on screen, or undefined. */
  typedAnswer(cardId: string): string | undefined {
    return this.pending?.cardId === cardId ? this.pending.answer : undefined;
  }

  /** Records the rating for the answered card, queues it again if its next step is within the window, and moves on. */
  async rate(cardId: string, rating: Rating): Promise<HostToDrill | undefined> {
    const pending = this.pending;
    if (!pending || pending.cardId !== cardId) return undefined;
    const q = this.question(cardId);
    const now = this.options.now();
    const xp = q ? reviewXp(q.difficulty, rating, now, this.backend.card(cardId)?.lastReview) : 0;
    const durationMs = Math.max(0, now.getTime() - pending.shownAt);
    await this.backend.record({ cardId, rating, at: now, correct: pending.correct ?? undefined, durationMs, xp, answer: pending.answer });
    this.answered.push({ cardId, correct: pending.correct, rating, xp });
    this.pending = undefined;
    this.queue = afterRating(this.queue, cardId, this.backend.card(cardId), now, this.learnAheadMs()) ?? this.queue;
    return this.current();
  }

  /** Undoes the last rating of this session (and the copy of the card it queued) and shows that card again. */
  async undo(): Promise<HostToDrill> {
    if (this.pending) {
      this.pending = undefined;
      return this.current();
    }
    const last = this.answered[this.answered.length - 1];
    const previous = undoRating(this.queue);
    if (!last || !previous) return { type: 'notice', message: 'Nothing to undo in this session.' };
    const undone = await this.backend.undoLast(last.cardId);
    if (undone !== last.cardId)
      return {
        type: 'notice',
        message: 'Nothing was undone: the newest review was made elsewhere (another session or window). "Loop Prep: Undo Last Review" undoes that one.',
      };
    this.answered.pop();
    this.queue = previous;
    this.ended = false;
    return this.current();
  }

  /** Ends the session early (Esc): the summary shows, and "Continue now" can resume. */
  end(): HostToDrill {
    if (this.hadCards) this.ended = true;
    this.pending = undefined;
    return this.current();
  }

  /** "Continue now": resumes an ended session, or brings back the cards due soon after the window at once. */
  continueNow(): HostToDrill {
    if (!this.hadCards) return this.current();
    this.ended = false;
    if (isFinished(this.queue)) this.queue = requeue(this.queue, this.dueSoon(this.options.now()));
    return this.current();
  }

  /** Cards rated in this session, in learning steps, not queued, and due within the window plus `SOON_AFTER_WINDOW_MS`. */
  private dueSoon(now: Date): Requeued[] {
    const queued = new Set([...this.queue.upcoming, ...this.queue.again.map((e) => e.cardId), this.queue.current?.cardId]);
    const horizon = now.getTime() + this.learnAheadMs() + SOON_AFTER_WINDOW_MS;
    const out: Requeued[] = [];
    for (const id of new Set(this.answered.map((a) => a.cardId))) {
      const card = this.backend.card(id);
      if (queued.has(id) || !inLearningSteps(card) || card.due.getTime() > horizon || !this.question(id)) continue;
      out.push({ cardId: id, due: card.due.getTime() });
    }
    return out;
  }

  summary(): DrillSummary {
    const graded = this.answered.filter((a) => a.correct !== null);
    const now = this.options.now();
    const next = this.backend.nextDue(now);
    const left = this.queue.upcoming.length + this.queue.again.length + (this.queue.current ? 1 : 0);
    const soon = left ? [] : this.dueSoon(now);
    const failedIds = [...new Set(this.answered.filter((a) => a.rating === 1).map((a) => a.cardId))];
    return {
      reviewed: this.answered.length,
      graded: graded.length,
      correct: graded.filter((a) => a.correct).length,
      durationMs: now.getTime() - this.startedAt,
      xpGained: this.answered.reduce((s, a) => s + a.xp, 0),
      nextDue: next ? describeDue(next, now) : 'nothing scheduled yet',
      left,
      dueAgain: soon.length
        ? describeDueAgain(
            soon.map((c) => c.due),
            now,
          )
        : undefined,
      failed: failedIds.map((id) => ({ id, label: truncate(this.question(id)?.promptText ?? id, 90) })),
    };
  }
}

/** The card as the webview shows it, its options in `order` (file indices; the file's order by default). */
export function toDrillCard(q: Question, index: ContentIndex, order = q.options?.map((_, i) => i)): DrillCard {
  return {
    id: q.id,
    type: q.type,
    topicTitle: catalogOf(index).get('topic', q.topic)?.title ?? q.topic,
    difficulty: q.difficulty,
    promptHtml: q.promptHtml,
    options: q.options && order?.map((fileIndex, position) => ({ html: q.options![fileIndex].html, label: 'ABCDEF'[position] })),
    unit: q.numeric?.unit,
  };
}

export { describeDueAgain } from './dueText';
