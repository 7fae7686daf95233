import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_FILE_BYTES } from '../../../src/core/content/parse';
import { readPackFolder } from '../../../src/node/packFiles';
import { findInvalidUtf8 } from '../../../src/node/utf8';
import { flashcard, topicFile } from './helpers';

describe('readPackFolder', () => {
  let root: string;
  const write = (rel: string, content: string | Buffer) => {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return full;
  };
  const rel = (files: readonly { path: string }[]) => files.map((f) => path.relative(root, f.path).split(path.sep).join('/'));

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-pack-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads every .md file below the folder, in name order, as UTF-8 text', async () => {
    write('topics/evals.md', topicFile('evals'));
    write('questions/evals/b.md', flashcard('q-b'));
    write('questions/evals/a.MD', flashcard('q-a'));
    write('zeta.md', '# Zéta\n');
    const { files, problems } = await readPackFolder(root);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(rel(files), ['questions/evals/a.MD', 'questions/evals/b.md', 'topics/evals.md', 'zeta.md']);
    assert.strictEqual(files[3].text, '# Zéta\n');
    assert.strictEqual(files[2].text, topicFile('evals'));
  });

  it('ignores non-.md files, dot-folders, dot-files and node_modules', async () => {
    write('keep.md', 'x');
    write('notes.txt', 'x');
    write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    write('readme.markdown', 'x');
    write('.git/HEAD.md', 'x');
    write('.hidden.md', 'x');
    write('.loopprep-cache/x.md', 'x');
    write('node_modules/pkg/readme.md', 'x');
    const { files, problems } = await readPackFolder(root);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(rel(files), ['keep.md']);
  });

  it('reports a folder that does not exist', async () => {
    const missing = path.join(root, 'nope');
    const { files, problems } = await readPackFolder(missing);
    assert.deepStrictEqual(files, []);
    assert.deepStrictEqual(problems, [{ file: missing, line: 1, severity: 'error', message: 'content folder does not exist' }]);
  });

  it('reports a path that is a file', async () => {
    const file = write('pack.md', topicFile('evals'));
    const { files, problems } = await readPackFolder(file);
    assert.deepStrictEqual(files, []);
    assert.deepStrictEqual(problems, [{ file, line: 1, severity: 'error', message: 'content folder is a file, not a folder' }]);
  });

  it('refuses a 5 MB file without reading it, and reads the rest', async () => {
    const big = write('big.md', Buffer.alloc(5 * 1024 * 1024, 'a'));
    write('small.md', 'small');
    const read: string[] = [];
    const original = fs.promises.readFile;
    fs.promises.readFile = ((p: fs.PathLike, ...rest: unknown[]) => {
      read.push(String(p));
      return (original as (...a: unknown[]) => Promise<Buffer>)(p, ...rest);
    }) as typeof fs.promises.readFile;
    try {
      const { files, problems } = await readPackFolder(root);
      assert.deepStrictEqual(rel(files), ['small.md']);
      assert.deepStrictEqual(problems, [{ file: big, line: 1, severity: 'error', message: `file is too large (5.0 MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)` }]);
      assert.deepStrictEqual(read.map((p) => path.basename(p)), ['small.md'], 'the big file was read');
    } finally {
      fs.promises.readFile = original;
    }
  });

  it('refuses a binary file (NUL bytes) and reads the rest', async () => {
    const bin = write('bin.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
    write('text.md', 'text');
    const { files, problems } = await readPackFolder(root);
    assert.deepStrictEqual(rel(files), ['text.md']);
    assert.deepStrictEqual(problems, [{ file: bin, line: 1, severity: 'error', message: 'file is binary, not Markdown text' }]);
  });

  it('keeps a UTF-8 BOM and CRLF for the parser to normalize', async () => {
    write('bom.md', '\uFEFF---\r\nkind: topic\r\n');
    const { files } = await readPackFolder(root);
    assert.strictEqual(files[0].text, '\uFEFF---\r\nkind: topic\r\n');
  });

  it('terminates on a symlink loop with a warning and still reads the real files', async () => {
    write('a/one.md', 'one');
    write('a/b/two.md', 'two');
    const loop = path.join(root, 'a', 'b', 'loop');
    fs.symlinkSync(root, loop, 'dir');
    const { files, problems } = await readPackFolder(root);
    assert.deepStrictEqual(rel(files), ['a/b/two.md', 'a/one.md']);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].file, loop);
    assert.strictEqual(problems[0].severity, 'warning');
    assert.match(problems[0].message, /^skipped: this folder links back to .*, which was already read \(a symlink loop or a duplicate link\)$/);
  });

  it('follows a link to a folder outside the pack once, and warns about a broken link', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'shared.md'), 'shared');
      fs.symlinkSync(outside, path.join(root, 'linked'), 'dir');
      fs.symlinkSync(path.join(root, 'missing-target'), path.join(root, 'broken.md'));
      const { files, problems } = await readPackFolder(root);
      assert.deepStrictEqual(rel(files), ['linked/shared.md']);
      assert.deepStrictEqual(problems.map((p) => [path.basename(p.file), p.severity, p.message]), [['broken.md', 'warning', 'skipped: a broken link or an unreadable entry']]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('stops at the file limit with a warning', async () => {
    for (const name of ['1.md', '2.md', '3.md']) write(name, name);
    const { files, problems } = await readPackFolder(root, { maxFiles: 2, maxBytes: MAX_FILE_BYTES });
    assert.deepStrictEqual(rel(files), ['1.md', '2.md']);
    assert.deepStrictEqual(problems, [{ file: root, line: 1, severity: 'warning', message: 'stopped after 2 files; the rest of this pack is not loaded' }]);
  });

  it('warns once when the file limit is reached inside a subfolder', async () => {
    for (const name of ['1.md', 'a/1.md', 'a/2.md', 'z.md']) write(name, name);
    const { problems } = await readPackFolder(root, { maxFiles: 2, maxBytes: MAX_FILE_BYTES });
    assert.strictEqual(problems.length, 1, JSON.stringify(problems));
  });
});

describe('invalid UTF-8 in a pack file', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-utf8-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('warns at the first bad byte, by line and column, and still loads the file', async () => {
    const good = Buffer.from(topicFile('evals'), 'utf8');
    // Line 3 of the file is "id: evals"; break it after "id: é" with a lone continuation byte.
    const lines = good.toString('utf8').split('\n');
    lines[2] = 'id: é\u0000';
    const text = Buffer.from(lines.join('\n'), 'utf8');
    const bad = Buffer.from(text.toString('latin1').replace('\u0000', '\u00ff\u0080'), 'latin1');
    fs.writeFileSync(path.join(root, 'bad.md'), bad);
    const { files, problems } = await readPackFolder(root);
    assert.strictEqual(files.length, 1, 'the file is still read');
    assert.strictEqual(problems.length, 1, JSON.stringify(problems));
    assert.deepStrictEqual({ line: problems[0].line, column: problems[0].column, severity: problems[0].severity }, { line: 3, column: 6, severity: 'warning' });
    assert.strictEqual(problems[0].message, 'invalid UTF-8 at line 3, column 6 (byte 0xFF): the file is read with replacement characters (U+FFFD) there; save it as UTF-8');
  });

  it('locates truncated sequences, overlong forms and surrogates, and accepts valid multi-byte text', () => {
    assert.strictEqual(findInvalidUtf8(Buffer.from('a\nb€😀ü\n', 'utf8')), undefined);
    assert.deepStrictEqual(findInvalidUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x82])), { offset: 3, line: 2, column: 2, byte: 0xe2 });
    assert.deepStrictEqual(findInvalidUtf8(Buffer.from([0xc0, 0xaf])), { offset: 0, line: 1, column: 1, byte: 0xc0 });
    assert.deepStrictEqual(findInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80])), { offset: 1, line: 1, column: 2, byte: 0xed });
    // A character outside the BMP counts as two columns, as the editor counts them.
    assert.deepStrictEqual(findInvalidUtf8(Buffer.concat([Buffer.from('😀', 'utf8'), Buffer.from([0x80])])), { offset: 4, line: 1, column: 3, byte: 0x80 });
  });
});
