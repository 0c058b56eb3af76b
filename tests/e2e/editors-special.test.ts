/**
 * The editor tests that are not part of the per-page contract (editor-contract.ts): the textarea bridge's rects
 * and maxlength, read() cost on a 2,000-word draft, CKEditor 4's safety-net undo mid-replacement, the Firefox ESR
 * run of the beforeinput/iframe editors (the execCommand family's is editors-a-firefox.test.ts), and that none of
 * it made a request off the machine.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'esbuild';
import {
  clearRequestLog, editorPageUrl, harnessConfig, injectEditorsBundle, launchBrowser, openFixture, pressUndo, type LaunchedBrowser,
} from './harness';
import { noStrayRequests } from './editor-contract';
import { firefoxPages } from './editor-fixtures';
import { emptyStats, modelSettles, randomRun, replace, state, type PageWindow } from './editor-bridge-helpers';

/** Random replacements per editor in Firefox (a smaller run: the Chromium contract is the main one). */
const FIREFOX_OPS = Math.ceil(Number(process.env.ATTUNE_EDITOR_OPS ?? 200) / 5);
/** The Firefox seeds as they were (77 + the page's position in the former editors-b list), so the run replays. */
const OLD_SUITE_ORDER = ['ckeditor5', 'ckeditor4', 'tinymce', 'slate', 'trix', 'slate047'];

let browser: LaunchedBrowser;
beforeAll(async () => {
  await clearRequestLog(); // the last test checks this file's requests only
  browser = await launchBrowser();
});
afterAll(async () => { await browser?.close(); });

/** Open a conformance page with the bridge bundle injected. */
async function openEditor(kind: string): Promise<Page> {
  const page = await openFixture(browser.context, editorPageUrl(kind));
  await injectEditorsBundle(page);
  return page;
}

test('the textarea bridge’s rects(): the rectangles of each span sit over that span in the textarea (caret hit-test)', async () => {
  const page = await openEditor('textarea');
  const result = await page.evaluate(() => {
    const w = window as any;
    const el = w.__fixture.editors[0].element as HTMLTextAreaElement;
    // Long enough to wrap and scroll: the mirror must follow wrapping and scrollTop.
    el.value = `${el.value}\n${'Thanks for bearing with us while we sort this out. '.repeat(12)}\nLast line: I’ll follow up tomorrow 🙂`;
    el.scrollTop = 40;
    const words = ['calm down', 'bearing', 'sort this out', 'follow up'];
    const box = el.getBoundingClientRect();
    const doc = document as any;
    return words.flatMap((word) => {
      const out: { word: string; start: number; end: number; hit: number | null; visible: boolean; lines: number }[] = [];
      for (let from = 0, n = 0; n < 3; n++) {
        const start = el.value.indexOf(word, from);
        if (start < 0) break;
        from = start + 1;
        const rects = w.__attuneEditors.bridgeFor(el).read().rects(start, start + word.length) as DOMRect[];
        const r = rects[0];
        const cx = r.left + Math.min(r.width / 2, 3);
        const cy = r.top + r.height / 2;
        const visible = cy > box.top + 4 && cy < box.bottom - 4;
        const pos = visible ? doc.caretPositionFromPoint(cx, cy) : null;
        out.push({ word, start, end: start + word.length, hit: pos && pos.offsetNode === el ? pos.offset : null, visible, lines: rects.length });
      }
      return out;
    });
  });
  const visible = result.filter((r) => r.visible);
  expect(visible.length).toBeGreaterThanOrEqual(3);
  for (const r of visible) {
    expect(r.hit, JSON.stringify(r)).not.toBeNull();
    expect(r.hit!, JSON.stringify(r)).toBeGreaterThanOrEqual(r.start);
    expect(r.hit!, JSON.stringify(r)).toBeLessThanOrEqual(r.start + 2);
  }
  await page.close();
});

test('textarea maxlength truncates the insertion: the bridge notices, undoes, and reports rejected', async () => {
  const page = await openEditor('textarea');
  const out = await page.evaluate(async () => {
    const w = window as any;
    const el = w.__fixture.editors[0].element as HTMLTextAreaElement;
    el.maxLength = el.value.length + 3;
    const before = el.value;
    const bridge = w.__attuneEditors.bridgeFor(el);
    const i = before.indexOf('calm down');
    const result = await bridge.replace(i, i + 9, 'calm down', 'I can hear how frustrating this has been');
    return { result, same: el.value === before };
  });
  expect(out.result).toEqual({ ok: false, reason: 'rejected' });
  expect(out.same).toBe(true);
  await page.close();
});

test('read() stays cheap on a 2,000-word draft (the content script re-reads on every change)', async () => {
  const page = await openEditor('prosemirror');
  const timing = await page.evaluate(async () => {
    const w = window as any;
    const para = 'I understand how frustrating it is when the export fails again, and I’ll check the logs with you 🙂 today.';
    w.__fixture.editors[0].setText(Array.from({ length: 110 }, (_, i) => (i % 7 === 3 ? `- ${para}` : para)).join('\n'));
    await new Promise((r) => setTimeout(r, 50));
    const bridge = w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element);
    const times: number[] = [];
    let words = 0;
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const snap = bridge.read();
      snap.rangeFor(snap.text.length - 40, snap.text.length - 30);
      times.push(performance.now() - t0);
      words = snap.text.split(/\s+/).length;
    }
    times.sort((a, b) => a - b);
    return { median: times[7], max: times[14], words };
  });
  console.log(`[editors-special] read() + rangeFor on ${timing.words} words (ProseMirror): median ${timing.median.toFixed(2)} ms, max ${timing.max.toFixed(2)} ms`);
  expect(timing.words).toBeGreaterThanOrEqual(2000);
  expect(timing.median).toBeLessThan(25);
  await page.close();
});

test('ckeditor4 safety-net undo works mid-replacement (its keydown still open) on a fresh editor', async () => {
  // Load the bridge module itself, to call the exact function replace.ts would call.
  const out = await build({
    entryPoints: [join(harnessConfig().root, 'lib/editors/ckeditor4.ts')], bundle: true, format: 'iife', globalName: '__ck4', write: false,
  });
  const page = await openEditor('ckeditor4');
  await page.addScriptTag({ content: out.outputFiles[0].text });
  // A fresh editor (no undo history yet) is the hard case: CKEditor 4 has nothing to undo until the typing run closes.
  const original = await state(page);
  // The state replace.ts is in when its check fails: keydown sent, text inserted, nothing closed yet.
  await page.evaluate(async () => {
    const w = window as unknown as PageWindow & { __ck4: { ckeditor4Undo(el: HTMLElement): void } };
    const el = w.__fixture.editors[0].element;
    const snap = w.__attuneEditors.bridgeFor(el)!.read();
    const i = snap.text.indexOf('calm down');
    const view = el.ownerDocument.defaultView!;
    el.dispatchEvent(new view.KeyboardEvent('keydown', { bubbles: true, cancelable: true }));
    el.focus();
    const sel = el.ownerDocument.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(snap.rangeFor(i, i + 9)!);
    await new Promise((ok) => setTimeout(ok, 60));
    el.ownerDocument.execCommand('insertText', false, 'a wrong edit');
    await new Promise((ok) => setTimeout(ok, 30));
    w.__ck4.ckeditor4Undo(el);
  });
  expect(await modelSettles(page, original.model)).toBe(original.model);
  await page.close();
});

// ---- Firefox ESR (puppeteer-core over WebDriver BiDi), when installed ----

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

describe.skipIf(!existsSync(FIREFOX))('in Firefox ESR', () => {
  let firefox: Awaited<ReturnType<typeof puppeteer.launch>>;
  beforeAll(async () => {
    firefox = await puppeteer.launch({
      browser: 'firefox', executablePath: FIREFOX, headless: true, acceptInsecureCerts: true,
      // Every hostname resolves to the local server, like Chromium's --host-resolver-rules.
      extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'network.dns.disablePrefetch': true },
    });
  });
  afterAll(async () => { await firefox?.close(); });

  test.each(firefoxPages('editors-special'))('%s: replace, one Ctrl+Z (also right after typing), and seeded random replacements with undos', async (kind) => {
    const ff = await firefox.newPage();
    const errors: string[] = [];
    ff.on('pageerror', (e) => errors.push(String(e)));
    await ff.goto(`https://helpdesk.attune.test:${harnessConfig().port}/editors/${kind}.html`);
    await ff.evaluate(() => (window as unknown as PageWindow).__fixture.ready);
    await ff.addScriptTag({ url: '/_fixtures/dist/attune-editors.js' });
    // The helpers above only use evaluate(fn, arg) and keyboard.press('Control+z'): adapt puppeteer's page to them.
    const page = {
      evaluate: (fn: (arg: unknown) => unknown, arg?: unknown) => ff.evaluate(fn, arg),
      keyboard: {
        press: async () => { await ff.keyboard.down('Control'); await ff.keyboard.press('z'); await ff.keyboard.up('Control'); },
      },
    } as unknown as Page;

    const original = await state(page);
    expect(original).toEqual({ model: original.bridge, bridge: original.bridge, kind });
    const start = original.bridge.indexOf('calm down');
    expect(await replace(page, start, start + 9, 'calm down', 'I hear you')).toEqual({ ok: true });
    expect((await state(page)).model).toBe(original.bridge.replace('calm down', 'I hear you'));
    await pressUndo(page);
    expect(await modelSettles(page, original.model)).toBe(original.model);

    // The agent types, applies a suggestion to what they just typed, then undoes: only the suggestion goes.
    await ff.evaluate(() => {
      const el = (window as unknown as PageWindow).__fixture.editors[0].element;
      (el.ownerDocument.defaultView?.frameElement as HTMLElement | null)?.focus(); // iframe editors: the frame first
      el.focus();
      // The caret at the end of the last text (an element-level caret after the last block types into a new block in Firefox).
      const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) last = n as Text;
      const range = el.ownerDocument.createRange();
      range.setStart(last!, last!.data.length);
      el.ownerDocument.getSelection()!.removeAllRanges();
      el.ownerDocument.getSelection()!.addRange(range);
    });
    await new Promise((ok) => setTimeout(ok, 50));
    await ff.keyboard.type(' calm down');
    await new Promise((ok) => setTimeout(ok, 100));
    const typed = await state(page);
    expect(typed.model).toBe(typed.bridge);
    expect(typed.model.slice(-20)).toBe('inconvenience. calm down'.slice(-20));
    const last = typed.bridge.lastIndexOf('calm down');
    expect(await replace(page, last, last + 9, 'calm down', 'thank you')).toEqual({ ok: true });
    expect((await state(page)).model).toBe(typed.model.slice(0, last) + 'thank you');
    await pressUndo(page);
    expect(await modelSettles(page, typed.model)).toBe(typed.model);

    const stats = emptyStats();
    await randomRun(page, kind, FIREFOX_OPS, 77 + OLD_SUITE_ORDER.indexOf(kind), false, stats);
    console.log(`[editors-special] firefox ${kind}: ${stats.applied} applied, ${stats.rejected.length} rejected, ${stats.undos} Ctrl+Z checked, ${stats.corrupted.length + stats.badUndos.length} corrupted`);
    expect(errors).toEqual([]);
    expect(stats.corrupted).toEqual([]);
    expect(stats.badUndos).toEqual([]);
    expect(stats.rejected).toEqual([]);
    await ff.close();
  });
});

noStrayRequests();
