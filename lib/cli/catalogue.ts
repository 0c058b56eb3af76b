/**
 * The phrasebank catalogue as Markdown (for README.md), and splicing it between the markers.
 */
import { isAbsolute, join } from 'node:path';
import type { CompiledPhrasebank } from '../phrasebank/types';
import { CliError } from './errors';
import { plural } from './human';
import { displayPath } from './phrasebank-source';

export const CATALOGUE_START = '<!-- catalogue:start -->';
export const CATALOGUE_END = '<!-- catalogue:end -->';

/** Escapes text for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Keeps the file column short and stable across machines: `phrasebank/x.yml`. */
function shortFile(file: string, root: string | undefined): string {
  return displayPath(root && !isAbsolute(file) ? join(root, file) : file);
}

const EXAMPLE_IDS = 3;

/** The catalogue (`root`: the folder the phrasebank's file names are relative to): one table of dismissive-phrasing categories, then one of empathy signals by mechanism. */
export function renderCatalogue(pb: CompiledPhrasebank, root?: string): string {
  const lines: string[] = [];
  const dismissive = pb.categories.filter((c) => c.kind === 'dismissive');
  const totalRules = pb.rules.length;
  lines.push(`${plural(totalRules, 'rule')} in ${dismissive.length} ${dismissive.length === 1 ? 'category' : 'categories'}, and ${plural(pb.signals.length, 'empathy signal')}.`, '');
  lines.push('| Category | File | Rules | Why it matters | For example |', '| --- | --- | ---: | --- | --- |');
  for (const c of dismissive) {
    const rules = pb.rules.filter((r) => r.category === c.category);
    const examples = rules
      .slice(0, EXAMPLE_IDS)
      .map((r) => `\`${r.ruleId}\``)
      .join(', ');
    const more = rules.length > EXAMPLE_IDS ? ', …' : '';
    lines.push(`| ${cell(c.title)} | \`${shortFile(c.file, root)}\` | ${rules.length} | ${cell(c.why)} | ${examples}${more} |`);
  }
  const signalCats = pb.categories.filter((c) => c.kind === 'signal');
  if (signalCats.length) {
    lines.push('', '**Empathy signals** (what the draft already does well), by mechanism:', '');
    lines.push('| Mechanism | Title | File | Signals | Why it matters |', '| --- | --- | --- | ---: | --- |');
    for (const c of signalCats) {
      const signals = pb.signals.filter((s) => s.category === c.category);
      const mechanism = signals[0]?.mechanism ?? c.category;
      lines.push(`| \`${mechanism}\` | ${cell(c.title)} | \`${shortFile(c.file, root)}\` | ${signals.length} | ${cell(c.why)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The text between the catalogue markers, or undefined when the document has no markers. */
export function extractCatalogue(doc: string): string | undefined {
  const start = doc.indexOf(CATALOGUE_START);
  const end = doc.indexOf(CATALOGUE_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return doc.slice(start + CATALOGUE_START.length, end).replace(/^\n/, '').replace(/\n$/, '');
}

/** The document with the catalogue markers' content replaced by `catalogue`. */
export function spliceCatalogue(doc: string, catalogue: string, label: string): string {
  const start = doc.indexOf(CATALOGUE_START);
  const end = doc.indexOf(CATALOGUE_END);
  if (start === -1 || end === -1 || end < start) {
    throw new CliError(
      `${label} has no catalogue markers; add a line "${CATALOGUE_START}" and, below it, "${CATALOGUE_END}" where the catalogue should go.`,
    );
  }
  return `${doc.slice(0, start + CATALOGUE_START.length)}\n${catalogue.replace(/\n$/, '')}\n${doc.slice(end)}`;
}
