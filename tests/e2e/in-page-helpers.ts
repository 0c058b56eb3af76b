/**
 * Helpers for the in-page e2e tests: read Attune's test-visible state from its shadow host and
 * measure where words are on screen independently of Attune (to check the underline rectangles).
 */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './harness';
import { sites } from '../../lib/sites';

export interface PageFinding {
  composerId: string;
  ruleId: string;
  severity: string;
  text: string;
  start: number;
  end: number;
  rects: { left: number; top: number; width: number; height: number }[];
}

/**
 * The helpdesk fixtures: host, a URL the real match patterns accept, the editor kind each hosts, and whether the
 * adapter can read the customer's message there ('unknown' where no public code shows whose message is whose).
 */
/** Every registered helpdesk's fixture page (lib/sites: each site names its fixture), as the tables iterate it. */
export const HELPDESK_FIXTURES = sites.map((site) => {
  const url = new URL(site.fixture.url);
  return { id: site.id, host: url.hostname, path: url.pathname + url.hash, editor: site.fixture.editor, customer: site.fixture.customer ? 'read' : 'unknown' };
});

/** Findings Attune currently shows (from `data-attune-findings` on its shadow host). */
export async function pageFindings(page: Page): Promise<PageFinding[]> {
  const raw = await page.evaluate(() => document.querySelector('attune-ui')?.getAttribute('data-attune-findings') ?? '[]');
  return JSON.parse(raw) as PageFinding[];
}

export async function pageAttr(page: Page, name: string): Promise<string | null> {
  return page.evaluate((n) => document.querySelector('attune-ui')?.getAttribute(n) ?? null, name);
}

/** Wait until Attune shows findings satisfying `pred`. */
export async function waitForFindings(page: Page, pred: (f: PageFinding[]) => boolean = (f) => f.length > 0, timeout = 5_000): Promise<PageFinding[]> {
  const t0 = Date.now();
  for (;;) {
    const f = await pageFindings(page);
    if (pred(f)) return f;
    if (Date.now() - t0 > timeout) throw new Error(`findings never matched; last: ${JSON.stringify(f.map((x) => x.text))}`);
    await page.waitForTimeout(20);
  }
}

/** True when Attune's suggestion card is open. */
export function cardOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('attune-ui')?.shadowRoot?.querySelector('[role="dialog"][data-attune-card]'));
}

/**
 * Where the n-th occurrence of `text` is drawn in editor `index`, measured by the test itself (Range over
 * the editor's text nodes; textarea: a mirror div), in top-frame viewport coordinates.
 */
export function measureWords(page: Page, text: string, index = 0): Promise<{ left: number; top: number; width: number; height: number }[]> {
  return page.evaluate(
    ({ text, index }) => {
      const el = (window as unknown as { __fixture: { editors: { element: HTMLElement }[] } }).__fixture.editors[index].element;
      const doc = el.ownerDocument;
      const frame = doc.defaultView?.frameElement as HTMLElement | null;
      const off = frame ? frame.getBoundingClientRect() : { left: 0, top: 0 };
      const dx = off.left + (frame?.clientLeft ?? 0);
      const dy = off.top + (frame?.clientTop ?? 0);
      if (el.tagName === 'TEXTAREA') {
        // Mirror the textarea in a div with the same box and font, then measure a Range in the mirror.
        const ta = el as HTMLTextAreaElement;
        const cs = getComputedStyle(ta);
        const mirror = document.createElement('div');
        for (const p of ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent', 'tabSize'] as const)
          (mirror.style as unknown as Record<string, string>)[p] = (cs as unknown as Record<string, string>)[p];
        const r = ta.getBoundingClientRect();
        Object.assign(mirror.style, { position: 'fixed', left: `${r.left}px`, top: `${r.top - ta.scrollTop}px`, whiteSpace: 'pre-wrap', overflowWrap: 'break-word', visibility: 'hidden' });
        const node = document.createTextNode(ta.value);
        mirror.appendChild(node);
        document.body.appendChild(mirror);
        const at = ta.value.indexOf(text);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rects = Array.from(range.getClientRects()).map((b) => ({ left: b.left, top: b.top, width: b.width, height: b.height }));
        mirror.remove();
        return rects;
      }
      const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.replace(/\u00a0/g, ' ').indexOf(text);
        if (at < 0) continue;
        const range = doc.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        return Array.from(range.getClientRects()).filter((b) => b.width > 0).map((b) => ({ left: b.left + dx, top: b.top + dy, width: b.width, height: b.height }));
      }
      return [];
    },
    { text, index },
  );
}

/** The union box of rects. */
export function union(rects: { left: number; top: number; width: number; height: number }[]) {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.left + r.width));
  const bottom = Math.max(...rects.map((r) => r.top + r.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** The agent's per-site send-check switch, written the way the popup's does (settings.sendCheckHosts). */
export async function setSendCheckHosts(browser: LaunchedBrowser, hosts: string[]): Promise<void> {
  await browser.serviceWorker!.evaluate(async (h) => {
    const c = (globalThis as any).chrome;
    const s = (await c.storage.local.get('settings')).settings ?? { enabled: true, disabledRules: [], ignoredPhrases: [], disabledHosts: [], enabledOrigins: [] };
    await c.storage.local.set({ settings: { ...s, sendCheckHosts: h } });
  }, hosts);
}
