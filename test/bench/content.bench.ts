/**
 * Content figures for `npm run bench`: reading the built-in index at runtime, compiling 1,000 user pack
 * files, the index size, and refusing a 9-level YAML alias bomb. Budgets: 30 ms, 1.5 s, 1.5 MB, 50 ms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileContent } from '../../src/core/content/compile';
import { aliasBomb } from '../unit/content/helpers';
import type { ContentIndex } from '../../src/core/content/types';
import { readPackFolder } from '../../src/node/packFiles';
import { readBuiltinIndex } from '../../src/node/builtinIndex';

const root = path.resolve(__dirname, '..', '..', '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function userFile(i: number, topic: string): string {
  return `---
kind: question
id: bench-user-question-${i}
topic: ${topic}
roles: [product-ai, applied-ml]
difficulty: ${['easy', 'medium', 'hard'][i % 3]}
type: single
options:
  - text: "Option one for question ${i}, a plausible but wrong choice."
    why: "Wrong because it ignores the cost of the change."
  - text: "Option two for question ${i}, the correct choice here."
    why: "Right because it measures before it ships."
  - text: "Option three for question ${i}, another tempting distractor."
    why: "Wrong because it confuses offline and online metrics."
answer: 1
---
Question ${i}: your team wants to ship a change to the retrieval step. What do you do first, and why?

## Explanation
Measure first on a fixed set so the comparison is fair. Then ship behind a flag with a rollback path.
`;
}

export async function bench(): Promise<Record<string, number>> {
  const dist = path.join(root, 'dist');
  const indexBytes = fs.statSync(path.join(dist, 'content.json')).size;
  const bodyFiles = fs.readdirSync(path.join(dist, 'bodies'));
  const bodyBytes = bodyFiles.reduce((sum, f) => sum + fs.statSync(path.join(dist, 'bodies', f)).size, 0);
  const loads: number[] = [];
  const firstCards: number[] = [];
  let builtin: ContentIndex | undefined;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    builtin = readBuiltinIndex(dist, (problem) => {
      throw new Error(problem);
    });
    loads.push(performance.now() - t);
    // The first card a drill shows: its topic's bodies are read and parsed then.
    const t2 = performance.now();
    void builtin.questions[0].promptHtml;
    firstCards.push(performance.now() - t2);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-bench-pack-'));
  try {
    const topics = builtin!.topics.map((t) => t.id);
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, `q${i}.md`), userFile(i, topics[i % topics.length]));
    const runs: number[] = [];
    let loaded = 0;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      const read = await readPackFolder(dir);
      const compiled = compileContent(read.files, dir, builtin!);
      runs.push(performance.now() - t);
      loaded = compiled.index.questions.length;
    }
    const bombRuns: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      compileContent([{ path: 'bomb.md', text: aliasBomb() }], 'bench', builtin!);
      bombRuns.push(performance.now() - t);
    }
    return {
      aliasBombRefusedMedianMs: +median(bombRuns).toFixed(2),
      aliasBombRefusedBudgetMs: 50,
      builtinIndexBytes: indexBytes,
      builtinIndexBudgetBytes: 1.5 * 1024 * 1024,
      loadBuiltinIndexMedianMs: +median(loads).toFixed(2),
      loadBuiltinIndexBudgetMs: 30,
      cardBodiesBytes: bodyBytes,
      cardBodyFiles: bodyFiles.length,
      firstCardBodyMedianMs: +median(firstCards).toFixed(2),
      builtinQuestions: builtin!.questions.length,
      compile1000UserFilesMedianMs: +median(runs).toFixed(1),
      compile1000UserFilesBudgetMs: 1500,
      userFilesLoaded: loaded,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
