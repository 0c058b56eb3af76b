// `npm test`: type check, purity lint, then every Vitest project (unit + e2e) in one run.
// CI reads a plain closing line "N passed, N failed", which Vitest does not print itself.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const steps = [
  ['npm', ['run', '-s', 'phrasebank:build']],
  ['npx', ['tsc', '--noEmit']],
  ['node', ['tests/lint-pure.mjs']],
];
for (const [cmd, args] of steps) {
  if (run(cmd, args) !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
mkdirSync('.cache', { recursive: true });
const out = '.cache/vitest-results.json';
const status = run('npx', ['vitest', 'run', ...process.argv.slice(2), '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
let passed = 0, failed = 0, skipped = 0;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed = r.numPassedTests; failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0); skipped = r.numPendingTests + r.numTodoTests;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = status === 0 && failed === 0 ? 0 : 1;
