/**
 * Reads the training data (training/dismissive/*.yml, training/mechanisms/*.yml, training/ordinary*.yml, training/customer.yml)
 * into labelled sentences, with precise errors for anything malformed. Format: training/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { MECHANISMS, type Mechanism } from '../lib/phrasebank/types';

export interface Example {
  text: string;
  /** 1 dismissive, 0 not, undefined unknown (e.g. a mechanism's "lacks" line may be rude). */
  dismissive?: 0 | 1;
  category?: string;
  /** Per mechanism: 1 shows it, 0 does not, absent unknown. */
  mechanisms: Partial<Record<Mechanism, 0 | 1>>;
  /** Customer sentences only: 1 states or implies a feeling, 0 does not. */
  customerFeeling?: 0 | 1;
  /** Where the line came from, for error messages and per-source reports. */
  source: string;
}

export interface DataError { file: string; line?: number; message: string }
export interface DataFile { path: string; source: string }

const KEYS: Record<string, string[]> = {
  dismissive: ['category', 'flag', 'pass'],
  mechanisms: ['mechanism', 'shows', 'lacks'],
  ordinary: ['category', 'pass'],
  customer: ['category', 'feeling', 'calm'],
};

/** All training files, sorted, as read from disk. */
export function readDataFiles(dir: string): DataFile[] {
  const files: DataFile[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) files.push({ path: path.relative(dir, p).split(path.sep).join('/'), source: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

/** A hash of the data: the generated model records it, and `npm run train -- --check` compares. */
export function dataHash(files: DataFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.path}\n${f.source}\n`);
  return h.digest('hex').slice(0, 16);
}

export function loadTrainingData(dir: string): { examples: Example[]; errors: DataError[]; files: DataFile[] } {
  const files = readDataFiles(dir);
  const errors: DataError[] = [];
  const byText = new Map<string, Example>();
  const get = (text: string, source: string) => {
    const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
    let e = byText.get(key);
    if (!e) byText.set(key, (e = { text: text.trim(), mechanisms: {}, source }));
    return e;
  };
  for (const file of files) {
    const kind = file.path.startsWith('dismissive/') ? 'dismissive' : file.path.startsWith('mechanisms/') ? 'mechanisms' : /^ordinary(-[a-z]+)*\.yml$/.test(file.path) ? 'ordinary' : file.path === 'customer.yml' ? 'customer' : null;
    if (!kind) continue;
    const lc = new LineCounter();
    const doc = parseDocument(file.source, { lineCounter: lc });
    const err = (offset: number | undefined, message: string) => errors.push({ file: file.path, ...(offset !== undefined ? { line: lc.linePos(offset).line } : {}), message });
    if (doc.errors.length) { for (const e of doc.errors) err(e.pos[0], `YAML syntax: ${e.message.split('\n')[0]}`); continue; }
    const root = doc.contents;
    if (!isMap(root)) { err(0, 'The file must be a map (see training/README.md).'); continue; }
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KEYS[kind].includes(key)) err(isScalar(pair.key) ? pair.key.range?.[0] : undefined, `Unknown key "${key}"; a ${kind} file has ${KEYS[kind].join(', ')}.`);
    }
    // "condescending.pairs.yml" is a second file of the condescending category (another writer's round).
    const name = path.basename(file.path).replace(/\.ya?ml$/, '').split('.')[0];
    const label = String(root.get(kind === 'mechanisms' ? 'mechanism' : 'category') ?? '');
    if (kind !== 'ordinary' && kind !== 'customer' && label !== name) err(0, `${kind === 'mechanisms' ? 'mechanism' : 'category'} must equal the file name "${name}" (before any second dot).`);
    if (kind === 'mechanisms' && !(MECHANISMS as readonly string[]).includes(name)) err(0, `"${name}" is not a mechanism; use one of ${MECHANISMS.join(', ')}.`);
    const lines = (key: string): Array<{ text: string; offset?: number }> => {
      const seq = root.get(key, true);
      if (seq === undefined) return [];
      if (!isSeq(seq)) { err(undefined, `"${key}" must be a list of sentences.`); return []; }
      const out: Array<{ text: string; offset?: number }> = [];
      for (const item of seq.items) {
        const offset = (item as { range?: [number] }).range?.[0];
        if (!isScalar(item) || typeof item.value !== 'string' || !item.value.trim()) err(offset, `Each item under "${key}" must be a sentence in quotes.`);
        else out.push({ text: item.value, offset });
      }
      return out;
    };
    const src = file.path;
    if (kind === 'dismissive') {
      for (const { text } of lines('flag')) Object.assign(get(text, src), { dismissive: 1, category: name });
      for (const { text, offset } of lines('pass')) {
        const e = get(text, src);
        if (e.dismissive === 1) err(offset, `"${text}" is also listed as dismissive (${e.source}); keep it in one list.`);
        else e.dismissive = 0;
      }
    } else if (kind === 'customer') {
      for (const { text } of lines('feeling')) get(text, src).customerFeeling = 1;
      for (const { text, offset } of lines('calm')) {
        const e = get(text, src);
        if (e.customerFeeling === 1) err(offset, `"${text}" is listed both as a feeling and as calm; keep it in one list.`);
        else e.customerFeeling = 0;
      }
    } else if (kind === 'ordinary') {
      for (const { text } of lines('pass')) { const e = get(text, src); if (e.dismissive === undefined) e.dismissive = 0; }
    } else {
      const m = name as Mechanism;
      for (const { text } of lines('shows')) { const e = get(text, src); e.mechanisms[m] = 1; if (e.dismissive === undefined) e.dismissive = 0; }
      for (const { text, offset } of lines('lacks')) {
        const e = get(text, src);
        if (e.mechanisms[m] === 1) err(offset, `"${text}" is listed both as showing and lacking ${m}; keep it in one list.`);
        else e.mechanisms[m] = 0;
      }
    }
  }
  return { examples: [...byText.values()], errors, files };
}
