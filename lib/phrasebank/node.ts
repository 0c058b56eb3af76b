/**
 * Node-only loader: reads a phrasebank folder (YAML files, recursively, plus renames.json),
 * a single YAML file, or a compiled JSON pack.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, basename } from 'node:path';
import type { CompiledPhrasebank, PhrasebankError } from './types';
import { compilePhrasebank, emptyPhrasebank, type PhrasebankFile } from './compile';
import { validateCompiledPack } from './merge';

/** Loads and validates a phrasebank from a folder, a .yml/.yaml file or a compiled .json pack. */
export function loadPhrasebank(path: string): { phrasebank: CompiledPhrasebank; errors: PhrasebankError[] } {
  if (!existsSync(path)) return { phrasebank: emptyPhrasebank(), errors: [{ file: path, message: 'No such file or folder; check the path.' }] };
  const stat = statSync(path);
  if (stat.isFile() && /\.json$/i.test(path)) return loadJsonPack(path);
  const root = stat.isDirectory() ? path : dirname(path);
  const files: PhrasebankFile[] = stat.isDirectory()
    ? yamlFiles(path).map((p) => ({ path: relative(root, p).split('\\').join('/'), source: readFileSync(p, 'utf8') }))
    : [{ path: basename(path), source: readFileSync(path, 'utf8') }];
  // Keep "signals/" in relative paths so signal files are recognised.
  const renamesPath = join(root, 'renames.json');
  const errors: PhrasebankError[] = [];
  let renames: Record<string, string> = {};
  let renamesSource = '';
  if (stat.isDirectory() && existsSync(renamesPath)) {
    renamesSource = readFileSync(renamesPath, 'utf8');
    try {
      const parsed = JSON.parse(renamesSource) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
        errors.push({ file: 'renames.json', line: 1, message: 'renames.json must be one object of "old/id": "new/id" pairs.' });
      } else renames = parsed as Record<string, string>;
    } catch (e) {
      errors.push({ file: 'renames.json', line: 1, message: `renames.json is not valid JSON (${(e as Error).message}); check commas and quotes.` });
    }
  }
  const result = compilePhrasebank(files, renames);
  for (const e of result.errors) {
    if (e.file === 'renames.json' && e.entryId && e.line === undefined) {
      const index = renamesSource.indexOf(JSON.stringify(e.entryId));
      if (index >= 0) e.line = renamesSource.slice(0, index).split('\n').length;
    }
  }
  return { phrasebank: result.phrasebank, errors: [...errors, ...result.errors] };
}

function loadJsonPack(path: string): { phrasebank: CompiledPhrasebank; errors: PhrasebankError[] } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { phrasebank: emptyPhrasebank(), errors: [{ file: path, message: `Not valid JSON (${(e as Error).message}).` }] };
  }
  const { phrasebank, errors } = validateCompiledPack(json);
  return { phrasebank: phrasebank ?? emptyPhrasebank(), errors: errors.map((message) => ({ file: path, message })) };
}

/** All .yml/.yaml files under a folder, sorted. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    // lexicon/ holds word lists for the listening coaching, not rules (compiled separately by build.ts).
    if (name.startsWith('.') || name === 'node_modules' || name === 'lexicon') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/i.test(name)) out.push(p);
  }
  return out;
}
