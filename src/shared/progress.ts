/**
 * Messages between the Progress view (a webview view in the Loop Prep sidebar) and the extension host.
 * The host computes everything (core/progress `computeProgress`) and sends a `ProgressView`: plain JSON,
 * numbers and ready-made sentences only, with `null` where a value is unknown (JSON has no undefined).
 * The webview draws it and sends back the action a button asked for; `progressToHost` validates
 * everything the webview sends (the host maps each action to a command), and `hostToProgress` checks
 * every model before the webview draws it: every number finite, every sentence a string, every checklist
 * action one the host would accept back.
 */
import * as z from 'zod/mini';
import { contentId, finite, parseWith, readyMessage, webviewErrorMessage } from './protocol';
import { interviewActions, interviewView, type InterviewAction, type InterviewView } from './interview';

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
  | { readonly kind: 'import' }
  /** The interview section's buttons (interview.ts). */
  | InterviewAction;

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
  /** The interview plan section; absent when the host has none to show. */
  readonly interview?: InterviewView;
}

export type HostToProgress = { readonly type: 'model'; readonly model: ProgressView };

/** A button's action; ids must be content ids. */
export const progressAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drillDue'), topicId: contentId }),
  z.object({ kind: z.literal('drill'), topicId: contentId }),
  z.object({ kind: z.literal('openLesson'), lessonId: contentId }),
  z.object({ kind: z.literal('practiseCase'), caseId: contentId }),
  z.object({ kind: z.literal('drillAllDue') }),
  z.object({ kind: z.literal('chooseRole') }),
  z.object({ kind: z.literal('export') }),
  z.object({ kind: z.literal('import') }),
  ...interviewActions,
]);

/** What the webview sends; the host checks it before acting. */
export const progressToHost = z.discriminatedUnion('type', [readyMessage, webviewErrorMessage, z.object({ type: z.literal('run'), action: progressAction })]);

export type ProgressToHost = z.infer<typeof progressToHost>;

const str = z.string();
const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
const numOrNull = z.nullable(finite);
const partKey = z.enum(['mastery', 'lessons', 'cases']);
const lines = list(str, 50);

const readiness = z.object({
  roleId: str,
  roleName: str,
  percent: finite,
  parts: list(z.object({ key: partKey, label: str, weight: finite, effectiveWeight: finite, value: numOrNull, points: finite, detail: str }), 10),
  checklist: list(z.object({ action: progressAction, label: str, impact: finite, part: partKey }), 10_000),
  summary: str,
});

const heatmapCell = z.object({ date: str, count: finite, level: z.literal([0, 1, 2, 3, 4]), future: z.boolean(), label: str });

/** A complete, drawable `ProgressView`. */
export const progressView = z.object({
  computedAt: str,
  roleSetting: z.nullable(str),
  streak: z.object({ current: finite, longest: finite, activeToday: z.boolean(), summary: str }),
  xp: z.object({
    total: finite,
    reviews: finite,
    reads: finite,
    casePractices: finite,
    level: finite,
    levelName: str,
    nextLevelName: z.nullable(str),
    nextLevelAt: numOrNull,
    levelProgress: finite,
    summary: str,
  }),
  readiness: z.nullable(readiness),
  otherRoles: list(z.object({ roleId: str, roleName: str, percent: finite, summary: str }), 100),
  heatmap: z.object({ weeks: list(list(heatmapCell, 7), 60), weekStartsOn: finite, total: finite, activeDays: finite, days: finite, summary: str }),
  forecast: z.object({ days: list(z.object({ date: str, count: finite, overdue: finite, label: str }), 60), total: finite, summary: str }),
  retention: z.object({ matureReviews: finite, recalled: finite, retention: numOrNull, desired: finite, windowDays: finite, summary: str }),
  topics: list(
    z.object({
      topicId: str,
      title: str,
      weight: z.nullable(z.enum(['core', 'supporting', 'skip'])),
      masteryPct: finite,
      cards: finite,
      seen: finite,
      due: finite,
      mastered: finite,
      label: str,
    }),
    1000,
  ),
  help: z.object({ xp: lines, levels: str, readiness: lines, retention: lines }),
  interview: z.optional(interviewView),
});

/** What the host sends; the webview checks it before drawing. */
export const hostToProgress = z.object({ type: z.literal('model'), model: progressView });

/** Returns the action when it is well-formed (ids must be content ids), undefined otherwise. Never throws. */
export const parseProgressAction = (raw: unknown): ProgressAction | undefined => parseWith(progressAction, raw);

/** Returns the message when it is well-formed, undefined otherwise. Never throws. */
export const parseProgressMessage = (raw: unknown): ProgressToHost | undefined => parseWith(progressToHost, raw);

/** Returns the host message when it is well-formed, undefined otherwise. Never throws. */
export const parseHostToProgress = (raw: unknown): HostToProgress | undefined => parseWith(hostToProgress, raw);
