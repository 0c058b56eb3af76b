/** Test helper: spawns the `attune` CLI from its TypeScript source (node --import tsx lib/cli/main.ts) and collects its output. */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../../..');
export const MAIN = resolve(REPO, 'lib/cli/main.ts');
export const FIXTURES = resolve(HERE, 'fixtures');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `attune ...args` with `input` on stdin (empty when omitted); never throws on a non-zero exit. */
export function runCli(args: string[], input: string | Buffer = '', env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    // Outside `npm run attune`, paths resolve against the working directory, as in a shell.
    delete childEnv.npm_lifecycle_event;
    delete childEnv.FORCE_COLOR;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO, env: childEnv });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {}); // the CLI may stop reading early (oversized input)
    child.stdin.end(input);
  });
}

/** A fixture path. */
export const fixture = (...parts: string[]) => resolve(FIXTURES, ...parts);

/** Asserts-friendly check that stderr is a plain message, not a crash. */
export function looksLikeCleanError(stderr: string): boolean {
  return stderr.startsWith('attune: ') && !/\n\s+at .+:\d+:\d+/.test(stderr);
}
