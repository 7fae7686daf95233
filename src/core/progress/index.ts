/**
 * The progress core's public API: the Progress view's model, and export / import of the user's history.
 * Pure TypeScript; time is always passed in. Formulas are in each module's doc comment.
 *
 * Progress view:
 *   const model = computeProgress({ index, roleId, reviews: store.reviews(), cards: store.cards(),
 *     reads: store.lessons(), casePractices: store.casePractices(), desiredRetention,
 *     offsetAt: (d) => -d.getTimezoneOffset() }, new Date());
 *   model.readiness?.checklist[0].action   // e.g. { kind: 'drillDue', topicId: 'evals' }
 *
 * Export:
 *   const file = buildExport({ reviews: store.reviews(), cards: store.cards(), reads: store.lessons(),
 *     casePractices: store.casePractices(), settings: { role, desiredRetention, newCardsPerDay, sessionSize } }, new Date());
 *   await fs.writeFile(path, JSON.stringify(file, null, 1));
 *
 * Import (refuse big files before reading them: `importSizeError(stat.size)`):
 *   const parsed = parseImport(text, { now: new Date(), knownCardIds: new Set(index.questions.map((q) => q.id)) });
 *   if (!parsed.ok) return showError(parsed.error.message);
 *   const plan = planImport({ reviews: store.reviews(), cards: store.cards(), reads: store.lessons(),
 *     casePractices: store.casePractices() }, parsed);
 *   if (await confirm(plan.summary.lines)) await store.applyImport(plan, new Date());  // see importApply.ts
 */
export { FORECAST_DAYS, HEATMAP_WEEKS, dayName, weekdayOf } from './calendar';
export { DAY_MS, localDayOf } from '../time';
export type { Forecast, ForecastDay, Heatmap, HeatmapCell, OffsetAt } from './calendar';
export { MATURE_DAYS, RETENTION_WINDOW_DAYS } from './retention';
export type { TrueRetention } from './retention';
export { MASTERED_DAYS, cardStatus, masteryBars, topicStats } from './topics';
export type { TopicMasteryBar, TopicStats } from './topics';
export { READINESS_FORMULA, READINESS_WEIGHTS, bestCaseScores, casesForRole, lessonsForRole, roleReadiness } from './readiness';
export type { ChecklistAction, ChecklistItem, ReadinessContext, ReadinessPart, ReadinessPartKey, RoleReadiness } from './readiness';
export { computeProgress } from './progress';
export { historyTotals } from './history';
export type { ProgressInput, ProgressModel, RoleReadinessBrief, StreakSummary, XpSummary } from './progress';
export { EXPORT_FORMAT_VERSION, buildExport } from './exportFormat';
export type { ExportFile, ExportInput, ExportSettings, ExportedCard, ExportedCasePractice, ExportedFsrs, ExportedRead, ExportedReview } from './exportFormat';
export { DEFAULT_MAX_IMPORT_BYTES, FUTURE_TOLERANCE_MS, importSizeError, parseImport } from './importParse';
export type { ImportData, ImportError, ImportErrorKind, ParseImportOptions, ParseImportResult, UnknownCards } from './importParse';
export { planImport, sameCardState, sameReview } from './importPlan';
export type { CardImport, CardStateConflict, CasePracticeConflict, ImportCurrent, ImportPlan, ImportSummary, ParsedImport, ReviewConflict } from './importPlan';
export { applyCardImport, applyProgressImport, emptyImportTally } from './importApply';
export type { ImportTally } from './importApply';
