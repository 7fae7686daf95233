/**
 * Finds where a file stops being valid UTF-8, so a pack author is told the exact line and column instead
 * of silently seeing replacement characters. The fast path is one fatal decode; only a file that fails it
 * is scanned byte by byte.
 */

export interface Utf8Error {
  /** 0-based byte offset of the first byte that is not part of a valid UTF-8 sequence. */
  readonly offset: number;
  /** 1-based line and column (in characters, as an editor counts them) of that byte. */
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Length of the valid sequence starting at `i`, or 0 when the byte there starts none (per RFC 3629). */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i];
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < buf.length && buf[i + k] >= lo && buf[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf; // no UTF-16 surrogates
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Undefined when `buf` is valid UTF-8; otherwise where the first invalid byte is. */
export function findInvalidUtf8(buf: Uint8Array): Utf8Error | undefined {
  try {
    strict.decode(buf);
    return undefined;
  } catch {
    // located below
  }
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < buf.length;) {
    const n = sequenceLength(buf, i);
    if (n === 0) {
      const column = strict.decode(buf.subarray(lineStart, i)).length + 1;
      return { offset: i, line, column, byte: buf[i] };
    }
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += n;
  }
  return undefined;
}
