// `npm run bench`: Node-only benchmarks. Prints one JSON object; each area adds its figures.
// Budgets are printed next to the numbers; nothing here fails a build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const result = {
  node: process.version,
  bundle: {
    extensionJsBytes: fs.statSync(path.join(root, 'dist', 'extension.js')).size,
    extensionJsBudgetBytes: 300 * 1024,
  },
};

const benchDir = path.join(root, 'out', 'test', 'bench');
for (const file of fs.existsSync(benchDir)
  ? fs
      .readdirSync(benchDir)
      .filter((f) => f.endsWith('.bench.js'))
      .sort()
  : []) {
  const mod = await import(path.join(benchDir, file));
  const bench = mod.default?.bench ?? mod.bench;
  result[file.replace(/\.bench\.js$/, '')] = await bench();
}
console.log(JSON.stringify(result, null, 2));
