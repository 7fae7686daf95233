import * as fs from 'fs';
import * as path from 'path';

/** The built CLI: `node scripts/build.mjs --tests` bundles it next to the test bundles. */
export function cliPath(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'out', 'tools', 'loop-prep.js');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('out/tools/loop-prep.js is missing: run node scripts/build.mjs --tests first');
}
