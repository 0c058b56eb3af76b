// Results must not change when the engine is made faster. `node bench/same-results.mjs OUT` runs
// `attune check --jsonl` over the texts of ../shared/corpus/independent-dev.jsonl and real-replies.jsonl
// (input only, read here at run time, never copied into the repository) and writes the CLI's output to OUT;
// record it before a change and after, then `cmp` the two files (they must be byte-identical).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/same-results.mjs OUT');
  process.exit(2);
}
const lines = [];
for (const name of ['independent-dev.jsonl', 'real-replies.jsonl']) {
  const file = join(root, '../shared/corpus', name);
  if (!existsSync(file)) {
    console.error(`missing ${file}`);
    process.exit(2);
  }
  readFileSync(file, 'utf8').trim().split('\n').forEach((l, i) => {
    const { text, customer } = JSON.parse(l);
    if (typeof text === 'string') lines.push(JSON.stringify({ id: `${name}:${i}`, text, ...(typeof customer === 'string' ? { customer } : {}) }));
  });
}
const run = spawnSync(process.execPath, [join(root, 'bin/attune.mjs'), 'check', '--jsonl'], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
if (run.status !== 0 && run.status !== 1) {
  console.error(`attune check exited ${run.status}: ${run.stderr}`);
  process.exit(2);
}
writeFileSync(out, run.stdout);
console.log(`${lines.length} texts, ${run.stdout.length} bytes of results in ${out}`);
