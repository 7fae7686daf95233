/**
 * Hostile pack files: each costs only itself. An alias bomb, a self-referencing alias, deep nesting,
 * huge values in messages, and a file whose check throws all become one problem on that file, and the
 * neighbouring valid files still load.
 */
import * as assert from 'assert';
import { compileContent } from '../../../src/core/content/compile';
import { splitFrontMatter } from '../../../src/core/content/frontMatter';
import type { ContentFile } from '../../../src/core/content/parse';
import { MAX_FRONT_MATTER_VALUES, measureValue, preview } from '../../../src/core/content/valueBounds';
import { aliasBomb, assertOneError, compileBeside, md } from './helpers';

describe('hostile pack files', () => {
  it('refuses an alias bomb at its first alias, before anything walks the expanded value', () => {
    const split = splitFrontMatter(aliasBomb());
    assert.ok(!split.ok);
    assert.strictEqual(split.line, 3, 'the line of the first alias');
    assert.match(split.message, new RegExp(`expands to more than ${MAX_FRONT_MATTER_VALUES} values through YAML aliases`));
    const { problems } = compileBeside({ path: 'p/bomb.md', text: aliasBomb() });
    assertOneError(problems, 3, /YAML aliases \(\*name\); write the values out instead, this file is skipped$/);
  });

  it('still accepts a few ordinary aliases', () => {
    const text = md(['kind: topic', 'id: aliased', 'title: T', 'summary: &s Summary', 'concepts: [*s, *s]'], 'Body.\n');
    const split = splitFrontMatter(text);
    assert.ok(split.ok);
    assert.deepStrictEqual((split.file.data as { concepts: string[] }).concepts, ['Summary', 'Summary']);
  });

  it('refuses an alias that refers to its own anchor, and nesting past the depth bound', () => {
    const cycle = splitFrontMatter(md(['kind: topic', 'concepts: &c [a, *c]'], 'Body.\n'));
    assert.ok(!cycle.ok);
    assert.match(cycle.message, /nests deeper than 32 levels, or a YAML alias refers to itself/);
    const deep = splitFrontMatter(md([`kind: ${'['.repeat(40)}x${']'.repeat(40)}`], 'Body.\n'));
    assert.ok(!deep.ok);
    assert.match(deep.message, /nests deeper than 32 levels/);
  });

  it('counts a shared value once per use, and stops at the bound', () => {
    const leaf = ['x', 'y'];
    const shared = [leaf, leaf, leaf];
    assert.deepStrictEqual(measureValue({ a: shared, b: shared }), { ok: true, values: 1 + 2 * (1 + 3 * 3) });
    assert.deepStrictEqual(measureValue({ a: shared, b: shared }, 10), { ok: false, reason: 'too-many-values' });
  });

  it('keeps messages about huge values short', () => {
    const huge = 'x'.repeat(500_000);
    const { problems } = compileBeside({ path: 'p/kind.md', text: md([`kind: "${huge}"`], 'Body.\n') });
    assertOneError(problems, 2, /^kind must be one of .* \(got "x{60}…"\)$/);
    assert.strictEqual(preview(['a', 'b']), 'a list of 2');
    const many = md(['kind: topic', 'id: t', 'title: T', 'summary: S', 'concepts: [a]', ...Array.from({ length: 300 }, (_, i) => `extra${i}: 1`)], 'Body.\n');
    const manyProblems = compileBeside({ path: 'p/many.md', text: many }).problems;
    assert.ok(manyProblems.length <= 51, `${manyProblems.length} problems`);
    for (const p of manyProblems) assert.ok(p.message.length <= 500, p.message.slice(0, 80));
  });

  it('turns a file whose check throws into one problem on that file; the other files load', () => {
    const throwing = {
      path: 'p/throws.md',
      get text(): string {
        throw new RangeError('Invalid string length');
      },
    } as ContentFile;
    const { problems } = compileBeside(throwing);
    assertOneError(problems, 1, /^this file could not be checked \(RangeError: Invalid string length\); it is skipped and the rest of the pack loads$/);
  });

  it('compiles a pack holding an alias bomb with its neighbours intact', () => {
    const good = md(['kind: topic', 'id: fine', 'title: Fine', 'summary: S', 'concepts: [a]'], 'Body.\n');
    const result = compileContent([{ path: 'p/bomb.md', text: aliasBomb() }, { path: 'p/fine.md', text: good }], 'user');
    assert.deepStrictEqual(result.index.topics.map((t) => t.id), ['fine']);
    assert.deepStrictEqual(result.problems.map((p) => p.file), ['p/bomb.md']);
  });
});
