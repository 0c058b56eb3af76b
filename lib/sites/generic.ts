/**
 * Any other site the agent turns Attune on for (an optional host permission + `enabledOrigins`).
 * Registered at run time (`scripting.registerContentScripts`), so it has no static match patterns.
 * Composers: any visible textarea or contenteditable. The customer's message: unknown markup, so
 * Mozilla Readability over a clone of the page finds the main text, and we take its last paragraph.
 *
 * Manual test: on https://support.example.com, open the popup, "Turn on for this site", grant the
 * permission, reload, type "Please calm down." in any text box → underline + badge.
 */
import type { SiteAdapter } from './types';
import { anyEditables } from './dom';

type ReadabilityCtor = typeof import('@mozilla/readability').Readability;
let readability: ReadabilityCtor | undefined;
let loading: Promise<unknown> | undefined;
/** Loads Readability on first use, so pages where nobody types never pay for evaluating it. */
export function loadReadability(): Promise<unknown> {
  loading ??= import('@mozilla/readability').then((m) => (readability = m.Readability)).catch(() => undefined);
  return loading;
}

/** The last substantial paragraph of the page's main text, by Readability (editable fields left out). */
export function readableConversationTail(root: Document): string | undefined {
  const Readability = readability;
  if (!Readability) {
    void loadReadability(); // ready for the next analysis
    return undefined;
  }
  const clone = root.cloneNode(true) as Document;
  for (const el of Array.from(clone.querySelectorAll('textarea, [contenteditable]:not([contenteditable="false"]), script, style'))) el.remove();
  let text: string | null | undefined;
  try {
    text = new Readability(clone, { charThreshold: 40 }).parse()?.textContent;
  } catch {
    return undefined;
  }
  const paragraphs = (text ?? '').split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 30);
  return paragraphs[paragraphs.length - 1];
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'This site',
  matches: [],
  exampleUrls: [],
  findComposers: anyEditables,
  findCustomerMessage(root) {
    const marked = root.querySelector('[data-attune-customer]');
    return marked?.textContent?.replace(/\s+/g, ' ').trim() || readableConversationTail(root);
  },
};
