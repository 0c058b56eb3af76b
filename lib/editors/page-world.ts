/**
 * Apply paths that must run in the page's own JavaScript world, and the one DOM event that asks for them.
 * The content script lives in an isolated world: it shares the DOM but not the page's objects, so it cannot
 * reach CKEditor 5's `editable.ckeditorInstance` (an expando the page set), and Firefox wraps objects it makes
 * (a DataTransfer) in views the page may not read. Evidence (../shared/notes/helpdesks.md): pixiebrix applies
 * through CKEditor 5's model from the page world; Briskine dispatches its synthetic paste there.
 *
 * Protocol: the bridge dispatches a cancelable `attune:page-apply` CustomEvent on the editable root whose
 * `detail` is a JSON string (a primitive crosses worlds in Chrome and Firefox alike). {@link installPageWorld},
 * running in the page world, does the work synchronously inside the dispatch and calls `preventDefault()` when
 * the path was taken. Nobody listening (a frame rewritten by `document.write`, Firefox, a site added at run
 * time) means "not taken", and the bridge tries its next path. The page can send this event itself, but it
 * only asks the page's own editor to do what the page's code could do anyway; the result is verified by the
 * bridge from the DOM either way.
 */

export const PAGE_APPLY_EVENT = 'attune:page-apply';

export type PagePath = 'ckeditor5-model' | 'paste';

export interface PageApplyRequest {
  path: PagePath;
  text: string;
}

/** From either world: ask the page world to insert `text` over the current selection. True when it was done. */
export function askPageWorld(el: HTMLElement, request: PageApplyRequest): boolean {
  const view = el.ownerDocument.defaultView ?? window;
  const ev = new view.CustomEvent(PAGE_APPLY_EVENT, { detail: JSON.stringify(request), bubbles: true, composed: true, cancelable: true });
  el.dispatchEvent(ev);
  return ev.defaultPrevented;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A synthetic paste of `text` (text/plain, and the same text as text/html) on `el`, with the page's own
 * constructors. True when the editor handled it (called preventDefault: a synthetic paste has no default action).
 */
export function dispatchPaste(el: HTMLElement, text: string): boolean {
  const view = (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  if (typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return false;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  data.setData('text/html', escapeHtml(text));
  const ev = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // Chrome drops an init dictionary's clipboardData on some versions: give the event its data explicitly.
  if (!ev.clipboardData) Object.defineProperty(ev, 'clipboardData', { value: data });
  el.dispatchEvent(ev);
  return ev.defaultPrevented;
}

/** The parts of CKEditor 5's API this file uses (duck-typed: the page's editor, any build). */
interface Ck5Editor {
  model: {
    change(fn: (writer: Ck5Writer) => void): void;
    insertContent(content: unknown, selectable?: unknown): void;
    deleteContent(selection: unknown): void;
    document: { selection: { getAttributes(): Iterable<[string, unknown]>; isCollapsed: boolean } };
  };
  editing: {
    view: { domConverter: { domRangeToView(range: Range): unknown } };
    mapper: { toModelRange(range: unknown): unknown };
  };
}
interface Ck5Writer {
  createText(text: string, attributes?: Record<string, unknown>): unknown;
  setSelection(selectable: unknown): void;
}

/**
 * CKEditor 5 through its model: map the DOM selection to a model range and replace it in one `model.change`
 * (one undo step, like a typed word). False when `el` has no editor instance (not CKEditor 5, or not visible
 * from this world) or the selection cannot be mapped.
 */
export function applyThroughCkeditor5Model(el: HTMLElement, text: string): boolean {
  const editor = (el as unknown as { ckeditorInstance?: Ck5Editor }).ckeditorInstance;
  if (!editor?.model || !editor.editing) return false;
  const sel = el.ownerDocument.getSelection();
  if (!sel || !sel.rangeCount) return false;
  const viewRange = editor.editing.view.domConverter.domRangeToView(sel.getRangeAt(0));
  if (!viewRange) return false;
  const modelRange = editor.editing.mapper.toModelRange(viewRange);
  if (!modelRange) return false;
  editor.model.change((writer) => {
    writer.setSelection(modelRange);
    // Keep the formatting of the words replaced (bold stays bold), as typing over a selection does.
    const attributes = Object.fromEntries(editor.model.document.selection.getAttributes());
    if (text) editor.model.insertContent(writer.createText(text, attributes));
    else editor.model.deleteContent(editor.model.document.selection);
  });
  return true;
}

/** Run in the page world (a MAIN-world content script, or a test page): answer `attune:page-apply`. */
export function installPageWorld(win: Window = window): void {
  const flag = win as unknown as { __attunePageWorld?: boolean };
  if (flag.__attunePageWorld) return;
  flag.__attunePageWorld = true;
  win.addEventListener(PAGE_APPLY_EVENT, (event) => {
    const el = event.target as HTMLElement | null;
    const raw = (event as CustomEvent).detail;
    if (!el || typeof raw !== 'string') return;
    let request: PageApplyRequest;
    try { request = JSON.parse(raw) as PageApplyRequest; } catch { return; }
    if (typeof request.text !== 'string') return;
    let done = false;
    try {
      if (request.path === 'ckeditor5-model') done = applyThroughCkeditor5Model(el, request.text);
      else if (request.path === 'paste') done = dispatchPaste(el, request.text);
    } catch {
      done = false; // an editor API that throws is a path not taken; the bridge verifies and moves on
    }
    if (done) event.preventDefault();
  }, true);
}
