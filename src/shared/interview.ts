/**
 * The Progress view's interview section: what the host sends (plain JSON, ready-made sentences) and its
 * zod/mini schema, checked by the webview before drawing. Part of `ProgressView` (progress.ts).
 */
import * as z from 'zod/mini';
import { finite } from './protocol';

export interface InterviewTopicView {
  readonly topicId: string;
  readonly title: string;
  /** Recall now and predicted on the day, 0-100. */
  readonly nowPct: number;
  readonly onDayPct: number;
  readonly label: string;
}

export interface SimulationRowView {
  readonly retention: number;
  readonly reviewsPerDay: number;
  /** 0-100. */
  readonly recallPct: number;
  /** Whether this is the desired-retention setting now. */
  readonly current: boolean;
  readonly label: string;
}

/** The interview that drives the plan, with its plan and forecast. */
export interface ActiveInterviewView {
  readonly id: string;
  readonly date: string;
  readonly roleName: string;
  readonly daysLeft: number;
  /** "Interview for Product AI engineer on 2026-03-22, in 12 days". */
  readonly title: string;
  readonly status: 'on-track' | 'behind' | 'cannot-fit' | 'learned' | 'no-time';
  readonly pace: string;
  /** '' when nothing needs dropping. */
  readonly drop: string;
  /** "Today: read What is new in AI systems", the plan's lessons and cases for today. */
  readonly today: readonly string[];
  readonly forecast: readonly InterviewTopicView[];
  /** "Expected readiness on the day: 72% (today 41%)". */
  readonly readiness: string;
  readonly readinessOnDay: number;
}

export interface InterviewView {
  readonly active: ActiveInterviewView | null;
  /** Other upcoming interviews: "2026-04-10 (ML infra engineer)". */
  readonly later: readonly string[];
  readonly mode: 'plan' | 'maintenance';
  readonly simulationDays: number;
  readonly simulation: readonly SimulationRowView[];
}

const str = z.string();
const pct = finite;

export const interviewView = z.object({
  active: z.nullable(
    z.object({
      id: str,
      date: str,
      roleName: str,
      daysLeft: finite,
      title: str,
      status: z.enum(['on-track', 'behind', 'cannot-fit', 'learned', 'no-time']),
      pace: str,
      drop: str,
      today: z.array(str).check(z.maxLength(100)),
      forecast: z.array(z.object({ topicId: str, title: str, nowPct: pct, onDayPct: pct, label: str })).check(z.maxLength(200)),
      readiness: str,
      readinessOnDay: finite,
    }),
  ),
  later: z.array(str).check(z.maxLength(50)),
  mode: z.enum(['plan', 'maintenance']),
  simulationDays: finite,
  simulation: z.array(z.object({ retention: finite, reviewsPerDay: finite, recallPct: pct, current: z.boolean(), label: str })).check(z.maxLength(10)),
});

/** The view's interview buttons. */
export const interviewActions = [
  z.object({ kind: z.literal('setInterviewDate') }),
  z.object({ kind: z.literal('preInterview') }),
  z.object({ kind: z.literal('setRetention'), value: z.number().check(z.gte(0.7), z.lte(0.97)) }),
] as const;

export type InterviewAction =
  { readonly kind: 'setInterviewDate' } | { readonly kind: 'preInterview' } | { readonly kind: 'setRetention'; readonly value: number };
