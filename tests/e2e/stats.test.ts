/**
 * The stats as people use them, in real Chromium with the built extension: an agent dismisses a finding with a
 * reason, by keyboard alone, on a helpdesk page, and the options page's stats tab counts that reason; a lead imports
 * agents' exports for the team roll-up (a group under 5 shows nothing; a bad file changes nothing).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl, focusEditorEnd, browserPerFile, screenshot, waitForFixture } from './harness';
import { cardOpen, pageFindings, waitForFindings } from './in-page-helpers';

declare const chrome: any;

const b = browserPerFile();

const RULE = 'invalidating/calm-down';

/** The element focused inside Attune's shadow root: its data-action and data-reason. */
function focused(page: Page): Promise<{ action?: string; reason?: string }> {
  return page.evaluate(() => {
    const el = document.querySelector('attune-ui')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return { action: el?.dataset.action, reason: el?.dataset.reason };
  });
}

async function openStats(hash = '#stats', colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await b().context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(`chrome-extension://${b().extensionId}/options.html${hash}`);
  await page.waitForSelector('[role="tabpanel"] .stats');
  return page;
}

/** A day `n` days ago, as stats keys it. */
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** One agent's export, written for this test: `drafts` a day for `days` days, with a few dismissals. */
function agentExport(i: number, days = 30) {
  const rules = (d: number) => ({
    'policy/our-policy': { shown: 3, applied: 1, dismissed: 2, reasons: { 'not-dismissive': 1, 'not-now': 0, 'not-our-tone': 1, unspecified: 0 } },
    [RULE]: { shown: 2 + (d % 3), applied: 2, dismissed: d % 2, reasons: { 'not-dismissive': 0, 'not-now': d % 2, 'not-our-tone': 0, unspecified: 0 } },
  });
  const statsDays = Object.fromEntries(
    Array.from({ length: days }, (_, d) => [day(d), { drafts: 6, rules: rules(d), mechanisms: { 'emotional-reaction': 2 + ((d + i) % 4), ownership: 4, 'next-steps': 3 } }]),
  );
  return { attuneStats: 1, agent: `test-agent-${i}`, exportedAt: new Date().toISOString(), stats: { days: statsDays }, sendCheck: { [day(1)]: { shown: 2, sent: 1, reviewed: 1 } } };
}
const exportFile = (i: number, days?: number) => ({ name: `agent-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(agentExport(i, days))) });

describe('stats', () => {
  it('a finding dismissed by keyboard with "Not our tone" is counted under that reason on the stats tab', async () => {
    await b().serviceWorker!.evaluate(() => chrome.storage.local.remove(['stats', 'stats$']));
    const page = await b().context.newPage();
    await page.goto(fixtureUrl('app.frontapp.com', '/open/cnv_abc123'));
    await waitForFixture(page);
    await focusEditorEnd(page);
    await page.keyboard.type('Please calm down, I am looking into your order now.');
    await waitForFindings(page, (f) => f.some((x) => x.ruleId === RULE));
    // Keyboard only: open the card, Tab to the reason, Enter.
    await page.keyboard.press('Alt+Shift+A');
    await expect.poll(() => cardOpen(page)).toBe(true);
    for (let i = 0; i < 20 && (await focused(page)).reason !== 'not-our-tone'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ action: 'dismiss', reason: 'not-our-tone' });
    const label = await page.evaluate(() => {
      const group = document.querySelector('attune-ui')!.shadowRoot!.querySelector('.attune-card__dismiss')!;
      return `${group.getAttribute('role')}: ${group.ownerDocument && (group.getRootNode() as ShadowRoot).getElementById(group.getAttribute('aria-labelledby')!)?.textContent}`;
    });
    expect(label).toBe('group: Dismiss:');
    await screenshot(page, 'card-dismiss-reason');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardOpen(page)).toBe(false);
    await expect.poll(async () => (await pageFindings(page)).some((f) => f.ruleId === RULE)).toBe(false);
    // Counted once, by the background, with the reason and no text.
    await expect
      .poll(async () => (await b().serviceWorker!.evaluate(() => chrome.storage.local.get('stats'))).stats?.days?.[new Date().toISOString().slice(0, 10)]?.rules?.['invalidating/calm-down'])
      .toMatchObject({ shown: 1, dismissed: 1, reasons: { 'not-our-tone': 1 } });
    const stored = JSON.stringify(await b().serviceWorker!.evaluate(() => chrome.storage.local.get('stats')));
    expect(stored).not.toMatch(/calm down|looking into/i);
    await page.close();

    const options = await openStats();
    const row = options.locator(`tr[data-key="${RULE}"]`).first();
    await row.waitFor();
    expect(await row.locator('td[data-reason="not-our-tone"]').textContent()).toBe('1');
    expect(await row.locator('td').nth(2).textContent()).toBe('1'); // dismissed
    expect(await options.locator('svg.chart[role="img"]').getAttribute('aria-label')).toContain(`${RULE}: dismissed 1 of 1, mostly “Not our tone”`);
    await options.close();
  });

  it('text typed before a phrase does not count it again; applying it counts once, never above shown', async () => {
    await b().serviceWorker!.evaluate(() => chrome.storage.local.remove(['stats', 'stats$']));
    const page = await b().context.newPage();
    await page.goto(fixtureUrl('desk.zoho.com', '/agent/acme/support/tickets/details/1000'));
    await waitForFixture(page);
    await focusEditorEnd(page);
    await page.keyboard.type('Please calm down, I am here.');
    const [before] = (await waitForFindings(page, (f) => f.some((x) => x.ruleId === RULE))).filter((f) => f.ruleId === RULE);
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Hi Sam. ');
    await waitForFindings(page, (f) => f.some((x) => x.ruleId === RULE && x.start === before.start + 8));
    await page.keyboard.press('Alt+Shift+A');
    await expect.poll(() => cardOpen(page)).toBe(true);
    await page.keyboard.press('Enter'); // the focused first suggestion
    await expect.poll(async () => (await pageFindings(page)).some((f) => f.ruleId === RULE)).toBe(false);
    const today = new Date().toISOString().slice(0, 10);
    await expect
      .poll(async () => (await b().serviceWorker!.evaluate(() => chrome.storage.local.get('stats'))).stats?.days?.[today]?.rules?.[RULE])
      .toMatchObject({ shown: 1, applied: 1, dismissed: 0 });
    expect((await b().serviceWorker!.evaluate(() => chrome.storage.local.get('stats'))).stats.days[today].drafts).toBe(1);
    await page.close();
  });

  it('charts 30 and 90 days a lead reads at a glance, with text for screen readers (light and dark)', async () => {
    await b().serviceWorker!.evaluate(async (stats) => {
      await chrome.storage.local.set({ stats, 'stats$': { v: 2 }, sendCheckStats: {} });
    }, agentExport(0, 90).stats);
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openStats('#stats', scheme);
      await page.waitForSelector('[data-testid="mechanism-trends"] svg');
      const trends = page.locator('[data-testid="mechanism-trends"] figure');
      expect(await trends.count()).toBe(7);
      // 30 days: one column per day with drafts; the words say the share.
      expect(await trends.first().locator('rect').count()).toBe(30);
      const aria = await trends.first().locator('svg').getAttribute('aria-label');
      expect(aria).toMatch(/^Acknowledge the feeling: \d+% of 180 drafts over the last 30 days; \d+% in the last 7 days\.$/);
      // The most dismissed rule stands at the top.
      expect(await page.locator('table.data tbody tr').first().getAttribute('data-key')).toBe('policy/our-policy');
      await page.setViewportSize({ width: 1100, height: 2400 }); // the whole tab in one picture
      await screenshot(page, `options-stats-${scheme}`);
      await page.getByRole('radio', { name: '90 days' }).check();
      await expect.poll(() => trends.first().locator('rect').count()).toBe(90);
      await page.close();
    }
  });

  it('team roll-up: five agents show the same charts; four show nothing and say why; a bad file changes nothing', async () => {
    const page = await openStats();
    await page.getByRole('radio', { name: 'Team roll-up' }).check();
    await page.setInputFiles('[data-testid="team-files"]', [0, 1, 2, 3].map((i) => exportFile(i)));
    const small = page.locator('[data-testid="team-too-small"]');
    await small.waitFor();
    expect(await small.textContent()).toContain('needs at least 5, so nothing is shown');
    expect(await page.locator('.team svg').count()).toBe(0);

    await page.setInputFiles('[data-testid="team-files"]', [0, 1, 2, 3, 4].map((i) => exportFile(i)));
    await page.locator('[data-testid="team-status"]', { hasText: 'The counts of 5 agents' }).waitFor();
    expect(await page.locator(`.team tr[data-key="policy/our-policy"] td`).first().textContent()).toBe(String(5 * 3 * 30));
    await screenshot(page, 'options-stats-team');

    const bad = agentExport(5) as any;
    bad.stats.days[day(0)].rules['policy/our-policy'].shown = 'lots';
    await page.setInputFiles('[data-testid="team-files"]', [exportFile(6), { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) }]);
    const errors = page.locator('[data-testid="team-errors"]');
    await errors.waitFor();
    expect(await errors.textContent()).toContain(`bad.json: stats.days["${day(0)}"].rules["policy/our-policy"].shown must be a whole number`);
    expect(await page.locator('[data-testid="team-status"]').textContent()).toContain('The counts of 5 agents'); // unchanged
    await page.close();
  });
});
