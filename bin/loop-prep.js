#!/usr/bin/env node
// The `loop-prep` command: runs the bundled CLI (built by `npm run build` into out/tools/).
const fs = require('fs');
const path = require('path');

const cli = path.join(__dirname, '..', 'out', 'tools', 'loop-prep.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`loop-prep: ${cli} is missing; run "npm run build" in ${path.join(__dirname, '..')} first.\n`);
  process.exit(2);
}
require(cli);
