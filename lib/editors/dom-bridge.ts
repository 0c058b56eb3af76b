/**
 * A bridge for any DOM-based editor: text from {@link readText}, changes from input events and a
 * MutationObserver, replacement through {@link safeReplace}. Editor families differ only in options.
 * Works from the extension's isolated world: it relies on DOM and events only, never on page objects.
 */
import type { EditorBridge, RestoreCaret } from './types';
import { readText, type ReadOptions } from './offsets';
import { safeReplace, undoOnce, type InsertTechnique, type UndoTechnique } from './replace';

/** A bridge that can also undo one step the way its recovery path does (not part of the EditorBridge contract). */
export interface UndoableBridge extends EditorBridge {
  /** Undo one step in the editor (its own history), as replace() does after a wrong result. */
  undo(): void;
}

/** What distinguishes one DOM editor family from another. */
export interface DomBridgeOptions {
  kind: string;
  /** One path, or the paths to try in order (see ReplaceTarget.insert). */
  insert: InsertTechnique | readonly InsertTechnique[];
  undo: UndoTechnique | ((el: HTMLElement) => void);
  read?: ReadOptions;
  settleMs?: number;
  focusSettleMs?: number;
  /** See ReplaceTarget.spanAsTargetRangeOnly. */
  spanAsTargetRangeOnly?: readonly InsertTechnique[];
}

/** Create a bridge for the editable root `element`. */
export function createDomBridge(element: HTMLElement, options: DomBridgeOptions): UndoableBridge {
  const read = () => readText(element, options.read);
  return {
    undo: () => undoOnce({ element, undo: options.undo }),
    kind: options.kind,
    element,
    textInDom: true,
    read,
    saveCaret: () => saveDomCaret(element),
    replace: (start, end, expected, replacement) =>
      safeReplace({ element, read, insert: options.insert, undo: options.undo, settleMs: options.settleMs, focusSettleMs: options.focusSettleMs, spanAsTargetRangeOnly: options.spanAsTargetRangeOnly }, start, end, expected, replacement),
    onChange: (listener) => observeChanges(element, listener),
  };
}

/** Keep the document's selection if it is inside `element`; the result puts that range back. */
export function saveDomCaret(element: HTMLElement): RestoreCaret {
  const sel = element.ownerDocument.getSelection();
  const range = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : undefined;
  if (!range || !element.contains(range.startContainer)) return () => {};
  return () => {
    if (!range.startContainer.isConnected) return;
    const now = element.ownerDocument.getSelection();
    now?.removeAllRanges();
    now?.addRange(range);
  };
}

/**
 * Call `listener` (at most once per task) when the element's content changes: user input, editor API
 * changes (seen as DOM mutations), undo/redo. Returns an unsubscribe function.
 */
export function observeChanges(element: HTMLElement, listener: () => void): () => void {
  let queued = false;
  const notify = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => { queued = false; listener(); }, 0);
  };
  const events = ['input', 'compositionend', 'cut', 'paste', 'drop'];
  for (const e of events) element.addEventListener(e, notify);
  const view = element.ownerDocument.defaultView ?? window;
  const observer = new view.MutationObserver(notify);
  observer.observe(element, { characterData: true, childList: true, subtree: true });
  return () => {
    for (const e of events) element.removeEventListener(e, notify);
    observer.disconnect();
  };
}
