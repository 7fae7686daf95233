/**
 * Reading the files `loop-prep check-doc` is given, refusing what it cannot check instead of hanging:
 * a device such as /dev/zero would be read forever, and a FIFO with no writer blocks the open. Each path
 * is stat'ed first (devices, FIFOs, sockets and folders are refused by name), opened non-blocking, checked
 * again on the open descriptor (the file may have been swapped meanwhile), and read with a size cap.
 */
import * as fs from 'fs';

/** Larger files are refused: no design doc is this big, and the checker's budget is for docs. */
export const MAX_DOC_BYTES = 20 * 1024 * 1024;

export type ReadDoc = { readonly text: string } | { readonly error: string };

function whatItIs(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function refuse(file: string, st: fs.Stats): string | undefined {
  if (st.isDirectory()) return `${file} is a directory, not a design doc (pass a file or a pattern such as "${file.replace(/\/$/, '')}/**/*.md")`;
  if (!st.isFile()) return `${file} is ${whatItIs(st)}, not a regular file: loop-prep only checks regular files`;
  if (st.size > MAX_DOC_BYTES) return `${file} is too large to be a design doc (${mb(st.size)}; the limit is ${mb(MAX_DOC_BYTES)})`;
  return undefined;
}

/** Reads one doc as UTF-8, or says in one line why it will not. Never blocks on a special file. */
export function readDocFile(file: string): ReadDoc {
  let fd: number | undefined;
  try {
    const link = fs.lstatSync(file);
    const st = link.isSymbolicLink() ? fs.statSync(file) : link;
    const early = refuse(file, st);
    if (early) return { error: early };
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const late = refuse(file, fs.fstatSync(fd));
    if (late) return { error: late };
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_DOC_BYTES) return { error: `${file} is too large to be a design doc (over ${mb(MAX_DOC_BYTES)})` };
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return { text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${file}: no such file` };
    if (code === 'EACCES' || code === 'EPERM') return { error: `${file}: permission denied` };
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return { error: `${file}: would block (not a regular file)` };
    if (code === 'ELOOP') return { error: `${file}: too many levels of symbolic links` };
    return { error: `${file}: cannot read (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
