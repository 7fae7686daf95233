/**
 * The mock interview as a state machine: the phases of timed practice (clarify, high-level design, deep
 * dive, wrap-up), an interviewer who probes vague answers and brings up what the candidate has not
 * covered, a clock that moves the interview on when a phase's time is up, and an end where the candidate's
 * words are scored against the case's rubric (summary.ts). Pure: time is passed in, state is plain JSON,
 * and each step returns the new state with what the interviewer says.
 */
import { detectKind, type DesignDocKind } from '../designDoc';
import { PHASE_LABELS, type PhaseKey, type PracticePhase } from '../practice/phases';
import { formatClock } from '../practice/timer';
import { nextTopic, probeFor } from './probes';

export interface MockTurn {
  readonly role: 'interviewer' | 'candidate';
  readonly text: string;
  readonly phase: PhaseKey;
  /** Milliseconds since the mock started. */
  readonly atMs: number;
}

export interface MockState {
  readonly caseId: string;
  readonly caseTitle: string;
  readonly phases: readonly PracticePhase[];
  readonly startedAt: number;
  readonly phaseIndex: number;
  readonly phaseStartedAt: number;
  readonly turns: readonly MockTurn[];
  /** Probe and topic keys already asked, so none repeats. */
  readonly asked: readonly string[];
  readonly status: 'running' | 'done';
  /** Why it ended: the time ran out, the candidate said so, or the last phase was covered. */
  readonly ended?: 'time-up' | 'candidate' | 'covered';
}

/** What one step produced: the new state and the interviewer's lines, in order. */
export interface MockStep {
  readonly state: MockState;
  readonly say: readonly string[];
  /** "Deep dive · 12:30 left in this phase · 31:00 in total": the clock the candidate sees. */
  readonly clock: string;
}

/** Words that end the current phase or the interview when the candidate says them alone. */
const NEXT = /^\s*(?:next|next phase|move on|skip)\s*[.!]?\s*$/i;
const END = /^\s*(?:end|done|finish|stop|end (?:the )?interview|i'?m done)\s*[.!]?\s*$/i;

const totalMs = (s: MockState) => s.phases.reduce((n, p) => n + p.seconds * 1000, 0);
const phaseEnd = (s: MockState) => s.phaseStartedAt + s.phases[s.phaseIndex].seconds * 1000;
const phaseKey = (s: MockState): PhaseKey => s.phases[Math.min(s.phaseIndex, s.phases.length - 1)].key;

/** The clock line for a state at `now`. */
export function mockClock(s: MockState, now: number): string {
  if (s.status === 'done') return `Finished after ${formatClock(Math.max(0, now - s.startedAt))}`;
  const phase = s.phases[s.phaseIndex];
  const left = Math.max(0, phaseEnd(s) - now);
  const totalLeft = Math.max(0, s.startedAt + totalMs(s) - now);
  return `${phase.label} · ${formatClock(left)} left in this phase · ${formatClock(totalLeft)} left in total`;
}

/** Everything the candidate said, as one text: what the summary scores. */
export function candidateText(s: MockState): string {
  return s.turns
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text)
    .join('\n\n');
}

function kindOf(s: MockState): DesignDocKind {
  return detectKind(candidateText(s)).kind;
}

function withTurns(s: MockState, now: number, role: MockTurn['role'], lines: readonly string[]): MockState {
  const atMs = Math.max(0, now - s.startedAt);
  return { ...s, turns: [...s.turns, ...lines.map((text) => ({ role, text, phase: phaseKey(s), atMs }))] };
}

function step(s: MockState, now: number, say: string[]): MockStep {
  return { state: withTurns(s, now, 'interviewer', say), say, clock: mockClock(s, now) };
}

/**
 * Starts a mock of a case. `prompt` is the case's problem statement, as plain text. Throws only on no
 * phases, which the caller's phase settings never give.
 */
export function startMock(c: { id: string; title: string; prompt: string }, phases: readonly PracticePhase[], now: number): MockStep {
  if (phases.length === 0) throw new Error('a mock interview needs at least one phase');
  const state: MockState = {
    caseId: c.id,
    caseTitle: c.title,
    phases,
    startedAt: now,
    phaseIndex: 0,
    phaseStartedAt: now,
    turns: [],
    asked: [],
    status: 'running',
  };
  const minutes = Math.round(totalMs(state) / 60_000);
  const plan = phases.map((p) => `${p.label} ${formatClock(p.seconds * 1000)}`).join(', ');
  const first = nextTopic(phases[0].key, '', 'llm-app', new Set());
  const intro = `Mock interview: ${c.title}. About ${minutes || '<1'} min: ${plan}. Say "next" to move on, "end" to finish.`;
  const asked = first ? [first.key] : [];
  return step({ ...state, asked }, now, [intro, c.prompt, first?.question ?? `${PHASE_LABELS[phases[0].key]}: where would you start?`]);
}

/** Ends the mock now; the caller then builds the summary from candidateText. */
export function endMock(s: MockState, now: number, why: NonNullable<MockState['ended']>): MockStep {
  const done: MockState = { ...s, status: 'done', ended: why };
  const line = why === 'time-up' ? 'Time is up. Let us stop there.' : why === 'covered' ? 'That covers everything I wanted to ask.' : 'Okay, let us stop here.';
  return step(done, now, [`${line} Here is how your answers score against the rubric.`]);
}

/** Moves to the next phase (or ends after the last) and asks its first open topic. */
function advance(s: MockState, now: number, lead: string, lastPhase: 'time-up' | 'covered' | 'candidate'): MockStep {
  if (s.phaseIndex + 1 >= s.phases.length) return endMock(s, now, lastPhase);
  const next: MockState = { ...s, phaseIndex: s.phaseIndex + 1, phaseStartedAt: now };
  const key = phaseKey(next);
  const topic = nextTopic(key, candidateText(next), kindOf(next), new Set(next.asked));
  const question = topic?.question ?? `${PHASE_LABELS[key]}: what would you add here?`;
  const asked = topic ? [...next.asked, topic.key] : next.asked;
  return step({ ...next, asked }, now, [`${lead} Moving on to ${PHASE_LABELS[key]} (${formatClock(next.phases[next.phaseIndex].seconds * 1000)}).`, question]);
}

/**
 * The candidate answered. In order: the whole time is up (the mock ends), the candidate asked to move on
 * or end, the answer is vague (a probe), the phase's time is up (the next phase), a topic of the phase is
 * still open (its question), or the phase is covered (the next phase).
 */
export function answerMock(s: MockState, answer: string, now: number): MockStep {
  if (s.status === 'done') return { state: s, say: ['This mock interview has ended. Start another with /mock.'], clock: mockClock(s, now) };
  const text = answer.trim();
  if (END.test(text)) return endMock(s, now, 'candidate');
  if (NEXT.test(text)) return advance(s, now, 'Sure.', 'candidate');
  const heard = withTurns(s, now, 'candidate', [text]);
  if (now >= s.startedAt + totalMs(s)) return endMock(heard, now, 'time-up');
  const asked = new Set(heard.asked);
  const kind = kindOf(heard);
  const probe = probeFor(text, phaseKey(heard), kind, asked);
  if (probe && now < phaseEnd(heard)) return step({ ...heard, asked: [...heard.asked, probe.key] }, now, [probe.question]);
  if (now >= phaseEnd(heard)) return advance(heard, now, `Time check: that is the ${PHASE_LABELS[phaseKey(heard)]} time.`, 'time-up');
  const topic = nextTopic(phaseKey(heard), candidateText(heard), kind, asked);
  if (topic) return step({ ...heard, asked: [...heard.asked, topic.key] }, now, [topic.question]);
  return advance(heard, now, 'Good.', 'covered');
}
