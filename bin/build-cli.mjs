// Bundles the CLI (lib/cli/main.ts and everything it imports, the compiled phrasebank and the trained
// model included) into .cache/cli/ with esbuild. Lazy imports stay lazy (code splitting), so `--help`
// or a usage error never loads the NLP engine; compromise itself is evaluated only when first used
// (bin/defer-compromise.mjs).
// Then, from lib/cli/snapshot.ts bundled into one script, a V8 start-up snapshot (.cache/cli/attune.blob)
// with compromise evaluated and the engine warm; bin/attune.mjs starts from it when it exists and was made
// by the same node. If this node cannot make one, the bundle alone is used (slower start, same output).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_DIR, ROOT as root, SNAPSHOT_NAME, snapshotStamp } from './cli-paths.mjs';
import { deferCompromiseEsbuild } from './defer-compromise.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // compromise is evaluated only when a draft needs it (most one-line checks don't).
  plugins: [deferCompromiseEsbuild],
};

export async function buildCli() {
  // Built aside and swapped in, so a second `attune` starting meanwhile never imports half a bundle.
  const outdir = `${CLI_DIR}.${process.pid}`;
  await build({
    ...common,
    entryPoints: { main: join(root, 'lib/cli/main.ts') },
    outdir,
    splitting: true,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // Packages that use require() for Node built-ins need a require in ESM output.
    banner: { js: "import { createRequire as __attuneRequire } from 'node:module'; const require = __attuneRequire(import.meta.url);" },
  });
  await buildSnapshotIn(outdir);
  rmSync(CLI_DIR, { recursive: true, force: true });
  renameSync(outdir, CLI_DIR);
}

/**
 * Rewrites every non-ASCII character of the script as a \\uXXXX escape (esbuild leaves some, e.g. in
 * compromise's regular expression literals). V8 keeps a script's whole source in the heap, so in the
 * snapshot: one such character made the 3.9 MB source a two-byte string (7.8 MB), and every start
 * deserialised the extra 3.9 MB. The escape means the same in strings, templates, regular expressions
 * (a surrogate pair of escapes is one code point under /u) and identifiers, and nothing in comments.
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The snapshot of a warm engine in `outdir`; on any failure, none (and a one-line note on stderr). */
async function buildSnapshotIn(outdir) {
  const entry = join(outdir, 'snapshot.cjs');
  // One script (node --build-snapshot can require only Node's built-ins), CommonJS, lazy imports inlined.
  await build({
    ...common,
    entryPoints: [join(root, 'lib/cli/snapshot.ts')],
    outfile: entry,
    format: 'cjs',
    // The module URL as the bundled ESM modules see it (REPO_ROOT is found from it).
    define: { 'import.meta.url': '__attuneModuleUrl' },
    banner: { js: "var __attuneModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  asciiOnly(entry);
  const blob = join(outdir, SNAPSHOT_NAME);
  const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', entry], { cwd: root, encoding: 'utf8' });
  if (made.status !== 0) {
    rmSync(blob, { force: true });
    process.stderr.write(`attune: no start-up snapshot (starting without one is slower): ${(made.stderr || made.error?.message || '').trim().split('\n').slice(-1)[0]}\n`);
    return;
  }
  writeFileSync(`${blob}.json`, snapshotStamp());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
