/**
 * Every place a helpdesk may keep its composer or its thread: the document, the documents of its
 * same-origin iframes (nested to any depth: Salesforce's CKEditor 4 is two frames deep), and open
 * shadow roots (Intercom's inbox may render inside them). Pure DOM, no extension APIs.
 */

/** Query roots under `doc`, document first, then shadow roots and frames in document order. */
export function searchRoots(doc: Document | ShadowRoot, out: (Document | ShadowRoot)[] = [], depth = 0): (Document | ShadowRoot)[] {
  if (depth > 8 || out.includes(doc)) return out;
  out.push(doc);
  const all = doc.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const shadow = (el as HTMLElement).shadowRoot; // open roots only: closed ones are the page's own business
    if (shadow) searchRoots(shadow, out, depth + 1);
    if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
      const inner = frameDocument(el as HTMLIFrameElement);
      if (inner) searchRoots(inner, out, depth + 1);
    }
  }
  return out;
}

/** A same-origin frame's document, or null (cross-origin, or not loaded). */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument ?? null;
  } catch {
    return null;
  }
}

/** `querySelectorAll(selector)` across every search root, in root order. */
export function deepQueryAll<E extends Element = Element>(doc: Document, selector: string): E[] {
  const out: E[] = [];
  for (const root of searchRoots(doc)) out.push(...Array.from(root.querySelectorAll<E>(selector)));
  return out;
}

/**
 * The element that really has focus: through same-origin frames (a focused iframe element means focus is
 * inside it) and open shadow roots (a focused host means focus is inside its shadow tree).
 */
export function deepActiveElement(start: Element | null): Element | null {
  let el = start;
  for (let i = 0; el && i < 16; i++) {
    if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
      const inner = frameDocument(el as HTMLIFrameElement);
      if (!inner) return el;
      const next = inner.activeElement;
      if (!next || next === el) return inner.body;
      el = next;
      continue;
    }
    const shadowActive = (el as HTMLElement).shadowRoot?.activeElement;
    if (shadowActive && shadowActive !== el) {
      el = shadowActive;
      continue;
    }
    return el;
  }
  return el;
}

/** The chain of documents from `el`'s own up to the top same-origin one (each frame's parent). */
export function documentChain(el: Element): Document[] {
  const out: Document[] = [];
  let doc: Document | null = el.ownerDocument;
  while (doc && !out.includes(doc)) {
    out.push(doc);
    let frame: Element | null = null;
    try {
      frame = doc.defaultView?.frameElement ?? null;
    } catch {
      frame = null;
    }
    doc = frame?.ownerDocument ?? null;
  }
  return out;
}
