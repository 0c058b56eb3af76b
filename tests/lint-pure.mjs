// Keeps the analysis core pure: lib/analysis and lib/phrasebank run unchanged in Node,
// the content script, the popup and the CLI, so they must not touch browser APIs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PURE_DIRS = ['lib/analysis', 'lib/phrasebank'];
const FORBIDDEN = /\b(document|window|browser|chrome|navigator|localStorage)\s*[.[(]/;

const problems = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) {
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
        if (/^\s*\*/.test(code)) return; // JSDoc lines
        const m = code.match(FORBIDDEN);
        if (m) problems.push(`${path}:${i + 1}: '${m[1]}' is a browser API; ${dir} must stay pure (move this to lib/editors, lib/sites or entrypoints/).`);
      });
    }
  }
}
for (const dir of PURE_DIRS) walk(dir);
// One arrow between the two: the engine (lib/analysis) reads the phrasebank's types and data;
// the phrasebank (schema, validation, packs) never imports the engine.
function imports(dir, forbidden, why) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) imports(path, forbidden, why);
    else if (/\.(ts|tsx)$/.test(name)) {
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(import|export)\b.*from\s+['"]/.test(line) && forbidden.test(line)) problems.push(`${path}:${i + 1}: ${why}`);
      });
    }
  }
}
imports('lib/phrasebank', /from\s+['"]\.\.\/analysis\//, 'lib/phrasebank must not import lib/analysis (the arrow points from the engine to the phrasebank); move the code to lib/analysis.');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log(`lint: ${PURE_DIRS.join(', ')} are free of browser APIs, and lib/phrasebank does not import lib/analysis`);
}
