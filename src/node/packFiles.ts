/**
 * Reads a content pack folder from disk: every `.md` file below it, safely. Node-only I/O (no vscode),
 * shared by the extension's pack loader and the content CLI. Never throws: a missing folder, a symlink
 * loop, a huge or binary file each become a problem and the rest is read.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { MAX_FILE_BYTES, type ContentFile } from '../core/content/parse';
import type { ContentProblem } from '../core/content/types';
import { findInvalidUtf8 } from './utf8';

export const MAX_PACK_FILES = 5000;

export interface PackFiles {
  readonly files: ContentFile[];
  readonly problems: ContentProblem[];
}

export async function readPackFolder(root: string, limits = { maxFiles: MAX_PACK_FILES, maxBytes: MAX_FILE_BYTES }): Promise<PackFiles> {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  const problem = (file: string, message: string, severity: 'error' | 'warning' = 'error') => problems.push({ file, line: 1, severity, message });

  let rootStat;
  try {
    rootStat = await fsp.stat(root);
  } catch (err) {
    problem(root, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'content folder does not exist' : `cannot read content folder: ${(err as Error).message}`);
    return { files, problems };
  }
  if (!rootStat.isDirectory()) {
    problem(root, 'content folder is a file, not a folder');
    return { files, problems };
  }

  const seenDirs = new Set<string>();
  let limitReported = false;
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await fsp.realpath(dir);
    } catch (err) {
      problem(dir, `cannot resolve folder: ${(err as Error).message}`, 'warning');
      return;
    }
    if (seenDirs.has(real)) {
      problem(dir, `skipped: this folder links back to ${real}, which was already read (a symlink loop or a duplicate link)`, 'warning');
      return;
    }
    seenDirs.add(real);
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      problem(dir, `cannot list folder: ${(err as Error).message}`, 'warning');
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (files.length >= limits.maxFiles) {
        if (!limitReported) problem(root, `stopped after ${limits.maxFiles} files; the rest of this pack is not loaded`, 'warning');
        limitReported = true;
        return;
      }
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      let stat;
      try {
        stat = await fsp.stat(full); // follows links
      } catch {
        problem(full, 'skipped: a broken link or an unreadable entry', 'warning');
        continue;
      }
      if (stat.isDirectory()) await walk(full);
      else if (stat.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        if (stat.size > limits.maxBytes) {
          problem(full, `file is too large (${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1024 / 1024).toFixed(0)} MB)`);
          continue;
        }
        let buf: Buffer;
        try {
          buf = await fsp.readFile(full);
        } catch (err) {
          problem(full, `cannot read file: ${(err as Error).message}`);
          continue;
        }
        if (buf.includes(0)) {
          problem(full, 'file is binary, not Markdown text');
          continue;
        }
        const bad = findInvalidUtf8(buf);
        if (bad) {
          problems.push({
            file: full,
            line: bad.line,
            column: bad.column,
            severity: 'warning',
            message: `invalid UTF-8 at line ${bad.line}, column ${bad.column} (byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')}): the file is read with replacement characters (U+FFFD) there; save it as UTF-8`,
          });
        }
        files.push({ path: full, text: buf.toString('utf8') });
      }
    }
  };
  await walk(root);
  return { files, problems };
}
