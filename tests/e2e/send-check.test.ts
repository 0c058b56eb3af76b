/**
 * The soft check before sending, in real Chromium with the built extension on every helpdesk fixture under its
 * real hostname. Each fixture page has the app's own send (its send button, and Ctrl/Cmd+Enter in the composer:
 * tests/fixtures/helpdesk-send.js), which records every send in `window.__sends`. Pointer and keys are real
 * (trusted) input from Playwright.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoStrayRequests, fixtureUrl, focusEditorEnd, launchBrowser, modelText, screenshot, waitForFixture, type LaunchedBrowser } from './harness';
import { HELPDESK_FIXTURES, pageAttr, setSendCheckHosts as setSendCheckFor, waitForFindings } from './in-page-helpers';

/** Three high-severity findings ("Please calm down", "I already said", "that's our policy"). */
const DRAFT = "Please calm down, as I already said that's our policy.";
/** A medium-severity finding only ("Obviously the"): not enough to ask. */
const MEDIUM = 'Thanks for the details. Obviously the export needs a restart first.';

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
  await browser.serviceWorker!.evaluate(() => (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp);
});
afterAll(async () => {
  await browser?.close();
});

const setSendCheckHosts = (hosts: string[]) => setSendCheckFor(browser, hosts);

async function open(host: string, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(fixtureUrl(host, path));
  await waitForFixture(page);
  return page;
}

const sends = (page: Page) => page.evaluate(() => (window as unknown as { __sends: { via: string; text: string }[] }).__sends.slice());

/** The prompt as the agent meets it: its role, its text, and where focus is. */
function prompt(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('attune-ui')?.shadowRoot;
    const d = root?.querySelector('[role="alertdialog"]');
    if (!d) return null;
    const active = root!.activeElement as HTMLElement | null;
    return {
      label: root!.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      items: Array.from(d.querySelectorAll('li')).map((li) => li.textContent ?? ''),
      focused: active && d.contains(active) ? active.getAttribute('data-action') : null,
    };
  });
}

/** Where the page's send button is (centre, top-frame viewport coordinates). */
async function sendButtonCentre(page: Page): Promise<{ x: number; y: number }> {
  const r = await page.evaluate(() => {
    const b = document.querySelector('.send > button, .send > [role="button"]')!.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  return r;
}

async function clickSend(page: Page): Promise<void> {
  const { x, y } = await sendButtonCentre(page);
  await page.mouse.click(x, y);
}

/** True when keyboard input goes to the composer: a typed character lands in the editor's model (then removed). */
async function focusInComposer(page: Page): Promise<boolean> {
  const before = await modelText(page);
  await page.keyboard.type('Q');
  const ok = await expect
    .poll(() => modelText(page), { timeout: 2000 })
    .toContain('Q')
    .then(() => true, () => false);
  if (ok) {
    await page.keyboard.press('Backspace');
    await expect.poll(() => modelText(page)).toBe(before);
  }
  return ok;
}

async function typeAndWait(page: Page, text: string) {
  await focusEditorEnd(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await waitForFindings(page, (f) => f.some((x) => x.severity === 'high'));
}

describe.each(HELPDESK_FIXTURES)('$host ($editor)', ({ host, path }) => {
  let page: Page;
  beforeAll(async () => {
    await setSendCheckHosts(HELPDESK_FIXTURES.map((f) => f.host));
    page = await open(host, path);
    await typeAndWait(page, DRAFT);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the send button: the prompt lists the findings with focus on it; Enter performs the send once', async () => {
    await clickSend(page);
    await expect.poll(() => prompt(page)).not.toBeNull();
    const p = (await prompt(page))!;
    expect(p.label).toMatch(/Send this reply/);
    expect(p.items.join(' | ')).toMatch(/calm down/i);
    expect(p.items.join(' | ')).toMatch(/our policy/i);
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    expect(await sends(page)).toEqual([]);
    await screenshot(page, `send-check-${host}-prompt`);
    const draft = await modelText(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toHaveLength(1);
    expect((await sends(page))[0]).toEqual({ via: 'button', text: draft });
    expect(await prompt(page)).toBeNull();
    await page.waitForTimeout(200);
    expect(await sends(page), 'the original send ran exactly once').toHaveLength(1);
  });

  it('the send button: Esc reviews (no send, the prompt closes, typing goes to the composer)', async () => {
    await clickSend(page);
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    await page.keyboard.press('Escape');
    await expect.poll(() => prompt(page)).toBeNull();
    expect(await focusInComposer(page)).toBe(true);
    expect(await sends(page)).toHaveLength(1);
  });

  it('Ctrl+Enter in the composer: the prompt; Enter runs the app\'s own shortcut once, the draft unchanged', async () => {
    const draft = await modelText(page);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    expect(await sends(page)).toHaveLength(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toHaveLength(2);
    expect((await sends(page))[1]).toEqual({ via: 'ctrl-enter', text: draft });
    await page.waitForTimeout(200);
    expect(await sends(page)).toHaveLength(2);
    expect(await modelText(page)).toBe(draft);
    // The replay put focus back in the composer.
    expect(await focusInComposer(page)).toBe(true);
  });

  it('Cmd/Meta+Enter in the composer: Esc keeps the draft unsent and unchanged; Enter sends once', async () => {
    const draft = await modelText(page);
    await page.keyboard.press('Meta+Enter');
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    await page.keyboard.press('Escape');
    await expect.poll(() => prompt(page)).toBeNull();
    expect(await modelText(page)).toBe(draft);
    expect(await sends(page)).toHaveLength(2);
    expect(await focusInComposer(page)).toBe(true);
    await page.keyboard.press('Meta+Enter');
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toHaveLength(3);
    expect((await sends(page))[2]).toEqual({ via: 'meta-enter', text: draft });
  });
});

describe('when not to ask', () => {
  const zoho = HELPDESK_FIXTURES.find((f) => f.host === 'desk.zoho.com')!;
  const intercom = HELPDESK_FIXTURES.find((f) => f.host === 'app.intercom.com')!;

  it('with the check off for the site (the default), no prompt: the button and Ctrl+Enter send at once', async () => {
    await setSendCheckHosts([]);
    for (const { host, path } of [zoho, intercom]) {
      const page = await open(host, path);
      await typeAndWait(page, DRAFT);
      await clickSend(page);
      await expect.poll(() => sends(page)).toHaveLength(1);
      expect(await prompt(page)).toBeNull();
      await focusEditorEnd(page);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => sends(page)).toHaveLength(2);
      expect((await sends(page)).map((s) => s.via)).toEqual(['button', 'ctrl-enter']);
      await page.waitForTimeout(200);
      expect(await prompt(page), host).toBeNull();
      await page.close();
    }
  });

  it('turned on for another site only: still no prompt here', async () => {
    await setSendCheckHosts(['acme.zendesk.com']);
    const page = await open(zoho.host, zoho.path);
    await typeAndWait(page, DRAFT);
    await clickSend(page);
    await expect.poll(() => sends(page)).toHaveLength(1);
    expect(await prompt(page)).toBeNull();
    await page.close();
  });

  it('with no high-severity finding (a medium one only), no prompt: the send goes through', async () => {
    await setSendCheckHosts([zoho.host, intercom.host]);
    for (const { host, path } of [zoho, intercom]) {
      const page = await open(host, path);
      await focusEditorEnd(page);
      await page.keyboard.type(MEDIUM);
      const findings = await waitForFindings(page, (f) => f.some((x) => x.ruleId === 'condescending/obviously'));
      expect(findings.every((f) => f.severity !== 'high')).toBe(true);
      await clickSend(page);
      await expect.poll(() => sends(page)).toHaveLength(1);
      await focusEditorEnd(page);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => sends(page)).toHaveLength(2);
      expect(await prompt(page), host).toBeNull();
      await page.close();
    }
  });

  it('before any analysis is known for the composer, the send goes through untouched', async () => {
    const page = await open(zoho.host, zoho.path);
    // Set the text without typing: no analysis has run for it, and none is started by sending.
    await page.evaluate((t) => (window as any).__fixture.editors[0].setText(t), DRAFT);
    await clickSend(page);
    await expect.poll(() => sends(page)).toHaveLength(1);
    expect(await prompt(page)).toBeNull();
    expect(Number(await pageAttr(page, 'data-attune-analyses') ?? 0)).toBe(0);
    await page.close();
  });

  it('once the flagged words are gone, no prompt', async () => {
    const page = await open(zoho.host, zoho.path);
    await typeAndWait(page, DRAFT);
    await page.keyboard.press('Control+a');
    await page.keyboard.type(MEDIUM);
    await waitForFindings(page, (f) => f.some((x) => x.ruleId === 'condescending/obviously') && f.every((x) => x.severity !== 'high'));
    await clickSend(page);
    await expect.poll(() => sends(page)).toHaveLength(1);
    expect(await prompt(page)).toBeNull();
    await page.close();
  });
});

describe('stats and privacy', () => {
  it('counted prompts shown, sent anyway and reviewed for today, with no draft text', async () => {
    const stored = await browser.serviceWorker!.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('sendCheckStats')).sendCheckStats ?? {});
    const today = new Date().toISOString().slice(0, 10);
    const n = HELPDESK_FIXTURES.length;
    // Per fixture above: 5 prompts (button → Enter, button → Esc, Ctrl+Enter → Enter, Meta+Enter → Esc, Meta+Enter → Enter):
    // 3 sent anyway, 2 reviewed. The tests where the check stays quiet add nothing.
    expect(stored[today]).toEqual({ shown: 5 * n, sent: 3 * n, reviewed: 2 * n });
    expect(JSON.stringify(stored)).not.toMatch(/calm|policy|said/i);
  });

  it('the options page shows those counts (last 30 days)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#stats`);
    const tiles = page.locator('[data-testid="send-check-stats"] .tile');
    await tiles.first().waitFor();
    const n = HELPDESK_FIXTURES.length;
    expect(await tiles.allTextContents()).toEqual([`${5 * n} prompts shown`, `${3 * n} sent anyway`, `${2 * n} went back to review`]);
    await page.close();
  });

  it('the agent turns it on for a site in the popup (off by default), and the page asks from then on', async () => {
    await setSendCheckHosts([]);
    const { host, path } = HELPDESK_FIXTURES.find((f) => f.host === 'app.frontapp.com')!;
    const ids = () => browser.serviceWorker!.evaluate(async () => (await (globalThis as any).chrome.tabs.query({})).map((t: { id: number }) => t.id) as number[]);
    const before = new Set(await ids());
    const page = await open(host, path);
    const [tabId] = (await ids()).filter((id) => !before.has(id));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}&url=${encodeURIComponent(fixtureUrl(host, path))}`);
    const box = popup.locator('[data-testid="send-check"]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expect
      .poll(() => browser.serviceWorker!.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.sendCheckHosts))
      .toEqual([host]);
    await screenshot(popup, 'send-check-popup');
    await popup.close();
    await page.bringToFront();
    await typeAndWait(page, DRAFT);
    await clickSend(page);
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toHaveLength(1);
    await page.close();
  });

  it('with the mouse: a click elsewhere means review (no send); clicking "Send anyway" sends once', async () => {
    const { host, path } = HELPDESK_FIXTURES.find((f) => f.host === 'desk.zoho.com')!;
    await setSendCheckHosts([host]);
    const page = await open(host, path);
    await typeAndWait(page, DRAFT);
    await clickSend(page);
    await expect.poll(() => prompt(page)).not.toBeNull();
    await page.mouse.click(600, 60); // the ticket's title
    await expect.poll(() => prompt(page)).toBeNull();
    await page.waitForTimeout(200);
    expect(await sends(page)).toEqual([]);
    await clickSend(page);
    await expect.poll(() => prompt(page)).not.toBeNull();
    const r = await page.evaluate(() => {
      const b = document.querySelector('attune-ui')!.shadowRoot!.querySelector('[data-action="send-anyway"]')!.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.click(r.x, r.y);
    await expect.poll(() => sends(page)).toHaveLength(1);
    await page.waitForTimeout(200);
    expect(await sends(page)).toHaveLength(1);
    expect(await prompt(page)).toBeNull();
    await page.close();
  });

  it("Gmail's div send button from the keyboard (focused, Enter): the prompt; Enter sends once", async () => {
    const { host, path } = HELPDESK_FIXTURES.find((f) => f.host === 'mail.google.com')!;
    await setSendCheckHosts([host]);
    const page = await open(host, path);
    await typeAndWait(page, DRAFT);
    await page.focus('.send > [role="button"]');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    expect(await sends(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toHaveLength(1);
    await page.waitForTimeout(200);
    expect((await sends(page)).map((s) => s.via)).toEqual(['button']);
    await page.close();
  });

  it('the extension made no network requests', async () => {
    await assertNoStrayRequests();
  });
});

/**
 * Salesforce's composer two same-origin frames deep (issue 7's evidence fixture): Esc on the prompt must give the
 * keys back to the composer. Focusing the outer frame alone left the keys there (the inner frame's document still
 * had the editor body as its active element, so nothing focused the inner frame again): typing went nowhere.
 */
describe('a composer two frames deep (Salesforce)', () => {
  it('Ctrl+Enter, then Esc: the prompt closes and typing goes to the composer', async () => {
    await setSendCheckHosts(['acme.lightning.force.com']);
    const page = await open('acme.lightning.force.com', '/lightning/r/Case/500Nested0000001/view');
    await typeAndWait(page, DRAFT);
    const draft = await modelText(page);
    // As an agent does first: the card by keyboard, closed with Escape (the caret goes back), then the send keys.
    await page.keyboard.press('Alt+Shift+A');
    await expect.poll(() => page.evaluate(() => !!document.querySelector('attune-ui')?.shadowRoot?.querySelector('[role="dialog"][data-attune-card]'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await focusInComposer(page), 'after the card’s Escape').toBe(true);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    await page.keyboard.press('Escape');
    await expect.poll(() => prompt(page)).toBeNull();
    expect(await modelText(page)).toBe(draft);
    expect(await focusInComposer(page)).toBe(true);
    await page.close();
  });
});

/**
 * "Send anyway" on the evidence fixtures (issue 7): Help Scout's Slate 0.47 composer (the button, and Ctrl+Enter,
 * replayed into Slate's editable) and Salesforce's composer two frames deep (the button). Each sends once, the
 * draft as typed.
 */
describe('Send anyway on the evidence fixtures', () => {
  it('Help Scout (Slate 0.47): the button and Ctrl+Enter each send once after Enter on the prompt', async () => {
    await setSendCheckHosts(['secure.helpscout.net']);
    const page = await open('secure.helpscout.net', '/conversation/2231/5');
    await typeAndWait(page, DRAFT);
    const draft = await modelText(page);
    await clickSend(page);
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    expect(await sends(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toEqual([{ via: 'button', text: draft }]);
    await focusEditorEnd(page);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toHaveLength(2);
    expect((await sends(page))[1]).toEqual({ via: 'ctrl-enter', text: draft });
    expect(await modelText(page), 'the replayed keys changed nothing in Slate').toBe(draft);
    await page.close();
  });

  it('Salesforce (two frames deep): the button sends once after Enter on the prompt', async () => {
    await setSendCheckHosts(['acme.lightning.force.com']);
    const page = await open('acme.lightning.force.com', '/lightning/r/Case/500Nested0000001/view');
    await typeAndWait(page, DRAFT);
    const draft = await modelText(page);
    // The button sits below the fold of the test window on this page.
    await page.locator('.send > button').scrollIntoViewIfNeeded();
    await clickSend(page);
    await expect.poll(async () => (await prompt(page))?.focused).toBe('send-anyway');
    expect(await sends(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => sends(page)).toEqual([{ via: 'button', text: draft }]);
    await page.close();
  });
});
