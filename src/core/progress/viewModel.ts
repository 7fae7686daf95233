/**
 * From core's `ProgressModel` to the `ProgressView` message the webview draws: plain JSON (null for
 * unknown values, no Dates or Maps), plus the help text. Pure, with no 'vscode' import, so unit tests
 * run it in plain Node; the caller passes the settings and the time.
 */
import type { ChecklistAction, ProgressInput, ProgressModel } from '.';
import { MATURE_DAYS, READINESS_FORMULA, RETENTION_WINDOW_DAYS, computeProgress } from '.';
import { LEVELS, XP_RULES } from './xp';
import type { ProgressAction, ProgressHelp, ProgressView } from '../../shared/progress';
import { MINUTE_MS } from '../time';

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const factor = (n: number): string => n.toFixed(1);

/**
 * The formulas as the view's help shows them. XP lines are built from `XP_RULES` and `LEVELS` (xp.ts)
 * and readiness is core's `READINESS_FORMULA`, so the help cannot drift from what is computed.
 */
export const PROGRESS_HELP: ProgressHelp = {
  xp: [
    `Each review earns base XP by difficulty (easy ${XP_RULES.base.easy}, medium ${XP_RULES.base.medium}, hard ${XP_RULES.base.hard}) × a rating factor (Again ${factor(XP_RULES.ratingFactor[1])}, Hard ${factor(XP_RULES.ratingFactor[2])}, Good ${factor(XP_RULES.ratingFactor[3])}, Easy ${factor(XP_RULES.ratingFactor[4])}) × an interval bonus, rounded.`,
    'Interval bonus, for Hard, Good and Easy: 1 + min(1, log2(1 + days since the card’s previous review) ÷ 5), so recalling a card after a long gap earns up to twice as much.',
    `A review within ${XP_RULES.farmWindowMs / MINUTE_MS} minutes of the same card’s previous review earns 0.`,
    `A lesson or case walkthrough marked complete: ${XP_RULES.read} XP, once.`,
    `A case practice: ${XP_RULES.casePractice} × its rubric score (0 to 1), rounded.`,
    'XP is added up from your history each time, so undoing a review or re-marking a lesson never counts twice.',
  ],
  levels: `Levels: ${LEVELS.map((l, i) => `${i + 1} ${l.name} (${thousands(l.xp)} XP)`).join(', ')}.`,
  readiness: READINESS_FORMULA,
  retention: [
    `True retention = mature reviews not rated Again ÷ mature reviews, over the last ${RETENTION_WINDOW_DAYS} days.`,
    `A review is mature when at least ${MATURE_DAYS} days passed since the same card’s previous review.`,
    'Desired retention is the loopPrep.desiredRetention setting: the share of reviews the scheduler aims for you to recall. Well below it, your intervals are too long for you; well above it, you could aim lower and review less.',
  ],
};

/** Core's checklist action as the view's action (the same shape; the view adds kinds of its own). */
export function viewAction(action: ChecklistAction): ProgressAction {
  switch (action.kind) {
    case 'drillDue':
    case 'drill':
      return { kind: action.kind, topicId: action.topicId };
    case 'openLesson':
      return { kind: 'openLesson', lessonId: action.lessonId };
    case 'practiseCase':
      return { kind: 'practiseCase', caseId: action.caseId };
  }
}

/** The message for `model`. `roleSetting` is the setting as written (it may name no known role). */
export function toProgressView(model: ProgressModel, roleSetting: string | undefined, now: Date): ProgressView {
  const { streak, xp, readiness, heatmap, forecast, retention } = model;
  return {
    computedAt: now.toISOString(),
    roleSetting: roleSetting ?? null,
    streak: { current: streak.current, longest: streak.longest, activeToday: streak.activeToday, summary: streak.summary },
    xp: {
      total: xp.total,
      reviews: xp.reviews,
      reads: xp.reads,
      casePractices: xp.casePractices,
      level: xp.level.level,
      levelName: xp.level.name,
      nextLevelName: xp.level.nextName ?? null,
      nextLevelAt: xp.level.nextAt ?? null,
      levelProgress: xp.levelProgress,
      summary: xp.summary,
    },
    readiness: readiness
      ? {
          roleId: readiness.roleId,
          roleName: readiness.roleName,
          percent: readiness.percent,
          parts: readiness.parts.map((p) => ({
            key: p.key,
            label: p.label,
            weight: p.weight,
            effectiveWeight: p.effectiveWeight,
            value: p.value ?? null,
            points: p.points,
            detail: p.detail,
          })),
          checklist: readiness.checklist.map((c) => ({ action: viewAction(c.action), label: c.label, impact: c.impact, part: c.part })),
          summary: readiness.summary,
        }
      : null,
    otherRoles: model.otherRoles.map((r) => ({ roleId: r.roleId, roleName: r.roleName, percent: r.percent, summary: r.summary })),
    heatmap: {
      weeks: heatmap.weeks.map((w) => w.map((c) => ({ date: c.date, count: c.count, level: c.level, future: c.future, label: c.label }))),
      weekStartsOn: heatmap.weekStartsOn,
      total: heatmap.total,
      activeDays: heatmap.activeDays,
      days: heatmap.days,
      summary: heatmap.summary,
    },
    forecast: {
      days: forecast.days.map((d) => ({ date: d.date, count: d.count, overdue: d.overdue, label: d.label })),
      total: forecast.total,
      summary: forecast.summary,
    },
    retention: {
      matureReviews: retention.matureReviews,
      recalled: retention.recalled,
      retention: retention.retention ?? null,
      desired: retention.desired,
      windowDays: retention.windowDays,
      summary: retention.summary,
    },
    topics: model.topics.map((t) => ({
      topicId: t.topicId,
      title: t.title,
      weight: t.weight ?? null,
      masteryPct: t.masteryPct,
      cards: t.cards,
      seen: t.seen,
      due: t.counts.due,
      mastered: t.counts.mastered,
      label: t.label,
    })),
    help: PROGRESS_HELP,
  };
}

/** Computes the model and its message in one call: what the view gets for `input` at `now`. */
export function buildProgressView(input: ProgressInput, now: Date): ProgressView {
  return toProgressView(computeProgress(input, now), input.roleId, now);
}
