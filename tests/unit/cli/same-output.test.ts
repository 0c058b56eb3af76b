/**
 * The speed work must not change a single byte of what Attune reports. Three checks:
 * - the shipped command (bin/attune.mjs: the esbuild bundle, compromise loaded on demand) writes, for a
 *   fixed set of drafts written for this test, exactly what the engine computes in-process, whether it
 *   starts from the V8 start-up snapshot (the usual way) or from the bundle alone;
 * - while the model and the phrasebank are the ones it was recorded with, that output equals the file
 *   recorded from main before the speed work (expected.jsonl; the stamp names what it was made with);
 * - the patterns compiled at build time (patterns.generated.ts) are exactly compromise's parse of them,
 *   and the net built from them is the net compromise builds from the pattern texts.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { analyze } from '../../../lib/analysis/index';
import { buildNet } from '../../../lib/analysis/nlp';
import { deserialise, expansionsOf, parseAlternatives } from '../../../lib/analysis/pattern-compile';
import precompiled from '../../../lib/analysis/patterns.generated';
import phrasebank from '../../../lib/phrasebank/bundled.generated';
import { fixture, REPO } from './run-cli';

const dir = fixture('same-output');
const input = readFileSync(join(dir, 'drafts.jsonl'), 'utf8');
const drafts = input.trim().split('\n').map((l) => JSON.parse(l) as { id: number; text: string; customer?: string });

function cli(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/attune.mjs'), 'check', '--jsonl', ...args, join(dir, 'drafts.jsonl')], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(1);
  return r.stdout;
}

describe('the optimised engine reports exactly what it did before', () => {
  it('the prebuilt CLI writes what the engine computes in-process, byte for byte', () => {
    const inProcess = drafts.map((d) => JSON.stringify({ id: d.id, ...analyze(d.text, phrasebank, d.customer === undefined ? {} : { customer: d.customer }) }) + '\n').join('');
    const out = cli([]);
    expect(out.split('\n').length).toBe(drafts.length + 1);
    expect(out).toBe(inProcess);
    expect(out).toContain('"source":"model"'); // the set exercises both layers
    expect(out).toContain('"fixes":[{');
  }, 60_000);

  it('starts from the V8 start-up snapshot, which writes what the bundle alone writes', () => {
    const fromSnapshot = cli([]); // builds the bundle and the snapshot if stale
    expect(existsSync(join(REPO, '.cache/cli/attune.blob')), 'no snapshot was built (see bin/build-cli.mjs)').toBe(true);
    expect(cli([], { ATTUNE_NO_SNAPSHOT: '1' })).toBe(fromSnapshot);
    expect(cli(['--layers', 'rules'], { ATTUNE_NO_SNAPSHOT: '1' })).toBe(cli(['--layers', 'rules']));
  }, 60_000);

  const stamp = JSON.parse(readFileSync(join(dir, 'expected.stamp.json'), 'utf8')) as { model: string; phrasebank: string };
  const hash = (file: string) => createHash('sha256').update(readFileSync(join(REPO, file))).digest('hex').slice(0, 16);
  const sameData = hash('lib/analysis/model.generated.ts') === stamp.model && hash('lib/phrasebank/bundled.generated.ts') === stamp.phrasebank;
  // A retrained model or an edited phrasebank changes findings on purpose; the file then no longer applies.
  it.runIf(sameData)('equals the output recorded from main before the speed work (same model and phrasebank)', () => {
    expect(cli([])).toBe(readFileSync(join(dir, 'expected.jsonl'), 'utf8'));
  }, 60_000);

  it('patterns compiled at build time are compromise\'s own parse, and give compromise\'s own net', () => {
    const table = deserialise(precompiled);
    const patterns = [...new Set([...phrasebank.rules, ...phrasebank.signals].flatMap((e) => [...e.match, ...(e.unless ?? [])]))];
    expect(Object.keys(table).sort()).toEqual([...patterns].sort());
    for (const p of patterns) expect(table[p], p).toEqual(parseAlternatives(p));
    const input = patterns.slice(0, 120).flatMap((p) => expansionsOf(p).map((match, i) => ({ match, meta: { p, i }, parsed: table[p][i] })));
    const ours = buildNet(input) as { hooks: Record<string, unknown>; always: unknown[] };
    const theirs = (nlp as unknown as { buildNet(m: unknown[]): typeof ours }).buildNet(input.map(({ match, meta }) => ({ match, meta })));
    expect(Object.keys(ours.hooks)).toEqual(Object.keys(theirs.hooks));
    expect(ours).toEqual(theirs);
  }, 60_000);
});
