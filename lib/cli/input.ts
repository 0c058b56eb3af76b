/**
 * Reading drafts safely: from a file or stdin, refusing empty, binary, non-UTF-8 and oversized text
 * with a message that says what to do instead.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from './errors';

/** The most text Attune analyses as one draft (or one JSONL line / CSV cell): 1 MB of UTF-8. */
export const MAX_DRAFT_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Human size, e.g. "1.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Resolves a path the user typed. `npm run` moves the working directory to the package root,
 * so when invoked as `npm run attune` the user's own directory is INIT_CWD.
 */
export function userPath(path: string): string {
  if (isAbsolute(path)) return path;
  const viaNpm = process.env.npm_lifecycle_event === 'attune' && process.env.INIT_CWD;
  return resolve(viaNpm || process.cwd(), path);
}

/** Why a buffer can't be read as text, or undefined when it is fine UTF-8 without NUL bytes. */
export function binaryProblem(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return 'looks like a binary file (it contains NUL bytes); Attune reads plain UTF-8 text';
  try {
    utf8.decode(bytes);
  } catch {
    return 'is not valid UTF-8 text; save it as UTF-8 and try again';
  }
  return undefined;
}

/**
 * Decodes bytes as UTF-8 text or throws a CliError naming `label`. The byte-order mark is stripped,
 * except for a draft (`keepBom`): Report offsets index the text as a program reading the file sees
 * it, BOM included, so `text === input.slice(start, end)` holds for them too.
 */
export function decodeText(bytes: Uint8Array, label: string, { keepBom = false } = {}): string {
  const problem = binaryProblem(bytes);
  if (problem) throw new CliError(`${label} ${problem}.`);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return keepBom ? text : text.replace(/^\uFEFF/, '');
}

/** Throws when a single draft is too long to analyse as one reply. */
export function checkDraftSize(bytes: number, label: string): void {
  if (bytes > MAX_DRAFT_BYTES) {
    throw new CliError(
      `${label} is ${formatBytes(bytes)}; one draft can be at most ${formatBytes(MAX_DRAFT_BYTES)}. ` +
        'For many replies at once, use `check --jsonl` or `audit`.',
    );
  }
}

/** Reads a whole file as bytes, turning fs errors into one-line messages. */
export function readFileBytes(path: string, maxBytes = Infinity): Buffer {
  const full = userPath(path);
  let size: number;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw new CliError(`${path} is a folder; give a text file.`);
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Cannot read ${path}: ${fsReason(err)}.`);
  }
  if (size > maxBytes) checkDraftSize(size, path);
  try {
    return readFileSync(full);
  } catch (err) {
    throw new CliError(`Cannot read ${path}: ${fsReason(err)}.`);
  }
}

/** Reads all of stdin, stopping early (with an error) once it exceeds `maxBytes`. */
export async function readStdinBytes(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) {
      process.stdin.destroy();
      checkDraftSize(total, 'The text on stdin');
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Reads one draft from FILE or stdin, validated: non-empty, UTF-8, not binary, at most 1 MB. */
export async function readDraft(file: string | undefined): Promise<{ text: string; label: string }> {
  const label = file ?? 'The text on stdin';
  if (!file && process.stdin.isTTY) {
    process.stderr.write('Reading the draft from stdin; press Ctrl+D when done (or pass a FILE).\n');
  }
  const bytes = file ? readFileBytes(file, MAX_DRAFT_BYTES) : await readStdinBytes(MAX_DRAFT_BYTES);
  const text = decodeText(bytes, label, { keepBom: true });
  if (text.trim() === '') {
    throw new CliError(`${label} is empty; give Attune a draft reply to check.`);
  }
  return { text, label };
}

/** A short reason from a Node fs error. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (err as Error)?.message ?? String(err);
}
