/**
 * Underlines through the CSS Custom Highlight API: the browser paints them on the editor's own text,
 * so they follow scrolling, wrapping and zoom without touching the editor's DOM. The ::highlight styles
 * go in a constructed stylesheet adopted by the document (no element is added to the page).
 */
import type { Severity } from '@/lib/phrasebank/types';

const NAMES: Record<Severity | 'active', string> = {
  high: 'attune-high',
  medium: 'attune-medium',
  low: 'attune-low',
  active: 'attune-active',
};

// Colour AND line style per severity, so the underline reads without colour vision too.
const CSS = `
::highlight(attune-high) { text-decoration: underline wavy #c62828; text-decoration-thickness: 1.5px; text-underline-offset: 2px; text-decoration-skip-ink: none; background-color: rgba(198, 40, 40, 0.08); }
::highlight(attune-medium) { text-decoration: underline solid #b45309; text-decoration-thickness: 2px; text-underline-offset: 2px; text-decoration-skip-ink: none; }
::highlight(attune-low) { text-decoration: underline dotted #1d4ed8; text-decoration-thickness: 2px; text-underline-offset: 2px; text-decoration-skip-ink: none; }
::highlight(attune-active) { background-color: rgba(250, 204, 21, 0.35); }
`;

/** True when this document can paint highlights (Chrome 105+, Firefox 140+). */
export function highlightsSupported(doc: Document): boolean {
  const css = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS as { highlights?: unknown } | undefined;
  return !!css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function' && 'adoptedStyleSheets' in doc;
}

const styled = new WeakSet<Document>();

function ensureStyles(doc: Document) {
  if (styled.has(doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  styled.add(doc);
}

/** Ranges per owner (composer), so several composers share the document's four highlights. */
const byOwner = new Map<string, { severity: Severity | 'active'; range: Range }[]>();

/** Replaces the ranges painted for `owner`; false when this browser refused (the caller draws an overlay instead). */
export function paint(doc: Document, owner: string, ranges: { severity: Severity | 'active'; range: Range }[]): boolean {
  if (!highlightsSupported(doc)) return false;
  try {
    ensureStyles(doc);
    byOwner.set(owner, ranges);
    repaint();
    return true;
  } catch {
    // e.g. a content-script sandbox that can't hand ranges or sheets to the page: use the overlay.
    byOwner.delete(owner);
    return false;
  }
}

/** Removes everything painted for `owner`. */
export function unpaint(owner: string): void {
  if (!byOwner.delete(owner)) return;
  try {
    repaint();
  } catch {
    // nothing painted we could remove
  }
}

function repaint() {
  const registry = (CSS_ as { highlights: Map<string, unknown> }).highlights;
  const groups: Record<string, Range[]> = { high: [], medium: [], low: [], active: [] };
  for (const ranges of byOwner.values()) for (const r of ranges) groups[r.severity].push(r.range);
  for (const [severity, name] of Object.entries(NAMES)) {
    const list = groups[severity];
    if (list.length) registry.set(name, new Highlight(...list));
    else registry.delete(name);
  }
}

const CSS_ = globalThis.CSS as unknown;
