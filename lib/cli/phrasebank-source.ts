/**
 * Where the CLI gets its phrasebank: the bundled one, or a file/folder/compiled pack the user names.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledPhrasebank, PhrasebankError } from '../phrasebank/types';
import { loadPhrasebankNode } from './engine';
import { CliError } from './errors';
import { fsReason, userPath } from './input';

/**
 * The repository root, for the default `phrasebank/` folder: the nearest folder above this module
 * with a package.json (this module runs from lib/cli/ under tsx and from .cache/cli/ when prebuilt).
 */
export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..', '..');
  }
}

/** The default phrasebank folder in this checkout. */
export const DEFAULT_PHRASEBANK_DIR = resolve(REPO_ROOT, 'phrasebank');

/** One phrasebank error as `file:line:col: entry: message`; `root` is the folder its relative file names start from. */
export function formatPhrasebankError(e: PhrasebankError, root?: string): string {
  const file = e.file ? displayPath(root && !isAbsolute(e.file) ? join(root, e.file) : e.file) : '(phrasebank)';
  const where = [file, e.line, e.line !== undefined ? e.column : undefined].filter((p) => p !== undefined).join(':');
  return `${where}: ${e.entryId ? `${e.entryId}: ` : ''}${e.message}`;
}

/** A path shown relative to the repository when it lies inside it (stable across machines), else as given. */
export function displayPath(path: string): string {
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(REPO_ROOT, path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}

/** The folder a phrasebank's relative file names start from (undefined for a compiled .json pack). */
export function phrasebankRoot(resolved: string): string | undefined {
  if (/\.json$/i.test(resolved)) return undefined;
  return existsSync(resolved) && statSync(resolved).isDirectory() ? resolved : dirname(resolved);
}

/** Loads and compiles a phrasebank from `path` (as typed by the user); any error → CliError (exit 2) listing them all. */
export async function loadUserPhrasebank(path: string, resolved = userPath(path)): Promise<CompiledPhrasebank> {
  if (!existsSync(resolved)) throw new CliError(`Cannot read phrasebank ${path}: no such file or folder.`);
  const { loadPhrasebank } = await loadPhrasebankNode();
  let result: { phrasebank: CompiledPhrasebank; errors: PhrasebankError[] };
  try {
    result = loadPhrasebank(resolved);
  } catch (err) {
    throw new CliError(`Cannot read phrasebank ${path}: ${fsReason(err)}.`);
  }
  if (result.errors.length) {
    const n = result.errors.length;
    throw new CliError(
      `The phrasebank ${path} has ${n} problem${n === 1 ? '' : 's'} to fix before it can be used:`,
      result.errors.map((e) => formatPhrasebankError(e, phrasebankRoot(resolved))),
    );
  }
  const pb = result.phrasebank;
  if (!pb.rules.length && !pb.signals.length) {
    throw new CliError(`The phrasebank ${path} has no rules: add .yml category files (see phrasebank/README.md), or leave out --phrasebank to use the bundled one.`);
  }
  return pb;
}

/** The phrasebank for `check`/`audit`: `--phrasebank PATH` when given, else the bundled one. */
export async function choosePhrasebank(path: string | undefined): Promise<CompiledPhrasebank> {
  if (path !== undefined) return loadUserPhrasebank(path);
  // Imported lazily so that commands given their own phrasebank never need the generated module.
  try {
    const { bundledPhrasebank } = await import('../phrasebank/bundled');
    return bundledPhrasebank;
  } catch (err) {
    throw new CliError(
      `The bundled phrasebank is not built yet (${(err as Error).message.split('\n')[0]}). ` +
        'Run `npm run -s phrasebank:build`, or pass --phrasebank phrasebank/.',
    );
  }
}
