// Lists what a .vsix contains and fails if it is over 3 MB or holds anything from src/ or test/, or a test
// fixture (the fake language model, the hello-world baseline).
//   node scripts/check-package.mjs loop-prep.vsix
import fs from 'node:fs';

const MAX_BYTES = 3 * 1024 * 1024;

/** Reads a zip's central directory: [{ name, size }] (uncompressed sizes). */
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory');
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(`usage: node scripts/check-package.mjs FILE.vsix (got ${file ?? 'nothing'})`);
  process.exit(2);
}
const buf = fs.readFileSync(file);
const entries = zipEntries(buf);
const problems = [];
if (buf.length > MAX_BYTES) problems.push(`${file} is ${buf.length} bytes, over the ${MAX_BYTES}-byte budget`);
for (const e of entries) {
  if (/^extension\/(src|test)\//.test(e.name)) problems.push(`contains ${e.name}`);
  if (/\.map$/.test(e.name)) problems.push(`contains a source map: ${e.name}`);
  if (/fixtures\/|fake-lm|hello-world/i.test(e.name)) problems.push(`contains a test fixture: ${e.name}`);
}
console.log(`${file}: ${buf.length} bytes, ${entries.length} files`);
for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
if (problems.length) {
  console.error(`package check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('package check passed');
