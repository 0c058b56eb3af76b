// Where the prebuilt CLI lives (bin/build-cli.mjs writes it, bin/attune.mjs runs it). Kept apart from
// build-cli.mjs so that starting the CLI never loads esbuild.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = join(ROOT, '.cache/cli');
export const BUNDLE = join(CLI_DIR, 'main.mjs');
export const SNAPSHOT_NAME = 'attune.blob';
export const SNAPSHOT = join(CLI_DIR, SNAPSHOT_NAME);
/** Written beside the snapshot: a snapshot can only be loaded by the node binary that made it. */
export const SNAPSHOT_STAMP = `${SNAPSHOT}.json`;
export const snapshotStamp = () => JSON.stringify({ node: process.version, execPath: process.execPath, arch: process.arch, root: ROOT });
