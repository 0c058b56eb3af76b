/**
 * Small DOM helpers shared by the site adapters (pure functions over a Document; no extension APIs).
 * Every query crosses same-origin frames (any depth) and open shadow roots (see roots.ts).
 */
import { deepQueryAll, frameDocument, searchRoots } from './roots';

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
    for (const el of deepQueryAll(root, sel)) {
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
  return frameDocument(frame)?.body ?? null; // null when cross-origin
}

/**
 * Every visible editable field on the page, including inside same-origin iframes.
 * The fallback when a helpdesk swapped its composer for one our selectors don't know.
 */
export function anyEditables(root: Document): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const r of searchRoots(root)) {
    for (const el of Array.from(r.querySelectorAll('textarea, [contenteditable]:not([contenteditable="false"])'))) {
      if (isEditableRoot(el) && isVisible(el)) out.push(el);
    }
    const body = (r as Document).body;
    const frame = (r as Document).defaultView?.frameElement;
    if (r !== root && body?.isContentEditable && frame && isVisible(frame) && !out.includes(body)) out.push(body);
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
    const all = deepQueryAll(root, sel);
    const last = all[all.length - 1] as HTMLElement | undefined;
    const text = last?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

/** The kind of one item in a ticket thread, as the helpdesk marks it. */
export type ThreadKind = 'customer' | 'agent' | 'note' | 'bot';

export interface ThreadSpec {
  /** One element per message in the thread (newest last in DOM order). */
  items: string;
  /** What the helpdesk says the item is; undefined when its markup doesn't say. */
  kind(item: Element): ThreadKind | undefined;
  /** The message body inside an item (default: the item itself). */
  body?: string;
}

const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

/**
 * The customer's latest message: the last thread item marked as the customer's, never an agent's reply,
 * an internal note or a bot message. Undefined ("unknown") when no item is marked as the customer's.
 */
export function lastCustomerMessage(root: Document, spec: ThreadSpec): string | undefined {
  return lastCustomerItem(root, spec)?.text;
}

/** The element `lastCustomerMessage` reads (the body of the last customer item), for placing the card around it. */
export function lastCustomerElement(root: Document, spec: ThreadSpec): Element | undefined {
  return lastCustomerItem(root, spec)?.element;
}

function lastCustomerItem(root: Document, spec: ThreadSpec): { element: Element; text: string } | undefined {
  const items = deepQueryAll(root, spec.items);
  for (let i = items.length - 1; i >= 0; i--) {
    if (spec.kind(items[i]) !== 'customer') continue;
    const body = spec.body ? items[i].querySelector(spec.body) : items[i];
    const text = squash(body?.textContent);
    if (body && text) return { element: body, text };
  }
  return undefined;
}

/** The outermost editable root holding `el` (a textarea, a contenteditable root, or an editable iframe body). */
export function editableRootOf(el: Element | null): HTMLElement | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isEditableRoot(node) && (node.tagName !== 'BODY' || (node as HTMLElement).isContentEditable)) return node as HTMLElement;
  }
  return null;
}

/**
 * The composer for what the agent focused: the editable root around the focus, if the adapter lists it
 * or it is any visible editable field. The adapter's selectors only rank; they never hide the composer the
 * agent is typing in (a selector that matches another editor on the page used to hide the real one).
 */
export function composerForFocus(findComposers: (root: Document) => HTMLElement[], top: Document, focused: Element): HTMLElement | null {
  const root = editableRootOf(focused);
  if (!root) return null;
  if (findComposers(top).includes(root)) return root;
  const frame = root.ownerDocument.defaultView?.frameElement ?? null;
  return isVisible(root.tagName === 'BODY' && frame ? frame : root) ? root : null;
}
