/**
 * Evidence checks. A model's claim that the user "made a point" counts only with a quote that really
 * occurs in the user's text. Matching forgives what models change when they quote (case, runs of
 * whitespace, curly versus straight quote marks, dashes, surrounding quote marks or ellipses) and nothing
 * else, and a quote must be long enough to be evidence: "a" or "the model" proves nothing.
 */

/** A quote shorter than this (after normalizing) is not evidence. */
export const MIN_QUOTE_CHARS = 12;

const QUOTE_MARKS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/** `text` normalized, with the index in `text` that each normalized character came from. */
export function normalizeWithMap(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const at = i;
    i += ch.length;
    if (/\s/u.test(ch)) {
      space = norm.length > 0;
      continue;
    }
    if (space) {
      norm += ' ';
      map.push(at);
      space = false;
    }
    const out = QUOTE_MARKS[ch] ?? ch.normalize('NFKC').toLowerCase();
    norm += out;
    for (let k = 0; k < out.length; k++) map.push(at); // one entry per UTF-16 unit, as indexOf counts
  }
  return { norm, map };
}

export function normalizeQuoteText(text: string): string {
  return normalizeWithMap(text).norm;
}

/** A quote without the marks and ellipses a model puts around it. */
function trimQuote(norm: string): string {
  return norm.replace(/^(?:\.\.\.|["'\s])+/, '').replace(/(?:\.\.\.|["'\s])+$/, '');
}

/** Where `quote` occurs in `source` (offsets into `source`), or undefined when it does not or is too short. */
export function findQuote(source: string, quote: string, minChars = MIN_QUOTE_CHARS): { start: number; end: number } | undefined {
  if (typeof source !== 'string' || typeof quote !== 'string') return undefined;
  const q = trimQuote(normalizeQuoteText(quote));
  if (q.length < minChars) return undefined;
  const { norm, map } = normalizeWithMap(source);
  const at = norm.indexOf(q);
  if (at < 0) return undefined;
  const last = map[at + q.length - 1];
  return { start: map[at], end: last + String.fromCodePoint(source.codePointAt(last)!).length };
}

/** True when `quote` is real evidence from `source`: long enough, and found there (see the file comment). */
export function verifyQuote(source: string, quote: string, minChars = MIN_QUOTE_CHARS): boolean {
  return findQuote(source, quote, minChars) !== undefined;
}
