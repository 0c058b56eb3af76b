/**
 * Issue 8, end to end on a helpdesk page: the customer's latest message is read from the thread (Zendesk's
 * own markup), a correct but cold draft is told what it leaves unheard with the customer's words shown, a
 * suggestion names their order, and Send asks first ("Send anyway" sends once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl, focusEditorEnd, launchBrowser, screenshot, waitForFixture, type LaunchedBrowser } from './harness';
import { cardOpen, setSendCheckHosts, waitForFindings } from './in-page-helpers';

// Correct but cold: answers when the replacement ships, not whether they can have a refund, and names no feeling.
const DRAFT = 'Hello, the replacement ships tomorrow morning and tracking follows by email.';
// Later asked "again", whose kinder alternative can name their order.
const AGAIN = ' What is the issue again?';

let browser: LaunchedBrowser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  await browser.serviceWorker!.evaluate(() => (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp);
  await setSendCheckHosts(browser, ['acme.zendesk.com']);
  page = await browser.context.newPage();
  await page.goto(fixtureUrl('acme.zendesk.com', '/agent/tickets/5678'));
  await waitForFixture(page);
  await focusEditorEnd(page);
  await page.keyboard.type(DRAFT);
});
afterAll(async () => {
  await browser?.close();
});

describe('listening on a helpdesk page', () => {
  it("coaching names the unacknowledged feeling and the unanswered question, quoting the customer's words", async () => {
    await expect.poll(() => page.evaluate(() => document.querySelector('attune-ui')?.getAttribute('data-attune-coaching') ?? ''), { timeout: 8000 }).toContain('unanswered-question');
    // No dismissive phrase, but not "all clear" either: the badge and the list say there is something to hear.
    const badge = await page.evaluate(() => document.querySelector('attune-ui')!.shadowRoot!.querySelector('[data-attune-badge]')!.getAttribute('aria-label'));
    expect(badge).toMatch(/nothing dismissive; 2 things the customer may not feel heard on/);
    await page.evaluate(() => (document.querySelector('attune-ui')!.shadowRoot!.querySelector('[data-attune-badge]') as HTMLElement).click());
    expect(await page.evaluate(() => document.querySelector('attune-ui')!.shadowRoot!.querySelector('.attune-list__empty')?.textContent)).toMatch(/^Nothing dismissive\. Before you send/);
    const items = await page.evaluate(() =>
      Array.from(document.querySelector('attune-ui')!.shadowRoot!.querySelectorAll('.attune-list [data-kind]')).map((li) => ({
        kind: li.getAttribute('data-kind'),
        quote: li.querySelector('q')?.textContent ?? '',
      })),
    );
    await screenshot(page, 'listening-zendesk-list');
    const feeling = items.find((i) => i.kind === 'unacknowledged-emotion');
    expect(feeling?.quote).toMatch(/furious|THIRD time/);
    const unanswered = items.filter((i) => i.kind === 'unanswered-question');
    // Two questions, one answered (when it ships): exactly the refund question is named.
    expect(unanswered.map((i) => i.quote)).toEqual(['Can I get a refund?']);
    await page.keyboard.press('Escape');
  });

  it('Ctrl+Enter asks first; "Send anyway" (Enter) sends the draft once', async () => {
    await focusEditorEnd(page);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(() => !!document.querySelector('attune-ui')?.shadowRoot?.querySelector('[role="alertdialog"]'))).toBe(true);
    expect(await page.evaluate(() => (window as any).__sends.length)).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as any).__sends.length)).toBe(1);
  });
  it('a suggestion is filled from their message: it names their order', async () => {
    await focusEditorEnd(page);
    await page.keyboard.type(AGAIN);
    const again = (await waitForFindings(page, (f) => f.some((x) => x.ruleId === 'rushing/whats-the-issue-again'))).find((f) => f.ruleId === 'rushing/whats-the-issue-again')!;
    const r = again.rects[0];
    await page.mouse.click(r.left + r.width / 2, r.top + r.height / 2);
    await expect.poll(() => cardOpen(page)).toBe(true);
    const alternatives = await page.evaluate(() =>
      Array.from(document.querySelector('attune-ui')!.shadowRoot!.querySelectorAll('[data-action="apply"]')).map((b) => b.textContent ?? ''),
    );
    expect(alternatives.some((a) => a.includes('order 55-1290'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
  });

});
