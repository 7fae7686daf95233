/** Builds the Progress view's interview section (shared/interview.ts) from the plan, forecast and simulation. */
import type { ContentIndex } from '../../core/content/types';
import { daysLeftText, upcoming } from '../../core/interview';
import type { InterviewForecast, InterviewPlan, InterviewState, SimulationRow } from '../../core/interview';
import { catalogOf } from '../../core/content/catalog';
import { dayLabel } from '../../core/time';
import type { InterviewView } from '../../shared/interview';
import type { Active } from './model';

const pct = (x: number): number => Math.round(x * 100);

export function buildInterviewView(
  stored: InterviewState,
  index: ContentIndex,
  today: number,
  active: { active: Active; plan: InterviewPlan; forecast: InterviewForecast } | undefined,
  simulation: readonly SimulationRow[],
  simulationDays: number,
  desired: number,
): InterviewView {
  const roleName = (id: string): string => catalogOf(index).get('role', id)?.name ?? id;
  const later = upcoming(stored.interviews, today)
    .filter((i) => i.id !== active?.active.interview.id)
    .map((i) => `${i.date} (${roleName(i.roleId)})`);
  const rows = simulation.map((r) => ({
    retention: r.retention,
    reviewsPerDay: r.reviewsPerDay,
    recallPct: pct(r.recallAtEnd),
    current: Math.abs(r.retention - desired) < 0.001,
    label: `Desired retention ${pct(r.retention)}%: ${r.reviewsPerDay} reviews a day, ${pct(r.recallAtEnd)}% recall at the end`,
  }));
  if (!active) return { active: null, later, mode: stored.mode, simulationDays, simulation: rows };
  const { plan, forecast } = active;
  const { interview, role } = active.active;
  const todayItems = plan.items.filter((i) => i.day <= today).map((i) => (i.kind === 'lesson' ? `Read: ${i.title}` : `Practise the case "${i.title}"`));
  return {
    active: {
      id: interview.id,
      date: interview.date,
      roleName: role.name,
      daysLeft: plan.daysLeft,
      title: `Interview for ${role.name} on ${dayLabel(plan.interviewDay)}, ${daysLeftText(plan.daysLeft)}`,
      status: plan.status,
      pace: plan.paceText,
      drop: plan.dropText,
      today: todayItems,
      forecast: forecast.topics.map((t) => ({
        topicId: t.topicId,
        title: t.title,
        nowPct: pct(t.now),
        onDayPct: pct(t.onDay),
        label: `${t.title}: ${pct(t.now)}% recall now, ${pct(t.onDay)}% predicted on the day`,
      })),
      readiness: forecast.summary,
      readinessOnDay: forecast.readinessOnDay,
    },
    later,
    mode: stored.mode,
    simulationDays,
    simulation: rows,
  };
}
