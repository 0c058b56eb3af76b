/**
 * The options page in real Chromium with the built extension: browse and turn off rules (the popup follows),
 * import a team pack (its rule fires in the popup), refuse a broken pack without changing anything, stats.
 */
import { describe, expect, it } from 'vitest';
import { openOptions, popupRules, storedValue } from './extension-pages';
import { browserPerFile, screenshot } from './harness';
import { expectThemeReadable, fontSize, textSizes } from './look';

/** The extension API inside the service worker (evaluated there; typed loosely for the tests). */
declare const chrome: any;

const b = browserPerFile();

/** A compiled team pack, written for this test (the shape `attune phrasebank pack` produces). */
const TEAM_PACK = {
  name: 'Billing team',
  version: 1,
  categories: [{ category: 'billing-tone', title: 'Billing tone', why: 'How our billing team wants to sound.', kind: 'dismissive', file: 'billing-tone.yml' }],
  rules: [
    {
      ruleId: 'billing-tone/system-says',
      id: 'system-says',
      category: 'billing-tone',
      match: ['the system says'],
      unless: [],
      severity: 'medium',
      why: 'Hiding behind the system sounds like nobody is in charge.',
      suggest: ['I checked your account and can see the charge.'],
      examples: { flag: ['The system says you were charged.'], pass: ['Our system sent the receipt.'] },
    },
  ],
  signals: [],
  renames: {},
};

const stored = (key: string) => storedValue(b(), key);

describe('options page', () => {
  it('opens as an index of categories (titles, counts); a category opens to its rules and patterns', async () => {
    const page = await openOptions(b());
    await page.waitForSelector('article.rule', { state: 'attached' });
    expect(await page.locator('article.rule').count()).toBeGreaterThan(20);
    // Folded: one row per category, no rule card showing, and the whole page fits in a few screens.
    const categories = page.locator('details.category-block');
    expect(await categories.count()).toBeGreaterThanOrEqual(14);
    expect(await page.locator('article.rule:visible').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3500);
    const invalidating = page.locator('details.category-block[data-category="invalidating"]');
    expect(await invalidating.locator('summary h3').textContent()).toMatch(/^Invalidating feelings \d+ rules$/);
    await screenshot(page, 'options-phrasebank-index');
    // Open one from the keyboard: its rules show, each with the patterns it matches.
    await invalidating.locator('summary.category-summary').focus();
    await page.keyboard.press('Enter');
    const calm = page.locator('article[data-rule-id="invalidating/calm-down"]');
    await calm.waitFor();
    expect(await calm.locator('.why').textContent()).toBeTruthy();
    expect(await calm.locator('.patterns code').allTextContents()).toContain('[please]? (calm|settle|cool) down');
    expect(await page.locator('article.rule:visible').count()).toBeGreaterThan(5);
    await screenshot(page, 'options-phrasebank-open');
    await page.close();
  });

  it('search filters rules, patterns included, and opens the categories that match', async () => {
    const page = await openOptions(b());
    await page.waitForSelector('article.rule', { state: 'attached' });
    const total = await page.locator('article.rule').count();
    await page.fill('#rule-search', 'calm down');
    await expect.poll(() => page.locator('article.rule').count()).toBeLessThan(total);
    expect(await page.locator('article[data-rule-id="invalidating/calm-down"]').isVisible()).toBe(true);
    // A pattern's own wording (it appears in no reason, suggestion or example).
    await page.fill('#rule-search', '(calm|settle) yourself down');
    await expect.poll(() => page.locator('article.rule').count()).toBe(1);
    expect(await page.locator('article[data-rule-id="invalidating/calm-down"]').isVisible()).toBe(true);
    await page.fill('#rule-search', '');
    await expect.poll(() => page.locator('article.rule:visible').count()).toBe(0);
    await page.close();
  });

  it('turning a rule off stops the popup flagging it', async () => {
    expect(await popupRules(b(), 'Please calm down.')).toContain('invalidating/calm-down');
    const page = await openOptions(b());
    await page.fill('#rule-search', 'calm down');
    const toggle = page.locator('article[data-rule-id="invalidating/calm-down"] .toggle input');
    await toggle.uncheck();
    await expect.poll(async () => (await stored('settings'))?.disabledRules).toEqual(['invalidating/calm-down']);
    expect(await popupRules(b(), 'Please calm down.')).not.toContain('invalidating/calm-down');
    await toggle.check();
    await expect.poll(async () => (await stored('settings'))?.disabledRules).toEqual([]);
    await page.close();
  });

  it('try a rule shows which rules fire', async () => {
    const page = await openOptions(b(), '#try');
    await page.fill('#try-input', 'Relax, it happens to everyone. I\'ll send it today.');
    await page.waitForSelector('[data-testid="try-results"] tr[data-rule-id="invalidating/relax"]');
    expect(await page.locator('[data-testid="try-results"] tr[data-rule-id^="ownership/"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'options-try');
    await page.close();
  });

  it('imports a team pack; its rule fires in the popup', async () => {
    expect(await popupRules(b(), 'The system says you were charged twice.')).not.toContain('billing-tone/system-says');
    const page = await openOptions(b(), '#packs');
    await page.setInputFiles('[data-testid="pack-file"]', {
      name: 'billing.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(TEAM_PACK)),
    });
    await page.locator('[data-testid="pack-imported"]').waitFor();
    expect(await page.locator('[data-testid="pack-imported"]').textContent()).toContain('Billing team');
    expect(await page.locator('[data-testid="pack-list"]').textContent()).toContain('Billing team');
    expect(await popupRules(b(), 'The system says you were charged twice.')).toContain('billing-tone/system-says');
    await screenshot(page, 'options-packs');
    await page.close();
  });

  it('refuses a broken pack with a precise error and changes nothing', async () => {
    const before = await stored('packs');
    const page = await openOptions(b(), '#packs');
    const broken = structuredClone(TEAM_PACK) as any;
    broken.name = 'Broken pack';
    broken.rules[0].severity = 'urgent';
    await page.setInputFiles('[data-testid="pack-file"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const errors = page.locator('[data-testid="pack-errors"]');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('billing-tone/system-says: severity "urgent" must be high, medium or low');
    expect(await errors.textContent()).toContain('Nothing changed');
    // Failing examples are caught too.
    const failing = structuredClone(TEAM_PACK) as any;
    failing.name = 'Failing pack';
    failing.rules[0].examples.flag = ['Nothing here matches.'];
    await page.setInputFiles('[data-testid="pack-file"]', { name: 'failing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(failing)) });
    await page.locator('[data-testid="pack-errors"]', { hasText: 'Nothing here matches.' }).waitFor();
    await page.setInputFiles('[data-testid="pack-file"]', { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,') });
    await page.locator('[data-testid="pack-errors"]', { hasText: 'not valid JSON' }).waitFor();
    expect(await stored('packs')).toEqual(before);
    await screenshot(page, 'options-pack-error');
    await page.close();
  });

  it('charts and tables the last 30 days of counts, from counts stored in the version 1 shape', async () => {
    await b().serviceWorker!.evaluate(async () => {
      const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
      await chrome.storage.local.set({
        stats: {
          [day(0)]: { 'invalidating/calm-down': { fired: 9, applied: 6, ignored: 1 }, 'blaming/you-should-have': { fired: 4, applied: 1, ignored: 2 } },
          [day(3)]: { 'invalidating/relax': { fired: 5, applied: 2, ignored: 0 } },
          [day(45)]: { 'invalidating/relax': { fired: 99, applied: 0, ignored: 0 } },
        },
      });
    });
    const page = await openOptions(b(), '#stats');
    await page.waitForSelector('svg.chart');
    // Version 1's fired / applied / ignored read as shown / applied / dismissed (no reason given).
    const row = page.locator('tr[data-key="invalidating"]');
    const cells = await row.locator('td').allTextContents();
    expect([...cells.slice(0, 3), cells.at(-1)]).toEqual(['14', '8', '1', '57%']);
    expect(await page.locator('tr[data-key="invalidating/relax"] td').first().textContent()).toBe('5');
    expect(await row.locator('td[data-reason="unspecified"]').textContent()).toBe('1');
    // One bar per rule, the most dismissed first.
    expect(await page.locator('svg.chart g[data-rule]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-rule')))).toEqual([
      'blaming/you-should-have',
      'invalidating/calm-down',
      'invalidating/relax',
    ]);
    await screenshot(page, 'options-stats');
    await page.close();
  });

  it('exports settings as a file and imports them back; a broken file changes nothing', async () => {
    const page = await openOptions(b(), '#settings');
    await b().serviceWorker!.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      // Defaults first, so the test means the same run alone (nothing stored yet) or after the others.
      const defaults = { enabled: true, disabledRules: [], ignoredPhrases: [], disabledHosts: [], enabledOrigins: [] };
      await chrome.storage.local.set({ settings: { ...defaults, ...settings, disabledRules: ['blaming/user-error'] } });
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
    const exported = JSON.parse(await streamText(await download.createReadStream()));
    expect(exported.attuneSettings).toBe(1);
    expect(exported.settings.disabledRules).toEqual(['blaming/user-error']);

    exported.settings.disabledRules = ['invalidating/relax'];
    await page.setInputFiles('[data-testid="settings-file"]', { name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await page.getByText('Settings imported.').waitFor();
    expect((await stored('settings')).disabledRules).toEqual(['invalidating/relax']);

    await page.setInputFiles('[data-testid="settings-file"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"attuneSettings":1,"settings":{"disabledRules":"all"}}') });
    await page.getByText('settings.disabledRules must be a list of strings.').waitFor();
    expect((await stored('settings')).disabledRules).toEqual(['invalidating/relax']);

    // A script URL as a "site" is refused; an unknown rule id is left out, and the page says so.
    const junk = { attuneSettings: 1, settings: { ...exported.settings, enabledOrigins: ['javascript:alert(1)'] } };
    await page.setInputFiles('[data-testid="settings-file"]', { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(junk)) });
    await page.getByText(/settings\.enabledOrigins must be web addresses .*"javascript:alert\(1\)" is not\./).waitFor();
    expect((await stored('settings')).enabledOrigins).toEqual([]);
    const unknown = { attuneSettings: 1, settings: { ...exported.settings, disabledRules: ['invalidating/relax', 'nobody/knows'] } };
    await page.setInputFiles('[data-testid="settings-file"]', { name: 'u.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(unknown)) });
    await page.getByText('Left out 1 rule id this phrasebank does not have: "nobody/knows".').waitFor();
    expect((await stored('settings')).disabledRules).toEqual(['invalidating/relax']);
    await screenshot(page, 'options-settings-import-notes');
    await page.close();
  });
});

/** What a new user sees on each tab: readable sizes, the bundled font, AA contrast, light and dark. */
describe('options page: how it reads', () => {
  const TEXT = ['h1', '.options-head p', '.tab', '.tab.active', 'input#rule-search', '.toolbar p', 'h2', '.category-summary h3',
    '.category-why', '.count', '.rule-id', '.badge', '.why', '.label', '.patterns code', '.rule-suggestions li', '.rule summary', '.toggle'];

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: body text ≥ 14 px, nothing under 12 px on any tab, Inter, and AA contrast`, async () => {
      const page = await openOptions(b(), '', scheme);
      await page.locator('details.category-block[data-category="invalidating"] summary.category-summary').click();
      await page.waitForSelector('article[data-rule-id="invalidating/calm-down"]');
      for (const sel of ['body', '.why', '.rule-suggestions li', '#rule-search']) expect(await fontSize(page, sel), sel).toBeGreaterThanOrEqual(14);
      for (const sel of ['.rule-id', '.badge', '.label', '.count', '.file', '.toggle', '.patterns code']) {
        expect(await fontSize(page, sel), sel).toBeGreaterThanOrEqual(12);
      }
      await expectThemeReadable(page, scheme, TEXT);
      await screenshot(page, `options-phrasebank-${scheme}`);
      for (const tab of ['phrasebank', 'try', 'packs', 'stats', 'settings']) {
        await page.locator(`#tab-${tab}`).click();
        await page.waitForSelector(`#panel-${tab}`);
        const sizes = await textSizes(page);
        expect(sizes.length, tab).toBeGreaterThan(3);
        expect(sizes[0].px, `${tab}, smallest text: ${sizes[0].where}`).toBeGreaterThanOrEqual(12);
        await screenshot(page, `options-${tab}-${scheme}`);
      }
      await page.close();
    });
  }
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
