/**
 * Accessibility as people use it, in real Chromium with the built extension: the popup, every options tab (the
 * stats tab with counts in it) and the in-page card pass axe-core with no serious or critical violation, in light
 * and dark; they work by keyboard alone; and at 200 % zoom (the CSS viewport a zoomed window leaves) nothing
 * needs sideways scrolling and the card stays on screen. axe's own source is injected into each page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl, focusEditorEnd, launchBrowser, screenshot, waitForFixture, type LaunchedBrowser } from './harness';
import { cardOpen, waitForFindings } from './in-page-helpers';

declare const chrome: any;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let b: LaunchedBrowser;
beforeAll(async () => {
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Serious and critical axe violations on the page (or only those inside `within`, a shadow host's selector).
 * Evaluated through the debugger protocol, so an extension page's CSP does not stop the injection.
 */
async function axeProblems(page: Page, within?: string): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (host) => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v: any) =>
      v.nodes
        .map((n: any) => ({ id: v.id, impact: n.impact ?? v.impact, help: v.help, targets: n.target.flat().map(String) }))
        .filter((n: any) => !host || n.targets[0] === host),
    );
  }, within ?? null);
  return (found as Violation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How many axe rules found something to check on the page (so a clean result means axe really looked). */
async function axeChecked(page: Page): Promise<number> {
  return page.evaluate(async () => (await (window as any).axe.run(document, { resultTypes: ['passes'] })).passes.length);
}

/** No sideways scrolling of the page itself (a wide table may scroll inside its own box). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The focused element inside Attune's shadow root, or on the page. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName.toLowerCase()}:${(el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 80)}`;
  });
}

async function seedStats() {
  await b.serviceWorker!.evaluate(async () => {
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const reasons = { 'not-dismissive': 1, 'not-now': 1, 'not-our-tone': 1, unspecified: 0 };
    const days = Object.fromEntries(
      Array.from({ length: 30 }, (_, d) => [day(d), { drafts: 5, mechanisms: { ownership: 3 }, rules: { 'invalidating/calm-down': { shown: 4, applied: 1, dismissed: 3, reasons } } }]),
    );
    await chrome.storage.local.set({ stats: { days }, 'stats$': { v: 2 }, sendCheckStats: { [day(1)]: { shown: 2, sent: 1, reviewed: 1 } } });
  });
}

describe('accessibility (axe-core, keyboard, 200 % zoom)', () => {
  it('the popup, with a draft checked: axe-clean in light and dark; keyboard alone applies a suggestion; readable at 200 %', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await b.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 380, height: 900 });
      await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
      await page.waitForSelector('#draft');
      // Keyboard alone: Tab to the reply box, type, Tab to "Use in draft", Enter.
      for (let i = 0; i < 15 && (await focusedName(page)) !== 'textarea:'; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft');
      await page.keyboard.type('Please calm down, I am checking your order.');
      await page.waitForSelector('li.finding');
      expect(await axeProblems(page), `popup ${scheme}`).toEqual([]);
      expect(await axeChecked(page)).toBeGreaterThan(10);
      for (let i = 0; i < 40 && !(await focusedName(page)).startsWith('button:Use in draft'); i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.inputValue('#draft')).not.toMatch(/calm down/i);
      // 200 %: Chrome's popup grows to at most 800 × 600 device px, so 400 × 300 CSS px.
      await page.setViewportSize({ width: 400, height: 300 });
      expect(await horizontalOverflow(page), `popup ${scheme} at 200 %`).toBeLessThanOrEqual(0);
      await screenshot(page, `a11y-popup-200-${scheme}`);
      await page.close();
    }
  });

  it('every options tab is axe-clean in light and dark, reachable by keyboard, and needs no sideways scrolling at 200 %', async () => {
    await seedStats();
    for (const scheme of ['light', 'dark'] as const) {
      const page = await b.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.goto(`chrome-extension://${b.extensionId}/options.html#phrasebank`);
      await page.waitForSelector('[role="tabpanel"] article.rule, [role="tabpanel"] details', { state: 'attached' });
      const tabs = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.id.replace('tab-', '')));
      // Keyboard: focus the selected tab, then the arrow keys walk every tab (WAI-ARIA tabs).
      await page.focus('[role="tab"][aria-selected="true"]');
      for (const [i, tab] of tabs.entries()) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(`tab-${tab}`);
        await page.waitForSelector(`#panel-${tab}`);
        await page.waitForFunction(() => !document.querySelector('[role="tabpanel"]')?.textContent?.startsWith('Loading'));
        expect(await axeProblems(page), `options #${tab} ${scheme}`).toEqual([]);
      }
      // 200 %: a 1280 px window leaves 640 CSS px.
      await page.setViewportSize({ width: 640, height: 800 });
      for (const tab of tabs) {
        await page.click(`#tab-${tab}`);
        await page.waitForSelector(`#panel-${tab}`);
        expect(await horizontalOverflow(page), `options #${tab} ${scheme} at 200 %`).toBeLessThanOrEqual(0);
      }
      await page.click('#tab-stats');
      await page.waitForSelector('[data-testid="mechanism-trends"]');
      await screenshot(page, `a11y-options-stats-200-${scheme}`);
      await page.close();
    }
  });

  it('the in-page card is axe-clean, works by keyboard alone, and stays on screen at 200 %', async () => {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 640, height: 450 }); // a 1280 × 900 window at 200 %
    await page.goto(fixtureUrl('acme.freshdesk.com', '/a/tickets/77'));
    await waitForFixture(page);
    await focusEditorEnd(page);
    await page.keyboard.type('Please calm down, I am looking into it.');
    await waitForFindings(page, (f) => f.some((x) => x.ruleId === 'invalidating/calm-down'));
    await page.keyboard.press('Alt+Shift+A');
    await expect.poll(() => cardOpen(page)).toBe(true);
    expect(await axeProblems(page, 'attune-ui')).toEqual([]);
    // axe looked inside the card's shadow root: its buttons are among the nodes it checked.
    const cardNodes = await page.evaluate(async () => {
      const r = await (window as any).axe.run(document, { resultTypes: ['passes'], runOnly: ['button-name'] });
      return r.passes.flatMap((p: any) => p.nodes).filter((n: any) => n.target[0]?.[0] === 'attune-ui').length;
    });
    expect(cardNodes).toBeGreaterThan(5);
    // The card fits the zoomed viewport, every button in it can be reached with Tab, and Escape closes it.
    const box = await page.evaluate(() => {
      const r = document.querySelector('attune-ui')!.shadowRoot!.querySelector('[role="dialog"]')!.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, vw: innerWidth, vh: innerHeight };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.vw);
    expect(box.top).toBeGreaterThanOrEqual(0);
    const buttons = await page.evaluate(() => document.querySelector('attune-ui')!.shadowRoot!.querySelectorAll('[role="dialog"] button').length);
    const seen = new Set<string>();
    for (let i = 0; i < buttons + 2; i++) {
      seen.add(await focusedName(page));
      await page.keyboard.press('Tab');
    }
    expect(seen.size).toBe(buttons);
    expect([...seen]).toEqual(expect.arrayContaining(['button:Not dismissive here', 'button:Not now', 'button:Not our tone']));
    await screenshot(page, 'a11y-card-200');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
    await page.close();
  });
});
