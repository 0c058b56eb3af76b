import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture, looksLikeCleanError, runCli } from './run-cli';

// Each test spawns the real CLI (start-up is mostly loading the NLP library); allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const PB = ['--phrasebank', fixture('pb-good')];
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'attune-audit-'));
});

describe('attune audit', () => {
  it('prints flags per category and per rule with shares, and writes a self-contained, escaped HTML report', async () => {
    const out = join(tmp, 'report.html');
    const r = await runCli(['audit', fixture('replies.csv'), '--column', 'body', '--out', out, ...PB]);
    expect(r.code).toBe(1);
    // 5 rows, 1 empty: 4 analysed; rows 2 and 4 are flagged.
    expect(r.stdout).toMatch(/^Audited 4 replies from .*replies\.csv \(column "body"\); 1 empty row not counted\.$/m);
    expect(r.stdout).toMatch(/^2 of 4 \(50%\) have phrasing worth another look; 3 findings in all\.$/m);
    expect(r.stdout).toMatch(/^Brushing the customer off +3 +2 +50%$/m);
    expect(r.stdout).toMatch(/^brushoff\/read-the-manual +2 +2 +50%$/m);
    expect(r.stdout).toMatch(/^brushoff\/nothing-more +1 +1 +25%$/m);
    expect(r.stdout).toMatch(/acknowledged the feeling: 1 \(25%\)/);

    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<svg[^>]*aria-label="Findings per category"/);
    expect(html).toMatch(/<rect [^>]*width="\d+"/);
    expect(html).not.toMatch(/<script/i); // the row's <script> is escaped, and the report needs none
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toMatch(/<mark title="brushoff\/read-the-manual">read the manual<\/mark> &amp; try again/);
    expect(html).not.toMatch(/<link|<img|\bsrc=|@import|url\(/i); // nothing external
    expect(html).toContain('Sends them away to help themselves when they asked you for help.');
    expect(html).toContain('Let me walk you through it step by step.');
  });

  it('exits 0 when no row has a finding', async () => {
    const csv = join(tmp, 'clean.csv');
    writeFileSync(csv, 'body\n"Your parcel left the depot this morning."\n"I have refunded the second charge."\n');
    const r = await runCli(['audit', csv, '--column', 'body', ...PB]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 of 2 \(0%\)/);
  });

  it('a missing column exits 2 and lists the columns that exist', async () => {
    const r = await runCli(['audit', fixture('replies.csv'), '--column', 'reply', ...PB]);
    expect(r.code).toBe(2);
    expect(looksLikeCleanError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('has no column "reply". Its columns are: "id", "agent", "body".');
  });

  const bad: [string, string | Buffer, RegExp][] = [
    ['malformed CSV', 'id,body\n1,"an unclosed quote\n2,fine\n', /is not valid CSV: /],
    ['an empty file', '', /is empty/],
    ['a header without rows', 'id,body\n', /has a header but no rows/],
    ['binary content', Buffer.from([0x69, 0x64, 0x00, 0x01, 0x02]), /binary/],
  ];
  for (const [name, content, message] of bad) {
    it(`${name} exits 2 with one clear line`, async () => {
      const csv = join(tmp, `${name.replace(/\W+/g, '-')}.csv`);
      writeFileSync(csv, content);
      const r = await runCli(['audit', csv, '--column', 'body', ...PB]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(looksLikeCleanError(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(message);
    });
  }

  it('requires FILE and --column', async () => {
    const noColumn = await runCli(['audit', fixture('replies.csv')]);
    expect(noColumn.code).toBe(2);
    expect(noColumn.stderr).toMatch(/--column NAME/);
    const noFile = await runCli(['audit', '--column', 'body']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/Which CSV file/);
  });
});
