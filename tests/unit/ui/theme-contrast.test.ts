// Every text colour the theme pairs with a background meets WCAG AA (4.5:1), in the light and the dark scheme.
// The colours are read from lib/ui/theme.css itself, so a palette change that loses contrast fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../lib/ui/theme.css'), 'utf8');

/** The custom properties declared in the first `:root { … }` after `from` in the CSS. */
function rootVars(from: number): Record<string, string> {
  const start = css.indexOf(':root {', from);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1], m[2].toLowerCase()]));
}
const light = rootVars(0);
const dark = { ...light, ...rootVars(css.indexOf('@media (prefers-color-scheme: dark)')) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [text, background] pairs as the stylesheets use them. */
const PAIRS: [string, string][] = [
  ['text', 'bg'], ['text', 'surface'], ['text', 'surface-2'], ['muted', 'bg'], ['muted', 'surface'],
  ['accent', 'bg'], ['accent', 'surface'], ['accent-ink', 'accent'], ['text', 'accent-soft'], ['muted', 'accent-soft'],
  ['high', 'high-soft'], ['high', 'surface'], ['high-ink', 'high-soft'], ['medium', 'medium-soft'], ['medium', 'surface'],
  ['low', 'low-soft'], ['ok', 'surface'], ['ok', 'bg'], ['ok', 'accent-soft'], ['text', 'note'], ['tip-ink', 'tip-bg'],
];

describe.each([['light', light], ['dark', dark]] as const)('theme colours (%s)', (_scheme, vars) => {
  it('declares a distinct palette', () => {
    expect(Object.keys(vars).length).toBeGreaterThan(20);
  });
  it.each(PAIRS)('%s on %s is at least 4.5:1', (fg, bg) => {
    expect(vars[fg], fg).toBeDefined();
    expect(vars[bg], bg).toBeDefined();
    expect(contrast(vars[fg], vars[bg])).toBeGreaterThanOrEqual(4.5);
  });
});

it('the dark scheme really differs from the light one (dark background, light text)', () => {
  expect(luminance(dark.bg)).toBeLessThan(0.05);
  expect(luminance(dark.text)).toBeGreaterThan(0.7);
  expect(dark.bg).not.toBe(light.bg);
});
