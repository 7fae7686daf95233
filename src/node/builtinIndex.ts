/**
 * Reads the built-in bank as the build writes it: the lean index `dist/content.json` and the question
 * bodies in `dist/bodies/<topic>.json`, loaded per topic the first time a card of that topic is shown.
 * Node-only I/O, shared by the extension, the benchmarks and the UI tests. A body shard that is missing
 * or unreadable is reported once through `onProblem`, and its cards show a note instead of their text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { bodyFile, lazyQuestions, missingBody, type BodyShard, type QuestionMeta } from '../core/content/lean';
import type { ContentIndex } from '../core/content/types';

/** The lean index's format: questions without bodies, bodies in per-topic files beside it. */
export const LEAN_FORMAT = 2;

export interface LeanIndexFile extends Omit<ContentIndex, 'formatVersion' | 'questions'> {
  readonly formatVersion: typeof LEAN_FORMAT;
  readonly questions: readonly QuestionMeta[];
}

/**
 * Parses `dist/content.json` (throws on a missing file or an unexpected format, for the caller to report)
 * and returns the index with lazily loaded bodies.
 */
export function readBuiltinIndex(distDir: string, onProblem: (message: string) => void): ContentIndex {
  const parsed = JSON.parse(fs.readFileSync(path.join(distDir, 'content.json'), 'utf8')) as LeanIndexFile;
  if (parsed?.formatVersion !== LEAN_FORMAT || !Array.isArray(parsed.questions))
    throw new Error(`unexpected format (formatVersion ${String(parsed?.formatVersion)})`);
  const shards = new Map<string, BodyShard | Error>();
  const shardOf = (topic: string): BodyShard | Error => {
    let shard = shards.get(topic);
    if (!shard) {
      const file = path.join(distDir, 'bodies', bodyFile(topic));
      try {
        shard = Object.assign(Object.create(null) as BodyShard, JSON.parse(fs.readFileSync(file, 'utf8')) as BodyShard);
      } catch (err) {
        shard = err instanceof Error ? err : new Error(String(err));
        onProblem(`Loop Prep could not read the card texts of topic "${topic}" (${file}): ${shard.message}`);
      }
      shards.set(topic, shard);
    }
    return shard;
  };
  const questions = lazyQuestions(parsed.questions, (meta) => {
    const shard = shardOf(meta.topic);
    if (shard instanceof Error) return missingBody(meta, shard.message);
    const body = Object.prototype.hasOwnProperty.call(shard, meta.id) ? shard[meta.id] : undefined;
    if (!body || typeof body.promptHtml !== 'string') {
      onProblem(`Loop Prep's built-in content has no text for card "${meta.id}" in dist/bodies/${bodyFile(meta.topic)}.`);
      return missingBody(meta, 'its text is missing from the built-in content');
    }
    return body;
  });
  return { ...parsed, formatVersion: 1, questions };
}

/** Writes the lean index and one body file per topic (the build's side of `readBuiltinIndex`). */
export function writeBuiltinIndex(
  distDir: string,
  index: ContentIndex,
  split: (index: ContentIndex) => { lean: object; shards: Map<string, BodyShard> },
): { indexBytes: number; bodyBytes: number } {
  const { lean, shards } = split(index);
  const bodiesDir = path.join(distDir, 'bodies');
  fs.rmSync(bodiesDir, { recursive: true, force: true });
  fs.mkdirSync(bodiesDir, { recursive: true });
  let bodyBytes = 0;
  for (const [topic, shard] of shards) {
    const text = JSON.stringify(shard);
    bodyBytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(bodiesDir, bodyFile(topic)), text);
  }
  const indexText = JSON.stringify({ ...lean, formatVersion: LEAN_FORMAT });
  fs.writeFileSync(path.join(distDir, 'content.json'), indexText);
  return { indexBytes: Buffer.byteLength(indexText), bodyBytes };
}
