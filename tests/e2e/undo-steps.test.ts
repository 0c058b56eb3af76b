/**
 * One Apply = one undo step, even when applies come quickly: editors merge edits made close together into one
 * undo step (prosemirror-history within 500 ms of an adjacent edit, Quill within 1 s), so without the merge
 * window (lib/editors/merge-window.ts) two applies 50 ms apart, or an apply right after typing, were undone by
 * a single Ctrl+Z. Real editors (tests/fixtures/editors), driven through lib/editors' bridgeFor; each editor's
 * own model (`__fixture.editors[0].getText()`) is the oracle.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openFixture, editorPageUrl, injectEditorsBundle, modelText, pressUndo, typeLikeUser, type LaunchedBrowser } from './harness';

/**
 * The pages checked: the families with a time-based merge (ProseMirror, Tiptap, Quill) and those whose history
 * groups by other rules (their window is 0: the test shows an apply still is its own step there).
 * slate047: Slate 0.47's History saves every selection change as an undo step, so an apply that selected the span
 * first left a selection-only step under its own (two applies took three Ctrl+Z); the bridge now passes the span as
 * the beforeinput's target range only (lib/editors/slate.ts).
 */
const PAGES = ['prosemirror', 'tiptap', 'quill', 'lexical', 'draftjs', 'slate', 'ckeditor5', 'textarea', 'contenteditable', 'tinymce', 'ckeditor4', 'trix', 'slate047'];

/**
 * The spans touch, and no replacement shares a first or last character with the text it replaces (ProseMirror
 * reads an execCommand edit back as a minimal diff), so prosemirror-history's adjacency rule holds and only
 * the time decides whether the two steps merge.
 */
const DRAFT = 'Please calm down, as I already said, that is our policy.';
const FIRST = { find: 'calm down', replacement: 'bear with me' };
const SECOND = { find: ', as I already said', replacement: '; to recap' };

const norm = (s: string) => s.replace(/\u00a0/g, ' ');

let browser: LaunchedBrowser;
beforeAll(async () => { browser = await launchBrowser({ extension: false }); });
afterAll(async () => { await browser?.close(); });

function apply(page: Page, start: number, end: number, expected: string, replacement: string): Promise<{ ok: boolean; reason?: string }> {
  return page.evaluate(async ([s, e, x, r]) => {
    const w = window as any;
    return w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element).replace(s, e, x, r);
  }, [start, end, expected, replacement] as const);
}

/** Poll the model until it equals `want` (undo may land a tick later); returns the last model text. */
async function modelSettles(page: Page, want: string, ms = 800): Promise<string> {
  const deadline = Date.now() + ms;
  let model = norm(await modelText(page));
  while (model !== want && Date.now() < deadline) {
    await page.waitForTimeout(20);
    model = norm(await modelText(page));
  }
  return model;
}

/** Sets the fixture editor's whole text through its own API and waits until its model holds it. */
async function setDraft(page: Page, text: string): Promise<void> {
  await page.evaluate(async (t) => {
    (window as any).__fixture.editors[0].setText(t);
    await new Promise((r) => setTimeout(r, 30));
  }, text);
  expect(await modelSettles(page, text)).toBe(text);
}

/** Replace text[find] of the model by `replacement` through the bridge; returns the draft wanted afterwards. */
async function applyFound(page: Page, find: string, replacement: string): Promise<string> {
  const text = norm(await modelText(page));
  const i = text.indexOf(find);
  expect(i, `${JSON.stringify(find)} in ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(0);
  expect(await apply(page, i, i + find.length, find, replacement)).toEqual({ ok: true });
  const want = text.slice(0, i) + replacement + text.slice(i + find.length);
  expect(await modelSettles(page, want)).toBe(want);
  return want;
}

/**
 * Focus the editor with the caret after its last text character (not after the last block, where Lexical
 * would start a new paragraph for the typing), and give the editor a moment to read the selection.
 */
async function caretAtTextEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const el = (window as any).__fixture.editors[0].element as HTMLElement;
    const doc = el.ownerDocument; // the iframe's own document for TinyMCE and CKEditor 4
    (doc.defaultView?.frameElement as HTMLElement | null)?.focus();
    el.focus();
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
    let last: Node | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
    const place = () => {
      const range = doc.createRange();
      if (last) range.setStart(last, last.textContent!.length); else range.selectNodeContents(el);
      range.collapse(!!last);
      doc.getSelection()!.removeAllRanges();
      doc.getSelection()!.addRange(range);
    };
    place();
    await new Promise((r) => setTimeout(r, 30));
    // Slate 0.47 re-renders after the focus and puts the DOM caret back where its model had it (the start of a
    // fresh value); its selectionchange handler is throttled to 100 ms. Place the caret again, and wait that out.
    const sel = doc.getSelection()!;
    if (last && (sel.focusNode !== last || sel.focusOffset !== last.textContent!.length)) {
      place();
      await new Promise((r) => setTimeout(r, 150));
    }
  });
}

describe.each(PAGES)('%s: quick applies are separate undo steps', (kind) => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(browser.context, editorPageUrl(kind));
    await injectEditorsBundle(page);
  });
  afterAll(async () => { await page?.close(); });

  /** A fresh page's draft, through the fixture's model API (kept out of the undo history). */
  async function freshDraft(text: string): Promise<string> {
    await page.evaluate(async (t) => {
      (window as any).__fixture.editors[0].setText(t);
      await new Promise((r) => setTimeout(r, 30));
    }, text);
    return norm(await modelText(page));
  }

  test('two applies 50 ms apart: one Ctrl+Z undoes only the second, the next one the first', async () => {
    const original = await freshDraft(DRAFT);
    expect(original).toBe(DRAFT);
    const afterFirst = await applyFound(page, FIRST.find, FIRST.replacement);
    await page.waitForTimeout(50);
    const t0 = Date.now();
    const afterSecond = await applyFound(page, SECOND.find, SECOND.replacement);
    expect(afterSecond).toBe('Please bear with me; to recap, that is our policy.');
    console.log(`[undo-steps] ${kind}: second apply took ${Date.now() - t0} ms`);
    await pressUndo(page);
    expect(await modelSettles(page, afterFirst), 'one Ctrl+Z: the draft after the first apply').toBe(afterFirst);
    await pressUndo(page);
    expect(await modelSettles(page, original), 'a second Ctrl+Z: the original draft').toBe(original);
  });

  test('apply right after typing: one Ctrl+Z undoes the apply and keeps what was typed', async () => {
    await freshDraft('Thanks for waiting, calm down');
    await caretAtTextEnd(page);
    await typeLikeUser(page, ' please');
    const typed = await modelSettles(page, 'Thanks for waiting, calm down please');
    expect(typed).toBe('Thanks for waiting, calm down please');
    // The span ends where the agent just typed (adjacent for ProseMirror's rule, too).
    await applyFound(page, 'calm down please', 'I hear you');
    await pressUndo(page);
    expect(await modelSettles(page, typed), 'one Ctrl+Z: the typed draft').toBe(typed);
  });
});

/**
 * The editors with a time-based merge handle Enter in their keydown (a transaction or delta of their own, no
 * `input` event): a merge window that only counted `input` events saw no edit there, so an apply just after an
 * Enter joined its undo step and one Ctrl+Z also took the new line away.
 */
describe.each(['prosemirror', 'tiptap', 'quill'])('%s: an apply right after Enter is its own undo step', (kind) => {
  test('typing, a pause, Enter, apply at once: one Ctrl+Z undoes the apply and keeps the new line', async () => {
    const page = await openFixture(browser.context, editorPageUrl(kind));
    await injectEditorsBundle(page);
    // The bridge exists before the typing (as when the content script made it on focus), so the typing is seen.
    await page.evaluate(() => { const w = window as any; w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element); });
    await page.evaluate(async () => {
      (window as any).__fixture.editors[0].setText('Thanks for waiting, calm down');
      await new Promise((r) => setTimeout(r, 30));
    });
    await caretAtTextEnd(page);
    await typeLikeUser(page, ' please');
    expect(await modelSettles(page, 'Thanks for waiting, calm down please')).toBe('Thanks for waiting, calm down please');
    // Longer than either editor's window: the typing is an undo step of its own, the Enter starts a new one.
    await page.waitForTimeout(1200);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(20);
    const entered = norm(await modelText(page));
    expect(entered).toMatch(/^Thanks for waiting, calm down please\n/);
    await applyFound(page, 'calm down please', 'I hear you');
    await pressUndo(page);
    expect(await modelSettles(page, entered), 'one Ctrl+Z: the draft with its new line').toBe(entered);
    await page.close();
  });
});

/**
 * slate-history joins a `remove_text` that ends where the previous batch's last `remove_text` began (a Backspace
 * run), and a plain Apply starts with `remove_text` of its span: an Apply whose span ended where the last deletion
 * happened was undone together with it (seed 84303 op 35). The Slate bridge now inserts before the span first
 * unless the caret is at the span's start (lib/editors/replace.ts 'insertBeforeSpan').
 */
describe('slate: an apply whose span ends where the last deletion was is its own undo step', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(browser.context, editorPageUrl('slate'));
    await injectEditorsBundle(page);
  });
  afterAll(async () => { await page?.close(); });

  const draft = (text: string) => setDraft(page, text);

  test('after an Apply that deleted (the measured case: "I hear ‘soon’", delete "hear ‘soon’", then " " → "I hear you")', async () => {
    await draft('Thanks for waiting\nI hear ‘soon’');
    const deleted = await applyFound(page, 'hear ‘soon’', '');
    expect(deleted).toBe('Thanks for waiting\nI ');
    // The span " " ends exactly where the deletion was.
    const text = norm(await modelText(page));
    const at = text.lastIndexOf(' ');
    expect(await apply(page, at, at + 1, ' ', 'I hear you')).toEqual({ ok: true });
    expect(await modelSettles(page, 'Thanks for waiting\nII hear you')).toBe('Thanks for waiting\nII hear you');
    await pressUndo(page);
    expect(await modelSettles(page, deleted), 'one Ctrl+Z: only the second apply').toBe(deleted);
    await pressUndo(page);
    expect(await modelSettles(page, 'Thanks for waiting\nI hear ‘soon’'), 'a second Ctrl+Z: the deletion').toBe('Thanks for waiting\nI hear ‘soon’');
  });

  test('after the agent’s own Backspaces: the Apply is undone alone, the Backspaces stay', async () => {
    await draft('Please calm down now');
    await caretAtTextEnd(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    const typed = await modelSettles(page, 'Please calm down');
    expect(typed).toBe('Please calm down');
    // "calm down" ends at the caret, where the Backspace run ended.
    await applyFound(page, 'calm down', 'bear with me');
    await pressUndo(page);
    expect(await modelSettles(page, typed), 'one Ctrl+Z: the draft after the Backspaces').toBe(typed);
  });
});

/**
 * A pure deletion (an empty replacement) whose span ends where an earlier deletion began: slate-history's
 * shouldMerge joins a `remove_text` whose end is the last batch's `remove_text` offset, and the plain delete of
 * [start, end) is `remove_text(start, end − start)`, so one Ctrl+Z took the earlier deletion (the agent's
 * Backspaces or the last Apply) with it. Slate 0.47 is checked the same way (its deleteAtRange snapshots the
 * selection, which opens a batch of its own: no merge there, the test guards that).
 */
describe.each(['slate', 'slate047'])('%s: a pure-deletion Apply ending where an earlier deletion began is its own undo step', (kind) => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(browser.context, editorPageUrl(kind));
    await injectEditorsBundle(page);
  });
  afterAll(async () => { await page?.close(); });

  const draft = (text: string) => setDraft(page, text);

  test('after an Apply that deleted: deleting the words before it is undone alone', async () => {
    await draft('Please calm down now, as I said');
    const first = await applyFound(page, ', as I said', '');
    expect(first).toBe('Please calm down now');
    // " now" ends exactly where ", as I said" began.
    const second = await applyFound(page, ' now', '');
    expect(second).toBe('Please calm down');
    await pressUndo(page);
    expect(await modelSettles(page, first), 'one Ctrl+Z: only the second deletion').toBe(first);
    await pressUndo(page);
    expect(await modelSettles(page, 'Please calm down now, as I said'), 'a second Ctrl+Z: the first deletion').toBe('Please calm down now, as I said');
  });

  test('after the agent’s own Backspaces: the deletion is undone alone, the Backspaces stay', async () => {
    await draft('Please calm down now');
    await caretAtTextEnd(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    const typed = await modelSettles(page, 'Please calm down');
    expect(typed).toBe('Please calm down');
    // " down" ends at the caret, where the Backspace run ended.
    const deleted = await applyFound(page, ' down', '');
    expect(deleted).toBe('Please calm');
    await pressUndo(page);
    expect(await modelSettles(page, typed), 'one Ctrl+Z: the draft after the Backspaces').toBe(typed);
  });
});
