/**
 * Messages between the Progress view (a webview view in the Loop Prep sidebar) and the extension host.
 * The host computes everything (core/progress `computeProgress`) and sends a `ProgressView`: plain JSON,
 * numbers and ready-made sentences only, with `null` where a value is unknown (JSON has no undefined).
 * The webview draws it and sends back the action a button asked for; `parseProgressMessage` validates
 * everything the webview sends, and the host maps each action to a command.
 */
import { isContentId } from '../core/ids';
import type { CommonWebviewMessage } from './protocol';

/**
 * What a button in the view asks for. The first four mirror core's `ChecklistAction`; the rest are the
 * view's own buttons.
 */
export type ProgressAction =
  /** Review a core topic's due cards: a topic drill, which shows due cards first. */
  | { readonly kind: 'drillDue'; readonly topicId: string }
  /** Learn a core topic's new cards: a topic drill. */
  | { readonly kind: 'drill'; readonly topicId: string }
  | { readonly kind: 'openLesson'; readonly lessonId: string }
  | { readonly kind: 'practiseCase'; readonly caseId: string }
  /** Every card due now, whatever its topic. */
  | { readonly kind: 'drillAllDue' }
  | { readonly kind: 'chooseRole' }
  | { readonly kind: 'export' }
  | { readonly kind: 'import' };

export interface StreakView {
  readonly current: number;
  readonly longest: number;
  readonly activeToday: boolean;
  readonly summary: string;
}

export interface XpView {
  readonly total: number;
  readonly reviews: number;
  readonly reads: number;
  readonly casePractices: number;
  readonly level: number;
  readonly levelName: string;
  /** The next level's name and threshold; null at the top level. */
  readonly nextLevelName: string | null;
  readonly nextLevelAt: number | null;
  /** 0-1 from this level's threshold to the next. */
  readonly levelProgress: number;
  readonly summary: string;
}

export type ReadinessPartKey = 'mastery' | 'lessons' | 'cases';

export interface ReadinessPartView {
  readonly key: ReadinessPartKey;
  readonly label: string;
  /** Nominal and applied weights, 0-1. */
  readonly weight: number;
  readonly effectiveWeight: number;
  /** 0-1, or null when the role has nothing to measure for this part. */
  readonly value: number | null;
  /** Readiness points (0-100 scale) the part contributes. */
  readonly points: number;
  readonly detail: string;
}

export interface ChecklistItemView {
  readonly action: ProgressAction;
  readonly label: string;
  /** Readiness points the action can add. */
  readonly impact: number;
  readonly part: ReadinessPartKey;
}

export interface ReadinessView {
  readonly roleId: string;
  readonly roleName: string;
  readonly percent: number;
  readonly parts: readonly ReadinessPartView[];
  readonly checklist: readonly ChecklistItemView[];
  readonly summary: string;
}

export interface OtherRoleView {
  readonly roleId: string;
  readonly roleName: string;
  readonly percent: number;
  readonly summary: string;
}

export interface HeatmapCellView {
  /** "2026-03-03", the local date. */
  readonly date: string;
  readonly count: number;
  readonly level: 0 | 1 | 2 | 3 | 4;
  /** Later this week: drawn empty. */
  readonly future: boolean;
  readonly label: string;
}

export interface HeatmapView {
  /** Oldest week first; each week's seven days start on `weekStartsOn` (0 Sunday, 1 Monday). */
  readonly weeks: readonly (readonly HeatmapCellView[])[];
  readonly weekStartsOn: number;
  readonly total: number;
  readonly activeDays: number;
  readonly days: number;
  readonly summary: string;
}

export interface ForecastDayView {
  readonly date: string;
  readonly count: number;
  readonly overdue: number;
  readonly label: string;
}

export interface ForecastView {
  /** Today first. */
  readonly days: readonly ForecastDayView[];
  readonly total: number;
  readonly summary: string;
}

export interface RetentionView {
  readonly matureReviews: number;
  readonly recalled: number;
  /** 0-1, or null without mature reviews to measure. */
  readonly retention: number | null;
  /** The desired retention setting, 0-1. */
  readonly desired: number;
  readonly windowDays: number;
  readonly summary: string;
}

export interface TopicBarView {
  readonly topicId: string;
  readonly title: string;
  /** The role's weight for the topic, or null when the role does not list it. */
  readonly weight: 'core' | 'supporting' | 'skip' | null;
  readonly masteryPct: number;
  readonly cards: number;
  readonly seen: number;
  readonly due: number;
  readonly mastered: number;
  readonly label: string;
}

/** The formulas, one sentence a line, for the view's help. */
export interface ProgressHelp {
  readonly xp: readonly string[];
  readonly levels: string;
  readonly readiness: readonly string[];
  readonly retention: readonly string[];
}

/** Everything the Progress view shows. */
export interface ProgressView {
  /** When the host computed it (ISO instant). */
  readonly computedAt: string;
  /** The `loopPrep.role` setting as written, or null when unset. */
  readonly roleSetting: string | null;
  readonly streak: StreakView;
  readonly xp: XpView;
  /** Null without a role, or with a role the content does not have. */
  readonly readiness: ReadinessView | null;
  readonly otherRoles: readonly OtherRoleView[];
  readonly heatmap: HeatmapView;
  readonly forecast: ForecastView;
  readonly retention: RetentionView;
  readonly topics: readonly TopicBarView[];
  readonly help: ProgressHelp;
}

export type HostToProgress = { readonly type: 'model'; readonly model: ProgressView };

export type ProgressToHost = CommonWebviewMessage | { readonly type: 'run'; readonly action: ProgressAction };

/** Returns the action when it is well-formed (ids must be content ids), undefined otherwise. Never throws. */
export function parseProgressAction(raw: unknown): ProgressAction | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const a = raw as Record<string, unknown>;
  switch (a.kind) {
    case 'drillDue':
    case 'drill':
      return isContentId(a.topicId) ? { kind: a.kind, topicId: a.topicId } : undefined;
    case 'openLesson':
      return isContentId(a.lessonId) ? { kind: 'openLesson', lessonId: a.lessonId } : undefined;
    case 'practiseCase':
      return isContentId(a.caseId) ? { kind: 'practiseCase', caseId: a.caseId } : undefined;
    case 'drillAllDue':
    case 'chooseRole':
    case 'export':
    case 'import':
      return { kind: a.kind };
    default:
      return undefined;
  }
}

/** Returns the message when it is well-formed, undefined otherwise. Never throws. */
export function parseProgressMessage(raw: unknown): ProgressToHost | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'webviewError':
      return typeof m.message === 'string' && m.message.length > 0 ? { type: 'webviewError', message: m.message.slice(0, 1000) } : undefined;
    case 'run': {
      const action = parseProgressAction(m.action);
      return action ? { type: 'run', action } : undefined;
    }
    default:
      return undefined;
  }
}
