/**
 * Is this click on the reply's send button, and which composer does that button send? Pure DOM over the
 * data in send-buttons.ts (no extension APIs), so it is unit-tested without a browser.
 */
import { BUTTON_LIKE, GENERIC_SEND_NAME, REPLY_AREA_DEPTH, type SendKey, type SendKnowledge } from './send-buttons';

/** The element's accessible name, as far as a button needs one (aria-labelledby, aria-label, value, text, title). */
export function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' ').trim();
    if (text) return text;
  }
  const label = el.getAttribute('aria-label')?.trim();
  if (label) return label;
  if (el.tagName === 'INPUT') return ((el as HTMLInputElement).value ?? '').trim();
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || (el.getAttribute('title') ?? '').trim();
}

export interface SendButtonHit {
  button: HTMLElement;
  /** Matched by the helpdesk's own selectors (true) or by the generic name rule (false). */
  known: boolean;
}

/** The send button at `target` (itself or an ancestor): the helpdesk's selectors first, then the generic rule. */
export function sendButtonAt(target: Element, knowledge: SendKnowledge): SendButtonHit | undefined {
  for (const sel of knowledge.buttons) {
    const hit = target.closest<HTMLElement>(sel);
    if (hit) return { button: hit, known: true };
  }
  const button = target.closest<HTMLElement>(BUTTON_LIKE);
  if (!button || button.getAttribute('aria-disabled') === 'true' || (button as HTMLButtonElement).disabled) return undefined;
  return GENERIC_SEND_NAME.test(accessibleName(button)) ? { button, known: false } : undefined;
}

/** The element that stands for `composer` in `doc`: itself, or the iframe holding it (one or more levels). */
function inDocument(composer: HTMLElement, doc: Document): Element | undefined {
  let el: Element | null | undefined = composer;
  while (el && el.ownerDocument !== doc) el = el.ownerDocument.defaultView?.frameElement;
  return el ?? undefined;
}

/**
 * Which of `composers` the send button belongs to: the one whose reply area holds it. The reply area is the
 * composer's form, or the ancestors of the composer up to (not including) the first that also holds another
 * composer, or the body. A button matched by the generic name rule must sit within REPLY_AREA_DEPTH levels of
 * the composer; a known send button may be anywhere in that area (helpdesks put it in a footer).
 */
export function composerForButton(hit: SendButtonHit, composers: HTMLElement[]): HTMLElement | undefined {
  const doc = hit.button.ownerDocument;
  let best: { composer: HTMLElement; depth: number } | undefined;
  for (const composer of composers) {
    const start = inDocument(composer, doc);
    if (!start) continue;
    const form = start.closest('form');
    if (form?.contains(hit.button)) {
      if (!best || best.depth > 0) best = { composer, depth: 0 };
      continue;
    }
    const others = composers.filter((c) => c !== composer).map((c) => inDocument(c, doc)).filter((e): e is Element => !!e);
    let depth = 0;
    for (let el = start.parentElement; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
      depth++;
      if (others.some((o) => el!.contains(o))) break;
      if (!hit.known && depth > REPLY_AREA_DEPTH) break;
      if (el.contains(hit.button)) {
        if (!best || depth < best.depth) best = { composer, depth };
        break;
      }
    }
  }
  // A known send button with a single composer on the page: that composer (the button may sit outside any shared ancestor short of the body).
  if (!best && hit.known && composers.length === 1) return composers[0];
  return best?.composer;
}

/** The send key combination this keydown is, if the helpdesk sends with it. */
export function sendKeyOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing'>, keys: SendKey[]): SendKey | undefined {
  if (e.key !== 'Enter' || e.altKey || e.shiftKey || e.isComposing) return undefined;
  const combo: SendKey | undefined = e.ctrlKey && !e.metaKey ? 'ctrl-enter' : e.metaKey && !e.ctrlKey ? 'meta-enter' : undefined;
  return combo && keys.includes(combo) ? combo : undefined;
}
