/**
 * The shared e2e editor contract: `editorContract(page)` registers every bridge check for one fixture page
 * (tests/e2e/editor-fixtures.ts), in real Chromium with the built extension loaded. lib/editors is injected
 * into the page (`window.__attuneEditors`) and its bridge driven directly; the editor's OWN model
 * (`__fixture.editors[0].getText()`) is the oracle. What differs per page (its family, how an isolated world
 * finds the editable, its declared undo, the checks it skips and why) is data in EDITOR_FIXTURES, not branches
 * here. One browser per test file (launching one costs more than a fast family's checks): the first call
 * registers it for the whole file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  assertNoStrayRequests, clearRequestLog, editorPageUrl, extensionRequests, focusEditorEnd, injectEditorsBundle, isolatedWorld, launchBrowser,
  modelText, pressUndo, requestLog, screenshot, sinkRequests, typeLikeUser, waitForFixture, type LaunchedBrowser,
} from './harness';
import { randomDraft, randomReplacement, randomSpan, seededRandom } from './random-drafts';
import { fixtureOf, type ContractCheck } from './editor-fixtures';
import {
  caretAfter, emptyStats, inIsolatedWorld, modelOf, modelSettles, normalise as norm, randomRun, rangeMismatches, replace, state, type PageWindow,
} from './editor-bridge-helpers';

/** Random applications per page on generated multi-sentence drafts (each verified; about half undone with a real Ctrl+Z). */
const RANDOM_APPLIES = Number(process.env.ATTUNE_RANDOM_APPLIES ?? 100);
/** Random replacements per page on the page's own draft and on word drafts (half each; about 40 % undone). */
const RANDOM_OPS = Number(process.env.ATTUNE_EDITOR_OPS ?? 100);

let sharedBrowser: (() => LaunchedBrowser) | undefined;
/** One browser for the file, registered by the first editorContract call (at the file's top level). */
function fileBrowser(): () => LaunchedBrowser {
  if (sharedBrowser) return sharedBrowser;
  let b: LaunchedBrowser | undefined;
  beforeAll(async () => {
    await clearRequestLog(); // noStrayRequests() checks this file's requests only
    b = await launchBrowser();
  });
  afterAll(async () => { await b?.close(); });
  return (sharedBrowser = () => b!);
}

/** A stable seed from a page name (not its position in the list, so adding a page changes no other page's run). */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % 100_000;
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

/** Register the full contract for one fixture page (a `describe` of its own). */
export function editorContract(pageName: string): void {
  const fixture = fixtureOf(pageName);
  const kind = pageName;
  const browser = fileBrowser();
  /** Uncaught page errors on any of this page's tabs (an editor throwing during an edit fails even if the text looks right). */
  const pageErrors: string[] = [];

  async function open(withBundle = true): Promise<Page> {
    const page = await browser().context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(editorPageUrl(kind));
    await waitForFixture(page);
    if (withBundle) await injectEditorsBundle(page);
    return page;
  }

  /** A check, or its skip with the page's reason in the title (EDITOR_FIXTURES `skip`). */
  const check = (name: ContractCheck, title: string, fn: () => Promise<void>, timeout?: number) => {
    const reason = fixture.skip?.[name];
    if (reason) test.skip(`[${name}] ${title} (skipped: ${reason})`, fn);
    else test(`[${name}] ${title}`, fn, timeout);
  };

  describe(`${kind} bridge (${fixture.family} family)`, () => {
    // One page for the checks that run in sequence on the same editor; the rest open their own.
    let page: Page;
    beforeAll(async () => { page = await open(); });
    afterAll(async () => { await page?.close(); });

    check('read', 'read() text equals the model text; rangeFor maps spans (and every word) back to the same DOM text', async () => {
      const got = await page.evaluate(() => {
        const w = window as any;
        const bridge = w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element);
        const snap = bridge.read();
        // The quoted word of the page's bullet item (“Reports”, “Billing”) stands for markup inside a list.
        const quoted = /“(\w+)”/.exec(snap.text)?.[1] ?? '“…” missing';
        const spans = ['calm down', 'as I already said', 'That’s our policy', 'nothing I can do', '🙂', quoted].map((s) => {
          const i = snap.text.indexOf(s);
          const r = i >= 0 ? snap.rangeFor(i, i + s.length) : null;
          return { s, found: i >= 0, range: r ? r.toString() : null };
        });
        return { kind: bridge?.kind, text: snap.text, spans };
      });
      expect(got.kind).toBe(fixture.family);
      expect(got.text).toBe(norm(await modelText(page)));
      for (const s of got.spans) {
        expect(s.found, s.s).toBe(true);
        expect(s.range, s.s).toBe(fixture.noDomRanges ? null : s.s);
      }
      if (!fixture.noDomRanges) expect(await rangeMismatches(page)).toEqual([]);
    });

    check('replace', 'replace → model holds exactly the new text; one real Ctrl+Z restores the original', async () => {
      const before = norm(await modelText(page));
      const phrase = 'Please calm down';
      const start = before.indexOf(phrase);
      const replacement = 'I can hear how frustrating this has been';
      if (fixture.keepsCaret) await caretAfter(page, phrase);
      const out = await apply(page, start, start + phrase.length, phrase, replacement);
      expect(out.result).toEqual({ ok: true });
      const want = before.slice(0, start) + replacement + before.slice(start + phrase.length);
      expect(norm(out.model)).toBe(want);
      expect(out.bridgeText).toBe(want);
      await screenshot(page, `editor-contract-${kind}-applied`);
      await pressUndo(page);
      expect(await waitForModel(page, before)).toBe(before);
    });

    check('typing', 'typing after apply continues right after the replacement', async () => {
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
      await screenshot(page, `editor-contract-${kind}`);
    });

    check('stale', 'stale offsets are refused and nothing changes', async () => {
      const before = norm(await modelText(page));
      const i = before.indexOf('inconvenience');
      expect(i).toBeGreaterThanOrEqual(0);
      const wrongText = await apply(page, i, i + 13, 'inconvenienc3', 'trouble');
      expect(wrongText.result).toEqual({ ok: false, reason: 'stale' });
      const shifted = await apply(page, i + 1, i + 14, 'inconvenience', 'trouble');
      expect(shifted.result).toEqual({ ok: false, reason: 'stale' });
      const outOfRange = await apply(page, before.length - 2, before.length + 5, before.slice(-2), 'x');
      expect(outOfRange.result).toEqual({ ok: false, reason: 'stale' });
      expect(norm(await modelText(page))).toBe(before);
    });

    check('typed-keys', 'a draft typed with real keys (Enter, Shift+Enter, emoji) reads exactly like the model, and applies cleanly', async () => {
      await setDraft(page, '');
      await page.evaluate(() => {
        const el = (window as any).__fixture.editors[0].element as HTMLElement;
        (el.ownerDocument.defaultView?.frameElement as HTMLElement | null)?.focus(); // iframe editors: the frame first
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

    check('recovery-undo', 'the recovery undo (what replace() does after a wrong result) undoes one apply, in the page and in an isolated world', async () => {
      const draft = 'We apologize for any inconvenience.\nThanks, Jo';
      const world = await isolatedWorld(page);
      for (const where of ['page', 'isolated'] as const) {
        await setDraft(page, draft);
        const text = norm(await modelText(page));
        const i = text.indexOf('inconvenience');
        expect((await apply(page, i, i + 13, 'inconvenience', 'trouble')).result.ok).toBe(true);
        await page.waitForTimeout(30);
        const run = (editable: string) => {
          const el = (0, eval)(editable) as HTMLElement; // the page's DOM lookup (EDITOR_FIXTURES `editable`)
          (globalThis as any).__attuneEditors.bridgeFor(el).undo();
        };
        if (where === 'page') await page.evaluate(run, fixture.editable);
        else await world.evaluate(run, fixture.editable);
        expect(await waitForModel(page, text), `${kind} recovery undo from the ${where} world`).toBe(text);
      }
    });

    check('on-change', 'onChange fires for typing, apply and undo', async () => {
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

    check('isolated-steps', 'from an isolated world (as the content script runs it): 12 seeded applies land in the model and undo works', async () => {
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
          const el = (0, eval)(a.editable) as HTMLElement;
          const bridge = (globalThis as any).__attuneEditors.bridgeFor(el);
          const pageGlobalsVisible = typeof (window as any).__fixture !== 'undefined';
          const result = await bridge.replace(a.start, a.end, a.expected, a.replacement);
          return { result, bridgeText: bridge.read().text as string, pageGlobalsVisible };
        }, { start: span.start, end: span.end, expected, replacement, editable: fixture.editable });
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

    check('apply-cycle', 'on a fresh page: reads the model, replaces a span, keeps typing, undoes with one Ctrl+Z, refuses stale offsets', async () => {
      const fresh = await open();
      const original = await state(fresh);
      expect(original.kind).toBe(fixture.family);
      expect(original.bridge).toBe(original.model);
      expect(original.model).toContain('calm down');

      // Replace "calm down": the model holds exactly the new text, the DOM read agrees.
      const start = original.bridge.indexOf('calm down');
      const end = start + 'calm down'.length;
      const want = original.model.slice(0, start) + 'take all the time you need' + original.model.slice(end);
      expect(await replace(fresh, start, end, 'calm down', 'take all the time you need')).toEqual({ ok: true });
      expect(await state(fresh)).toEqual({ model: want, bridge: want, kind: fixture.family });

      // One real Ctrl+Z restores the original draft exactly.
      await pressUndo(fresh);
      expect(await modelSettles(fresh, original.model)).toBe(original.model);
      expect((await state(fresh)).bridge).toBe(original.model);

      // Apply again and keep typing: the caret sits right after the replacement (`keepsCaret`: see EDITOR_FIXTURES).
      if (fixture.keepsCaret) await caretAfter(fresh, 'calm down');
      expect(await replace(fresh, start, end, 'calm down', 'I hear you')).toEqual({ ok: true });
      const keys = fixture.oneKeyTyping ? ',' : ', truly';
      await fresh.keyboard.type(keys);
      const typed = original.model.slice(0, start) + 'I hear you' + keys + original.model.slice(end);
      expect(await modelSettles(fresh, typed)).toBe(typed);

      // Stale offsets (the text moved, or the caller's idea of it is wrong) are refused and change nothing.
      expect(await replace(fresh, start, end, 'calm down', 'x')).toEqual({ ok: false, reason: 'stale' });
      const moved = await state(fresh);
      expect(await replace(fresh, 0, 2, 'Zz', 'x')).toEqual({ ok: false, reason: 'stale' });
      expect(await replace(fresh, moved.bridge.length, moved.bridge.length + 4, 'oops', 'x')).toEqual({ ok: false, reason: 'stale' });
      expect(await state(fresh)).toEqual(moved);
      await screenshot(fresh, `editor-contract-${kind}-cycle`);
      await fresh.close();
    });

    check('editor-chrome', 'chrome the editor adds while the agent types (caret spans, fillers, trailing <br>s) is not read as text', async () => {
      const fresh = await open();
      await focusEditorEnd(fresh);
      await fresh.keyboard.type(' Thanks');
      await fresh.keyboard.press('Shift+Enter');
      await fresh.keyboard.type('Sam');
      await fresh.keyboard.press('Enter');
      await fresh.keyboard.press('Enter');
      await fresh.keyboard.press('Control+b');
      await fresh.keyboard.type('PS');
      await fresh.keyboard.press('Control+b');
      await fresh.keyboard.type(' calm down');
      await fresh.waitForTimeout(100);
      const typed = await state(fresh);
      expect(typed.bridge).toBe(typed.model);
      // (How many line breaks two Enters make is the editor's business: Trix sometimes makes three.)
      expect(typed.model).toMatch(/Thanks\nSam\n+PS calm down$/);
      if (!fixture.noDomRanges) expect(await rangeMismatches(fresh)).toEqual([]);
      const at = typed.bridge.lastIndexOf('calm down');
      expect(await replace(fresh, at, at + 9, 'calm down', 'thank you for waiting')).toEqual({ ok: true });
      const want = typed.model.slice(0, at) + 'thank you for waiting';
      expect(await state(fresh)).toEqual({ model: want, bridge: want, kind: fixture.family });
      await pressUndo(fresh);
      expect(await modelSettles(fresh, typed.model)).toBe(typed.model);
      await fresh.close();
    });

    check('isolated-apply', 'from a fresh isolated world: replaces, deletes, and one Ctrl+Z undoes each; the page cannot see the bridge', async () => {
      const fresh = await open(false);
      const original = await modelOf(fresh);
      const first = await inIsolatedWorld(fresh, fixture.editable, `
        const text = bridge.read().text;
        const at = text.indexOf('calm down');
        return { kind: bridge.kind, text, result: await bridge.replace(at, at + 9, 'calm down', 'I hear you') };`) as { kind: string; text: string; result: unknown };
      expect(first.kind).toBe(fixture.family);
      expect(first.text).toBe(original);
      expect(first.result).toEqual({ ok: true });
      const replaced = original.replace('calm down', 'I hear you');
      expect(await modelOf(fresh)).toBe(replaced);
      expect(await fresh.evaluate(() => 'attuneEditors' in window || '__attuneEditors' in window)).toBe(false);
      await pressUndo(fresh);
      expect(await modelSettles(fresh, original)).toBe(original);

      const second = await inIsolatedWorld(fresh, fixture.editable, `
        const text = bridge.read().text;
        const at = text.indexOf('already ');
        return bridge.replace(at, at + 8, 'already ', '');`);
      expect(second).toEqual({ ok: true });
      expect(await modelOf(fresh)).toBe(original.replace('already ', ''));
      await pressUndo(fresh);
      expect(await modelSettles(fresh, original)).toBe(original);
      await fresh.close();
    });

    // The undo each bridge declares for its safety net (replace.ts undoes once when an edit lands wrongly): it must
    // really undo one step, or a wrong edit would stay. Same events as replace.ts's undoOnce.
    check('declared-undo', `the declared safety-net undo (${fixture.declaredUndo}) reverts exactly one replacement`, async () => {
      const fresh = await open();
      const original = await state(fresh);
      const at = original.bridge.indexOf('calm down');
      expect(await replace(fresh, at, at + 9, 'calm down', 'I hear you')).toEqual({ ok: true });
      const once = original.bridge.replace('calm down', 'I hear you');
      const at2 = once.indexOf('policy');
      expect(await replace(fresh, at2, at2 + 6, 'policy', 'usual way')).toEqual({ ok: true });
      await fresh.evaluate((technique) => {
        const el = (window as unknown as PageWindow).__fixture.editors[0].element;
        const doc = el.ownerDocument;
        const view = doc.defaultView!;
        if (technique === 'execCommand') { doc.execCommand('undo'); return; }
        if (technique === 'beforeinput') {
          el.dispatchEvent(new view.InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true, composed: true }));
          return;
        }
        const init = { key: 'z', code: 'KeyZ', keyCode: 90, which: 90, ctrlKey: true, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
        const target = (doc.activeElement as HTMLElement | null) ?? el;
        target.dispatchEvent(new view.KeyboardEvent('keydown', init));
        target.dispatchEvent(new view.KeyboardEvent('keyup', init));
      }, fixture.declaredUndo);
      expect(await modelSettles(fresh, once)).toBe(once);
      await fresh.close();
    });

    // Every technique here is measured to land: a decline (rejected) would mean the agent has to copy by hand.
    check('random-page-drafts', `seeded random replacements with Ctrl+Z undos (${RANDOM_OPS}: the page's own draft, then word drafts) never corrupt the draft`, async () => {
      // About 40 % undone with a real Ctrl+Z; the page's own draft has a bullet list, emoji and curly quotes.
      const stats = emptyStats();
      const seed = fixture.pageDraftSeed ?? seedOf(kind);
      let fresh = await open();
      await randomRun(fresh, kind, Math.ceil(RANDOM_OPS / 2), seed, false, stats);
      await fresh.close();
      fresh = await open();
      await randomRun(fresh, kind, Math.floor(RANDOM_OPS / 2), seed + 1, true, stats);
      await screenshot(fresh, `editor-contract-${kind}-random`);
      await fresh.close();
      console.log(`[editor-contract] ${kind} page/word drafts: ${stats.applied} applied, ${stats.rejected.length} rejected, ${stats.undos} Ctrl+Z checked, ${stats.corrupted.length + stats.badUndos.length} corrupted`);
      expect(stats.corrupted).toEqual([]);
      expect(stats.badUndos).toEqual([]);
      expect(stats.rejected).toEqual([]);
      expect(stats.applied).toBeGreaterThanOrEqual(RANDOM_OPS * 0.9);
    }, 300_000);

    // Longer than the default 120 s: in a chain of kept applies each one waits out the editor's merge window
    // (Quill: about 1 s). Last, so its page-error check covers every tab this page opened.
    check('random', `seeded random run: ${RANDOM_APPLIES} applications on generated replies (emoji, line breaks, bullets, curly quotes), zero corrupted drafts`, async () => {
      // Generated replies (sentences, bullets) on the shared page: a few apply+undo pairs (history back to where it
      // was each time), then a chain of kept applies; every apply's DOM range, model and read are exact.
      const rand = seededRandom(0xa77e + kind.length * 7919 + kind.charCodeAt(0));
      let applied = 0, undone = 0, drafts = 0;
      while (applied < RANDOM_APPLIES) {
        await setDraft(page, randomDraft(rand));
        drafts++;
        let text = norm(await modelText(page));
        expect(await bridgeText(page)).toBe(text);
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
          if (!fixture.noDomRanges) expect(out.rangeText && norm(out.rangeText), context).toBe(expected);
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
      console.log(`[editor-contract] ${kind} generated replies: ${applied} applied over ${drafts} drafts, ${undone} undone with Ctrl+Z, 0 corrupted`);
      expect(pageErrors).toEqual([]);
    }, 300_000);
  });
}

/** The file's last test: no request left the machine while the contract ran (register after every editorContract). */
export function noStrayRequests(): void {
  test('no request left the machine: nothing reached the sink, the extension fetched nothing, every fixture request was served', async () => {
    const log = await requestLog();
    expect(log.filter((r) => r.kind === 'fixture').length).toBeGreaterThan(0);
    expect(sinkRequests(log)).toEqual([]);
    expect(extensionRequests(log)).toEqual([]);
    await assertNoStrayRequests();
  });
}
