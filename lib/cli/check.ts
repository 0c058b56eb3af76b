/**
 * `attune check`: analyse one draft (FILE or stdin), or many as JSON Lines with `--jsonl`.
 */
import { createReadStream, statSync } from 'node:fs';
import type { AnalysisContext, AnalysisOptions, Report } from '../analysis/types';
import type { CompiledPhrasebank } from '../phrasebank/types';
import { parseCommandArgs, stringFlag } from './args';
import { paint, useColor } from './color';
import { CliError, EXIT } from './errors';
import { loadAnalysis } from './engine';
import { formatHuman } from './human';
import { binaryProblem, decodeText, formatBytes, fsReason, MAX_DRAFT_BYTES, readDraft, readFileBytes, userPath } from './input';
import { byteLines } from './lines';
import { choosePhrasebank } from './phrasebank-source';

export const CHECK_HELP = `Usage: attune check [FILE] [options]

Checks one draft reply (FILE, or stdin when no FILE is given) for phrasing that can land as
dismissive, suggests kinder alternatives, and notes what the draft already does well.

Options:
  --format text|json     text (default): one block per finding (line:col  severity  why  rule id,
                         the flagged words, → suggestions), strengths, coaching and a summary.
                         json: exactly one Report {findings, signals, coaching}; offsets are
                         UTF-16 indices and text === draft.slice(start, end).
  --jsonl                Read JSON Lines (from stdin, or FILE): one {"id": …, "text": "…",
                         "customer": "…"?} per line. Writes one line per input line:
                         {"id": <same id>, "findings", "signals", "coaching"}. A line that
                         cannot be read gets {"id": <id or null>, "error": "line N: …"} and
                         the rest go on. Blank lines are skipped.
  --customer FILE        The customer's latest message, for context-aware coaching (single draft).
  --phrasebank PATH      Use this phrasebank (a .yml file, a folder, or a compiled .json pack)
                         instead of the bundled one.
  --layers LIST          Which judgement layers run: rules,model (default), rules or model.
                         Rules are the phrasebank's patterns; model is the trained sentence
                         model (findings with "source": "model" and a "confidence").
  -h, --help             Show this help.

Exit codes:
  0  no findings
  1  at least one finding
  2  bad usage or bad input: empty, binary or non-UTF-8 input, a draft over 1 MB, a broken
     phrasebank. With --jsonl: 2 only when the input has no lines or every line was bad;
     otherwise 1 if any line has findings, else 0 (bad lines are reported in their "error" field).
`;

/** Runs `attune check`; resolves to the exit code. */
export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'check',
    argv,
    {
      format: { type: 'string' },
      jsonl: { type: 'boolean' },
      customer: { type: 'string' },
      phrasebank: { type: 'string' },
      layers: { type: 'string' },
    },
    1,
  );
  if (values.help) {
    process.stdout.write(CHECK_HELP);
    return EXIT.clean;
  }
  const format = stringFlag(values.format) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new CliError(`--format must be text or json, not "${format}".`);
  }
  if (values.jsonl && values.format === 'text') throw new CliError('--jsonl always writes JSON; drop --format text.');
  if (values.jsonl && values.customer) {
    throw new CliError('With --jsonl, give each line its own "customer" field instead of --customer.');
  }
  const options = { layers: parseLayers(stringFlag(values.layers)) };
  const file = positionals[0];
  const phrasebankPath = stringFlag(values.phrasebank);
  if (values.jsonl) return checkJsonl(file, await choosePhrasebank(phrasebankPath), options);

  // Input problems are reported before the (slow to load) engine starts.
  const { text } = await readDraft(file);
  const context: AnalysisContext = {};
  const customerFile = stringFlag(values.customer);
  if (customerFile !== undefined) context.customer = decodeText(readFileBytes(customerFile, MAX_DRAFT_BYTES), customerFile);
  const pb = await choosePhrasebank(phrasebankPath);
  const { analyze } = await loadAnalysis();
  const report = analyze(text, pb, context, options);
  if (format === 'json') process.stdout.write(JSON.stringify(report) + '\n');
  else process.stdout.write(formatHuman(text, report, paint(useColor())));
  return report.findings.length ? EXIT.findings : EXIT.clean;
}

/** `--layers rules,model` → which layers of the judgement run. */
export function parseLayers(value: string | undefined): { rules: boolean; model: boolean } {
  if (value === undefined) return { rules: true, model: true };
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = parts.filter((p) => p !== 'rules' && p !== 'model');
  if (!parts.length || unknown.length) throw new CliError(`--layers takes rules, model or rules,model, not "${value}".`);
  return { rules: parts.includes('rules'), model: parts.includes('model') };
}

/** Longest JSONL line read at all (JSON escaping can make a 1 MB draft's line several times longer). */
const MAX_JSONL_LINE_BYTES = 8 * MAX_DRAFT_BYTES;

/** One parsed JSONL input line: either a draft to analyse or the reason it can't be. */
type JsonlItem = { id: unknown; text: string; context: AnalysisContext } | { id: unknown; error: string };

/** Validates one JSONL line (raw bytes) into something to analyse or an error. */
export function parseJsonlLine(bytes: Buffer, lineNo: number): JsonlItem {
  const bad = (id: unknown, why: string) => ({ id, error: `line ${lineNo}: ${why}` });
  // The 1 MB limit is on the draft text (checked below); this only stops absurd lines before parsing.
  if (bytes.length > MAX_JSONL_LINE_BYTES) {
    return bad(null, `the line is ${formatBytes(bytes.length)}; a line can be at most ${formatBytes(MAX_JSONL_LINE_BYTES)}`);
  }
  const problem = binaryProblem(bytes);
  if (problem) return bad(null, `the line ${problem.replace(/; .*$/, '')}`);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    return bad(null, `not valid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return bad(null, 'expected a JSON object like {"id": 1, "text": "…"}');
  }
  const obj = value as Record<string, unknown>;
  const id = obj.id ?? null;
  if (!('text' in obj)) return bad(id, 'missing "text" (the draft to check)');
  if (typeof obj.text !== 'string') return bad(id, `"text" must be a string, not ${jsonType(obj.text)}`);
  if (obj.customer !== undefined && obj.customer !== null && typeof obj.customer !== 'string') {
    return bad(id, `"customer" must be a string when present, not ${jsonType(obj.customer)}`);
  }
  for (const field of ['text', 'customer'] as const) {
    const value = obj[field];
    const size = typeof value === 'string' ? Buffer.byteLength(value) : 0;
    if (size > MAX_DRAFT_BYTES) {
      return bad(id, `"${field}" is ${formatBytes(size)}; one draft can be at most ${formatBytes(MAX_DRAFT_BYTES)}`);
    }
  }
  const context: AnalysisContext = typeof obj.customer === 'string' ? { customer: obj.customer } : {};
  return { id, text: obj.text, context };
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Streams JSON Lines from FILE or stdin; writes one output line per non-blank input line. */
async function checkJsonl(file: string | undefined, pb: CompiledPhrasebank, options: AnalysisOptions): Promise<number> {
  let input: AsyncIterable<Buffer>;
  if (file) {
    const full = userPath(file);
    try {
      if (statSync(full).isDirectory()) throw new CliError(`${file} is a folder; give a .jsonl file.`);
    } catch (err) {
      throw err instanceof CliError ? err : new CliError(`Cannot read ${file}: ${fsReason(err)}.`);
    }
    const stream = createReadStream(full);
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', (err) => fail(new CliError(`Cannot read ${file}: ${fsReason(err)}.`)));
    });
    input = stream;
  } else {
    input = process.stdin;
  }
  const { analyze } = await loadAnalysis();
  let lineNo = 0;
  let good = 0;
  let bad = 0;
  let withFindings = 0;
  for await (const bytes of byteLines(input)) {
    lineNo++;
    if (bytes.every((b) => b === 32 || b === 9)) continue;
    const item = parseJsonlLine(bytes, lineNo);
    let out: { id: unknown } & (Report | { error: string });
    if ('error' in item) {
      bad++;
      out = item;
    } else {
      const report = analyze(item.text, pb, item.context, options);
      good++;
      if (report.findings.length) withFindings++;
      out = { id: item.id, ...report };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  if (good === 0) {
    process.stderr.write(
      bad === 0
        ? 'attune: no input lines; --jsonl expects one {"id": …, "text": "…"} object per line on stdin.\n'
        : `attune: none of the ${bad} input line${bad === 1 ? '' : 's'} could be read; see the "error" field of each output line.\n`,
    );
    return EXIT.badInput;
  }
  if (bad) process.stderr.write(`attune: ${bad} of ${good + bad} lines could not be read; see their "error" fields.\n`);
  return withFindings ? EXIT.findings : EXIT.clean;
}
