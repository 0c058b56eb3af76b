#!/usr/bin/env node
// The `attune` command. Runs the CLI prebuilt into .cache/cli/ by esbuild (starting TypeScript through
// tsx took ~3 s; the bundle starts in a fraction of that), and rebuilds it first whenever a source file
// under lib/ is newer than the bundle, so an edit in a clone is never run stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.cache/cli/main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestSource(path) : /\.tsx?$/.test(name) ? st.mtimeMs : 0);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(join(root, 'lib'))) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
await import(pathToFileURL(bundle).href);
