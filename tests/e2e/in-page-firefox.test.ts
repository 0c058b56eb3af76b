/**
 * The in-page flow in Firefox ESR (puppeteer-core over WebDriver BiDi, the firefox-mv2 build): underline,
 * card by keyboard, apply, one Ctrl+Z; and the card's busy state while an Apply waits (card-busy.test.ts's check). Firefox has no --host-resolver-rules: `network.dns.forceResolve`
 * sends every hostname to the local server (URLs carry its port; match patterns ignore ports).
 * Skipped when /usr/bin/firefox-esr is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { harnessConfig } from './harness';
import { analyze } from '../../lib/analysis';
import { bundledPhrasebank } from '../../lib/phrasebank/bundled';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const DRAFT = "Please calm down, as I already said that's our policy.";

/** Focuses the fixture's editor with the caret after its last character, as a click at the end would. */
async function caretAtEnd(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = (window as any).__fixture.editors[0].element as HTMLElement;
    el.focus();
    const r = document.createRange();
    r.selectNodeContents(el);
    r.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
}

describe.skipIf(!existsSync(FIREFOX))('Firefox', () => {
  let browser: Browser;
  let page: Page;
  const text = () => page.evaluate(() => (window as any).__fixture.editors[0].element.textContent as string);
  const attr = (name: string) => page.evaluate((n) => document.querySelector('attune-ui')?.getAttribute(n) ?? null, name);

  beforeAll(async () => {
    const { root, port } = harnessConfig();
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, env: { ...process.env, ATTUNE_E2E: '1' }, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`firefox build failed:\n${build.stdout}\n${build.stderr}`);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
    });
    // ATTUNE_E2E=1 builds into .cache/e2e/output (wxt.config.ts), with the test-only attributes read below.
    await browser.installExtension(join(root, '.cache/e2e/output/firefox-mv2'));
    page = await browser.newPage();
    await page.goto(`https://acme.freshdesk.com:${port}/a/tickets/77`);
    await page.waitForFunction(() => !!(window as any).__fixture);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('underlines, opens the card with Alt+Shift+A, applies with Enter, and one Ctrl+Z restores', async () => {
    await caretAtEnd(page);
    await page.keyboard.type(DRAFT);
    await expect.poll(async () => JSON.parse((await attr('data-attune-findings')) ?? '[]').map((f: { ruleId: string }) => f.ruleId), { timeout: 5000 }).toContain('invalidating/calm-down');
    const findings = JSON.parse((await attr('data-attune-findings'))!) as { text: string; start: number; end: number; rects: unknown[] }[];
    expect(findings[0].rects.length).toBeGreaterThan(0);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await expect.poll(() => page.evaluate(() => !!document.querySelector('attune-ui')?.shadowRoot?.querySelector('[role=dialog]'))).toBe(true);
    const suggestion = await page.evaluate(() => (document.querySelector('attune-ui')!.shadowRoot!.activeElement as HTMLElement | null)?.textContent ?? '');
    expect(suggestion.length).toBeGreaterThan(5);
    await page.screenshot({ path: join(harnessConfig().screenshotsDir, 'in-page-firefox-freshdesk-card.png') });
    await page.keyboard.press('Enter');
    // The card applies the fix the core computes for the focused (first) suggestion of the first finding.
    const core = analyze(DRAFT, bundledPhrasebank).findings.find((f) => f.text === findings[0].text)!;
    expect(suggestion).toBe(core.suggestions[0]);
    const fix = core.fixes[0];
    await expect.poll(text).toBe(DRAFT.slice(0, fix.start) + fix.text + DRAFT.slice(fix.end));
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyZ');
    await page.keyboard.up('Control');
    await expect.poll(text).toBe(DRAFT);
  });

  /**
   * card-busy.test.ts's check in Firefox, in the same browser and build (a second page, no second launch): on the
   * Intercom fixture (ProseMirror) an Apply right after an edit waits out the merge window (about 0.55 s), and
   * the card stays open, aria-busy, with a status naming the suggestion, until the edit lands.
   */
  it('an Apply that waits out the merge window: the card says it is applying (aria-busy, a status) until the edit lands', async () => {
    const busyDraft = 'Please calm down, as I already said that is our policy.';
    const tab = await browser.newPage();
    const editorText = () => tab.evaluate(() => (window as any).__fixture.editors[0].getText() as string);
    await tab.goto(`https://app.intercom.com:${harnessConfig().port}/a/inbox/acme/inbox/conversation/42`);
    await tab.waitForFunction(() => !!(window as any).__fixture);
    await caretAtEnd(tab);
    await tab.keyboard.type(busyDraft);
    const findingsNow = async () => JSON.parse(await tab.evaluate(() => document.querySelector('attune-ui')?.getAttribute('data-attune-findings') ?? '[]')) as { ruleId: string; rects: { left: number; top: number; width: number; height: number }[] }[];
    await expect.poll(async () => (await findingsNow()).map((f) => f.ruleId), { timeout: 5000 }).toContain('invalidating/calm-down');
    const calm = (await findingsNow()).find((f) => f.ruleId === 'invalidating/calm-down')!;
    await tab.mouse.click(calm.rects[0].left + calm.rects[0].width / 2, calm.rects[0].top + calm.rects[0].height / 2);
    await expect.poll(() => tab.evaluate(() => !!document.querySelector('attune-ui')?.shadowRoot?.querySelector('[role="dialog"][data-attune-card]'))).toBe(true);
    // One more edit at the end, taken back: the Apply that follows at once must wait out the window.
    await tab.keyboard.down('Control');
    await tab.keyboard.press('End');
    await tab.keyboard.up('Control');
    await tab.keyboard.type('!');
    await tab.keyboard.press('Backspace');
    const before = await editorText();
    expect(before).toBe(busyDraft);

    const seen = await tab.evaluate(async () => {
      const root = document.querySelector('attune-ui')!.shadowRoot!;
      (root.querySelector('[data-action="apply"]') as HTMLElement).click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const dialog = root.querySelector('[role="dialog"]');
      return {
        busy: dialog?.getAttribute('aria-busy') ?? null,
        status: dialog?.querySelector('[role="status"]')?.textContent ?? null,
        applying: dialog?.querySelector('[data-applying]')?.textContent ?? null,
        editorText: document.querySelector('.ProseMirror')!.textContent,
      };
    });
    await tab.screenshot({ path: join(harnessConfig().screenshotsDir, 'in-page-firefox-card-busy.png') });
    const core = analyze(before, bundledPhrasebank).findings.find((f) => f.ruleId === 'invalidating/calm-down')!;
    expect(seen.busy).toBe('true');
    expect(seen.applying).toBe(core.suggestions[0]);
    expect(seen.status).toBe(`Applying “${core.suggestions[0]}”…`);
    expect(seen.editorText, 'still waiting: nothing replaced yet').toContain('calm down');
    const fix = core.fixes[0];
    await expect.poll(editorText, { timeout: 3000 }).toBe(before.slice(0, fix.start) + fix.text + before.slice(fix.end));
    await expect.poll(() => tab.evaluate(() => !!document.querySelector('attune-ui')?.shadowRoot?.querySelector('[role="dialog"][data-attune-card]'))).toBe(false);
    await tab.close();
  });
});
