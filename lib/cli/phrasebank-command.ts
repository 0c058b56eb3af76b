/**
 * `attune phrasebank test|pack|catalogue`: tools for the people who write the rules.
 */
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CompiledPhrasebank } from '../phrasebank/types';
import { parseCommandArgs, stringFlag } from './args';
import { renderCatalogue, spliceCatalogue } from './catalogue';
import { paint, useColor } from './color';
import { loadExamples } from './engine';
import { CliError, EXIT } from './errors';
import { plural } from './human';
import { decodeText, fsReason, readFileBytes, userPath } from './input';
import { DEFAULT_PHRASEBANK_DIR, loadUserPhrasebank, phrasebankRoot } from './phrasebank-source';

export const PHRASEBANK_HELP = `Usage: attune phrasebank <test|pack|catalogue> [PATH] [options]

  test [PATH]                      Run every rule's and signal's examples (default: phrasebank/).
                                   Lists each failure as  ruleId  flag|pass  "text" — detail,
                                   then "N examples, N failed". Also lists match alternatives
                                   no flag example exercises (a warning, not a failure).
                                   Exit 0 all pass, 1 some failed, 2 the phrasebank has errors.
  pack [PATH] --out FILE.json [--name NAME]
                                   Compile PATH (default: phrasebank/) into one JSON pack that
                                   a team lead can import in the extension's options page.
                                   Refuses (exit 1) when an example fails. Without --out the
                                   pack is written to stdout.
  catalogue [PATH] [--write FILE]  Print the catalogue (categories and signals) as Markdown; with
                                   --write, replace the text between <!-- catalogue:start -->
                                   and <!-- catalogue:end --> in FILE (e.g. README.md).

PATH is a .yml file, a folder of them, or a compiled .json pack. Run
\`attune phrasebank <subcommand> --help\` for one subcommand.

Exit codes: 0 success, 1 an example failed, 2 bad usage or a broken phrasebank.
`;

const TEST_HELP = `Usage: attune phrasebank test [PATH]

Runs every example in the phrasebank at PATH (default: phrasebank/): each "flag" example must be
flagged by its rule, each "pass" example must not be. Prints each failure as
  ruleId  flag|pass  "text" — detail
then "N examples, N failed", and lists match alternatives that no flag example exercises
(add an example so a later edit cannot silently break them; this is a warning, not a failure).

Exit codes: 0 every example passes, 1 some failed, 2 the phrasebank cannot be read or has errors.
`;

const PACK_HELP = `Usage: attune phrasebank pack [PATH] --out FILE.json [--name NAME]

Validates and compiles the phrasebank at PATH (default: phrasebank/) into a single JSON pack for
the options page ("Import a team pack"). Every example must pass first, since the options page
runs them again on import. NAME (default: the folder or file name) is recorded in the pack.
Without --out, the pack is written to stdout.

Exit codes: 0 written, 1 examples failed (nothing written), 2 bad usage or a broken phrasebank.
`;

const CATALOGUE_HELP = `Usage: attune phrasebank catalogue [PATH] [--write FILE]

Prints a Markdown catalogue of the phrasebank at PATH (default: phrasebank/): one table of
categories (title, file, number of rules, why, example rule ids), then the empathy signals by
mechanism. With --write FILE, replaces the text between <!-- catalogue:start --> and
<!-- catalogue:end --> in FILE instead of printing.

Exit codes: 0 done, 2 bad usage, a broken phrasebank, or FILE has no markers.
`;

/** Runs `attune phrasebank …`; resolves to the exit code. */
export async function phrasebankCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) {
    process.stderr.write(PHRASEBANK_HELP);
    return EXIT.badInput;
  }
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(PHRASEBANK_HELP);
    return EXIT.clean;
  }
  if (sub === 'test') return testCommand(rest);
  if (sub === 'pack') return packCommand(rest);
  if (sub === 'catalogue' || sub === 'catalog') return catalogueCommand(rest);
  throw new CliError(`Unknown phrasebank subcommand "${sub}"; use test, pack or catalogue (see \`attune phrasebank --help\`).`);
}

/** Where PATH (as typed) points, or the default phrasebank/ folder. */
function resolvePhrasebankPath(path: string | undefined): string {
  return path === undefined ? DEFAULT_PHRASEBANK_DIR : userPath(path);
}

/** Loads PATH (as typed) or the default phrasebank/ folder. */
function loadFrom(path: string | undefined): Promise<CompiledPhrasebank> {
  return loadUserPhrasebank(path ?? 'phrasebank/', resolvePhrasebankPath(path));
}

/** Keeps a failing example readable on one line. */
function quote(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ');
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

async function testCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('phrasebank test', argv, {}, 1);
  if (values.help) {
    process.stdout.write(TEST_HELP);
    return EXIT.clean;
  }
  const pb = await loadFrom(positionals[0]);
  const { runExamples, uncoveredAlternatives } = await loadExamples();
  const p = paint(useColor());
  const results = runExamples(pb);
  const failures = results.filter((r) => !r.ok);
  const out: string[] = [];
  if (failures.length) {
    out.push(p.bold('Examples that did not behave as written:'));
    for (const f of failures) {
      out.push(`  ${f.ruleId}  ${p.red(f.kind)}  ${quote(f.text)}${f.detail ? ` — ${f.detail}` : ''}`);
    }
    out.push('');
  }
  const uncovered = uncoveredAlternatives(pb);
  if (uncovered.length) {
    out.push(p.yellow(`Alternatives no flag example exercises (${uncovered.length}; not failures — an example keeps them from breaking unnoticed):`));
    const byRule = new Map<string, string[]>();
    for (const u of uncovered) byRule.set(u.ruleId, [...(byRule.get(u.ruleId) ?? []), quote(u.alternative, 60)]);
    for (const [ruleId, alternatives] of byRule) out.push(`  ${ruleId}  ${alternatives.join(', ')}`);
    out.push('');
  }
  const summary = `${plural(results.length, 'example')}, ${failures.length} failed`;
  out.push(failures.length ? p.red(summary) : p.green(summary));
  process.stdout.write(out.join('\n') + '\n');
  return failures.length ? EXIT.findings : EXIT.clean;
}

async function packCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('phrasebank pack', argv, { out: { type: 'string', short: 'o' }, name: { type: 'string' } }, 1);
  if (values.help) {
    process.stdout.write(PACK_HELP);
    return EXIT.clean;
  }
  const path = positionals[0];
  const pb = await loadFrom(path);
  const { runExamples } = await loadExamples();
  const failures = runExamples(pb).filter((r) => !r.ok);
  if (failures.length) {
    process.stderr.write(
      `attune: not packing: ${plural(failures.length, 'example')} failed (the options page would refuse the pack). ` +
        'Run `attune phrasebank test` to see them:\n' +
        failures.map((f) => `  ${f.ruleId}  ${f.kind}  ${quote(f.text)}${f.detail ? ` — ${f.detail}` : ''}`).join('\n') +
        '\n',
    );
    return EXIT.findings;
  }
  const name = stringFlag(values.name) ?? defaultPackName(path);
  if (!name.trim()) throw new CliError('--name must not be empty.');
  const json = JSON.stringify({ name, ...pb }, null, 2) + '\n';
  const out = stringFlag(values.out);
  if (out === undefined || out === '-') {
    process.stdout.write(json);
    return EXIT.clean;
  }
  try {
    writeFileSync(userPath(out), json);
  } catch (err) {
    throw new CliError(`Cannot write ${out}: ${fsReason(err)}.`);
  }
  process.stderr.write(
    `Packed "${name}": ${plural(pb.rules.length, 'rule')}, ${plural(pb.signals.length, 'signal')} → ${out}. ` +
      'Import it in the options page under Packs.\n',
  );
  return EXIT.clean;
}

/** "phrasebank" for phrasebank/, "team" for team.yml. */
function defaultPackName(path: string | undefined): string {
  if (path === undefined) return 'phrasebank';
  const base = basename(userPath(path));
  return base.slice(0, base.length - extname(base).length) || base;
}

async function catalogueCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('phrasebank catalogue', argv, { write: { type: 'string' } }, 1);
  if (values.help) {
    process.stdout.write(CATALOGUE_HELP);
    return EXIT.clean;
  }
  const catalogue = renderCatalogue(await loadFrom(positionals[0]), phrasebankRoot(resolvePhrasebankPath(positionals[0])));
  const target = stringFlag(values.write);
  if (target === undefined) {
    process.stdout.write(catalogue);
    return EXIT.clean;
  }
  const doc = decodeText(readFileBytes(target), target);
  const updated = spliceCatalogue(doc, catalogue, target);
  if (updated === doc) {
    process.stderr.write(`${target}: the catalogue is already up to date.\n`);
    return EXIT.clean;
  }
  try {
    writeFileSync(userPath(target), updated);
  } catch (err) {
    throw new CliError(`Cannot write ${target}: ${fsReason(err)}.`);
  }
  process.stderr.write(`${target}: catalogue updated.\n`);
  return EXIT.clean;
}

