/**
 * The helpdesks as public integrations show them (../shared/notes/helpdesks.md), in real Chromium with the
 * built extension, on their real hostnames: Salesforce's CKEditor 4 two frames deep and rewritten after load,
 * Intercom on its EU host and inside an open shadow root on its AU host, Zoho Desk's editor frame on the
 * Australian host, Help Scout's Slate 0.47, Gorgias's Draft.js form, and the evidence threads of Zendesk and
 * Freshdesk. One contract per host: a dismissive draft with four flagged phrases gets four underlines over the
 * right words, the card opens at them, and the customer's latest message is the one read (never an agent's
 * reply, a note or a bot's), or it is reported unknown where the app's markup does not say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze } from '../../lib/analysis';
import { bundledPhrasebank } from '../../lib/phrasebank/bundled';
import { focusEditorEnd, launchBrowser, modelText, openFixture, pressUndo, screenshot, fixtureUrl, type LaunchedBrowser } from './harness';
import { cardOpen, pageAttr, pageFindings, union, waitForFindings, type PageFinding } from './in-page-helpers';

/** Four phrases the phrasebank flags: calm down, I already said, that's our policy, you should have read. */
const DRAFT = "Please calm down, as I already said that's our policy. You should have read the instructions.";
const FOUR = ['invalidating/calm-down', 'rushing/i-already-explained', 'policy-hiding/thats-our-policy', 'blaming/you-should-have'];

interface HostSpec {
  name: string;
  host: string;
  path: string;
  /** The bridge kind Attune should pick. */
  editor: string;
  /** The feeling of the customer's latest message, or 'unknown' where the app's markup does not say whose message is whose. */
  customer: 'worried' | 'frustrated' | 'angry' | 'unknown';
  /** Focus by a real click on the editor (Slate 0.47 syncs its model from the DOM: a caret placed by script after
   * its zero-width placeholder character would put that character into the draft, which a click never does). */
  click?: string;
}

const HOSTS: HostSpec[] = [
  { name: 'Salesforce (CKEditor 4, two frames deep, rewritten)', host: 'acme.lightning.force.com', path: '/lightning/r/Case/500Nested0000001/view', editor: 'ckeditor4', customer: 'unknown' },
  { name: 'Intercom EU (ProseMirror)', host: 'app.eu.intercom.com', path: '/a/inbox/acme/inbox/conversation/7', editor: 'prosemirror', customer: 'worried' },
  { name: 'Intercom AU (shadow root)', host: 'app.au.intercom.com', path: '/a/inbox/acme/inbox/shared/all/conversation/9', editor: 'prosemirror', customer: 'worried' },
  { name: 'Zoho Desk AU (editor frame)', host: 'desk.zoho.com.au', path: '/agent/acme/support/tickets/details/1042', editor: 'contenteditable', customer: 'unknown' },
  { name: 'Help Scout (Slate 0.47)', host: 'secure.helpscout.net', path: '/conversation/2231/5', editor: 'slate', customer: 'unknown', click: '[data-slate-editor]' },
  { name: 'Gorgias (Draft.js form)', host: 'acme.gorgias.com', path: '/app/ticket/9001', editor: 'draftjs', customer: 'unknown' },
  // Threads end with an internal note after the customer's message (Zendesk: "furious!!" reads angry; Freshdesk: "worried").
  { name: 'Zendesk (omni-log thread)', host: 'acme.zendesk.com', path: '/agent/tickets/1234', editor: 'ckeditor5', customer: 'frustrated' },
  { name: 'Freshdesk (requestor / agent / private note)', host: 'acme.freshdesk.com', path: '/a/tickets/77', editor: 'contenteditable', customer: 'angry' },
];

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
  await browser.serviceWorker!.evaluate(() => (globalThis as { attuneWarmUp?: Promise<number> }).attuneWarmUp);
});
afterAll(async () => {
  await browser?.close();
});

/** Where `text` is drawn in fixture editor 0, measured by the test (a Range over its text nodes), in top-frame coordinates through every frame. */
function measure(page: Page, text: string): Promise<{ left: number; top: number; width: number; height: number }[]> {
  return page.evaluate((text) => {
    const el = (window as unknown as { __fixture: { editors: { element: HTMLElement }[] } }).__fixture.editors[0].element;
    const doc = el.ownerDocument;
    let dx = 0;
    let dy = 0;
    for (let w: Window | null = doc.defaultView; w && w.frameElement; w = w.frameElement.ownerDocument.defaultView) {
      const f = w.frameElement as HTMLElement;
      const r = f.getBoundingClientRect();
      dx += r.left + f.clientLeft;
      dy += r.top + f.clientTop;
    }
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      // Zero-width characters (Slate's fillers) are not part of the words: search without them, map back.
      const keep: number[] = [];
      let clean = '';
      for (let i = 0; i < n.data.length; i++) if (!/[\u200b\u2060\ufeff]/.test(n.data[i])) { keep.push(i); clean += n.data[i]; }
      const at = clean.replace(/\u00a0/g, ' ').replace(/\u2019/g, "'").indexOf(text.replace(/\u2019/g, "'"));
      if (at < 0) continue;
      const range = doc.createRange();
      range.setStart(n, keep[at]);
      range.setEnd(n, keep[at + text.length - 1] + 1);
      return Array.from(range.getClientRects()).filter((b) => b.width > 0).map((b) => ({ left: b.left + dx, top: b.top + dy, width: b.width, height: b.height }));
    }
    return [];
  }, text);
}

const key = (f: { ruleId: string; start: number; text: string }) => `${f.ruleId}@${f.start}:${f.text}`;

/**
 * The editor's model text as Attune reads it: without zero-width characters. Slate 0.47 in Chrome 156 keeps the
 * U+FEFF of its empty-line filler in the model when the first character is typed into an empty editor (Chrome's
 * insertText beforeinput has no target range there, so Slate lets the browser insert and reconciles from the DOM).
 */
async function model(page: Page): Promise<string> {
  return (await modelText(page)).replace(/[\u200b\u2060\ufeff]/g, '');
}

/** Type the draft at the end of the composer and wait for the four underlines. */
async function typeDraft(page: Page, text = DRAFT, click?: string, rules = FOUR): Promise<PageFinding[]> {
  if (click) await page.click(click);
  else await focusEditorEnd(page);
  await page.keyboard.type(text);
  return waitForFindings(page, (f) => rules.every((id) => f.some((x) => x.ruleId === id)), 8_000);
}

/** The shared contract, one describe per host. */
describe.each(HOSTS)('$name', (spec) => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(browser.context, fixtureUrl(spec.host, spec.path));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('finds the composer and underlines the four phrases over the right words', async () => {
    const findings = await typeDraft(page, DRAFT, spec.click);
    const text = await model(page);
    // ProseMirror's input rules turn ' into ’ as you type: the engine reads both.
    expect(text.replace(/\u2019/g, "'")).toContain(DRAFT);
    expect(findings.map(key).sort()).toEqual(analyze(text, bundledPhrasebank).findings.map(key).sort());
    expect(findings.filter((f) => FOUR.includes(f.ruleId))).toHaveLength(4);
    const composers = JSON.parse((await pageAttr(page, 'data-attune-composers')) ?? '[]') as { editor: string }[];
    expect(composers.map((c) => c.editor)).toEqual([spec.editor]);
    for (const f of findings) {
      const want = union(await measure(page, f.text));
      expect(f.rects.length, f.text).toBeGreaterThan(0);
      const got = union(f.rects);
      for (const k of ['left', 'top', 'width', 'height'] as const) expect(Math.abs(got[k] - want[k]), `${f.text} ${k}`).toBeLessThan(3);
    }
    await screenshot(page, `helpdesks-real-${spec.host}-underlines`);
  });

  it(spec.customer === 'unknown' ? "reports the customer's message unknown (no coaching that needs it)" : "reads the customer's latest message, not the agent's, a note's or a bot's", async () => {
    const coaching = JSON.parse((await pageAttr(page, 'data-attune-coaching')) ?? '[]') as { kind: string; message: string }[];
    const feeling = coaching.filter((c) => c.kind === 'unacknowledged-emotion');
    if (spec.customer === 'unknown') expect(feeling).toEqual([]);
    else {
      expect(feeling).toHaveLength(1);
      expect(feeling[0].message).toContain(`The customer sounds ${spec.customer}.`);
    }
  });

  it('opens the card at the underline on a click (inside frames and shadow roots too)', async () => {
    const calm = (await pageFindings(page)).find((f) => f.ruleId === 'invalidating/calm-down')!;
    const r = calm.rects[0];
    await page.mouse.click(r.left + r.width / 2, r.top + r.height / 2);
    await expect.poll(() => cardOpen(page)).toBe(true);
    const box = await page.evaluate(() => {
      const d = document.querySelector('attune-ui')!.shadowRoot!.querySelector('[role="dialog"]')!.getBoundingClientRect();
      return { left: d.left, top: d.top, width: d.width, height: d.height };
    });
    // Next to the words: above or below them, overlapping them horizontally.
    const gap = Math.min(Math.abs(box.top - (r.top + r.height)), Math.abs(box.top + box.height - r.top));
    expect(gap, 'card next to the underline (px)').toBeLessThan(40);
    expect(box.left).toBeLessThan(r.left + r.width);
    expect(box.left + box.width).toBeGreaterThan(r.left);
    await screenshot(page, `helpdesks-real-${spec.host}-card`);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
  });
});

describe('Salesforce: the editor frame rewritten while Attune is attached', () => {
  it('picks up the new editor document after a document.write rewrite', async () => {
    const page = await openFixture(browser.context, fixtureUrl('acme.lightning.force.com', '/lightning/r/Case/500Nested0000001/view'));
    const first = await typeDraft(page, 'Please calm down.', undefined, ['invalidating/calm-down']);
    const before = first[0].composerId;
    await page.evaluate(() => (window as unknown as { __fixture: { rewrite(): Promise<void> } }).__fixture.rewrite());
    expect(await page.evaluate(() => (window as unknown as { __fixture: { rewrites(): number } }).__fixture.rewrites())).toBe(2);
    // CKEditor 4 swaps in its final body some 60 ms after the write (measured); an agent's next key comes later.
    await page.waitForTimeout(300);
    // The old body is gone with its listeners; typing in the new one is seen and underlined.
    const findings = await typeDraft(page, " As I already said, that's our policy. You should have read the instructions.");
    expect(findings.every((f) => f.composerId !== before)).toBe(true);
    expect(JSON.parse((await pageAttr(page, 'data-attune-composers')) ?? '[]')).toHaveLength(1);
    await page.close();
  });
});

describe('Help Scout: Apply in Slate 0.47, one Ctrl+Z undoes', () => {
  it('replaces the span through a beforeinput with its target range', async () => {
    const page = await openFixture(browser.context, fixtureUrl('secure.helpscout.net', '/conversation/2231/5'));
    await typeDraft(page, DRAFT, '[data-slate-editor]');
    const before = await model(page);
    expect(before).toBe(DRAFT);
    await page.keyboard.press('Alt+Shift+A');
    await expect.poll(() => cardOpen(page)).toBe(true);
    const picked = await page.evaluate(() => {
      const root = document.querySelector('attune-ui')!.shadowRoot!;
      return { text: (root.activeElement as HTMLElement | null)?.textContent ?? '', rule: root.querySelector('[role="dialog"]')!.getAttribute('data-attune-card') };
    });
    const target = (await pageFindings(page)).find((f) => f.ruleId === picked.rule)!;
    expect(target).toBeTruthy();
    await page.keyboard.press('Enter');
    // Exactly the edit the core computes for that (first) suggestion, made through the editor.
    const core = analyze(before, bundledPhrasebank).findings.find((f) => f.ruleId === target.ruleId && f.start === target.start)!;
    expect(picked.text).toBe(core.suggestions[0]);
    const fix = core.fixes[0];
    const expected = before.slice(0, fix.start) + fix.text + before.slice(fix.end);
    await expect.poll(() => model(page)).toBe(expected);
    // Through the editor, not around it: no "copied" fallback notice.
    expect(await page.evaluate(() => document.querySelector('attune-ui')!.shadowRoot!.textContent ?? '')).not.toContain('Copied');
    await pressUndo(page);
    await expect.poll(() => model(page)).toBe(before);
    await page.close();
  });
});
