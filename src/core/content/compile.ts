/**
 * Compiles parsed files into a content index: duplicate ids, aliases and cross-references (topics,
 * roles, cases) are checked here. The built-in bank and users' packs both go through it; a pack is
 * checked against the built-in bank it extends.
 */
import { lineOfPath, splitFrontMatter } from './frontMatter';
import { parseContentFile, type ContentFile } from './parse';
import { allItems, EMPTY_INDEX, failedFile, toIndex } from './indexOps';
import { clip } from './valueBounds';
import type { CaseStudy, ContentIndex, ContentItem, ContentProblem, Question, Role, Topic } from './types';

export { allItems, EMPTY_INDEX, failedFile, mergeIndexes, toIndex } from './indexOps';

export interface CompileResult {
  readonly index: ContentIndex;
  readonly problems: ContentProblem[];
}

function problemAt(item: ContentItem, message: string, severity: 'error' | 'warning' = 'error'): ContentProblem {
  return { file: item.source.file, line: 1, severity, message };
}

/** Parses one file and checks its ids against those taken; returns the item when it is to be kept. */
function acceptFile(file: ContentFile, pack: string, owner: ReadonlyMap<string, ContentItem>, problems: ContentProblem[]): ContentItem | undefined {
  const parsed = parseContentFile(file, pack);
  problems.push(...parsed.problems);
  const item = parsed.item;
  if (!item) return undefined;
  const clash = [item.id, ...item.aliases].map((k) => ({ key: k, other: owner.get(k) })).find((c) => c.other);
  if (!clash?.other) return item;
  const builtin = clash.other.source.pack === 'builtin';
  const split = splitFrontMatter(file.text);
  problems.push({
    ...problemAt(
      item,
      `id "${clash.key}" is already used by ${clash.other.source.file}${builtin && pack !== 'builtin' ? ' (built in)' : ''}; ${builtin ? 'the built-in item wins' : 'the first one wins'} and this file is skipped`,
      pack === 'builtin' ? 'error' : 'warning',
    ),
    line: split.ok ? lineOfPath(split.file.yamlLines, [clash.key === item.id ? 'id' : 'aliases']) : 1,
  });
  return undefined;
}

/**
 * Compiles `files` as one pack. Items whose ids (or aliases) are already taken by `base` or by an earlier
 * file are skipped with a problem naming both files: the first one wins, so the built-in item wins.
 */
export function compileContent(files: readonly ContentFile[], pack: string, base: ContentIndex = EMPTY_INDEX): CompileResult {
  const problems: ContentProblem[] = [];
  const owner = new Map<string, ContentItem>();
  for (const item of allItems(base)) for (const key of [item.id, ...item.aliases]) owner.set(key, item);

  const accepted: ContentItem[] = [];
  const texts = new Map<ContentItem, string>();
  for (const file of files) {
    try {
      const item = acceptFile(file, pack, owner, problems);
      if (!item) continue;
      for (const key of [item.id, ...item.aliases]) owner.set(key, item);
      accepted.push(item);
      texts.set(item, file.text);
    } catch (err) {
      problems.push(failedFile(file.path, err));
    }
  }

  const topics = new Set([...base.topics, ...accepted.filter((i): i is Topic => i.kind === 'topic')].map((t) => t.id));
  const roles = new Set([...base.roles, ...accepted.filter((i): i is Role => i.kind === 'role')].map((r) => r.id));
  const cases = new Set([...base.cases, ...accepted.filter((i): i is CaseStudy => i.kind === 'case')].map((c) => c.id));
  const questions = new Set([...base.questions, ...accepted.filter((i): i is Question => i.kind === 'question')].map((q) => q.id));
  let field = '';
  const unknown = (what: string, ids: readonly string[], known: Set<string>, key: string) => {
    const bad = ids.filter((x) => !known.has(x));
    if (bad.length) field = key;
    return bad.length ? `unknown ${what}${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}` : undefined;
  };
  const lineOf = (item: ContentItem): number => {
    const split = splitFrontMatter(texts.get(item) ?? '');
    return split.ok ? lineOfPath(split.file.yamlLines, [field]) : 1;
  };

  const kept: ContentItem[] = [];
  for (const item of accepted) {
    try {
      const checked = checkReferences(item);
      if (checked) kept.push(checked);
    } catch (err) {
      problems.push(failedFile(item.source.file, err));
    }
  }
  return { index: toIndex(kept), problems };

  function checkReferences(item: ContentItem): ContentItem | undefined {
    let error: string | undefined;
    let warning: string | undefined;
    switch (item.kind) {
      case 'question':
        error = unknown('topic', [item.topic], topics, 'topic') ?? unknown('role', item.roles, roles, 'roles');
        break;
      case 'case':
        error = unknown('role', item.roles, roles, 'roles') ?? unknown('topic', item.topics, topics, 'topics');
        break;
      case 'lesson':
        error = unknown('role', item.roles, roles, 'roles');
        warning = unknown('card', item.selfCheck, questions, 'selfCheck');
        break;
      case 'template':
        error = item.caseId ? unknown('case', [item.caseId], cases, 'case') : undefined;
        break;
      case 'role':
        warning = unknown('topic', item.topics.map((t) => t.id), topics, 'topics');
        break;
      case 'topic':
        break;
    }
    if (error) {
      problems.push({ ...problemAt(item, clip(`${error}: this ${item.kind} is skipped`)), line: lineOf(item) });
      return undefined;
    }
    if (warning && item.kind === 'role') {
      problems.push({ ...problemAt(item, clip(`${warning}: those entries are ignored`), 'warning'), line: lineOf(item) });
      return { ...item, topics: item.topics.filter((t) => topics.has(t.id)) };
    }
    if (warning && item.kind === 'lesson') {
      problems.push({ ...problemAt(item, clip(`${warning}: those self-check links are left out`), 'warning'), line: lineOf(item) });
      return { ...item, selfCheck: item.selfCheck.filter((id) => questions.has(id)) };
    }
    return item;
  }
}
