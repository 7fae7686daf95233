import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex, Question } from '../../core/content/types';
import {
  buildStudyPlan,
  CardStatus,
  describeCounts,
  matchesFilter,
  questionsByTopic,
  topicTooltip,
  type PlanFilter,
  type TopicSummary,
} from '../../core/studyPlan/studyPlan';
import { truncate } from '../../core/text';
import { Commands } from '../commands';

/** What the tree needs to know about the user's progress. */
export interface StudyState {
  statusOf(questionId: string): CardStatus;
  isRead(id: string): boolean;
}

/** Tree data, kept apart from TreeItems. Node objects are cached by key so a refresh can name one. */
export type StudyNode =
  | { readonly kind: 'topic'; readonly key: string; summary: TopicSummary }
  | { readonly kind: 'skipGroup'; readonly key: string; topics: readonly TopicSummary[] }
  | { readonly kind: 'card'; readonly key: string; question: Question; status: CardStatus }
  | { readonly kind: 'lessonsGroup'; readonly key: string }
  | { readonly kind: 'lesson'; readonly key: string; id: string }
  | { readonly kind: 'casesGroup'; readonly key: string }
  | { readonly kind: 'case'; readonly key: string; id: string };

const STATUS_ICON: Record<CardStatus, [string, string | undefined]> = {
  new: ['circle-outline', undefined],
  learning: ['sync', 'charts.blue'],
  due: ['bell-dot', 'charts.orange'],
  mastered: ['pass-filled', 'testing.iconPassed'],
  suspended: ['debug-pause', 'disabledForeground'],
};

/**
 * The Study Plan tree: the role's topics in priority order with due/new/mastery counts, the
 * "only if your role needs it" topics in a collapsed group, then lessons and case studies. Until a role
 * is chosen it is empty, so the view shows its welcome content.
 */
export class StudyPlanProvider implements vscode.TreeDataProvider<StudyNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StudyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, StudyNode>();
  private byTopic = new Map<string, Question[]>();
  private indexSeen: ContentIndex | undefined;
  filter: PlanFilter = {};

  constructor(
    private readonly content: () => ContentIndex,
    private readonly role: () => string | undefined,
    private readonly state: StudyState,
  ) {}

  /** Refreshes everything (content, role or filter changed). */
  refreshAll(): void {
    this.changed.fire(undefined);
  }

  /** Refreshes only the topics that hold these cards, and the groups whose counts depend on them. */
  refreshCards(cardIds: readonly string[]): void {
    const index = this.content();
    const catalog = catalogOf(index);
    const topics = new Set(cardIds.map((id) => catalog.resolve('question', id)?.topic).filter((t): t is string => !!t));
    for (const topic of topics) {
      const node = this.nodes.get(`topic:${topic}`);
      if (node && node.kind === 'topic') {
        node.summary = this.summaryFor(topic) ?? node.summary;
        this.changed.fire(node);
      } else {
        const group = this.nodes.get('group:skip');
        if (group) this.changed.fire(group);
      }
    }
  }

  /** Refreshes the lessons and cases groups after a read is marked. */
  refreshReads(): void {
    for (const key of ['group:lessons', 'group:cases']) {
      const node = this.nodes.get(key);
      if (node) this.changed.fire(node);
    }
  }

  private node<T extends StudyNode>(key: string, make: () => T, update?: (n: T) => void): T {
    const existing = this.nodes.get(key) as T | undefined;
    if (existing) {
      update?.(existing);
      return existing;
    }
    const n = make();
    this.nodes.set(key, n);
    return n;
  }

  private questionsOf(topicId: string): Question[] {
    const index = this.content();
    if (this.indexSeen !== index) {
      this.byTopic = questionsByTopic(index);
      this.indexSeen = index;
    }
    return this.byTopic.get(topicId) ?? [];
  }

  private summaryFor(topicId: string): TopicSummary | undefined {
    const plan = this.plan();
    return [...plan.topics, ...plan.skipped].find((s) => s.topic.id === topicId);
  }

  private plan() {
    const index = this.content();
    this.questionsOf(''); // keeps the topic grouping current
    return buildStudyPlan(index, this.role(), (q) => this.state.statusOf(q.id), this.byTopic);
  }

  getChildren(parent?: StudyNode): StudyNode[] {
    if (!parent) {
      if (!this.role()) return [];
      const plan = this.plan();
      const out: StudyNode[] = plan.topics.map((summary) =>
        this.node<Extract<StudyNode, { kind: 'topic' }>>(
          `topic:${summary.topic.id}`,
          () => ({ kind: 'topic', key: `topic:${summary.topic.id}`, summary }),
          (n) => (n.summary = summary),
        ),
      );
      if (plan.skipped.length)
        out.push(
          this.node<Extract<StudyNode, { kind: 'skipGroup' }>>(
            'group:skip',
            () => ({ kind: 'skipGroup', key: 'group:skip', topics: plan.skipped }),
            (n) => (n.topics = plan.skipped),
          ),
        );
      if (this.content().lessons.length) out.push(this.node('group:lessons', () => ({ kind: 'lessonsGroup', key: 'group:lessons' })));
      if (this.content().cases.length) out.push(this.node('group:cases', () => ({ kind: 'casesGroup', key: 'group:cases' })));
      return out;
    }
    switch (parent.kind) {
      case 'skipGroup':
        parent.topics = this.plan().skipped; // counts may have changed since the top level was built
        return parent.topics.map((summary) =>
          this.node<Extract<StudyNode, { kind: 'topic' }>>(
            `topic:${summary.topic.id}`,
            () => ({ kind: 'topic', key: `topic:${summary.topic.id}`, summary }),
            (n) => (n.summary = summary),
          ),
        );
      case 'topic':
        return this.questionsOf(parent.summary.topic.id)
          .map((q) => ({ q, status: this.state.statusOf(q.id) }))
          .filter(({ q, status }) => matchesFilter(q, status, this.filter))
          .map(({ q, status }) =>
            this.node<Extract<StudyNode, { kind: 'card' }>>(
              `card:${q.id}`,
              () => ({ kind: 'card', key: `card:${q.id}`, question: q, status }),
              (n) => {
                n.question = q;
                n.status = status;
              },
            ),
          );
      case 'lessonsGroup':
        return this.content().lessons.map((l) => this.node(`lesson:${l.id}`, () => ({ kind: 'lesson', key: `lesson:${l.id}`, id: l.id })));
      case 'casesGroup':
        return this.content().cases.map((c) => this.node(`case:${c.id}`, () => ({ kind: 'case', key: `case:${c.id}`, id: c.id })));
      default:
        return [];
    }
  }

  getParent(node: StudyNode): StudyNode | undefined {
    if (node.kind === 'card') return this.nodes.get(`topic:${node.question.topic}`);
    if (node.kind === 'lesson') return this.nodes.get('group:lessons');
    if (node.kind === 'case') return this.nodes.get('group:cases');
    if (node.kind === 'topic' && node.summary.weight === 'skip') return this.nodes.get('group:skip');
    return undefined;
  }

  getTreeItem(node: StudyNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'topic': {
        const s = node.summary;
        const item = new vscode.TreeItem(s.topic.title, C.Collapsed);
        item.id = node.key;
        item.description = describeCounts(s);
        item.tooltip = topicTooltip(s); // plain text: pack text is never rendered as Markdown on hover
        item.contextValue = 'topic';
        item.iconPath = new vscode.ThemeIcon(s.weight === 'core' ? 'star-full' : s.weight === 'skip' ? 'circle-slash' : 'book');
        item.accessibilityInformation = { label: `${s.topic.title}, ${describeCounts(s)}` };
        return item;
      }
      case 'skipGroup': {
        const item = groupItem(node, 'Only if your role needs it', `${node.topics.length} topics`, 'fold');
        item.tooltip = 'Topics this role rarely tests: study them only if the job description asks for them.';
        return item;
      }
      case 'card': {
        const q = node.question;
        const item = new vscode.TreeItem(truncate(q.promptText, 80), C.None);
        item.id = node.key;
        item.description = `${node.status} · ${q.difficulty}`;
        item.tooltip = `${q.promptText}\n\n${q.type} · ${q.difficulty} · ${node.status}`;
        const [icon, color] = STATUS_ICON[node.status];
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = `card.${node.status}`;
        item.command = { command: Commands.openCard, title: 'Open in a drill', arguments: [q.id] };
        item.accessibilityInformation = { label: `${q.promptText}. ${node.status}, ${q.difficulty}` };
        return item;
      }
      case 'lessonsGroup': {
        const lessons = this.content().lessons;
        return groupItem(node, 'Lessons', `${lessons.filter((l) => this.state.isRead(l.id)).length} / ${lessons.length} complete`, 'mortar-board');
      }
      case 'lesson': {
        const lesson = catalogOf(this.content()).get('lesson', node.id);
        const done = this.state.isRead(node.id);
        const item = new vscode.TreeItem(lesson?.title ?? node.id, C.None);
        item.id = node.key;
        item.description = `${lesson?.minutes ?? '?'} min${done ? ' · complete' : ''}`;
        item.iconPath = new vscode.ThemeIcon(done ? 'pass-filled' : 'book', done ? new vscode.ThemeColor('testing.iconPassed') : undefined);
        item.contextValue = done ? 'lesson.complete' : 'lesson.incomplete';
        item.command = { command: Commands.openLesson, title: 'Open lesson', arguments: [node.id] };
        item.accessibilityInformation = { label: `${lesson?.title ?? node.id}, lesson${done ? ', complete' : ''}` };
        return item;
      }
      case 'casesGroup':
        return groupItem(node, 'Case studies', `${this.content().cases.length}`, 'briefcase');
      case 'case': {
        const c = catalogOf(this.content()).get('case', node.id);
        const read = this.state.isRead(node.id);
        const item = new vscode.TreeItem(c?.title ?? node.id, C.None);
        item.id = node.key;
        item.description = read ? 'read' : undefined;
        item.tooltip = c?.summary;
        item.iconPath = new vscode.ThemeIcon('briefcase');
        // Read or not drives the Mark Complete / Mark Incomplete menu items, as on lessons.
        item.contextValue = read ? 'case.complete' : 'case.incomplete';
        item.command = { command: Commands.openCase, title: 'Open walkthrough', arguments: [node.id] };
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A collapsed group row (skipped topics, lessons, case studies); menus know it by its kind. */
function groupItem(node: StudyNode, label: string, description: string, icon: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.key;
  item.description = description;
  item.contextValue = node.kind;
  item.iconPath = new vscode.ThemeIcon(icon);
  return item;
}
