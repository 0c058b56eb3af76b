/**
 * What a reader sees, measured in the page: the rendered size of every piece of visible text, the font
 * faces that loaded, and the contrast between an element's text and the background behind it.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface TextSize {
  /** A short description of the element: tag.class and the start of its text. */
  where: string;
  px: number;
}

/** Every visible element that holds text directly, with its computed font size, smallest first. */
export function textSizes(page: Page): Promise<TextSize[]> {
  return page.evaluate(() => {
    const out: { where: string; px: number }[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (!text || el.closest('.visually-hidden, [aria-hidden="true"], script, style, title')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // folded away (closed <details>) or hidden
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      out.push({ where: `${el.tagName.toLowerCase()}${cls} “${text.slice(0, 30)}”`, px: parseFloat(getComputedStyle(el).fontSize) });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

/** Computed font size of the first element matching `selector`, in px. */
export function fontSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Families of the font faces the document has loaded (e.g. "Inter Variable"). */
export function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/^["']|["']$/g, ''));
  });
}

/** Text colour, the first opaque background behind it (walking up), and their WCAG contrast ratio. */
export function contrastOf(page: Page, selector: string): Promise<{ color: string; background: string; ratio: number }> {
  return page.locator(selector).first().evaluate((el) => {
    const rgba = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const color = getComputedStyle(el).color;
    let node: Element | null = el;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      const parts = rgba(bg);
      if (parts.length >= 3 && (parts.length === 3 || parts[3] > 0.9)) {
        background = bg;
        break;
      }
      node = node.parentElement;
    }
    const [a, b] = [lum(rgba(color)), lum(rgba(background))].sort((x, y) => y - x);
    return { color, background, ratio: (a + 0.05) / (b + 0.05) };
  });
}

/** Relative luminance of a CSS rgb() colour (0 black … 1 white). */
export function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The theme as a reader meets it: Inter in use, a background that fits the scheme, and AA contrast on each selector. */
export async function expectThemeReadable(page: Page, scheme: 'light' | 'dark', textSelectors: string[]): Promise<void> {
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Inter Variable"?,/);
  expect(await loadedFonts(page)).toContain('Inter Variable');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  if (scheme === 'dark') expect(luminance(bg)).toBeLessThan(0.05);
  else expect(luminance(bg)).toBeGreaterThan(0.9);
  for (const sel of textSelectors) {
    const c = await contrastOf(page, sel);
    expect(c.ratio, `${sel}: ${c.color} on ${c.background}`).toBeGreaterThanOrEqual(4.5);
  }
}
