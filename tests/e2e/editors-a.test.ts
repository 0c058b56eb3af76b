/**
 * Editor conformance for the execCommand family (textarea, contenteditable, ProseMirror, Tiptap, Quill,
 * Lexical, Draft.js). lib/editors is injected into each conformance page (`window.__attuneEditors`) and its
 * bridge is driven directly; the editor's OWN model (`__fixture.editors[0].getText()`) is the oracle.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchBrowser, openFixture, editorPageUrl, injectEditorsBundle, modelText, screenshot, pressUndo,
  typeLikeUser, requestLog, sinkRequests, assertNoStrayRequests, isolatedWorld, focusEditorEnd, extensionRequests, type LaunchedBrowser,
} from './harness';
import { randomDraft, randomReplacement, randomSpan, seededRandom } from './random-drafts';
import { familyOf, pagesOf } from './editor-fixtures';

const KINDS = pagesOf('editors-a');
/** Random applications per editor (each verified against the model; about half are undone with a real Ctrl+Z). */
const RANDOM_APPLIES = Number(process.env.ATTUNE_RANDOM_APPLIES ?? 200);

let browser: LaunchedBrowser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Browsers write NBSP for spaces that would otherwise collapse; the bridge reads it as a space. */
const norm = (s: string) => s.replace(/\u00a0/g, ' ');

/** Open a conformance page with the bridge bundle injected. */
async function openEditor(kind: string): Promise<Page> {
  const page = await openFixture(browser.context, editorPageUrl(kind));
  await injectEditorsBundle(page);
  return page;
}

interface ApplyOutcome {
  result: { ok: boolean; reason?: string };
  model: string;
  bridgeText: string;
  rangeText: string | null;
}

/** In the page: check the span's DOM range, apply through the bridge, and read back model + bridge text. */
function apply(page: Page, start: number, end: number, expected: string, replacement: string): Promise<ApplyOutcome> {
  return page.evaluate(async ({ start, end, expected, replacement }) => {
    const w = window as any;
    const fx = w.__fixture.editors[0];
    const bridge = w.__attuneEditors.bridgeFor(fx.element);
    const range = bridge.read().rangeFor(start, end);
    const rangeText = range ? range.toString() : null;
    const result = await bridge.replace(start, end, expected, replacement);
    return { result, model: fx.getText(), bridgeText: bridge.read().text, rangeText };
  }, { start, end, expected, replacement });
}

function bridgeText(page: Page): Promise<string> {
  return page.evaluate(() => { const w = window as any; return w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element).read().text as string; });
}

/** Replace the draft through the fixture's model API (not undoable) and let the editor render it. */
async function setDraft(page: Page, text: string): Promise<void> {
  await page.evaluate(async (t) => {
    const w = window as any;
    w.__fixture.editors[0].setText(t);
    await new Promise((r) => setTimeout(r, 20));
  }, text);
}

/**
 * Wait until the model shows `want` and the DOM has caught up with it (editors apply undo asynchronously;
 * React editors commit the DOM after the model), then return the model text.
 */
async function waitForModel(page: Page, want: string, ms = 1000): Promise<string> {
  const deadline = Date.now() + ms;
  const read = async () => ({ model: norm(await modelText(page)), dom: await bridgeText(page) });
  let got = await read();
  while ((got.model !== want || got.dom !== want) && Date.now() < deadline) {
    await page.waitForTimeout(15);
    got = await read();
  }
  return got.model;
}

describe.each(KINDS)('%s bridge', (kind) => {
  let page: Page;
  beforeAll(async () => { page = await openEditor(kind); });
  afterAll(async () => { await page?.close(); });

  test('read() text equals the model text; rangeFor maps spans back to the same DOM text', async () => {
    const got = await page.evaluate(() => {
      const w = window as any;
      const bridge = w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element);
      const snap = bridge.read();
      const spans = ['calm down', 'as I already said', 'That’s our policy', 'nothing I can do', '🙂', 'Reports'].map((s) => {
        const i = snap.text.indexOf(s);
        const r = i >= 0 ? snap.rangeFor(i, i + s.length) : null;
        return { s, found: i >= 0, range: r ? r.toString() : null };
      });
      return { kind: bridge?.kind, text: snap.text, spans };
    });
    expect(got.kind).toBe(familyOf(kind));
    expect(got.text).toBe(norm(await modelText(page)));
    for (const s of got.spans) {
      expect(s.found, s.s).toBe(true);
      // Textareas have no DOM text: rangeFor is null and the bridge's rects() measures with a mirror.
      expect(s.range, s.s).toBe(kind === 'textarea' ? null : s.s);
    }
  });

  test('replace → model holds exactly the new text; one real Ctrl+Z restores the original', async () => {
    const before = norm(await modelText(page));
    const phrase = 'Please calm down';
    const start = before.indexOf(phrase);
    const replacement = 'I can hear how frustrating this has been';
    const out = await apply(page, start, start + phrase.length, phrase, replacement);
    expect(out.result).toEqual({ ok: true });
    const want = before.slice(0, start) + replacement + before.slice(start + phrase.length);
    expect(norm(out.model)).toBe(want);
    expect(out.bridgeText).toBe(want);
    await screenshot(page, `editors-a-${kind}-applied`);
    await pressUndo(page);
    expect(await waitForModel(page, before)).toBe(before);
  });

  test('typing after apply continues right after the replacement', async () => {
    const before = norm(await modelText(page));
    const phrase = 'That’s our policy';
    const start = before.indexOf(phrase);
    const replacement = 'Here is what I can do';
    const out = await apply(page, start, start + phrase.length, phrase, replacement);
    expect(out.result).toEqual({ ok: true });
    await typeLikeUser(page, ' now');
    const want = before.slice(0, start) + replacement + ' now' + before.slice(start + phrase.length);
    expect(await waitForModel(page, want)).toBe(want);
    expect(await bridgeText(page)).toBe(want);
    await screenshot(page, `editors-a-${kind}`);
  });

  test('stale offsets are refused and nothing changes', async () => {
    const before = norm(await modelText(page));
    const i = before.indexOf('inconvenience');
    const wrongText = await apply(page, i, i + 13, 'inconvenienc3', 'trouble');
    expect(wrongText.result).toEqual({ ok: false, reason: 'stale' });
    const shifted = await apply(page, i + 1, i + 14, 'inconvenience', 'trouble');
    expect(shifted.result).toEqual({ ok: false, reason: 'stale' });
    const outOfRange = await apply(page, before.length - 2, before.length + 5, before.slice(-2), 'x');
    expect(outOfRange.result).toEqual({ ok: false, reason: 'stale' });
    expect(norm(await modelText(page))).toBe(before);
  });

  test('a draft typed with real keys (Enter, Shift+Enter, emoji) reads exactly like the model, and applies cleanly', async () => {
    await setDraft(page, '');
    await page.evaluate(() => {
      const el = (window as any).__fixture.editors[0].element as HTMLElement;
      el.focus();
    });
    await page.waitForTimeout(30);
    await typeLikeUser(page, 'Hi Sam,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await typeLikeUser(page, 'Please calm down 🙂 I know');
    await page.keyboard.press('Shift+Enter');
    await typeLikeUser(page, 'as I already said, that’s our “policy”.');
    await page.keyboard.press('Enter');
    await typeLikeUser(page, 'Thanks, Jo');
    await page.waitForTimeout(50);
    const text = norm(await modelText(page));
    expect(text).toContain('as I already said');
    expect(await bridgeText(page)).toBe(text);
    // Applied right after the typing: Quill merges edits made within 1 s into one undo step, so the bridge waits
    // out that merge window itself (lib/editors/merge-window.ts) and one Ctrl+Z still undoes the apply alone.
    const i = text.indexOf('calm down');
    const out = await apply(page, i, i + 9, 'calm down', 'I’m sorry');
    expect(out.result).toEqual({ ok: true });
    expect(norm(out.model)).toBe(text.slice(0, i) + 'I’m sorry' + text.slice(i + 9));
    await pressUndo(page);
    expect(await waitForModel(page, text)).toBe(text);
  });

  test('the recovery undo (what replace() does after a wrong result) undoes one apply, in the page and in an isolated world', async () => {
    const draft = 'We apologize for any inconvenience.\nThanks, Jo';
    const world = await isolatedWorld(page);
    for (const where of ['page', 'isolated'] as const) {
      await setDraft(page, draft);
      const text = norm(await modelText(page));
      const i = text.indexOf('inconvenience');
      expect((await apply(page, i, i + 13, 'inconvenience', 'trouble')).result.ok).toBe(true);
      await page.waitForTimeout(30);
      const run = () => {
        const host = document.querySelector('[data-editor]') as HTMLElement;
        const el = host.matches('textarea, [contenteditable="true"]') ? host : host.querySelector<HTMLElement>('[contenteditable="true"]')!;
        (globalThis as any).__attuneEditors.bridgeFor(el).undo();
      };
      if (where === 'page') await page.evaluate(run);
      else await world.evaluate(run);
      expect(await waitForModel(page, text), `${kind} recovery undo from the ${where} world`).toBe(text);
    }
  });

  test('onChange fires for typing, apply and undo', async () => {
    await setDraft(page, 'We apologize for any inconvenience.\nThanks, Jo');
    await page.evaluate(() => {
      const w = window as any;
      w.__changes = 0;
      w.__stopChanges = w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element).onChange(() => { w.__changes++; });
    });
    const changes = () => page.evaluate(() => (window as any).__changes as number);
    /** Poll until the count passes `previous` (listeners are called from a timer), or give up after 1 s. */
    const moreThan = async (previous: number) => {
      const deadline = Date.now() + 1000;
      let n = await changes();
      while (n <= previous && Date.now() < deadline) { await page.waitForTimeout(15); n = await changes(); }
      return n;
    };
    await focusEditorEnd(page);
    await typeLikeUser(page, 'x');
    const afterTyping = await moreThan(0);
    expect(afterTyping).toBeGreaterThan(0);
    const text = norm(await modelText(page));
    const i = text.indexOf('inconvenience');
    expect((await apply(page, i, i + 13, 'inconvenience', 'trouble')).result.ok).toBe(true);
    const afterApply = await moreThan(afterTyping);
    expect(afterApply).toBeGreaterThan(afterTyping);
    await pressUndo(page);
    expect(await moreThan(afterApply)).toBeGreaterThan(afterApply);
    // Unsubscribed: no more calls, even once the typing has been rendered.
    await page.waitForTimeout(50);
    await page.evaluate(() => (window as any).__stopChanges());
    const stopped = await changes();
    await typeLikeUser(page, 'y');
    await waitForModel(page, norm(await modelText(page)));
    await page.waitForTimeout(100);
    expect(await changes()).toBe(stopped);
  });

  test('from an isolated world (as the content script runs it): applies land in the model and undo works', async () => {
    const world = await isolatedWorld(page);
    const rand = seededRandom(0x150 + kind.length);
    await setDraft(page, randomDraft(rand));
    let text = norm(await modelText(page));
    for (let step = 0; step < 12; step++) {
      const span = randomSpan(rand, text)!;
      const expected = text.slice(span.start, span.end);
      const replacement = randomReplacement(rand);
      const want = text.slice(0, span.start) + replacement + text.slice(span.end);
      const out = await world.evaluate(async (a) => {
        // Only the DOM is shared with the page: find the editor the way a content script would.
        const host = document.querySelector('[data-editor]') as HTMLElement;
        const el = host.matches('textarea, [contenteditable="true"]') ? host : host.querySelector<HTMLElement>('[contenteditable="true"]')!;
        const bridge = (globalThis as any).__attuneEditors.bridgeFor(el);
        const pageGlobalsVisible = typeof (window as any).__fixture !== 'undefined';
        const result = await bridge.replace(a.start, a.end, a.expected, a.replacement);
        return { result, bridgeText: bridge.read().text as string, pageGlobalsVisible };
      }, { start: span.start, end: span.end, expected, replacement });
      const context = `${kind} isolated step ${step}: ${JSON.stringify(expected)} → ${JSON.stringify(replacement)} in ${JSON.stringify(text)}`;
      expect(out.pageGlobalsVisible, 'the world must be isolated from page globals').toBe(false);
      expect(out.result, context).toEqual({ ok: true });
      expect(out.bridgeText, context).toBe(want);
      expect(await waitForModel(page, want), context).toBe(want);
      // Undo pairs first, kept applies after: the history stays short, and only kept applies come quickly after
      // an edit, where the bridge waits out the editor's merge window (Quill 1 s, ProseMirror 0.5 s).
      if (step < 6) {
        await pressUndo(page);
        expect(await waitForModel(page, text), `undo after ${context}`).toBe(text);
      } else text = want;
    }
  });

  // Longer than the default 120 s: in a chain of kept applies each one waits out the editor's merge window
  // (Quill: about 1 s), so Quill's 200 applies take longer (the test's own timeout below).
  test(`seeded random run: ${RANDOM_APPLIES} applications (emoji, line breaks, bullets, curly quotes), zero corrupted drafts`, async () => {
    const rand = seededRandom(0xa77e + kind.length * 7919 + kind.charCodeAt(0));
    let applied = 0, undone = 0, drafts = 0;
    while (applied < RANDOM_APPLIES) {
      const draft = randomDraft(rand);
      await setDraft(page, draft);
      drafts++;
      let text = norm(await modelText(page));
      expect(await bridgeText(page)).toBe(text);
      // A few apply+undo pairs (history returns to empty each time), then a chain of kept applies.
      const pairs = 3 + Math.floor(rand() * 4);
      const kept = 2 + Math.floor(rand() * 3);
      for (let step = 0; step < pairs + kept && applied < RANDOM_APPLIES; step++) {
        const span = randomSpan(rand, text);
        if (!span) break;
        const expected = text.slice(span.start, span.end);
        const replacement = randomReplacement(rand);
        const want = text.slice(0, span.start) + replacement + text.slice(span.end);
        const out = await apply(page, span.start, span.end, expected, replacement);
        const context = `${kind} draft ${drafts} step ${step}: [${span.start},${span.end}) ${JSON.stringify(expected)} → ${JSON.stringify(replacement)}\nin ${JSON.stringify(text)}`;
        if (kind !== 'textarea') expect(out.rangeText && norm(out.rangeText), context).toBe(expected);
        expect(out.result, context).toEqual({ ok: true });
        expect(norm(out.model), context).toBe(want);
        expect(out.bridgeText, context).toBe(want);
        applied++;
        if (step < pairs) {
          await pressUndo(page);
          expect(await waitForModel(page, text), `undo after ${context}`).toBe(text);
          expect(await bridgeText(page), `bridge after undo, ${context}`).toBe(text);
          undone++;
        } else text = want;
      }
    }
    console.log(`[editors-a] ${kind}: ${applied} random applications over ${drafts} drafts, ${undone} undone with Ctrl+Z, 0 corrupted`);
  }, 300_000);
});

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
  console.log(`[editors-a] read() + rangeFor on ${timing.words} words (ProseMirror): median ${timing.median.toFixed(2)} ms, max ${timing.max.toFixed(2)} ms`);
  expect(timing.words).toBeGreaterThanOrEqual(2000);
  expect(timing.median).toBeLessThan(25);
  await page.close();
});

test('no request left the machine: nothing reached the sink, every fixture request was served', async () => {
  const log = await requestLog();
  expect(log.filter((r) => r.kind === 'fixture').length).toBeGreaterThan(0);
  expect(sinkRequests(log)).toEqual([]);
  expect(extensionRequests(log)).toEqual([]);
  await assertNoStrayRequests();
});
