/**
 * `attune audit FILE.csv --column NAME [--out report.html]`: how often each category and rule fires
 * over many past replies or saved macros, for team leads.
 */
import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseCommandArgs, stringFlag } from './args';
import { renderAuditHtml } from './audit-html';
import { AuditCollector, percent, type AuditSummary } from './audit-stats';
import { paint, useColor, type Paint } from './color';
import { loadAnalysis } from './engine';
import { CliError, EXIT } from './errors';
import { MECHANISM_PRAISE, plural } from './human';
import { decodeText, formatBytes, fsReason, MAX_DRAFT_BYTES, readFileBytes, userPath } from './input';
import { choosePhrasebank } from './phrasebank-source';

export const AUDIT_HELP = `Usage: attune audit FILE.csv --column NAME [--out report.html] [--phrasebank PATH]

Analyses every row's NAME column (past replies or saved macros) and prints how often each
category and each rule fires: findings, replies with at least one, and their share of replies.
The first row of FILE.csv must be the header. Empty cells are not counted; a cell over 1 MB is
skipped with a note. Rows are numbered from 1 after the header.

Options:
  --column NAME        The column holding the reply text (required).
  --out FILE.html      Also write a self-contained HTML report: a bar chart per category, the
                       top rules with why and a suggestion, and a few flagged replies with the
                       flagged words highlighted. No scripts or external resources.
  --phrasebank PATH    Use this phrasebank (file, folder or compiled .json pack) instead of the
                       bundled one.
  -h, --help           Show this help.

Exit codes: 0 no findings, 1 at least one finding, 2 bad usage or bad input (unreadable or
malformed CSV, a missing column: the message lists the columns that exist).
`;

/** Runs `attune audit`; resolves to the exit code. */
export async function auditCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'audit',
    argv,
    { column: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' }, phrasebank: { type: 'string' } },
    1,
  );
  if (values.help) {
    process.stdout.write(AUDIT_HELP);
    return EXIT.clean;
  }
  const file = positionals[0];
  if (!file) throw new CliError('Which CSV file? Usage: attune audit FILE.csv --column NAME (see `attune audit --help`).');
  const column = stringFlag(values.column);
  if (column === undefined) throw new CliError('Which column holds the replies? Add --column NAME (see `attune audit --help`).');

  const { header, rows } = readCsv(file);
  const index = header.indexOf(column);
  if (index === -1) {
    const close = header.find((h) => h.trim().toLowerCase() === column.trim().toLowerCase());
    throw new CliError(
      `${file} has no column "${column}"${close !== undefined ? ` (did you mean "${close}"?)` : ''}. ` +
        `Its columns are: ${header.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  const pb = await choosePhrasebank(stringFlag(values.phrasebank));
  const { analyze } = await loadAnalysis();
  const collector = new AuditCollector(pb);
  rows.forEach((record, i) => {
    const row = i + 1;
    const text = record[index] ?? '';
    if (text.trim() === '') {
      collector.empty++;
      return;
    }
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_DRAFT_BYTES) {
      collector.skipped.push({ row, reason: `${formatBytes(bytes)}, over the 1 MB limit for one reply` });
      return;
    }
    collector.add(row, text, analyze(text, pb));
  });
  if (collector.analysed === 0) {
    throw new CliError(`Every "${column}" cell in ${file} is empty${collector.skipped.length ? ' or too long' : ''}; there is nothing to audit.`);
  }
  const summary = collector.summary(file, column);
  process.stdout.write(formatAuditText(summary, paint(useColor())));
  const out = stringFlag(values.out);
  if (out !== undefined) {
    try {
      writeFileSync(userPath(out), renderAuditHtml(summary));
    } catch (err) {
      throw new CliError(`Cannot write ${out}: ${fsReason(err)}.`);
    }
    process.stderr.write(`HTML report written to ${out}.\n`);
  }
  return summary.totalFindings ? EXIT.findings : EXIT.clean;
}

/** Reads and parses the CSV, with one-line messages for every way it can be wrong. */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const text = decodeText(readFileBytes(file), file);
  if (text.trim() === '') throw new CliError(`${file} is empty; it needs a header row and one row per reply.`);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (err) {
    throw new CliError(`${file} is not valid CSV: ${(err as Error).message.replace(/\s+/g, ' ')}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new CliError(`${file} has no header row.`);
  if (!rows.length) throw new CliError(`${file} has a header but no rows to audit.`);
  return { header: header.map((h) => h.trim()), rows };
}

/** Right-aligns a number in a column. */
function pad(v: string | number, width: number): string {
  return String(v).padStart(width);
}

/** The terminal summary: totals, then categories and rules with counts and shares. */
export function formatAuditText(s: AuditSummary, p: Paint): string {
  const out: string[] = [];
  out.push(
    `Audited ${s.analysed} ${s.analysed === 1 ? 'reply' : 'replies'} from ${s.source} (column "${s.column}")` +
      `${s.empty ? `; ${s.empty} empty row${s.empty === 1 ? '' : 's'} not counted` : ''}.`,
  );
  for (const k of s.skipped) out.push(p.yellow(`  row ${k.row} skipped: ${k.reason}`));
  out.push(
    p.bold(`${s.rowsWithFindings} of ${s.analysed} (${percent(s.rowsWithFindings, s.analysed)}) have phrasing worth another look; ${plural(s.totalFindings, 'finding')} in all.`),
  );
  if (s.categories.length) {
    const w = Math.max(20, ...s.categories.map((c) => c.title.length), ...s.rules.map((r) => r.key.length));
    out.push('', p.bold(`${'By category'.padEnd(w)}  findings  replies  share`));
    for (const c of s.categories) out.push(`${c.title.padEnd(w)}  ${pad(c.findings, 8)}  ${pad(c.rows, 7)}  ${pad(percent(c.rows, s.analysed), 5)}`);
    out.push('', p.bold(`${'By rule'.padEnd(w)}  findings  replies  share`));
    for (const r of s.rules) out.push(`${r.key.padEnd(w)}  ${pad(r.findings, 8)}  ${pad(r.rows, 7)}  ${pad(percent(r.rows, s.analysed), 5)}`);
  }
  if (s.signals.length) {
    out.push('', p.bold('Already doing well (replies showing it):'));
    for (const g of s.signals) out.push(`  ${p.green('✓')} ${MECHANISM_PRAISE[g.mechanism] ?? g.mechanism}: ${g.rows} (${percent(g.rows, s.analysed)})`);
  }
  return out.join('\n') + '\n';
}
