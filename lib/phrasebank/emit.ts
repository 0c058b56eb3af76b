/**
 * Writes compiled entries back as phrasebank YAML, so that everything a lead writes (a pack file, a rule
 * in the options page's studio) is checked by the one validator `phrasebank test` uses: compile.ts.
 * Each emitted line remembers which entry and field it holds, so an error (which compile.ts reports by
 * line) can be shown beside the field it is about.
 */
import type { CategoryInfo, RuleEntry, SignalEntry } from './types';
import type { PhrasebankFile } from './compile';

/** What one line of emitted YAML holds. */
export interface EmittedLine {
  entryId?: string;
  /** `match`, `severity`, `examples.flag`, … or undefined for the category header. */
  field?: string;
}

/** One category file, and what each of its lines (1-based, index 0 unused) holds. */
export interface EmittedFile extends PhrasebankFile {
  lines: EmittedLine[];
}

/** An entry as a lead writes it: the compiled shape, any field possibly missing or empty. */
export type EntryDraft = Partial<Omit<RuleEntry, 'examples' | 'mechanism'>> & Partial<Pick<SignalEntry, 'mechanism'>> & { examples?: Partial<RuleEntry['examples']> };

/** The path compile.ts expects for a category: `signals/<mechanism>.yml` or `<category>.yml`. */
export function categoryPath(info: Pick<CategoryInfo, 'category' | 'kind'>): string {
  return info.kind === 'signal' ? `signals/${info.category}.yml` : `${info.category}.yml`;
}

/**
 * A category file holding `entries`. JSON strings are valid YAML double-quoted scalars, so every value is
 * written with JSON.stringify: no value can change the file's structure.
 */
export function emitCategoryFile(info: Partial<CategoryInfo> & Pick<CategoryInfo, 'category' | 'kind'>, entries: EntryDraft[]): EmittedFile {
  const out: string[] = [];
  const lines: EmittedLine[] = [{}];
  const put = (text: string, at: EmittedLine = {}) => {
    out.push(text);
    lines.push(at);
  };
  const q = (v: string) => JSON.stringify(v);
  const list = (indent: string, key: string, values: string[] | undefined, at: EmittedLine) => {
    if (!values?.length) return;
    put(`${indent}${key}:`, at);
    for (const v of values) put(`${indent}  - ${q(v)}`, at);
  };
  put(`category: ${q(info.category)}`);
  if (info.title !== undefined) put(`title: ${q(info.title)}`);
  if (info.why !== undefined) put(`why: ${q(info.why)}`);
  if (info.kind === 'signal') put(`mechanism: ${q(entries.find((e) => e.mechanism)?.mechanism ?? info.category)}`);
  list('', 'suggest', info.suggest, {});
  if (info.needsNextStep) put('needs-next-step: true');
  if (info.source) put(`source: ${q(info.source)}`);
  put('entries:');
  for (const e of entries) {
    const at = (field: string): EmittedLine => ({ entryId: e.id, field });
    put(`  - id: ${q(e.id ?? '')}`, at('id'));
    list('    ', 'match', e.match, at('match'));
    list('    ', 'unless', e.unless, at('unless'));
    if (info.kind !== 'signal' && e.severity !== undefined) put(`    severity: ${q(e.severity)}`, at('severity'));
    if (e.why !== undefined) put(`    why: ${q(e.why)}`, at('why'));
    if (info.kind !== 'signal') list('    ', 'suggest', e.suggest, at('suggest'));
    if (e.source) put(`    source: ${q(e.source)}`, at('source'));
    put('    examples:', at('examples'));
    const flags = (e.examples?.flag ?? []).map((text, i) => withMarks(text, e.examples?.flagSpans?.[i], e.examples?.flagResults?.[i]));
    put(`      flag:${flags.length ? '' : ' []'}`, at('examples.flag'));
    for (const f of flags) put(`        - ${q(f)}`, at('examples.flag'));
    const passes = e.examples?.pass ?? [];
    put(`      pass:${passes.length ? '' : ' []'}`, at('examples.pass'));
    for (const p of passes) put(`        - ${q(p)}`, at('examples.pass'));
  }
  return { path: categoryPath(info), source: out.join('\n') + '\n', lines };
}

/** A flag example as YAML writes it: `[words]` it must cover, ` -> result` after applying. */
function withMarks(text: string, span: [number, number] | null | undefined, result: string | null | undefined): string {
  const marked = span ? `${text.slice(0, span[0])}[${text.slice(span[0], span[1])}]${text.slice(span[1])}` : text;
  return result != null ? `${marked} -> ${result}` : marked;
}
