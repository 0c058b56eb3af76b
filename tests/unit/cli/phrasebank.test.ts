import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../lib/analysis/types';
import { CATALOGUE_END, CATALOGUE_START } from '../../../lib/cli/catalogue';
import { fixture, looksLikeCleanError, runCli } from './run-cli';

// Each test spawns the real CLI (start-up is mostly loading the NLP library); allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'attune-pb-'));
});

describe('attune phrasebank test', () => {
  it('exits 1 on a phrasebank whose example fails, listing the failure and a summary', async () => {
    const r = await runCli(['phrasebank', 'test', fixture('pb-failing')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}gatekeeping\/read-the-manual {2}flag {2}"Please look it up in the handbook yourself\."/m);
    expect(r.stdout).not.toMatch(/"You should read the manual first\."/); // passing examples are not listed
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('3 examples, 1 failed');
  });

  it('exits 0 when every example passes, and warns about alternatives no example exercises', async () => {
    const r = await runCli(['phrasebank', 'test', fixture('pb-good')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('8 examples, 0 failed');
    expect(r.stdout).toMatch(/brushoff\/read-the-manual {2}"check the docs yourself"/);
    expect(r.stdout).not.toMatch(/"read the manual"/);
  });

  it('exits 2 with the precise errors when the phrasebank does not compile', async () => {
    const r = await runCli(['phrasebank', 'test', fixture('pb-broken')]);
    expect(r.code).toBe(2);
    expect(looksLikeCleanError(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/shrugging\.yml:\d+/);
  });

  it('rejects an unknown subcommand', async () => {
    const r = await runCli(['phrasebank', 'tset']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown phrasebank subcommand "tset"/);
  });
});

describe('attune phrasebank pack', () => {
  it('writes a compiled pack that check --phrasebank can use again', async () => {
    const out = join(tmp, 'team.attune.json');
    const r = await runCli(['phrasebank', 'pack', fixture('pb-good'), '--out', out, '--name', 'Team North']);
    expect(r.code).toBe(0);
    const pack = JSON.parse(readFileSync(out, 'utf8'));
    expect(pack.name).toBe('Team North');
    expect(pack.version).toBe(1);
    expect(pack.rules.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['brushoff/nothing-more', 'brushoff/read-the-manual']);
    expect(pack.signals).toHaveLength(1);

    const check = await runCli(['check', '--format', 'json', '--phrasebank', out], 'Honestly, just read the manual.');
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as Report).findings.map((f) => f.ruleId)).toEqual(['brushoff/read-the-manual']);
  });

  it('refuses to pack when an example fails (exit 1, nothing written)', async () => {
    const out = join(tmp, 'failing.json');
    const r = await runCli(['phrasebank', 'pack', fixture('pb-failing'), '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toMatch(/not packing: 1 example failed/);
  });
});

describe('attune phrasebank catalogue', () => {
  it('prints one table of categories and one of signals by mechanism', async () => {
    const r = await runCli(['phrasebank', 'catalogue', fixture('pb-good')]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    const brushoff = rows.find((l) => l.startsWith('| Brushing the customer off |'));
    expect(brushoff).toBeDefined();
    expect(brushoff!.split(' | ')[1]).toBe('`tests/unit/cli/fixtures/pb-good/brushoff.yml`');
    expect(brushoff!.split(' | ')[2]).toBe('2');
    expect(brushoff).toContain('`brushoff/nothing-more`');
    expect(r.stdout).toMatch(/^\| `emotional-reaction` \| Acknowledging the feeling \| .* \| 1 \| /m);
  });

  it('--write replaces only the text between the markers, and is idempotent', async () => {
    const doc = join(tmp, 'DOC.md');
    writeFileSync(doc, `# Title\n\nbefore\n\n${CATALOGUE_START}\nstale\n${CATALOGUE_END}\n\nafter\n`);
    const r = await runCli(['phrasebank', 'catalogue', fixture('pb-good'), '--write', doc]);
    expect(r.code).toBe(0);
    const written = readFileSync(doc, 'utf8');
    expect(written).not.toContain('stale');
    expect(written.startsWith('# Title\n\nbefore\n\n<!-- catalogue:start -->\n')).toBe(true);
    expect(written.endsWith('<!-- catalogue:end -->\n\nafter\n')).toBe(true);
    expect(written).toContain('| Brushing the customer off |');
    const again = await runCli(['phrasebank', 'catalogue', fixture('pb-good'), '--write', doc]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already up to date/);
    expect(readFileSync(doc, 'utf8')).toBe(written);
  });

  it('--write into a file without markers exits 2 and changes nothing', async () => {
    const doc = join(tmp, 'NOMARKERS.md');
    writeFileSync(doc, '# Nothing here\n');
    const r = await runCli(['phrasebank', 'catalogue', fixture('pb-good'), '--write', doc]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no catalogue markers/);
    expect(readFileSync(doc, 'utf8')).toBe('# Nothing here\n');
  });
});
