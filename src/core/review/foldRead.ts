/**
 * Reading the history key (fold.ts) with zod/mini: a value that does not validate, or whose counts do
 * not add up, is quarantined whole, like any other bad stored value, and read as the empty history.
 */
import * as z from 'zod/mini';
import { isContentId } from '../ids';
import { dict, hasOwn } from './dict';
import { HISTORY_VERSION, emptyHistory } from './fold';
import type { FoldCard, FoldDay, StoredHistory } from './fold';
import type { Findings } from './validate';
import { reject } from './validate';

const count = z.number().check(z.gte(0), z.lte(1e9));
const ms = z.number().check(z.gte(0), z.lte(8.64e15));
const daySchema = z.tuple([
  z.number().check(z.gte(-1e6), z.lte(1e6)),
  z.number().check(z.gte(-1440), z.lte(1440)),
  count,
  z.number().check(z.gte(-1e9), z.lte(1e9)),
  count,
  count,
  count,
  count,
  count,
  count,
]);
const cardSchema = z.tuple([count, ms, ms, z.string().check(z.minLength(1), z.maxLength(64))]);
const historySchema = z.object({
  v: z.literal(HISTORY_VERSION),
  rev: count,
  w: z.string().check(z.maxLength(64)),
  g: z.string().check(z.maxLength(64)),
  a: z.array(z.string().check(z.maxLength(64))),
  d: z.array(z.unknown()),
  c: z.record(z.string(), z.unknown()),
});

/**
 * Reads the history key. Missing gives the empty history. Anything that does not validate, or whose
 * counts do not add up, is quarantined whole and read as empty: the cards' raw entries then come back
 * from the journal at the next check, and are folded again.
 */
export function readHistory(raw: unknown, key: string, findings: Findings, writer: string): StoredHistory {
  if (raw === undefined) return emptyHistory(writer);
  const v = typeof raw === 'object' && raw !== null ? (raw as { v?: unknown }).v : undefined;
  if (typeof v === 'number' && v > HISTORY_VERSION) {
    reject(findings, key, `written by a newer Loop Prep (history format ${v}); this version reads format ${HISTORY_VERSION}`, raw, 'future-version');
    return emptyHistory(writer);
  }
  const bad = (why: string): StoredHistory => {
    reject(findings, key, `compacted history unreadable (${why}); set aside, and rebuilt from the journal`, raw);
    return emptyHistory(writer);
  };
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return bad(`${first?.message ?? 'invalid'}${first?.path.length ? ` at [${first.path.map(String).join('.')}]` : ''}`);
  }
  const c = dict<FoldCard>();
  let byCard = 0;
  for (const [id, value] of Object.entries(parsed.data.c)) {
    const card = cardSchema.safeParse(value);
    if (!isContentId(id) || !card.success || card.data[1] > card.data[2] || card.data[0] < 1) return bad(`card "${id.slice(0, 80)}" has an unreadable fold`);
    c[id] = [card.data[0], card.data[1], card.data[2], card.data[3]];
    byCard += card.data[0];
  }
  if (hasOwn(parsed.data.c as Record<string, unknown>, '__proto__')) return bad('card "__proto__" is not a content id');
  const d: FoldDay[] = [];
  let byDay = 0;
  for (const value of parsed.data.d) {
    const day = daySchema.safeParse(value);
    if (!day.success) return bad('a day has an unreadable row');
    const r = day.data as FoldDay;
    if (r[4] + r[5] + r[6] + r[7] !== r[2] || r[9] > r[8] || r[8] > r[2]) return bad(`day ${r[0]}: its counts do not add up`);
    byDay += r[2];
    d.push(r);
  }
  if (byDay !== byCard) return bad(`${byDay} reviews by day but ${byCard} by card`);
  return { v: HISTORY_VERSION, rev: parsed.data.rev, w: parsed.data.w, g: parsed.data.g, a: parsed.data.a, d, c };
}
