import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compileContent } from '../../../src/core/content/compile';
import { joinBody, splitBodies, textOfHtml, type BodyShard, type QuestionMeta } from '../../../src/core/content/lean';
import type { ContentIndex } from '../../../src/core/content/types';
import { readPackFolder } from '../../../src/node/packFiles';

/** The repository's built-in bank, compiled from content/. */
async function bank(): Promise<ContentIndex> {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'content', 'topics'))) {
      return compileContent((await readPackFolder(path.join(dir, 'content'))).files, 'builtin').index;
    }
  }
  throw new Error(`no content/ folder above ${__dirname}`);
}

describe('lean index and question bodies', () => {
  let full: ContentIndex;
  let lean: { questions: QuestionMeta[] } & Omit<ContentIndex, 'questions'>;
  let shards: Map<string, BodyShard>;
  before(async () => {
    full = await bank();
    ({ lean, shards } = splitBodies(full));
  });

  it('gives every question back, field for field, once its body is joined', () => {
    assert.strictEqual(lean.questions.length, full.questions.length);
    full.questions.forEach((q, i) => {
      const body = shards.get(q.topic)?.[q.id];
      assert.ok(body, `${q.id} has a body in its topic's shard`);
      const joined = joinBody(lean.questions[i], body);
      const { explanationText, options, ...rest } = q;
      const { explanationText: jText, options: jOptions, ...jRest } = joined;
      // As shipped: through JSON, where an undefined field and a missing one are the same.
      const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));
      assert.deepStrictEqual(json(jRest), json(rest), q.id);
      assert.deepStrictEqual(json(jOptions?.map((o) => ({ ...o, text: undefined }))), json(options?.map((o) => ({ ...o, text: undefined }))), q.id);
      // Derived texts agree with the compiler's up to spacing and punctuation around markup.
      const words = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      assert.strictEqual(words(jText), words(explanationText), `${q.id} explanation text`);
      jOptions?.forEach((o, k) => assert.strictEqual(words(o.text), words(options![k].text), `${q.id} option ${k}`));
    });
  });

  it('keeps no body in the lean index, and every other kind untouched', () => {
    for (const q of lean.questions) for (const key of ['promptHtml', 'options', 'explanationHtml', 'answerHtml', 'numeric', 'correct', 'keyPoints']) assert.ok(!(key in q), `${q.id} keeps ${key}`);
    assert.deepStrictEqual(lean.cases, full.cases);
    assert.deepStrictEqual(lean.lessons, full.lessons);
    assert.deepStrictEqual([...shards.keys()].sort(), [...new Set(full.questions.map((q) => q.topic))].sort());
  });

  it('turns HTML into plain text', () => {
    assert.strictEqual(textOfHtml('<p>Use <code>no_sync</code> &amp; scale by 1/k &lt;here&gt;.</p>\n<p>Two</p>'), 'Use no_sync & scale by 1/k <here>. Two');
  });
});
