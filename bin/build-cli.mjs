// Bundles the CLI (lib/cli/main.ts and everything it imports, the compiled phrasebank and the trained
// model included) into .cache/cli/ with esbuild. Lazy imports stay lazy (code splitting), so `--help`
// or a usage error never loads the NLP engine; compromise itself is evaluated only when first used
// (bin/defer-compromise.mjs).
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferCompromiseEsbuild } from './defer-compromise.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  const final = join(root, '.cache/cli');
  // Built aside and swapped in, so a second `attune` starting meanwhile never imports half a bundle.
  const outdir = `${final}.${process.pid}`;
  await build({
    entryPoints: { main: join(root, 'lib/cli/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Packages that use require() for Node built-ins need a require in ESM output.
    banner: { js: "import { createRequire as __attuneRequire } from 'node:module'; const require = __attuneRequire(import.meta.url);" },
    logLevel: 'warning',
    // compromise is evaluated only when a draft needs it (most one-line checks don't).
    plugins: [deferCompromiseEsbuild],
  });
  rmSync(final, { recursive: true, force: true });
  renameSync(outdir, final);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
