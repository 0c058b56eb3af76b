/**
 * Small DOM helpers shared by the site adapters (pure functions over a Document; no extension APIs).
 */

/** An element the agent can type into: a textarea or the root of a contenteditable region. */
export function isEditableRoot(el: Element): el is HTMLElement {
  if (el.tagName === 'TEXTAREA') return !(el as HTMLTextAreaElement).disabled && !(el as HTMLTextAreaElement).readOnly;
  const ce = el.getAttribute('contenteditable');
  if (ce === null || ce === 'false') return false;
  // Nested editables belong to their outer editor.
  const parent = el.parentElement?.closest('[contenteditable]');
  return !parent || parent.getAttribute('contenteditable') === 'false';
}

/** Elements matching `selectors` (in order), resolved to their editable root, deduplicated. */
export function queryComposers(root: Document, selectors: string[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll(sel))) {
      const editable = toEditableRoot(el);
      if (editable && !out.includes(editable)) out.push(editable);
    }
  }
  return out;
}

/** The editable root at or inside `el` (a wrapper div often holds the real editable). */
export function toEditableRoot(el: Element): HTMLElement | null {
  if (isEditableRoot(el)) return el;
  // Same-origin iframe editors (CKEditor 4, TinyMCE): the body inside the frame is what the agent types into.
  if (el.tagName === 'IFRAME') {
    const body = iframeBody(el as HTMLIFrameElement);
    return body && body.isContentEditable ? body : null;
  }
  const inner = el.querySelector('textarea, [contenteditable="true"], [contenteditable=""], iframe');
  return inner ? toEditableRoot(inner) : null;
}

function iframeBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    return frame.contentDocument?.body ?? null;
  } catch {
    return null; // cross-origin
  }
}

/**
 * Every visible editable field on the page, including inside same-origin iframes.
 * The fallback when a helpdesk swapped its composer for one our selectors don't know.
 */
export function anyEditables(root: Document): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of Array.from(root.querySelectorAll('textarea, [contenteditable]:not([contenteditable="false"])'))) {
    if (isEditableRoot(el) && isVisible(el)) out.push(el);
  }
  for (const frame of Array.from(root.querySelectorAll('iframe'))) {
    const body = iframeBody(frame);
    if (body?.isContentEditable && isVisible(frame)) out.push(body);
  }
  return out;
}

function isVisible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 20 && r.height > 10;
}

/** Normalised text of the last element matching any of `selectors` (the newest message is last in a thread). */
export function lastText(root: Document, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const all = root.querySelectorAll(sel);
    const last = all[all.length - 1] as HTMLElement | undefined;
    const text = last?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}
