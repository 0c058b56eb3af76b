/**
 * Editor conformance for the execCommand family (textarea, contenteditable, ProseMirror, Tiptap, Quill,
 * Lexical, Draft.js): lib/editors is injected into each conformance page and its bridge is driven directly.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openFixture, editorPageUrl, injectEditorsBundle, modelText, screenshot, type LaunchedBrowser } from './harness';

const KINDS = ['textarea', 'contenteditable', 'prosemirror', 'tiptap', 'quill', 'lexical', 'draftjs'] as const;
/** The bridge kind each fixture must be detected as (Tiptap is ProseMirror underneath). */
const BRIDGE_KIND: Record<string, string> = { tiptap: 'prosemirror' };

let browser: LaunchedBrowser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Open a conformance page with the bridge bundle injected. */
async function openEditor(kind: string): Promise<Page> {
  const page = await openFixture(browser.context, editorPageUrl(kind));
  await injectEditorsBundle(page);
  return page;
}

describe.each(KINDS)('%s bridge', (kind) => {
  test('read() matches the model text and the bridge kind', async () => {
    const page = await openEditor(kind);
    const got = await page.evaluate(() => {
      const w = window as any;
      const bridge = w.__attuneEditors.bridgeFor(w.__fixture.editors[0].element);
      return { kind: bridge?.kind, text: bridge?.read().text };
    });
    const model = (await modelText(page)).replace(/\u00a0/g, ' ');
    expect(got.kind).toBe(BRIDGE_KIND[kind] ?? kind);
    expect(got.text).toBe(model);
    await screenshot(page, `editors-a-${kind}`);
    await page.close();
  });
});
