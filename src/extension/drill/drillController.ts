/**
 * The drill session on the host side: which card is up, grading, suggested ratings, recording reviews
 * and the end-of-session summary. It holds no VS Code objects, so unit tests can drive it directly; the
 * panel only moves messages. Each rating is written to the store as it happens, so closing the panel or
 * reloading the window mid-session loses nothing.
 */
import type { ContentIndex, Question } from '../../core/content/types';
import { grade, suggestRating, type Answer } from '../../core/drill/grade';
import { reviewXp } from '../../core/progress/xp';
import type { RatingPreview as SchedulerPreview } from '../../core/review/scheduler';
import type { DrillCard, DrillProgress, DrillResult, DrillSummary, HostToDrill, Rating } from '../../shared/drill';
import { RATING_LABELS } from '../../shared/drill';

export interface DrillBackend {
  content(): ContentIndex;
  preview(cardId: string, now: Date): readonly SchedulerPreview[];
  /** Records one rating; resolves once it is stored. */
  record(review: { cardId: string; rating: Rating; at: Date; correct: boolean | undefined; durationMs: number; xp: number }): Promise<void>;
  /** Rolls back the newest review if it is of `expectedCardId`; resolves with its card id, or undefined. */
  undoLast(expectedCardId: string): Promise<string | undefined>;
  lastReviewAt(cardId: string): Date | undefined;
  /** The earliest due date among the given cards after this session, for the summary. */
  nextDue(now: Date): Date | undefined;
}

interface Answered {
  readonly cardId: string;
  readonly correct: boolean | null;
  readonly rating: Rating;
  readonly xp: number;
}

export interface DrillSessionOptions {
  readonly cardIds: readonly string[];
  readonly modeLabel: string;
  readonly now: () => Date;
}

export class DrillController {
  private position = 0;
  private readonly answered: Answered[] = [];
  private pending: { cardId: string; correct: boolean | null; shownAt: number; result: DrillResult } | undefined;
  private readonly startedAt: number;
  private shownAt: number;
  private readonly cardIds: string[];

  constructor(
    private readonly backend: DrillBackend,
    private readonly options: DrillSessionOptions,
  ) {
    // Cards from a removed pack are left out quietly; their history stays in the store.
    const known = new Set(backend.content().questions.map((q) => q.id));
    this.cardIds = options.cardIds.filter((id) => known.has(id));
    this.startedAt = options.now().getTime();
    this.shownAt = this.startedAt;
  }

  get total(): number {
    return this.cardIds.length;
  }

  get currentCardId(): string | undefined {
    return this.cardIds[this.position];
  }

  get done(): boolean {
    return this.position >= this.cardIds.length;
  }

  private question(id: string): Question | undefined {
    return this.backend.content().questions.find((q) => q.id === id);
  }

  private progress(): DrillProgress {
    return { position: Math.min(this.position + 1, this.total), total: this.total, modeLabel: this.options.modeLabel };
  }

  /** The message that shows the current state: the card, its result, or the summary. */
  current(): HostToDrill {
    if (!this.total) return { type: 'empty', message: 'No cards match this drill right now. Try "New for my role" or another topic.' };
    if (this.done) return { type: 'summary', summary: this.summary() };
    if (this.pending) return { type: 'result', result: this.pending.result, progress: this.progress() };
    const q = this.question(this.cardIds[this.position]);
    if (!q) {
      this.position++;
      return this.current();
    }
    this.shownAt = this.options.now().getTime();
    return { type: 'card', card: toDrillCard(q, this.backend.content()), progress: this.progress() };
  }

  /** Grades an answer for the current card. Stale or foreign card ids are ignored (undefined). */
  submit(cardId: string, answer: Answer): HostToDrill | undefined {
    if (cardId !== this.currentCardId || this.pending) return undefined;
    const q = this.question(cardId);
    if (!q) return undefined;
    const g = grade(q, answer);
    const now = this.options.now();
    const previews = this.backend.preview(cardId, now).map((p) => ({ rating: p.rating, label: RATING_LABELS[p.rating], interval: p.label }));
    const result: DrillResult = {
      cardId,
      correct: g.correct,
      correctIndices: q.correct,
      chosenIndices: g.chosen,
      numeric: q.numeric && answer.kind === 'numeric' ? { given: answer.value, answer: q.numeric.answer, unit: q.numeric.unit, tolerance: q.numeric.tolerance } : undefined,
      answerHtml: q.answerHtml,
      explanationHtml: q.explanationHtml,
      optionWhyHtml: q.options?.map((o) => o.whyHtml),
      suggestedRating: suggestRating(g.correct),
      previews,
    };
    this.pending = { cardId, correct: g.correct, shownAt: this.shownAt, result };
    return { type: 'result', result, progress: this.progress() };
  }

  /** Records the rating for the answered card and moves on. */
  async rate(cardId: string, rating: Rating): Promise<HostToDrill | undefined> {
    const pending = this.pending;
    if (!pending || pending.cardId !== cardId) return undefined;
    const q = this.question(cardId);
    const now = this.options.now();
    const xp = q ? reviewXp(q.difficulty, rating, now, this.backend.lastReviewAt(cardId)) : 0;
    const durationMs = Math.max(0, now.getTime() - pending.shownAt);
    await this.backend.record({ cardId, rating, at: now, correct: pending.correct ?? undefined, durationMs, xp });
    this.answered.push({ cardId, correct: pending.correct, rating, xp });
    this.pending = undefined;
    this.position++;
    return this.current();
  }

  /** Undoes the last rating of this session and shows that card again. */
  async undo(): Promise<HostToDrill> {
    if (this.pending) {
      this.pending = undefined;
      return this.current();
    }
    const last = this.answered[this.answered.length - 1];
    if (!last) return { type: 'notice', message: 'Nothing to undo in this session.' };
    const undone = await this.backend.undoLast(last.cardId);
    if (undone !== last.cardId) return { type: 'notice', message: 'Nothing was undone: the newest review was made elsewhere (another session or window). "Loop Prep: Undo Last Review" undoes that one.' };
    this.answered.pop();
    this.position = Math.max(0, this.cardIds.lastIndexOf(last.cardId, this.position - 1));
    return this.current();
  }

  summary(): DrillSummary {
    const graded = this.answered.filter((a) => a.correct !== null);
    const now = this.options.now();
    const next = this.backend.nextDue(now);
    return {
      reviewed: this.answered.length,
      graded: graded.length,
      correct: graded.filter((a) => a.correct).length,
      durationMs: now.getTime() - this.startedAt,
      xpGained: this.answered.reduce((s, a) => s + a.xp, 0),
      nextDue: next ? describeDue(next, now) : 'nothing scheduled yet',
    };
  }
}

export function toDrillCard(q: Question, index: ContentIndex): DrillCard {
  return {
    id: q.id,
    type: q.type,
    topicTitle: index.topics.find((t) => t.id === q.topic)?.title ?? q.topic,
    difficulty: q.difficulty,
    promptHtml: q.promptHtml,
    options: q.options?.map((o, i) => ({ html: o.html, label: 'ABCDEF'[i] })),
    unit: q.numeric?.unit,
  };
}

function describeDue(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} h`;
  return `in ${Math.round(hours / 24)} days (${due.toISOString().slice(0, 10)})`;
}
