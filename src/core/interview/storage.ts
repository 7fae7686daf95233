/**
 * The stored interviews: one globalState key of their own (keys.ts `INTERVIEW_KEY`), beside the review
 * state, so that the review store's format and its compaction never have to know about them.
 *
 *   loopPrep.interview  { v: 1, interviews: Interview[], mode: 'plan' | 'maintenance', asked: string[] }
 *
 * `mode` is 'maintenance' once the user chose it after an interview (caps lifted, the maintenance
 * retention). `asked` holds the ids of passed interviews whose "how did it go?" prompt was shown, so it
 * is shown once. Reading validates with zod/mini and never throws: a value that cannot be read is kept
 * for the quarantine (`rejected`) and the state starts empty; single bad interviews are dropped with a
 * finding each.
 */
import * as z from 'zod/mini';
import { isContentId } from '../ids';
import { dayOfDate } from './dates';
import type { Interview } from './dates';

export const INTERVIEW_FORMAT_VERSION = 1;
/** More than this many stored interviews is not a plan but a bug; the nearest ones are kept. */
export const MAX_INTERVIEWS = 50;

export type InterviewMode = 'plan' | 'maintenance';

/** Everything stored under the interview key. */
export interface InterviewState {
  readonly interviews: readonly Interview[];
  readonly mode: InterviewMode;
  readonly asked: readonly string[];
}

export const EMPTY_INTERVIEW_STATE: InterviewState = { interviews: [], mode: 'plan', asked: [] };

/** One interview as stored and exported. */
export const interviewSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  date: z.string().check(z.refine((s) => dayOfDate(s) !== undefined, 'must be a date such as "2026-03-20"')),
  roleId: z.string().check(z.refine(isContentId, 'must be a role id (lowercase kebab-case)')),
  createdAt: z.number().check(z.gte(0)),
});

const stateSchema = z.object({
  v: z.literal(INTERVIEW_FORMAT_VERSION),
  interviews: z.array(z.unknown()),
  mode: z.optional(z.enum(['plan', 'maintenance'])),
  asked: z.optional(z.array(z.string())),
});

/** What reading the key found. */
export interface InterviewRead {
  readonly state: InterviewState;
  /** One line per problem, for the log; empty when all was well. */
  readonly findings: readonly string[];
  /** The raw value when it (or part of it) had to be set aside; undefined otherwise. */
  readonly rejected: unknown;
}

/** Reads the stored value; undefined (never written) is the empty state with no findings. */
export function readInterviewState(value: unknown): InterviewRead {
  if (value === undefined) return { state: EMPTY_INTERVIEW_STATE, findings: [], rejected: undefined };
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the value';
    return { state: EMPTY_INTERVIEW_STATE, findings: [`interviews: ${where} ${issue?.message ?? 'is unreadable'}; set aside`], rejected: value };
  }
  const findings: string[] = [];
  const interviews: Interview[] = [];
  const ids = new Set<string>();
  parsed.data.interviews.forEach((raw, i) => {
    const one = interviewSchema.safeParse(raw);
    if (!one.success) findings.push(`interviews[${i}]: ${one.error.issues[0]?.path.join('.') || 'value'} ${one.error.issues[0]?.message ?? ''}; dropped`);
    else if (ids.has(one.data.id)) findings.push(`interviews[${i}]: duplicate id "${one.data.id}"; dropped`);
    else {
      ids.add(one.data.id);
      interviews.push(one.data);
    }
  });
  const state: InterviewState = { interviews: interviews.slice(0, MAX_INTERVIEWS), mode: parsed.data.mode ?? 'plan', asked: parsed.data.asked ?? [] };
  return { state, findings, rejected: findings.length ? value : undefined };
}

/** The value to store. */
export function writeInterviewState(state: InterviewState): unknown {
  return { v: INTERVIEW_FORMAT_VERSION, interviews: state.interviews.map((i) => ({ ...i })), mode: state.mode, asked: [...state.asked] };
}

/**
 * Merges imported interviews into the current ones: an imported interview replaces the one with its
 * id, others are added; the mode and prompts shown stay as they are on this machine.
 */
export function mergeInterviews(current: InterviewState, imported: readonly Interview[]): InterviewState {
  const byId = new Map(current.interviews.map((i) => [i.id, i]));
  for (const i of imported) byId.set(i.id, i);
  return { ...current, interviews: [...byId.values()].slice(0, MAX_INTERVIEWS) };
}
