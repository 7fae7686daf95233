/**
 * The phases of a timed case practice, as an interview runs them: clarify, high-level design, deep dive,
 * wrap-up. Pure: reads a settings value, never the configuration API, so tests can feed it anything.
 */

export const PHASE_KEYS = ['clarify', 'highLevelDesign', 'deepDive', 'wrapUp'] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];

export const PHASE_LABELS: Readonly<Record<PhaseKey, string>> = {
  clarify: 'Clarify',
  highLevelDesign: 'High-level design',
  deepDive: 'Deep dive',
  wrapUp: 'Wrap-up',
};

/** Minutes per phase when the setting says nothing usable: a 45-minute system-design round. */
export const DEFAULT_PHASE_MINUTES: Readonly<Record<PhaseKey, number>> = { clarify: 5, highLevelDesign: 10, deepDive: 20, wrapUp: 10 };

/** No one phase may run longer than this; a larger value is read as a typo. */
export const MAX_PHASE_MINUTES = 240;

/** One phase of a practice. Seconds, not minutes, so tests can run a whole practice in a few seconds. */
export interface PracticePhase {
  readonly key: PhaseKey;
  readonly label: string;
  readonly seconds: number;
}

export interface ParsedPhases {
  readonly phases: readonly PracticePhase[];
  /** What was wrong with the setting and what was used instead, one sentence each, for the log. */
  readonly problems: readonly string[];
}

/** The phases for minutes per key, in interview order; a phase of 0 minutes is left out. */
export function phasesFromMinutes(minutes: Readonly<Record<PhaseKey, number>>): PracticePhase[] {
  return PHASE_KEYS.filter((k) => minutes[k] > 0).map((key) => ({ key, label: PHASE_LABELS[key], seconds: Math.round(minutes[key] * 60) }));
}

export const DEFAULT_PHASES: readonly PracticePhase[] = phasesFromMinutes(DEFAULT_PHASE_MINUTES);

/**
 * Reads `loopPrep.practice.phases`: an object of minutes per phase key. A missing key keeps its default,
 * 0 skips the phase, and a value that is not a number from 0 to 240 falls back to the key's default with a
 * problem reported. Unknown keys are reported and ignored. When every phase is 0 the defaults are used.
 */
export function parsePhasesSetting(raw: unknown): ParsedPhases {
  if (raw === undefined || raw === null) return { phases: DEFAULT_PHASES, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      phases: DEFAULT_PHASES,
      problems: [`loopPrep.practice.phases must be an object of minutes per phase, such as {"deepDive": 25}; using the defaults.`],
    };
  }
  const problems: string[] = [];
  const minutes: Record<PhaseKey, number> = { ...DEFAULT_PHASE_MINUTES };
  const known = new Set<string>(PHASE_KEYS);
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!known.has(key)) {
      problems.push(`loopPrep.practice.phases has an unknown phase "${key}" (known: ${PHASE_KEYS.join(', ')}); it is ignored.`);
      continue;
    }
    const k = key as PhaseKey;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_PHASE_MINUTES) minutes[k] = value;
    else
      problems.push(
        `loopPrep.practice.phases.${k} must be a number of minutes from 0 to ${MAX_PHASE_MINUTES}, not ${JSON.stringify(value) ?? String(value)}; using ${DEFAULT_PHASE_MINUTES[k]}.`,
      );
  }
  const phases = phasesFromMinutes(minutes);
  if (phases.length === 0) {
    problems.push('loopPrep.practice.phases sets every phase to 0 minutes; using the defaults.');
    return { phases: DEFAULT_PHASES, problems };
  }
  return { phases, problems };
}

/**
 * Checks phases passed in code (tests, the API): at least one, each with a known key and a positive,
 * finite length. Returns undefined when they are unusable, so the caller falls back to the setting.
 */
export function validPhases(phases: readonly PracticePhase[] | undefined): readonly PracticePhase[] | undefined {
  if (!Array.isArray(phases) || phases.length === 0) return undefined;
  const known = new Set<string>(PHASE_KEYS);
  const ok = phases.every(
    (p) => p && known.has(p.key) && typeof p.label === 'string' && typeof p.seconds === 'number' && Number.isFinite(p.seconds) && p.seconds > 0,
  );
  return ok ? phases : undefined;
}
