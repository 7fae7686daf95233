/**
 * Checks host messages in the Progress view before use: the webview trusts nothing it did not validate.
 * Every number it draws with must be finite (a NaN width or count would draw nonsense), every sentence a
 * string, and every checklist action one the host would accept back.
 */
import { parseProgressAction } from '../../shared/progress';
import type { HostToProgress, ProgressView } from '../../shared/progress';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const nums = (o: Obj, keys: readonly string[]): boolean => keys.every((k) => isNum(o[k]));
const strs = (o: Obj, keys: readonly string[]): boolean => keys.every((k) => isStr(o[k]));
const list = (v: unknown, item: (x: unknown) => boolean, max = 10_000): boolean => Array.isArray(v) && v.length <= max && v.every(item);
const numOrNull = (v: unknown): boolean => v === null || isNum(v);
const PART_KEYS = new Set(['mastery', 'lessons', 'cases']);
const WEIGHTS = new Set(['core', 'supporting', 'skip']);

function isStreak(v: unknown): boolean {
  return isObj(v) && nums(v, ['current', 'longest']) && typeof v.activeToday === 'boolean' && isStr(v.summary);
}

function isXp(v: unknown): boolean {
  return (
    isObj(v) &&
    nums(v, ['total', 'reviews', 'reads', 'casePractices', 'level', 'levelProgress']) &&
    strs(v, ['levelName', 'summary']) &&
    (v.nextLevelName === null || isStr(v.nextLevelName)) &&
    numOrNull(v.nextLevelAt)
  );
}

function isPart(v: unknown): boolean {
  return isObj(v) && PART_KEYS.has(v.key as string) && strs(v, ['label', 'detail']) && nums(v, ['weight', 'effectiveWeight', 'points']) && numOrNull(v.value);
}

function isChecklistItem(v: unknown): boolean {
  return isObj(v) && isStr(v.label) && isNum(v.impact) && PART_KEYS.has(v.part as string) && parseProgressAction(v.action) !== undefined;
}

function isReadiness(v: unknown): boolean {
  return isObj(v) && strs(v, ['roleId', 'roleName', 'summary']) && isNum(v.percent) && list(v.parts, isPart, 10) && list(v.checklist, isChecklistItem);
}

function isOtherRole(v: unknown): boolean {
  return isObj(v) && strs(v, ['roleId', 'roleName', 'summary']) && isNum(v.percent);
}

function isCell(v: unknown): boolean {
  return isObj(v) && strs(v, ['date', 'label']) && isNum(v.count) && typeof v.future === 'boolean' && [0, 1, 2, 3, 4].includes(v.level as number);
}

function isHeatmap(v: unknown): boolean {
  return isObj(v) && nums(v, ['weekStartsOn', 'total', 'activeDays', 'days']) && isStr(v.summary) && list(v.weeks, (w) => list(w, isCell, 7), 60);
}

function isForecast(v: unknown): boolean {
  const day = (d: unknown) => isObj(d) && strs(d, ['date', 'label']) && nums(d, ['count', 'overdue']);
  return isObj(v) && isNum(v.total) && isStr(v.summary) && list(v.days, day, 60);
}

function isRetention(v: unknown): boolean {
  return isObj(v) && nums(v, ['matureReviews', 'recalled', 'desired', 'windowDays']) && numOrNull(v.retention) && isStr(v.summary);
}

function isTopic(v: unknown): boolean {
  return isObj(v) && strs(v, ['topicId', 'title', 'label']) && nums(v, ['masteryPct', 'cards', 'seen', 'due', 'mastered']) && (v.weight === null || WEIGHTS.has(v.weight as string));
}

function isHelp(v: unknown): boolean {
  const lines = (x: unknown) => list(x, isStr, 50);
  return isObj(v) && lines(v.xp) && lines(v.readiness) && lines(v.retention) && isStr(v.levels);
}

/** Whether `v` is a complete, drawable `ProgressView`. */
export function isProgressView(v: unknown): v is ProgressView {
  return (
    isObj(v) &&
    isStr(v.computedAt) &&
    (v.roleSetting === null || isStr(v.roleSetting)) &&
    isStreak(v.streak) &&
    isXp(v.xp) &&
    (v.readiness === null || isReadiness(v.readiness)) &&
    list(v.otherRoles, isOtherRole, 100) &&
    isHeatmap(v.heatmap) &&
    isForecast(v.forecast) &&
    isRetention(v.retention) &&
    list(v.topics, isTopic, 1000) &&
    isHelp(v.help)
  );
}

/** Returns the message when it is well-formed, undefined otherwise. Never throws. */
export function parseHostToProgress(raw: unknown): HostToProgress | undefined {
  if (!isObj(raw) || raw.type !== 'model' || !isProgressView(raw.model)) return undefined;
  return { type: 'model', model: raw.model };
}
