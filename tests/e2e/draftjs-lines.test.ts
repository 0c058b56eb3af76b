/**
 * Draft.js, a whole line replaced (issue 7; the page-draft random run, seed 66963 op 13): "Hi Sam," → "" came
 * back ok and the DOM showed the line empty, but Draft.js's model still held "Hi Sam," (a corrupted draft: what
 * the agent sends is not what they see). Every line of the page's own draft, emptied and replaced in turn, on
 * the real Draft.js fixture: the editor's own model (`getPlainText`) must equal the bridge's read, and one
 * Ctrl+Z must bring the draft back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { editorPageUrl, injectEditorsBundle, launchBrowser, openFixture, pressUndo, type LaunchedBrowser } from './harness';
import { modelSettles, replace, state } from './editor-bridge-helpers';

let browser: LaunchedBrowser;
let page: Page;
let original: string;
const pageErrors: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser({ extension: false });
  page = await openFixture(browser.context, editorPageUrl('draftjs'));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await injectEditorsBundle(page);
  original = (await state(page)).model;
});
afterAll(async () => { await browser?.close(); });

/** Back to the page's draft through the fixture's model API (a fresh EditorState: empty undo stack). */
async function reset(): Promise<void> {
  await page.evaluate(async (t) => {
    (window as any).__fixture.editors[0].setText(t);
    await new Promise((r) => setTimeout(r, 30));
  }, original);
}

/** Replace line `i` of the draft whole; the model, the DOM read and one Ctrl+Z are checked. */
async function replaceLine(i: number, replacement: string): Promise<void> {
  await reset();
  const before = await state(page);
  expect(before.bridge).toBe(original);
  const lines = original.split('\n');
  const start = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  const end = start + lines[i].length;
  const want = original.slice(0, start) + replacement + original.slice(end);
  const context = `line ${i} ${JSON.stringify(lines[i])} → ${JSON.stringify(replacement)}`;
  const result = await replace(page, start, end, lines[i], replacement);
  const after = await state(page);
  // Never ok on a draft whose model differs from what the agent sees; a refusal must leave the draft as it was.
  if (result.ok) {
    expect(after.model, `model after ${context}`).toBe(want);
    expect(after.bridge, `DOM read after ${context}`).toBe(want);
  } else {
    expect(after, `refused ${context}: nothing changed`).toEqual(before);
  }
  expect(result, context).toEqual({ ok: true });
  await pressUndo(page);
  expect(await modelSettles(page, original), `one Ctrl+Z after ${context}`).toBe(original);
  expect((await state(page)).bridge, `DOM read after the Ctrl+Z, ${context}`).toBe(original);
}

describe('draftjs: a whole line replaced keeps the model and the DOM in step', () => {
  test('the exact case: "Hi Sam," → "" (seed 66963 op 13)', async () => {
    expect(original.split('\n')[0]).toBe('Hi Sam,');
    await replaceLine(0, '');
  });

  test('every line of the page draft emptied, then replaced with other text', async () => {
    const lines = original.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]) continue;
      await replaceLine(i, '');
      await replaceLine(i, 'I’m on it 🙂');
    }
    expect(pageErrors).toEqual([]);
  });
});
