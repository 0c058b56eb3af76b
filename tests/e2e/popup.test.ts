/**
 * The toolbar popup, opened as a page in real Chromium with the built extension: check a draft,
 * copy and apply suggestions, this page's composers, and the per-site switch.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl, focusEditorEnd, browserPerFile, openFixture, screenshot, typeLikeUser } from './harness';
import { expectThemeReadable, fontSize, textSizes } from './look';

const DRAFT = 'Please calm down. You should have read the terms before ordering. I\'ll send the corrected invoice by Friday.';

/** The extension API inside the service worker (evaluated there; typed loosely for the tests). */
declare const chrome: any;

const b = browserPerFile();

async function openPopup(query = '', colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await b().context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 380, height: 900 });
  await page.goto(`chrome-extension://${b().extensionId}/popup.html${query}`);
  await page.waitForSelector('#draft');
  return page;
}

/** Opens `url` in a new tab and returns the page and its tab id (found as the one new tab: no "tabs" permission needed). */
async function openTab(url: string, fixture = false): Promise<{ page: Page; tabId: number }> {
  const ids = () => b().serviceWorker!.evaluate(async () => (await chrome.tabs.query({})).map((t: { id: number }) => t.id) as number[]);
  const before = new Set(await ids());
  const page = fixture ? await openFixture(b().context, url) : await b().context.newPage();
  if (!fixture) await page.goto(url);
  const fresh = (await ids()).filter((id) => !before.has(id));
  expect(fresh).toHaveLength(1);
  return { page, tabId: fresh[0] };
}

describe('popup', () => {
  it('checks a pasted draft: findings, suggestions, checklist and coaching appear', async () => {
    const page = await openPopup();
    await page.fill('#draft', DRAFT);
    await page.waitForSelector('li.finding');
    const rules = await page.$$eval('li.finding', (els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(rules).toEqual(expect.arrayContaining(['invalidating/calm-down', 'blaming/you-should-have']));
    // Flagged words, why, and suggestions are shown as text.
    const first = page.locator('li.finding[data-rule-id="invalidating/calm-down"]');
    expect(await first.locator('.flagged').textContent()).toMatch(/calm down/i);
    expect((await first.locator('.why').textContent())!.length).toBeGreaterThan(10);
    expect(await first.locator('.suggestion').count()).toBeGreaterThan(0);
    expect(await first.locator('.badge').textContent()).toContain('Likely to hurt');
    // Checklist: ownership and next steps present with their words; choice missing with a hint.
    expect(await page.locator('[data-mechanism="ownership"]').getAttribute('class')).toBe('present');
    expect(await page.locator('[data-mechanism="ownership"] .check-words').textContent()).toMatch(/I'll/);
    expect(await page.locator('[data-mechanism="choice"]').getAttribute('class')).toBe('missing');
    expect(await page.locator('[data-mechanism="choice"] .check-hint').textContent()).toBeTruthy();
    await screenshot(page, 'popup-draft');
    // With the customer's (frustrated) message, coaching asks to acknowledge the feeling.
    expect(await page.locator('[data-kind="unacknowledged-emotion"]').count()).toBe(0);
    await page.click('details.customer summary');
    await page.fill('#customer', "I'm really frustrated, this is the third time I have asked and nobody answers.");
    await page.locator('[data-kind="unacknowledged-emotion"]').waitFor();
    await page.close();
  });

  it('listens to the customer: an angry message with two questions, a correct but cold draft', async () => {
    const page = await openPopup();
    await page.fill('#draft', 'Hello, a replacement has been dispatched and will arrive within 3 working days. Regards, Support.');
    await page.click('details.customer summary');
    const customer = "This is the THIRD time I'm writing and I'm furious!! My order #55-1290 still hasn't arrived. When will it arrive? And can I keep the old one if you send a replacement?";
    await page.fill('#customer', customer);
    const feeling = page.locator('[data-kind="unacknowledged-emotion"]');
    await feeling.waitFor();
    expect(await feeling.getAttribute('data-severity')).toBe('high');
    expect(await feeling.locator('.customer-quote q').textContent()).toBe('furious');
    // The question the draft answers (when) is left alone; the one it doesn't is named, in their words.
    const open = page.locator('[data-kind="unanswered-question"]');
    expect(await open.count()).toBe(1);
    expect(await open.textContent()).toContain("They asked whether they can keep the old one");
    expect(await open.locator('.customer-quote q').textContent()).toBe('can I keep the old one if you send a replacement?');
    await screenshot(page, 'popup-listening');
    // Answering it and naming the feeling clears both.
    await page.fill('#draft', "I'm so sorry, I understand why you're angry after writing three times about order 55-1290, and thank you for your patience. The replacement arrives within 3 days, and yes, you can keep the old one.");
    await page.locator('[data-kind="unanswered-question"]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-kind="unacknowledged-emotion"]').count()).toBe(0);
    await page.close();
  });

  it('flags dismissive wording no rule lists (the trained model), with its words, a reason and an alternative', async () => {
    const page = await openPopup();
    await page.fill('#draft', 'Thanks for the photos. Maybe next time read the listing before you hit buy.');
    const finding = page.locator('li.finding[data-rule-id^="model/"]');
    await finding.first().waitFor();
    expect((await finding.first().locator('.flagged').textContent())!.trim().length).toBeGreaterThan(3);
    expect(await finding.first().locator('.why').textContent()).toMatch(/^May read as /);
    expect(await finding.first().locator('.suggestion').count()).toBeGreaterThan(0);
    await screenshot(page, 'popup-model-finding');
    await page.close();
  });

  it('updates as you type, and a clean draft says so', async () => {
    const page = await openPopup();
    await page.click('#draft');
    await page.keyboard.type('Thanks for flagging this. Relax');
    await page.waitForSelector('li.finding[data-rule-id="invalidating/relax"]');
    await page.fill('#draft', 'Thanks for flagging this, I will look at it today.');
    await page.waitForSelector('.all-clear');
    expect(await page.locator('li.finding').count()).toBe(0);
    await page.close();
  });

  it('copies a suggestion to the clipboard and applies one to the draft', async () => {
    const page = await openPopup();
    await page.fill('#draft', DRAFT);
    const finding = page.locator('li.finding[data-rule-id="invalidating/calm-down"]');
    await finding.waitFor();
    const suggestion = (await finding.locator('.suggestion-text').first().textContent())!;
    await finding.locator('.suggestion').first().getByRole('button', { name: /^Copy suggestion/ }).click();
    await finding.locator('.notice', { hasText: 'Copied' }).waitFor();
    // Paste it (a real Ctrl+V) into the customer box to see what the clipboard holds.
    await page.click('details.customer summary');
    await page.click('#customer');
    await page.keyboard.press('Control+V');
    expect(await page.inputValue('#customer')).toBe(suggestion);
    await page.fill('#customer', '');

    await finding.locator('.suggestion').first().getByRole('button', { name: /^Use in draft/ }).click();
    const value = await page.inputValue('#draft');
    expect(value).toContain(suggestion);
    expect(value).not.toMatch(/calm down/i);
    expect(value).toContain('You should have read the terms'); // the rest is untouched
    await page.waitForFunction(() => !document.querySelector('li.finding[data-rule-id="invalidating/calm-down"]'));
    await page.close();
  });

  it('shows the current tab\'s composer folded (count, category titles), opens it, and applies from there', async () => {
    const url = fixtureUrl('app.frontapp.com', '/inbox/1');
    const { page: site, tabId } = await openTab(url, true);
    await focusEditorEnd(site);
    await typeLikeUser(site, ' Please calm down, we are on it. You should have read the terms. That is our policy. Relax.');
    await site.waitForTimeout(600);
    // With the URL, the site switch shows too: everything a real popup on a helpdesk shows above "Check a draft".
    const page = await openPopup(`?tabId=${tabId}&url=${encodeURIComponent(url)}`);
    await page.waitForSelector('.site');
    const section = page.locator('[data-testid="page-composers"]');
    await section.waitFor({ timeout: 10_000 });
    const composer = section.locator('[data-testid="composer"]');
    await expect.poll(() => composer.locator('.chip').count()).toBeGreaterThanOrEqual(2);
    // Folded: the findings are not shown until asked for, and "Check a draft" is still in view (a Chrome
    // popup is at most 600 px tall: its box must end above that).
    expect(await composer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await section.locator('li.finding').first().isVisible()).toBe(false);
    const draftBox = (await page.locator('#draft').boundingBox())!;
    expect(draftBox.y + draftBox.height).toBeLessThan(600);
    // Category titles from the phrasebank, with counts, not ids: "Invalidating feelings" twice (calm down, relax).
    const chips = await composer.locator('.chip').allTextContents();
    expect(chips.join(' | ')).toContain('Invalidating feelings');
    expect(chips.join(' | ')).toContain('Blaming the customer');
    expect(chips.join(' | ')).not.toMatch(/\binvalidating\b|\bblaming\b/);
    expect(await composer.locator('.chip[data-category="invalidating"] .chip-n').textContent()).toBe('2');
    expect(await composer.locator('.composer-count').textContent()).toMatch(/^\d+ to reconsider$/);
    await screenshot(page, 'popup-page-composer-folded');
    // Open it from the keyboard (the summary is a native disclosure button).
    await composer.locator('summary.composer-summary').focus();
    await page.keyboard.press('Enter');
    const finding = section.locator('li.finding[data-rule-id="invalidating/calm-down"]').first();
    await finding.waitFor();
    expect(await finding.locator('.category').textContent()).toBe('Invalidating feelings');
    await screenshot(page, 'popup-page-composer-open');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'popup-page-composer-open-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await finding.locator('.suggestion').first().getByRole('button', { name: /^Apply/ }).click();
    await page.locator('[data-testid="page-status"]', { hasText: 'Applied' }).waitFor();
    await site.waitForFunction(
      () => !/calm down/i.test((window as any).__fixture.editors[0].getText()),
      undefined,
      { timeout: 5000 },
    );
    await page.close();
    await site.close();
  });

  it('hides the page section where no content script answers', async () => {
    const { page: other, tabId } = await openTab(fixtureUrl('helpdesk.attune.test', '/'));
    const page = await openPopup(`?tabId=${tabId}`);
    await page.waitForSelector('.site');
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="page-composers"]').count()).toBe(0);
    await page.close();
    await other.close();
  });

  it('turns Attune on and off for a generic site (registration follows)', async () => {
    const { page: other, tabId } = await openTab(fixtureUrl('helpdesk.attune.test', '/'));
    const page = await openPopup(`?tabId=${tabId}`);
    const registered = () =>
      b().serviceWorker!.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s: { id: string }) => s.id) as string[]);
    await page.getByRole('button', { name: 'Turn on for this site' }).click();
    await page.getByRole('button', { name: 'Turn off for this site' }).waitFor();
    await expect.poll(registered).toContain('attune-generic:https://helpdesk.attune.test');
    const settings = await b().serviceWorker!.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(settings.enabledOrigins).toContain('https://helpdesk.attune.test');
    await screenshot(page, 'popup-generic-site-on');
    await page.getByRole('button', { name: 'Turn off for this site' }).click();
    await expect.poll(registered).not.toContain('attune-generic:https://helpdesk.attune.test');
    await page.close();
    await other.close();
  });

  it('turns Attune off for a supported helpdesk host', async () => {
    // Without "activeTab" (the popup opened as a page) the tab's URL is hidden from the extension, so pass it.
    const url = fixtureUrl('acme.zendesk.com', '/agent/tickets/1');
    const { page: site, tabId } = await openTab(url);
    const page = await openPopup(`?tabId=${tabId}&url=${encodeURIComponent(url)}`);
    await page.getByRole('button', { name: 'Turn off here' }).click();
    await page.getByRole('button', { name: 'Turn on here' }).waitFor();
    const settings = await b().serviceWorker!.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(settings.disabledHosts).toEqual(['acme.zendesk.com']);
    await page.getByRole('button', { name: 'Turn on here' }).click();
    await page.getByRole('button', { name: 'Turn off here' }).waitFor();
    await page.close();
    await site.close();
  });
});

/** What a new user sees: readable sizes, the bundled font, both colour schemes, the icon. */
describe('popup: how it reads', () => {
  /** Text elements whose colour must meet WCAG AA against what is behind them. */
  const TEXT = ['h1', 'h2', 'label.field', '.summary', '.badge', '.category', '.flagged', '.why', '.label', '.suggestion-text',
    '.btn.primary', '.btn.small', '.check-label', '.check-hint', '.check-words', '.linkish', '.popup-foot .muted', '.customer summary'];

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: body text ≥ 14 px, nothing under 12 px, Inter, and AA contrast`, async () => {
      const page = await openPopup('', scheme);
      await page.fill('#draft', DRAFT);
      await page.waitForSelector('li.finding .badge');
      await page.waitForSelector('.check-words');
      for (const sel of ['body', '#draft', '.flagged', '.why', '.suggestion-text', '.check-label']) {
        expect(await fontSize(page, sel), sel).toBeGreaterThanOrEqual(14);
      }
      for (const sel of ['.badge', '.category', '.label', '.summary', '.check-hint', '.btn.small', '.popup-foot .muted']) {
        expect(await fontSize(page, sel), sel).toBeGreaterThanOrEqual(12);
      }
      const sizes = await textSizes(page);
      expect(sizes.length).toBeGreaterThan(20);
      expect(sizes[0].px, `smallest text: ${sizes[0].where}`).toBeGreaterThanOrEqual(12);
      await expectThemeReadable(page, scheme, TEXT);
      await screenshot(page, `popup-draft-${scheme}`);
      await page.close();
    });
  }

  it('has an icon: the manifest names 16, 32, 48 and 128 px PNGs for the toolbar, and each loads at its size', async () => {
    const manifest = await b().serviceWorker!.evaluate(() => chrome.runtime.getManifest());
    const sizes = ['16', '32', '48', '128'];
    expect(Object.keys(manifest.icons ?? {})).toEqual(sizes);
    expect(manifest.action?.default_icon).toEqual(manifest.icons);
    const page = await openPopup();
    for (const size of sizes) {
      const loaded = await page.evaluate(async (path) => {
        const img = new Image();
        img.src = chrome.runtime.getURL(path);
        await img.decode();
        return { w: img.naturalWidth, h: img.naturalHeight };
      }, manifest.icons[size] as string);
      expect(loaded).toEqual({ w: Number(size), h: Number(size) });
    }
    // The header shows the same drawing (an image, decorative: the heading says "Attune").
    expect(await page.locator('.popup-head img.logo').getAttribute('alt')).toBe('');
    expect(await page.locator('.popup-head img.logo').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await page.close();
  });
});
