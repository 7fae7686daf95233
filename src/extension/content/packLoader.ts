/**
 * Loads users' content packs with the same parser and schema as the build. Bundled on its own as
 * dist/packs.js and required only when a pack exists, so the Markdown and YAML parsers never load at
 * activation for users without packs. No 'vscode' import: the caller owns diagnostics and logging.
 */
import { compileContent, EMPTY_INDEX, failedFile, mergeIndexes } from '../../core/content/compile';
import type { ContentIndex, ContentProblem } from '../../core/content/types';
import { readPackFolder } from '../../node/packFiles';

export interface LoadedPack {
  readonly folder: string;
  readonly index: ContentIndex;
  readonly problems: ContentProblem[];
}

/**
 * Reads and compiles each folder in order; each is checked against the built-in bank and earlier packs.
 * Never rejects: a folder whose reading or compiling throws loads nothing and reports one problem.
 */
export async function loadPacks(folders: readonly string[], builtin: ContentIndex): Promise<LoadedPack[]> {
  const out: LoadedPack[] = [];
  let base = builtin;
  for (const folder of folders) {
    try {
      const read = await readPackFolder(folder);
      const compiled = compileContent(read.files, folder, base);
      out.push({ folder, index: compiled.index, problems: [...read.problems, ...compiled.problems] });
      base = mergeIndexes(base, compiled.index);
    } catch (err) {
      out.push({ folder, index: EMPTY_INDEX, problems: [failedFile(folder, err)] });
    }
  }
  return out;
}
