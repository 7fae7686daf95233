/** Operations on compiled indexes that need no parser: cheap enough for the activation path. */
import type { ContentIndex, ContentItem, ContentProblem, Lesson, Question, Template } from './types';
import { clip } from './valueBounds';

export const EMPTY_INDEX: ContentIndex = { formatVersion: 1, roles: [], topics: [], questions: [], cases: [], lessons: [], templates: [] };

export function toIndex(items: readonly ContentItem[]): ContentIndex {
  const of = <K extends ContentItem['kind']>(kind: K) => items.filter((i) => i.kind === kind) as Extract<ContentItem, { kind: K }>[];
  return {
    formatVersion: 1,
    roles: of('role'),
    topics: of('topic'),
    questions: of('question') as Question[],
    cases: of('case'),
    lessons: (of('lesson') as Lesson[]).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title)),
    templates: of('template') as Template[],
  };
}

export function allItems(index: ContentIndex): ContentItem[] {
  return [...index.roles, ...index.topics, ...index.questions, ...index.cases, ...index.lessons, ...index.templates];
}

/** The built-in index followed by each pack's items. */
export function mergeIndexes(base: ContentIndex, ...packs: ContentIndex[]): ContentIndex {
  return toIndex([...allItems(base), ...packs.flatMap(allItems)]);
}

/** The one problem for a file whose check threw: its own line, and the rest of the pack goes on. */
export function failedFile(file: string, err: unknown): ContentProblem {
  const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { file, line: 1, severity: 'error', message: clip(`this file could not be checked (${why}); it is skipped and the rest of the pack loads`) };
}
