import * as assert from 'assert';
import { ContentCatalog, catalogOf } from '../../../src/core/content/catalog';
import type { ContentIndex, Question } from '../../../src/core/content/types';
import { bank, caseStudy, lesson, question, topic } from '../progress/helpers';

const renamed = (q: Question, ...aliases: string[]): Question => ({ ...q, aliases });

function index(questions: readonly Question[], extra: Partial<ContentIndex> = {}): ContentIndex {
  return { ...bank(), questions, ...extra };
}

describe('content catalog', () => {
  it('finds every kind by id and by alias, and the current id wins over an alias', () => {
    const qs = [renamed(question('evals-new', 'evals'), 'evals-old', 'evals-older'), question('rag-1', 'rag'), renamed(question('rag-2', 'rag'), 'rag-1')];
    const c = new ContentCatalog(index(qs, { lessons: [{ ...lesson('l-new', 'L', 1), aliases: ['l-old'] }], cases: [{ ...caseStudy('c-new', 'C', [], ['evals']), aliases: ['c-old'] }] }));
    assert.strictEqual(c.resolve('question', 'evals-new')?.id, 'evals-new');
    assert.strictEqual(c.resolve('question', 'evals-old')?.id, 'evals-new');
    assert.strictEqual(c.resolve('question', 'evals-older')?.id, 'evals-new');
    assert.strictEqual(c.resolve('question', 'rag-1')?.id, 'rag-1', 'an id is never shadowed by another card listing it as an alias');
    assert.strictEqual(c.resolve('lesson', 'l-old')?.id, 'l-new');
    assert.strictEqual(c.resolve('case', 'c-old')?.id, 'c-new');
    assert.strictEqual(c.resolve('topic', 'rag')?.title, 'Retrieval');
    assert.strictEqual(c.resolve('role', 'ml-infra')?.name, 'ML infra engineer');
    assert.strictEqual(c.resolve('question', 'c-old'), undefined, 'kinds are separate');
    assert.strictEqual(c.resolve('question', undefined), undefined);
    assert.strictEqual(c.get('question', 'evals-old'), undefined, 'get follows no alias');
    assert.strictEqual(c.currentId('question', 'evals-old'), 'evals-new');
    assert.strictEqual(c.currentId('question', 'gone'), 'gone');
    assert.deepStrictEqual(c.idsOf('question', 'evals-new'), ['evals-new', 'evals-old', 'evals-older']);
    assert.deepStrictEqual(c.idsOf('question', 'rag-2'), ['rag-2'], 'an alias that is another card\'s id is not this card\'s history');
    assert.deepStrictEqual(c.renamed('question').map((q) => q.id), ['evals-new', 'rag-2']);
  });

  it('keeps the first item for a duplicated id or alias (built-in content comes before packs)', () => {
    const first = renamed(question('dup', 'evals'), 'shared');
    const second = { ...renamed(question('dup', 'rag'), 'shared'), promptText: 'second' };
    const other = renamed(question('other', 'rag'), 'shared');
    const c = new ContentCatalog(index([first, second, other]));
    assert.strictEqual(c.resolve('question', 'dup'), first);
    assert.strictEqual(c.resolve('question', 'shared'), first);
    assert.deepStrictEqual(c.idsOf('question', 'other'), ['other']);
    assert.deepStrictEqual(c.renamed('question').map((q) => q.topic), ['evals', 'rag'], 'the shadowed duplicate is not listed');
  });

  it('treats ids such as constructor and __proto__ as plain ids', () => {
    const c = new ContentCatalog(index([question('constructor', 'evals'), renamed(question('to-string', 'evals'), '__proto__', 'hasOwnProperty')], { topics: [topic('evals', 'Evals'), topic('__proto__', 'Proto')] }));
    assert.strictEqual(c.resolve('question', 'constructor')?.id, 'constructor');
    assert.strictEqual(c.resolve('question', '__proto__')?.id, 'to-string');
    assert.strictEqual(c.resolve('question', 'hasOwnProperty')?.id, 'to-string');
    assert.strictEqual(c.resolve('question', 'toString'), undefined);
    assert.strictEqual(c.resolve('lesson', 'constructor'), undefined);
    assert.strictEqual(c.has('topic', '__proto__'), true);
    assert.strictEqual(c.questionsOf('__proto__').length, 0);
    assert.strictEqual(c.questionsOf('constructor').length, 0);
    assert.deepStrictEqual(c.questionsOf('evals').map((q) => q.id), ['constructor', 'to-string']);
  });

  it('lists a topic\'s questions and a case\'s rubric cards in index order', () => {
    const rubric = (id: string, caseId: string): Question => ({ ...question(id, 'evals'), caseId });
    const c = new ContentCatalog(index([question('e1', 'evals'), question('r1', 'rag'), rubric('c-rubric-1', 'c'), question('e2', 'evals'), rubric('d-rubric-1', 'd')]));
    assert.deepStrictEqual(c.questionsOf('evals').map((q) => q.id), ['e1', 'c-rubric-1', 'e2', 'd-rubric-1']);
    assert.deepStrictEqual(c.rubricQuestionsOf('c').map((q) => q.id), ['c-rubric-1']);
    assert.deepStrictEqual(c.questionsOf('nothing'), []);
  });

  it('is built once per index object', () => {
    const a = bank();
    assert.strictEqual(catalogOf(a), catalogOf(a));
    const b = { ...a, questions: [...a.questions, question('evals-9', 'evals')] };
    assert.notStrictEqual(catalogOf(b), catalogOf(a));
    assert.strictEqual(catalogOf(b).resolve('question', 'evals-9')?.id, 'evals-9');
    assert.strictEqual(catalogOf(a).resolve('question', 'evals-9'), undefined);
  });
});
