/**
 * Bridge for `<textarea>` (and text-like `<input>`): the text is `value`, selection is
 * `setSelectionRange`, insertion is `execCommand('insertText')` (keeps the native undo stack, and
 * updates React-controlled fields, unlike setting `value`). Textareas have no DOM text, so `rangeFor`
 * returns null and `rects` measures spans with a mirror element (textarea-geometry.ts); the caret is
 * `selectionStart`/`selectionEnd`.
 */
import type { BridgeFactory } from './registry';
import { safeReplace, undoOnce } from './replace';
import { observeChanges, type UndoableBridge } from './dom-bridge';
import { rectsForTextareaSpan } from './textarea-geometry';
import type { DraftSnapshot } from './types';

type TextControl = HTMLTextAreaElement | HTMLInputElement;

const TEXT_INPUT_TYPES = new Set(['text', 'email', 'url', 'search', 'tel', '']);

/** Is `el` a textarea or a text-like input? */
export function isTextControl(el: Element): el is TextControl {
  if (el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase());
}

/** Create a bridge for a textarea or text input. */
export function createTextareaBridge(element: TextControl): UndoableBridge {
  const read = (): DraftSnapshot => ({
    text: element.value,
    rangeFor: () => null,
    rects: (start, end) => rectsForTextareaSpan(element, start, end),
    selection: () => ({ start: element.selectionStart ?? 0, end: element.selectionEnd ?? element.selectionStart ?? 0 }),
  });
  return {
    undo: () => undoOnce({ element, undo: 'execCommand' }),
    kind: 'textarea',
    element,
    textInDom: false,
    read,
    saveCaret: () => {
      const { start, end } = read().selection()!;
      return () => { if (element.isConnected) element.setSelectionRange(start, end); };
    },
    replace: (start, end, expected, replacement) =>
      safeReplace({
        element, read, insert: 'execCommand', undo: 'execCommand',
        select: (s, e) => { element.setSelectionRange(s, e); return true; },
      }, start, end, expected, replacement),
    onChange: (listener) => {
      // `change` covers values set by page scripts that then fire it; mutations cover attribute-driven resets.
      const stop = observeChanges(element, listener);
      element.addEventListener('change', listener);
      return () => { stop(); element.removeEventListener('change', listener); };
    },
  };
}

/** Registry entry: the element itself must be the textarea/input. */
export const textarea: BridgeFactory = {
  kind: 'textarea',
  // The browser's native undo: setSelectionRange ends the typing run, so each execCommand is one step.
  mergeWindowMs: 0,
  detect: (el) => (isTextControl(el) ? el : null),
  create: (root) => createTextareaBridge(root as TextControl),
};
