/**
 * Compiles phrasebank YAML files into a CompiledPhrasebank, validating every field with
 * precise errors (file, line, entry id, what is wrong and how to fix it).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { MECHANISMS, SEVERITIES, SLOT_KINDS, type CategoryInfo, type CompiledPhrasebank, type Mechanism, type PhrasebankError, type RuleEntry, type Severity, type SignalEntry } from './types';
import { checkPattern } from './patterns';
import { didYouMean } from './hints';

/** One phrasebank source file. */
export interface PhrasebankFile {
  path: string;
  source: string;
}

const FILE_KEYS = ['category', 'title', 'why', 'suggest', 'needs-next-step', 'source', 'entries', 'mechanism'] as const;
const RULE_KEYS = ['id', 'match', 'unless', 'severity', 'why', 'suggest', 'source', 'examples'] as const;
const SIGNAL_KEYS = ['id', 'match', 'unless', 'why', 'source', 'examples'] as const;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids are shown on cards and stored in settings; the longest bundled one has 35 characters. */
export const MAX_ID_LENGTH = 60;

/** An empty phrasebank. */
export function emptyPhrasebank(): CompiledPhrasebank {
  return { version: 1, categories: [], rules: [], signals: [], renames: {} };
}

/** True for files that hold empathy signals rather than dismissive phrasing. */
export function isSignalFile(path: string, source: string): boolean {
  return /(^|[\\/])signals[\\/]/.test(path) || /^mechanism\s*:/m.test(source);
}

/** Compiles and validates phrasebank files; `renames` maps old rule ids to new ones. */
export function compilePhrasebank(files: PhrasebankFile[], renames: Record<string, string> = {}): { phrasebank: CompiledPhrasebank; errors: PhrasebankError[] } {
  const phrasebank = emptyPhrasebank();
  const errors: PhrasebankError[] = [];
  const categoryFile = new Map<string, string>();
  const declared = new Set<string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    compileFile(file, phrasebank, errors, categoryFile, declared);
  }
  checkRenames(renames, declared, errors);
  phrasebank.renames = { ...renames };
  return { phrasebank, errors };
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.(ya?ml)$/i, '');
}

function compileFile(file: PhrasebankFile, pb: CompiledPhrasebank, errors: PhrasebankError[], categoryFile: Map<string, string>, declared: Set<string>): void {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.source, { lineCounter, prettyErrors: true });
  const at = (node: Node | null | undefined) => position(lineCounter, node);
  const err = (node: Node | null | undefined, message: string, entryId?: string) =>
    errors.push({ file: file.path, ...at(node), ...(entryId ? { entryId } : {}), message });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      errors.push({ file: file.path, line: pos?.line, column: pos?.col, message: `YAML syntax: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.')} Check indentation and that text containing ": " or "#" is in quotes.` });
    }
    return;
  }
  const root = doc.contents;
  if (!isMap(root)) {
    err(root, 'The file must be a map with category, title, why and entries (see phrasebank/README.md).');
    return;
  }
  const signal = isSignalFile(file.path, file.source);
  unknownKeys(root, FILE_KEYS.filter((k) => (signal ? k !== 'suggest' && k !== 'needs-next-step' : k !== 'mechanism')), err, undefined, signal ? 'signal file' : 'category file');
  const expected = baseName(file.path);
  const category = str(root, 'category');
  if (!category) err(root, `Missing "category:"; add "category: ${expected}" (it must equal the file name).`);
  else if (category !== expected) err(root.get('category', true) as Node, `category "${category}" must equal the file name "${expected}"; rename the file or change the category.`);
  else if (!KEBAB.test(category)) err(root.get('category', true) as Node, `category "${category}" must be kebab-case (lower-case words joined by "-"), e.g. "${kebab(category)}".`);
  else if (category.length > MAX_ID_LENGTH) err(root.get('category', true) as Node, `category "${category.slice(0, 40)}…" has ${category.length} characters; use at most ${MAX_ID_LENGTH}.`);
  const cat = category || expected;
  if (categoryFile.has(cat)) {
    err(root, `category "${cat}" is already defined in ${categoryFile.get(cat)}; each category lives in one file.`);
    return;
  }
  categoryFile.set(cat, file.path);
  const title = str(root, 'title');
  if (!title) err(root, 'Missing "title:"; add a short human title, e.g. "title: Invalidating feelings".');
  const why = str(root, 'why');
  if (!why) err(root, 'Missing "why:"; add one sentence on why this category hurts (or helps, for signals).');
  let mechanism: Mechanism | undefined;
  if (signal) {
    const m = str(root, 'mechanism');
    if (!m) err(root, `Missing "mechanism:"; signal files need one of: ${MECHANISMS.join(', ')}.`);
    else if (!(MECHANISMS as readonly string[]).includes(m)) err(root.get('mechanism', true) as Node, `mechanism "${m}" is not known; use one of: ${MECHANISMS.join(', ')}.${didYouMean(m, MECHANISMS)}`);
    else {
      mechanism = m as Mechanism;
      if (m !== expected) err(root.get('mechanism', true) as Node, `mechanism "${m}" must equal the file name "${expected}"; rename the file to ${m}.yml.`);
    }
  }
  const source = str(root, 'source');
  // Category-level alternatives: shown when the trained model, not a rule, finds this kind of phrasing.
  const suggest = signal ? [] : strList(root, 'suggest', (n, m) => err(n, m), '', false);
  if (suggest.length) checkSlots(suggest, (i, m) => err(listNode(root, 'suggest', i), m));
  // A refusal or a rule needs a way forward (guide R2, R3): coached when missing, and a model finding is dropped when present.
  const nextStepNode = root.get('needs-next-step', true) as Node | undefined;
  const needsNextStep = nextStepNode !== undefined && isScalar(nextStepNode) && nextStepNode.value === true;
  if (nextStepNode !== undefined && !(isScalar(nextStepNode) && typeof nextStepNode.value === 'boolean')) err(nextStepNode, '"needs-next-step" must be true or false.');
  pb.categories.push({ category: cat, title: title ?? cat, why: why ?? '', kind: signal ? 'signal' : 'dismissive', file: file.path, ...(suggest.length ? { suggest } : {}), ...(needsNextStep ? { needsNextStep } : {}), ...(source ? { source } : {}) } satisfies CategoryInfo);
  const entries = root.get('entries', true);
  if (!isSeq(entries) || entries.items.length === 0) {
    err((entries as Node) ?? root, 'Missing "entries:"; add a list of entries, each starting with "- id: ...".');
    return;
  }
  const ids = new Set<string>();
  for (const item of entries.items) {
    if (!isMap(item)) {
      err(item as Node, 'Each entry must be a map starting with "- id: ..."; check the indentation.');
      continue;
    }
    const entry = compileEntry(item, cat, signal, mechanism, err, ids);
    const id = str(item, 'id');
    if (id) declared.add(`${cat}/${id}`); // counts for renames even when the entry has mistakes
    if (!entry) continue;
    if (signal) pb.signals.push(entry as SignalEntry);
    else pb.rules.push(entry as RuleEntry);
  }
}

type ErrFn = (node: Node | null | undefined, message: string, entryId?: string) => void;

function compileEntry(item: YAMLMap, category: string, signal: boolean, mechanism: Mechanism | undefined, err: ErrFn, ids: Set<string>): RuleEntry | SignalEntry | null {
  const id = str(item, 'id');
  const node = (key: string) => (item.get(key, true) as Node | undefined) ?? item;
  if (!id) {
    err(item, 'Entry without "id:"; add a kebab-case id such as "id: calm-down".');
    return null;
  }
  let ok = true;
  const fail = (n: Node | null | undefined, message: string) => {
    ok = false;
    err(n, message, id);
  };
  if (id.length > MAX_ID_LENGTH) fail(node('id'), `id "${id.slice(0, 40)}…" has ${id.length} characters; use at most ${MAX_ID_LENGTH} (a few words, e.g. "calm-down").`);
  else if (!KEBAB.test(id)) fail(node('id'), `id "${id}" must be kebab-case (lower-case words joined by "-"), e.g. "${kebab(id)}".`);
  if (ids.has(id)) fail(node('id'), `id "${id}" is used twice in this file; give each entry its own id.`);
  ids.add(id);
  unknownKeys(item, signal ? SIGNAL_KEYS : RULE_KEYS, (n, m) => fail(n, m), id, signal ? 'signal entry' : 'entry');
  const match = strList(item, 'match', fail, 'the words to look for in compromise match syntax, e.g. match: "[please]? calm down"', true);
  match.forEach((p, i) => {
    const problem = checkPattern(p);
    if (problem) fail(listNode(item, 'match', i), `match ${problem}`);
  });
  const unless = strList(item, 'unless', fail, '', false);
  unless.forEach((p, i) => {
    const problem = checkPattern(p);
    if (problem) fail(listNode(item, 'unless', i), `unless ${problem}`);
  });
  const why = str(item, 'why');
  if (!why) fail(node('why'), 'Missing or empty "why:"; add one sentence explaining the effect on the customer.');
  const source = str(item, 'source');
  let severity: Severity = 'medium';
  let suggest: string[] = [];
  if (!signal) {
    const s = str(item, 'severity');
    if (!s) fail(node('severity'), 'Missing "severity:"; use high, medium or low.');
    else if (!(SEVERITIES as readonly string[]).includes(s)) fail(node('severity'), `severity "${s}" must be high, medium or low.${didYouMean(s, SEVERITIES)}`);
    else severity = s as Severity;
    suggest = strList(item, 'suggest', fail, 'at least one kinder alternative the agent could write', true);
    checkSlots(suggest, (i, m) => fail(listNode(item, 'suggest', i), m));
  }
  const examples = item.get('examples', true);
  const flag: string[] = [];
  const pass: string[] = [];
  const spans: Array<[number, number] | null> = [];
  const results: Array<string | null> = [];
  if (!isMap(examples)) {
    fail(node('examples'), 'Missing "examples:"; add "examples:" with "flag:" (sentences it must catch) and "pass:" (similar sentences it must leave alone).');
  } else {
    unknownKeys(examples, ['flag', 'pass'], (n, m) => fail(n, m), id, 'examples');
    flag.push(...strList(examples, 'flag', fail, 'sentences this entry must flag', true));
    pass.push(...strList(examples, 'pass', fail, 'similar sentences this entry must leave alone', true));
    // `"Please calm down" -> "I can hear…"`: the draft after applying the first suggestion, checked by the examples run.
    flag.forEach((text, i) => {
      const arrow = text.indexOf(' -> ');
      if (arrow === -1) return results.push(null);
      if (signal) fail(listNode(examples, 'flag', i), `flag example ${i + 1} gives a result with "->", but signals have no suggestions to apply.`);
      flag[i] = text.slice(0, arrow).trim().replace(/^"(.*)"$/, '$1');
      results.push(text.slice(arrow + 4).trim().replace(/^"(.*)"$/, '$1'));
    });
    // "Please [calm down] so I can look": the brackets mark the words the entry must flag, exactly.
    flag.forEach((text, i) => {
      const marked = [...text.matchAll(/\[([^[\]]+)\]/g)];
      if (!marked.length) return spans.push(null);
      if (marked.length > 1) fail(listNode(examples, 'flag', i), `flag example ${i + 1} marks ${marked.length} spans; mark at most one, e.g. "Please [calm down] so I can look".`);
      const start = marked[0].index!;
      flag[i] = text.slice(0, start) + marked[0][1] + text.slice(start + marked[0][0].length);
      spans.push([start, start + marked[0][1].length]);
    });
    pass.forEach((text, i) => {
      if (/\[[^[\]]+\]/.test(text)) fail(listNode(examples, 'pass', i), `pass example ${i + 1} marks a span with [ ]; only flag examples can (a pass example must not be flagged at all).`);
    });
    if (!signal && severity === 'high') {
      if (flag.length === 1) fail(examples.get('flag', true) as Node, 'High-severity entries need at least two "flag" examples; add another sentence it must catch.');
      if (pass.length === 1) fail(examples.get('pass', true) as Node, 'High-severity entries need at least two "pass" examples; add another harmless sentence it must leave alone.');
    }
  }
  if (!ok) return null;
  const base = { ruleId: `${category}/${id}`, id, category, match, unless, why: why!, ...(source ? { source } : {}), examples: { flag, pass, ...(spans.some(Boolean) ? { flagSpans: spans } : {}), ...(results.some((r) => r !== null) ? { flagResults: results } : {}) } };
  return signal ? { ...base, mechanism: mechanism ?? 'emotional-reaction' } : { ...base, severity, suggest };
}

/**
 * Slots are `{order}`-style names from SLOT_KINDS, optional parts are balanced `[ … ]`, and at least one
 * suggestion works without any slot (a suggestion whose bare slot can't be filled is withdrawn).
 */
function checkSlots(suggest: string[], fail: (index: number, message: string) => void): void {
  suggest.forEach((s, i) => {
    for (const [, name] of s.matchAll(/\{([^{}]*)\}/g)) {
      if (!(SLOT_KINDS as readonly string[]).includes(name)) fail(i, `suggestion ${i + 1} has an unknown slot {${name}}; use one of ${SLOT_KINDS.map((k) => `{${k}}`).join(', ')}.${didYouMean(name, SLOT_KINDS)}`);
    }
    if (/[{}]/.test(s.replace(/\{[^{}]*\}/g, ''))) fail(i, `suggestion ${i + 1} has an unmatched { or }; a slot is written {order}.`);
    let depth = 0;
    for (const c of s) if ((depth += c === '[' ? 1 : c === ']' ? -1 : 0) < 0 || depth > 1) break;
    if (depth !== 0) fail(i, `suggestion ${i + 1} has unbalanced [ ]; put the words that need a slot in one pair, e.g. "your order[ {order}]".`);
  });
  const bare = (s: string) => /\{[^{}]*\}/.test(s.replace(/\[[^[\]]*\]/g, ''));
  if (suggest.length && suggest.every(bare)) fail(0, 'every suggestion has a slot outside [ ]; add one that works without it (when the slot can\'t be filled from the conversation, the suggestion is not offered).');
}

function unknownKeys(map: YAMLMap, allowed: readonly string[], err: ErrFn, entryId: string | undefined, what: string): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!allowed.includes(key)) {
      err(pair.key as Node, `Unknown key "${key}" in this ${what}.${didYouMean(key, allowed)} Allowed keys: ${allowed.join(', ')}.`, entryId);
    }
  }
}

function str(map: YAMLMap, key: string): string | undefined {
  const v = map.get(key);
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  return s?.trim() ? s.trim() : undefined;
}

function listNode(map: YAMLMap, key: string, i: number): Node | undefined {
  const n = map.get(key, true);
  return isSeq(n) ? (n.items[i] as Node) : (n as Node);
}

/** A string or list of non-empty strings; reports what is missing when `required`. */
function strList(map: YAMLMap, key: string, fail: (n: Node | null | undefined, m: string) => void, purpose: string, required: boolean): string[] {
  const n = map.get(key, true) as Node | undefined;
  if (n === undefined || (isScalar(n) && (n.value === null || n.value === ''))) {
    if (required) fail(n ?? map, `Missing "${key}:"; add ${purpose}.`);
    return [];
  }
  if (isScalar(n)) return typeof n.value === 'string' ? [n.value.trim()] : [String(n.value)];
  if (!isSeq(n)) {
    fail(n, `"${key}" must be a text or a list of texts (lines starting with "- ").`);
    return [];
  }
  const out: string[] = [];
  n.items.forEach((item, i) => {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) out.push(item.value.trim());
    else fail(item as Node, `${key} item ${i + 1} must be non-empty text; put it in quotes if it starts with a special character.`);
  });
  if (!out.length && required) fail(n, `"${key}" is empty; add ${purpose}.`);
  return out;
}

function position(lc: LineCounter, node: Node | null | undefined): { line?: number; column?: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return {};
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function checkRenames(renames: Record<string, string>, ids: Set<string>, errors: PhrasebankError[]): void {
  for (const [oldId, newId] of Object.entries(renames)) {
    if (ids.has(oldId)) errors.push({ file: 'renames.json', entryId: oldId, message: `"${oldId}" is renamed to "${newId}" but still exists; remove the old entry or drop the rename.` });
    if (!ids.has(newId)) {
      const all = [...ids];
      errors.push({ file: 'renames.json', entryId: oldId, message: `"${oldId}" is renamed to "${newId}", which does not exist; point it at an existing rule id.${didYouMean(newId, all)}` });
    }
  }
}

/** Formats an error as `file:line: entry: message`. */
export function formatError(e: PhrasebankError): string {
  return `${e.file}${e.line ? `:${e.line}` : ''}: ${e.entryId ? `${e.entryId}: ` : ''}${e.message}`;
}
