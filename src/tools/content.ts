/**
 * The content command line:
 *   content check [FOLDER...]   validate the built-in bank (schema, references, quality gates) and any packs
 *   content stats               print what the built-in bank holds, as JSON
 *   content build OUT SCHEMA    write the compiled index and the front-matter JSON Schema
 * Problems print as FILE:LINE: severity: message. Exit 1 when there is any error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileContent, failedFile } from '../core/content/compile';
import { gateProblems } from '../core/content/gates';
import { checkQuality } from '../core/content/quality';
import * as z from 'zod/mini';
import { frontMatterSchema } from '../core/content/schema';
import { contentStats } from '../core/content/stats';
import type { ContentProblem } from '../core/content/types';
import { readPackFolder } from '../node/packFiles';
import { writeBuiltinIndex } from '../node/builtinIndex';
import { splitBodies } from '../core/content/lean';

const root = path.resolve(__dirname, '..', '..');

/** The JSON Schema of a content file's front matter, for authors' editors. Built here, not in the extension. */
function frontMatterJsonSchema(): object {
  return {
    ...z.toJSONSchema(frontMatterSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Loop Prep content front matter',
    description: 'The YAML front matter of a Loop Prep content file. See docs/content-format.md.',
  };
}
const builtinDir = path.join(root, 'content');

function print(problems: readonly ContentProblem[]): void {
  for (const p of problems) {
    const file = path.isAbsolute(p.file) ? path.relative(process.cwd(), p.file) || p.file : p.file;
    console.error(`${file}:${p.line}${p.column ? `:${p.column}` : ''}: ${p.severity}: ${p.message}`);
  }
}

async function builtin() {
  const { files, problems } = await readPackFolder(builtinDir);
  const relative = files.map((f) => ({ ...f, path: path.relative(root, f.path) }));
  const compiled = compileContent(relative, 'builtin');
  return { index: compiled.index, problems: [...problems, ...compiled.problems] };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'build') {
    const [out, schemaOut] = rest;
    if (!out || !schemaOut) throw new Error('usage: content build OUT.json SCHEMA.json');
    const { index, problems } = await builtin();
    print(problems);
    if (problems.some((p) => p.severity === 'error')) return 1;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (path.basename(out) !== 'content.json') throw new Error('content build writes OUT as content.json, with a bodies/ folder beside it');
    const { indexBytes, bodyBytes } = writeBuiltinIndex(path.dirname(out), index, splitBodies);
    console.log(
      `content build: index ${(indexBytes / 1e6).toFixed(2)} MB, card bodies ${(bodyBytes / 1e6).toFixed(2)} MB in ${index.topics.length} topic files`,
    );
    fs.mkdirSync(path.dirname(schemaOut), { recursive: true });
    fs.writeFileSync(schemaOut, JSON.stringify(frontMatterJsonSchema(), null, 2));
    return 0;
  }
  if (command === 'stats') {
    const { index, problems } = await builtin();
    print(problems.filter((p) => p.severity === 'error'));
    console.log(JSON.stringify(contentStats(index), null, 2));
    return 0;
  }
  if (command === 'check') {
    const { index, problems } = await builtin();
    const all = [...problems, ...checkQuality(index), ...gateProblems(index)];
    for (const folder of rest) {
      const pack = await readPackFolder(path.resolve(folder));
      // compileContent reports a file that throws as that file's problem; this catch is for the unforeseen.
      let compiled;
      try {
        compiled = compileContent(pack.files, path.resolve(folder), index);
      } catch (err) {
        all.push(...pack.problems, failedFile(path.resolve(folder), err));
        continue;
      }
      all.push(...pack.problems, ...compiled.problems);
      console.log(
        `${folder}: ${compiled.index.questions.length} questions, ${compiled.index.cases.length} cases, ${compiled.index.lessons.length} lessons loaded`,
      );
    }
    print(all);
    const errors = all.filter((p) => p.severity === 'error').length;
    const warnings = all.length - errors;
    console.log(
      `content check: ${index.questions.length} questions, ${index.topics.length} topics, ${index.cases.length} cases, ${index.lessons.length} lessons; ${errors} errors, ${warnings} warnings`,
    );
    return errors ? 1 : 0;
  }
  console.error('usage: content check [FOLDER...] | content stats | content build OUT SCHEMA');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
