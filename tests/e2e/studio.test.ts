/**
 * The rule studio in real Chromium with the built extension, as a team lead uses it: write a rule for a
 * phrase (a broken pattern is explained on the field), see its examples pass and the alternative no example
 * covers, replay it on 2,000 past replies in a Web Worker, publish it to the team layer, and the next draft
 * on a helpdesk page underlines the phrase. The same rule, exported as a pack, gives the same finding in
 * the CLI. A rename carries the agent's settings along, and Undo brings the earlier version back.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixtureUrl, focusEditorEnd, browserPerFile, screenshot, waitForFixture } from './harness';
import { storedValue } from './extension-pages';
import { waitForFindings } from './in-page-helpers';

declare const chrome: any;

const b = browserPerFile();

const stored = (key: string) => storedValue(b(), key);

/**
 * 2,000 past replies from our own templates: every 10th says "the system says", every 25th (not a 10th)
 * "the computer says", the rest are ordinary. Returns the CSV and how many the rule must flag.
 */
function pastReplies(): { csv: string; expected: number } {
  const openers = ['Thanks for writing in.', 'Hi there, thanks for your patience.', 'Good morning, and thanks for the details.'];
  const middles = ['I have looked at the order and it left our warehouse yesterday.', 'Your card was charged once, on the fifth.', 'I have passed this to the billing team, who will reply today.'];
  let expected = 0;
  const rows = ['id,agent,body'];
  for (let i = 0; i < 2000; i++) {
    let body = `${openers[i % 3]} ${middles[i % 2]}`;
    if (i % 10 === 0) (body += ' Unfortunately the system says the refund window has closed.'), expected++;
    else if (i % 25 === 0) (body += ' The computer says your address, "Flat 2, Mill Lane", is incomplete.'), expected++;
    rows.push(`${i},agent-${i % 7},"${body.replace(/"/g, '""')}"`);
  }
  return { csv: rows.join('\n') + '\n', expected };
}

async function fill(page: Page, selector: string, text: string): Promise<void> {
  await page.fill(selector, text);
}

describe('rule studio', () => {
  let page: Page;
  const draftText = 'Hi Sam, I looked again and the system says the parcel was delivered.';

  it('a lead writes a rule, sees it checked as they type, replays it, publishes it; the next draft underlines it', async () => {
    page = await b().context.newPage();
    await page.setViewportSize({ width: 1100, height: 1000 });
    await page.goto(`chrome-extension://${b().extensionId}/options.html`);
    await page.waitForSelector('[role="tabpanel"]');
    // By keyboard: arrow along the tabs to "Rule studio".
    await page.focus('#tab-phrasebank');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-studio');
    await page.waitForSelector('#studio-match');

    await page.selectOption('#studio-category', '__new__');
    await fill(page, '#studio-category-id', 'billing-tone');
    await fill(page, '#studio-category-title', 'Billing tone');
    await fill(page, '#studio-category-why', 'How our billing team wants to sound.');
    await fill(page, '#studio-id', 'system-says');
    await fill(page, '#studio-why', 'Hiding behind the system sounds like nobody is in charge.');
    await fill(page, '#studio-suggest', 'I checked your account myself, and here is what I found.');
    await fill(page, '#studio-flag', 'The system says you were charged twice.');
    await fill(page, '#studio-pass', 'Our system sent the receipt this morning.');
    // A pattern that does not parse: the validator's own words, under the field, tied to it for screen readers.
    await fill(page, '#studio-match', 'the (system|computer says');
    const problem = page.locator('[data-testid="problem-match"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('match "the (system|computer says" opens "(" but never closes it; add the matching closing bracket.');
    expect(await page.getAttribute('#studio-match', 'aria-describedby')).toContain('studio-match-problem');
    expect(await page.isDisabled('[data-testid="studio-publish"]')).toBe(true);
    await screenshot(page, 'studio-pattern-problem');

    await fill(page, '#studio-match', 'the (system|computer) says');
    const status = page.locator('[data-testid="studio-status"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="studio-status"]')?.textContent?.startsWith('All 2 examples'));
    // Coverage: "computer" is an alternative no example exercises.
    expect(await page.textContent('[data-testid="studio-uncovered"]')).toContain('computer');
    await fill(page, '#studio-flag', 'The system says you were charged twice.\nThe computer says the card was declined.');
    await page.waitForFunction(() => document.querySelector('[data-testid="studio-status"]')?.textContent?.startsWith('All 3 examples'));
    expect(await page.locator('[data-testid="studio-uncovered"]').count()).toBe(0);
    expect(await page.locator('.example-results li[data-ok="true"]').count()).toBe(3);
    expect(await status.textContent()).toBe('All 3 examples behave as written.');

    // Replay on 2,000 past replies, off the main thread.
    const { csv, expected } = pastReplies();
    await page.setInputFiles('[data-testid="replay-file"]', { name: 'past-replies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    expect(await page.textContent('[data-testid="replay-loaded"]')).toContain('2,000 replies from column “body”');
    const t0 = Date.now();
    await page.click('[data-testid="replay-run"]');
    await page.waitForSelector('[data-testid="replay-result"]', { timeout: 30_000 });
    const replayMs = Date.now() - t0;
    expect(await page.textContent('[data-testid="replay-flagged"]')).toBe(`${expected} replies`);
    const perThousand = Number((await page.textContent('[data-testid="replay-result"]'))!.match(/(\d+) ms per 1,000/)![1]);
    console.log(`[studio] replay of 2,000 replies: ${replayMs} ms end to end, ${perThousand} ms per 1,000 in the worker`);
    expect(perThousand).toBeLessThan(1000);
    expect(await page.locator('.hit-list mark').first().textContent()).toMatch(/^(the system says|The computer says)$/);
    await page.locator('[data-testid="replay-result"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'studio-replayed');

    await page.click('[data-testid="studio-publish"]');
    await page.waitForSelector('[data-testid="pack-imported"]');
    const packs = (await stored('packs')) as { name: string; layer: string; phrasebank: { rules: { ruleId: string }[] } }[];
    expect(packs.map((p) => [p.name, p.layer, p.phrasebank.rules.map((r) => r.ruleId)])).toEqual([['Team rules', 'team', ['billing-tone/system-says']]]);
    expect(await page.textContent('[data-testid="studio-rules"]')).toContain('billing-tone/system-says');
    expect(await stored('studioHistory')).toMatchObject({ 'Team rules': [{ note: 'Added billing-tone/system-says' }] });
    // Nothing of the replies was stored.
    expect(JSON.stringify(await b().serviceWorker!.evaluate(() => chrome.storage.local.get(null)))).not.toMatch(/refund window|Mill Lane/);

    // The next draft on a helpdesk page underlines the phrase.
    const helpdesk = await b().context.newPage();
    await helpdesk.goto(fixtureUrl('acme.zendesk.com', '/agent/tickets/1234'));
    await waitForFixture(helpdesk);
    await focusEditorEnd(helpdesk);
    await helpdesk.keyboard.type(draftText);
    const findings = await waitForFindings(helpdesk, (f) => f.some((x) => x.ruleId === 'billing-tone/system-says'), 10_000);
    const found = findings.find((x) => x.ruleId === 'billing-tone/system-says')!;
    expect(found.text).toBe('the system says');
    expect(found.rects.length).toBeGreaterThan(0);
    await screenshot(helpdesk, 'studio-rule-in-page');
    await helpdesk.close();

    // Exported as a pack, the CLI gives the same finding.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export as a pack')]);
    const dir = mkdtempSync(join(tmpdir(), 'attune-studio-'));
    const packPath = join(dir, 'team-rules.json');
    await download.saveAs(packPath);
    expect(JSON.parse(readFileSync(packPath, 'utf8')).name).toBe('Team rules');
    const draftPath = join(dir, 'draft.txt');
    writeFileSync(draftPath, draftText);
    const cli = spawnSync('node', ['bin/attune.mjs', 'check', '--phrasebank', packPath, '--format', 'json', draftPath], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(1);
    const report = JSON.parse(cli.stdout) as { findings: { ruleId: string; start: number; end: number; text: string }[] };
    const inCli = report.findings.find((f) => f.ruleId === 'billing-tone/system-says')!;
    expect([inCli.start, inCli.end, inCli.text]).toEqual([found.start, found.end, found.text]);
  }, 120_000);

  it('a rename carries the agent’s turned-off rule along; Undo restores the earlier version', async () => {
    await b().serviceWorker!.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), disabledRules: ['billing-tone/system-says'] } });
    });
    await page.click('button[aria-label="Edit billing-tone/system-says"]');
    await page.waitForFunction(() => (document.getElementById('studio-id') as HTMLInputElement).value === 'system-says');
    await fill(page, '#studio-id', 'blaming-the-system');
    await page.waitForFunction(() => document.querySelector('[data-testid="studio-status"]')?.textContent?.startsWith('All 3 examples'));
    await page.click('[data-testid="studio-publish"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="studio-rules"]')?.textContent?.includes('billing-tone/blaming-the-system'), undefined, { timeout: 5000 }).catch(async (e) => {
      throw new Error(`${e.message}: ${await page.textContent('.studio')}`);
    });
    expect((await stored('settings')).disabledRules).toEqual(['billing-tone/blaming-the-system']);
    const packs = (await stored('packs')) as { phrasebank: { renames: Record<string, string> } }[];
    expect(packs[0].phrasebank.renames).toEqual({ 'billing-tone/system-says': 'billing-tone/blaming-the-system' });

    await page.click('[data-testid="studio-history"] summary');
    await page.locator('[data-testid="rule-sources"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'studio-history');
    await page.click('text=Undo: restore this');
    await page.waitForFunction(() => document.querySelector('[data-testid="studio-rules"]')?.textContent?.includes('billing-tone/system-says'));
    expect(((await stored('studioHistory')) as Record<string, unknown[]>)['Team rules']).toHaveLength(3);
    // Back under the old id, and so is the agent's setting.
    expect((await stored('settings')).disabledRules).toEqual(['billing-tone/system-says']);
  });

  it('reads well in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.click('button[aria-label="Edit billing-tone/system-says"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="studio-status"]')?.textContent?.startsWith('All 3 examples'));
    await page.locator('[data-testid="studio-check"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'studio-dark');
    await page.close();
  });
});
