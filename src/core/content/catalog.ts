/**
 * The content catalog: every item of a compiled index by kind, id and alias, built once per index.
 * `resolve(kind, idOrAlias)` is the one way to find an item by an id someone stored or typed: a current id
 * wins over an alias, and among items listing the same alias the first in the index wins (built-in content
 * comes before packs). Ids are kept in Maps, so an id such as `constructor` or `__proto__` is an id like
 * any other. `catalogOf(index)` builds the catalog on first use and keeps it as long as the index lives.
 */
import type { CaseStudy, ContentIndex, ContentKind, Lesson, Question, Role, Template, Topic } from './types';

/** The item type of each kind. */
export interface ItemOfKind {
  readonly role: Role;
  readonly topic: Topic;
  readonly question: Question;
  readonly case: CaseStudy;
  readonly lesson: Lesson;
  readonly template: Template;
}

/** Where each kind's items live in the index. */
const LISTS: { readonly [K in ContentKind]: (index: ContentIndex) => readonly ItemOfKind[K][] } = {
  role: (i) => i.roles,
  topic: (i) => i.topics,
  question: (i) => i.questions,
  case: (i) => i.cases,
  lesson: (i) => i.lessons,
  template: (i) => i.templates,
};

/** One kind's items by id and by alias. */
class KindIndex<T extends { readonly id: string; readonly aliases: readonly string[] }> {
  readonly byId = new Map<string, T>();
  readonly byAlias = new Map<string, T>();

  constructor(items: readonly T[]) {
    for (const item of items) if (!this.byId.has(item.id)) this.byId.set(item.id, item);
    for (const item of items) for (const alias of item.aliases) if (!this.byAlias.has(alias)) this.byAlias.set(alias, item);
  }

  resolve(idOrAlias: string): T | undefined {
    return this.byId.get(idOrAlias) ?? this.byAlias.get(idOrAlias);
  }
}

const EMPTY: readonly Question[] = [];

/** An index's items by kind, id and alias; see the file comment. Create with `catalogOf`. */
export class ContentCatalog {
  private readonly kinds: { readonly [K in ContentKind]: KindIndex<ItemOfKind[K]> };
  private readonly byTopic = new Map<string, Question[]>();
  private readonly byCase = new Map<string, Question[]>();

  constructor(readonly index: ContentIndex) {
    this.kinds = {
      role: new KindIndex(index.roles),
      topic: new KindIndex(index.topics),
      question: new KindIndex(index.questions),
      case: new KindIndex(index.cases),
      lesson: new KindIndex(index.lessons),
      template: new KindIndex(index.templates),
    };
    for (const q of index.questions) {
      push(this.byTopic, q.topic, q);
      if (q.caseId !== undefined) push(this.byCase, q.caseId, q);
    }
  }

  /** The item of this kind whose id, or else one of whose aliases, is `idOrAlias`; undefined when none. */
  resolve<K extends ContentKind>(kind: K, idOrAlias: string | undefined): ItemOfKind[K] | undefined {
    return idOrAlias === undefined ? undefined : (this.kinds[kind] as unknown as KindIndex<ItemOfKind[K]>).resolve(idOrAlias);
  }

  /** The item whose current id is `id` (aliases not followed). */
  get<K extends ContentKind>(kind: K, id: string): ItemOfKind[K] | undefined {
    return (this.kinds[kind] as unknown as KindIndex<ItemOfKind[K]>).byId.get(id);
  }

  /** Whether an item of this kind has `id` as its current id. */
  has(kind: ContentKind, id: string): boolean {
    return this.kinds[kind].byId.has(id);
  }

  /** The current id for a stored or typed id: the id of the item it resolves to, else the id itself. */
  currentId(kind: ContentKind, idOrAlias: string): string {
    return this.resolve(kind, idOrAlias)?.id ?? idOrAlias;
  }

  /** Every id an item of this kind may have stored history under: its id, then its aliases. */
  idsOf(kind: ContentKind, id: string): readonly string[] {
    const item = this.get(kind, id);
    return item && item.aliases.length ? [id, ...item.aliases.filter((a) => this.resolve(kind, a) === item)] : [id];
  }

  /** Items of this kind with at least one alias (renamed items). */
  renamed<K extends ContentKind>(kind: K): ItemOfKind[K][] {
    return LISTS[kind](this.index).filter((x) => x.aliases.length > 0 && this.get(kind, x.id) === x);
  }

  /** A topic's questions, in index order. */
  questionsOf(topicId: string): readonly Question[] {
    return this.byTopic.get(topicId) ?? EMPTY;
  }

  /** The questions made from a case study's rubric (`caseId` set), in index order. */
  rubricQuestionsOf(caseId: string): readonly Question[] {
    return this.byCase.get(caseId) ?? EMPTY;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const catalogs = new WeakMap<ContentIndex, ContentCatalog>();

/** The catalog of `index`, built on the first call for that index object and reused after. */
export function catalogOf(index: ContentIndex): ContentCatalog {
  let catalog = catalogs.get(index);
  if (!catalog) {
    catalog = new ContentCatalog(index);
    catalogs.set(index, catalog);
  }
  return catalog;
}
