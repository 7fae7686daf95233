import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import type { SessionMode } from '../../core/review/session';
import { Commands } from '../commands';
import type { ContentService } from '../content/contentService';
import { pickCase, pickTopic } from '../pickers';
import { learnAheadMs } from '../config';
import type { StateService } from '../state/stateService';
import { DrillController } from '../../core/drill/controller';
import type { DrillSnapshot } from '../../core/drill/snapshot';
import { plural } from '../../core/text';

const MODE_LABELS: Record<SessionMode['kind'], string> = {
  mixed: 'Due and new',
  due: 'Due now',
  new: 'New for my role',
  topic: 'Topic',
  weak: 'Weak spots',
  case: 'Case study',
};

export function modeLabel(mode: SessionMode, index: ContentIndex): string {
  if (mode.kind === 'topic') return `Topic: ${catalogOf(index).get('topic', mode.topicId)?.title ?? mode.topicId}`;
  return MODE_LABELS[mode.kind];
}

/** Builds the session for a mode and wraps it in a controller. */
export function createDrillController(content: ContentService, state: StateService, mode: SessionMode, now = () => new Date()): DrillController {
  const index = content.index;
  const cardIds = state.sessionCardIds(index, mode, now());
  return new DrillController(
    state.drillBackend(() => content.index),
    { cardIds, modeLabel: modeLabel(mode, index), now, learnAheadMs },
  );
}

/** A controller over given cards, e.g. the one card "Open Card" drills. */
export function cardsDrillController(
  content: ContentService,
  state: StateService,
  cardIds: readonly string[],
  label: string,
  now = () => new Date(),
): DrillController {
  return new DrillController(
    state.drillBackend(() => content.index),
    { cardIds, modeLabel: label, now, learnAheadMs },
  );
}

/** Resumes a session kept over a window reload, cards coming back included. */
export function resumeDrillController(content: ContentService, state: StateService, snapshot: DrillSnapshot, now = () => new Date()): DrillController {
  return new DrillController(
    state.drillBackend(() => content.index),
    { cardIds: [], modeLabel: snapshot.modeLabel, now, learnAheadMs },
    snapshot,
  );
}

/** Reads a mode from what a command received: a tree node, a topic id, `{ mode, topicId }`, or nothing. */
export function modeFromArg(arg: unknown, index: ContentIndex): SessionMode | undefined {
  if (typeof arg === 'string') return catalogOf(index).has('topic', arg) ? { kind: 'topic', topicId: arg } : undefined;
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { kind?: unknown; mode?: unknown; topicId?: unknown; summary?: { topic?: { id?: unknown } } };
  if (a.kind === 'topic' && typeof a.summary?.topic?.id === 'string') return { kind: 'topic', topicId: a.summary.topic.id };
  switch (a.mode) {
    case 'due':
    case 'new':
    case 'weak':
    case 'mixed':
      return { kind: a.mode };
    case 'topic':
      return typeof a.topicId === 'string' ? { kind: 'topic', topicId: a.topicId } : undefined;
    default:
      return undefined;
  }
}

/** The "Start Drill" quick pick: due now (with a count), new for my role, by topic, weak spots, a case. */
export async function pickMode(content: ContentService, state: StateService): Promise<SessionMode | undefined> {
  const index = content.index;
  const now = new Date();
  const due = state.dueCount(index, now);
  const items: (vscode.QuickPickItem & { mode: SessionMode | 'topic' | 'case' | 'preInterview' })[] = [
    {
      label: '$(bell-dot) Due now',
      description: plural(due, 'card'),
      detail: 'Reviews scheduled for today or earlier, most overdue first, then new cards.',
      mode: { kind: 'mixed' },
    },
    { label: '$(sparkle) New for my role', detail: 'Cards you have not seen, in your role’s priority order.', mode: { kind: 'new' } },
    { label: '$(list-tree) By topic…', detail: 'Due and new cards from one topic.', mode: 'topic' },
    { label: '$(flame) Weak spots', detail: 'The reviewed cards you are most likely to have forgotten.', mode: { kind: 'weak' } },
    { label: '$(briefcase) Everything in a case study…', detail: 'Cards for the topics a case study exercises, and rubric points you missed.', mode: 'case' },
    {
      label: '$(calendar) Pre-interview review',
      detail: 'With an interview date set: the cards you are most likely to have forgotten by the day, first.',
      mode: 'preInterview',
    },
  ];
  const pick = await vscode.window.showQuickPick(items, { placeHolder: 'What do you want to drill?', matchOnDetail: true });
  if (!pick) return undefined;
  if (pick.mode === 'preInterview') {
    // Its own command (src/extension/interview) builds the session from the interview plan.
    await vscode.commands.executeCommand(Commands.preInterviewReview);
    return undefined;
  }
  if (pick.mode === 'topic') {
    const topicId = await pickTopic(index);
    return topicId ? { kind: 'topic', topicId } : undefined;
  }
  if (pick.mode === 'case') {
    const caseId = await pickCase(index);
    return caseId ? { kind: 'case', cardIds: state.caseCardIds(index, caseId) } : undefined;
  }
  return pick.mode;
}
