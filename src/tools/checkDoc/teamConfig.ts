/**
 * Finds and reads the team config for a doc on disk: the nearest `.loopprep/design-doc.{json,yaml,yml}`
 * from the doc's folder up to the repository root (the nearest folder with `.git`), or up to the file
 * system root outside a repository. Each config is read once per run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { configCandidates, MAX_CONFIG_BYTES, parseConfigFile, type ConfigProblem, type DesignDocConfig } from '../../core/designDoc';
import { readDocFile } from './files';

export interface LoadedConfig {
  /** The config file, as a path relative to the working folder; undefined when there is none. */
  readonly file?: string;
  readonly config?: DesignDocConfig;
  readonly problems: readonly ConfigProblem[];
}

function repoRoot(dir: string): string | undefined {
  for (let d = dir, n = 0; n < 64; n++) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
  return undefined;
}

export class TeamConfigs {
  private readonly byFile = new Map<string, LoadedConfig>();

  constructor(private readonly cwd: string) {}

  /** The config in force for a doc path (relative to cwd or absolute). */
  forDoc(doc: string): LoadedConfig {
    const dir = path.dirname(path.resolve(this.cwd, doc));
    const candidate = configCandidates(dir, repoRoot(dir), path).find((p) => fs.existsSync(p));
    if (!candidate) return { problems: [] };
    let loaded = this.byFile.get(candidate);
    if (!loaded) {
      loaded = this.read(candidate);
      this.byFile.set(candidate, loaded);
    }
    return loaded;
  }

  private read(abs: string): LoadedConfig {
    const file = path.relative(this.cwd, abs) || abs;
    const read = readDocFile(abs);
    if ('error' in read) return { file, problems: [{ file, line: 1, message: read.error.replace(abs, file) }] };
    if (read.text.length > MAX_CONFIG_BYTES)
      return { file, problems: [{ file, line: 1, message: `the config is too large (over ${MAX_CONFIG_BYTES / 1024} KB)` }] };
    const { config, problems } = parseConfigFile(read.text, file);
    return { file, config, problems };
  }
}
