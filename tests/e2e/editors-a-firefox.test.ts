/**
 * The execCommand-family bridges in Firefox ESR (puppeteer-core over WebDriver BiDi): the core of the contract
 * (editor-contract.ts) — read() equals the model, replace lands exactly, one real Ctrl+Z restores, stale
 * offsets are refused — plus a shorter seeded random run per editor. Set ATTUNE_E2E_FIREFOX=0 to skip.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { launchFirefox, editorPageUrl, type LaunchedFirefox } from './harness';
import { randomDraft, randomReplacement, randomSpan, seededRandom } from './random-drafts';
import { firefoxPages } from './editor-fixtures';

const KINDS = firefoxPages('editors-a-firefox');
const RANDOM_APPLIES = Number(process.env.ATTUNE_FIREFOX_RANDOM_APPLIES ?? 120);
const enabled = process.env.ATTUNE_E2E_FIREFOX !== '0' && existsSync(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr');

const norm = (s: string) => s.replace(/\u00a0/g, ' ');

describe.skipIf(!enabled)('Firefox ESR', () => {
  let firefox: LaunchedFirefox;
  beforeAll(async () => { firefox = await launchFirefox(); });
  afterAll(async () => { await firefox?.close(); });

  const model = (page: Page) => page.evaluate(() => (window as any).__fixture.editors[0].getText() as string).then(norm);
  const bridgeText = (page: Page) => page.evaluate(() => { const w = window as any; return w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element).read().text as string; });
  const undo = async (page: Page) => {
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
  };
  const waitFor = async (page: Page, want: string) => {
    const deadline = Date.now() + 1000;
    let got = { m: await model(page), d: await bridgeText(page) };
    while ((got.m !== want || got.d !== want) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 15));
      got = { m: await model(page), d: await bridgeText(page) };
    }
    return got.m;
  };
  const apply = (page: Page, start: number, end: number, expected: string, replacement: string) =>
    page.evaluate(async (a) => {
      const w = window as any;
      const fx = w.__fixture.editors[0];
      const result = await w.__attuneEditors.bridgeFor(fx.element).replace(a.start, a.end, a.expected, a.replacement);
      return { result, model: fx.getText() as string };
    }, { start, end, expected, replacement });

  describe.each(KINDS)('%s', (kind) => {
    let page: Page;
    beforeAll(async () => {
      page = await firefox.browser.newPage();
      await page.goto(editorPageUrl(kind));
      await page.waitForFunction(() => !!(window as any).__fixture);
      await page.evaluate(() => (window as any).__fixture.ready);
      await page.addScriptTag({ url: '/_fixtures/dist/attune-editors.js' });
    });
    afterAll(async () => { await page?.close(); });

    test('read() equals the model; replace lands exactly; one Ctrl+Z restores; stale refused', async () => {
      const before = await model(page);
      expect(await bridgeText(page)).toBe(before);
      const phrase = 'Please calm down';
      const start = before.indexOf(phrase);
      const out = await apply(page, start, start + phrase.length, phrase, 'I can hear how frustrating this has been');
      expect(out.result).toEqual({ ok: true });
      expect(norm(out.model)).toBe(before.slice(0, start) + 'I can hear how frustrating this has been' + before.slice(start + phrase.length));
      await undo(page);
      expect(await waitFor(page, before)).toBe(before);
      const stale = await apply(page, start, start + phrase.length, 'Please calm dowN', 'x');
      expect(stale.result).toEqual({ ok: false, reason: 'stale' });
    });

    // The merge window (lib/editors/merge-window.ts; Chromium: undo-steps.test.ts): quick applies stay separate steps.
    test('two applies 50 ms apart: one Ctrl+Z undoes only the second, the next one the first', async () => {
      const draft = 'Please calm down, as I already said, that is our policy.';
      await page.evaluate(async (t) => { (window as any).__fixture.editors[0].setText(t); await new Promise((r) => setTimeout(r, 30)); }, draft);
      expect(await model(page)).toBe(draft);
      const first = await apply(page, 7, 16, 'calm down', 'bear with me');
      expect(first.result).toEqual({ ok: true });
      const afterFirst = 'Please bear with me, as I already said, that is our policy.';
      expect(norm(first.model)).toBe(afterFirst);
      await new Promise((r) => setTimeout(r, 50));
      // Touching the first replacement, so ProseMirror's adjacency rule would merge them too: only time decides.
      const second = await apply(page, 19, 38, ', as I already said', '; to recap');
      expect(second.result).toEqual({ ok: true });
      expect(norm(second.model)).toBe('Please bear with me; to recap, that is our policy.');
      await undo(page);
      expect(await waitFor(page, afterFirst)).toBe(afterFirst);
      await undo(page);
      expect(await waitFor(page, draft)).toBe(draft);
    });

    test(`seeded random run: ${RANDOM_APPLIES} applications, zero corrupted drafts`, async () => {
      const rand = seededRandom(0xf1f + kind.length * 31);
      let applied = 0;
      while (applied < RANDOM_APPLIES) {
        await page.evaluate(async (t) => { (window as any).__fixture.editors[0].setText(t); await new Promise((r) => setTimeout(r, 20)); }, randomDraft(rand));
        let text = await model(page);
        expect(await bridgeText(page)).toBe(text);
        for (let step = 0; step < 6 && applied < RANDOM_APPLIES; step++) {
          const span = randomSpan(rand, text);
          if (!span) break;
          const expected = text.slice(span.start, span.end);
          const replacement = randomReplacement(rand);
          const want = text.slice(0, span.start) + replacement + text.slice(span.end);
          const context = `${kind} step ${step}: ${JSON.stringify(expected)} → ${JSON.stringify(replacement)} in ${JSON.stringify(text)}`;
          const out = await apply(page, span.start, span.end, expected, replacement);
          expect(out.result, context).toEqual({ ok: true });
          expect(norm(out.model), context).toBe(want);
          applied++;
          if (step < 3) {
            await undo(page);
            expect(await waitFor(page, text), `undo after ${context}`).toBe(text);
          } else text = want;
        }
      }
    });
  });
});
