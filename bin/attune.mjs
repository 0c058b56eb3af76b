#!/usr/bin/env node
// The `attune` command. Runs the CLI prebuilt into .cache/cli/ by esbuild (starting TypeScript through
// tsx took ~3 s; the bundle starts in a fraction of that), and rebuilds it first whenever a source file
// under lib/ is newer than the bundle, so an edit in a clone is never run stale.
// Usually it starts a second node from the V8 start-up snapshot built beside the bundle (compromise
// evaluated and the engine warm: ≈0.1 s instead of ≈0.7 s for a one-line check), with the same stdin,
// stdout and stderr, and exits with its code; without a usable snapshot it imports the bundle here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE, ROOT, SNAPSHOT, SNAPSHOT_STAMP, snapshotStamp } from './cli-paths.mjs';

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestSource(path) : /\.tsx?$/.test(name) ? st.mtimeMs : 0);
  }
  return newest;
}

const snapshotUsable = () => existsSync(SNAPSHOT_STAMP) && readFileSync(SNAPSHOT_STAMP, 'utf8') === snapshotStamp();
const stale = !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestSource(join(ROOT, 'lib'));
// A stamp from another node binary (node upgraded, or the checkout moved): made again for this one. When
// this node cannot make a snapshot there is no stamp, so that is not retried at every start.
if (stale || (existsSync(SNAPSHOT_STAMP) && !snapshotUsable())) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}

if (snapshotUsable() && !process.env.ATTUNE_NO_SNAPSHOT) {
  const run = spawnSync(process.execPath, ['--snapshot-blob', SNAPSHOT, '--', ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.signal) process.kill(process.pid, run.signal);
  process.exitCode = run.status ?? 2;
} else {
  await import(pathToFileURL(BUNDLE).href);
}
