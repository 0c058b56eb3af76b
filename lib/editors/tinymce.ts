/**
 * Bridge for TinyMCE (iframe mode: the root is the iframe's `body.mce-content-body`; inline mode: the
 * editable div with that class). execCommand('insertText') in the editor's own document updates the content,
 * and the extra `input` event (insertReplacementText) makes TinyMCE's UndoManager add one undo level;
 * a navigation key first closes any typing level, so that level holds the replacement alone.
 * Chrome to skip: `data-mce-bogus="all"` helpers, bogus `<br>`s, bookmarks, the off-screen fake selection
 * and visual caret. `data-mce-bogus="1"` wrappers (the format caret) hold real typed text: keep their
 * children; their U+FEFF caret char is a default ignored char.
 */
import type { BridgeFactory } from './registry';
import type { EditorBridge } from './types';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';

const CHROME = '[data-mce-bogus="all"], br[data-mce-bogus], [data-mce-type="bookmark"], .mce-offscreen-selection, .mce-visual-caret, [data-mce-caret]';

/** Is `el` TinyMCE chrome rather than draft content? */
export function isTinymceChrome(el: Element): boolean {
  return el.matches(CHROME);
}

/**
 * Iframe editors: the body is its document's activeElement even while the iframe itself is not focused,
 * so "has focus" checks pass and the edit lands in a frame the keyboard is not in (a following Ctrl+Z
 * would go to the top page). Focus the frame first, then let the editor restore its selection.
 */
export function withFrameFocus(bridge: EditorBridge): EditorBridge {
  return {
    ...bridge,
    async replace(start, end, expected, replacement) {
      const doc = bridge.element.ownerDocument;
      if (!doc.hasFocus()) {
        const frame = doc.defaultView?.frameElement as HTMLElement | null | undefined;
        frame?.focus({ preventScroll: true });
        bridge.element.focus({ preventScroll: true });
        await new Promise((ok) => setTimeout(ok, 0));
      }
      return bridge.replace(start, end, expected, replacement);
    },
  };
}

/**
 * Close TinyMCE's open typing level before the edit: its UndoManager folds unsaved typing into the next
 * level, so without this one Ctrl+Z would undo the replacement together with what the agent just typed.
 * A (synthetic, action-less) PageUp keydown is what TinyMCE treats as "typing ended".
 */
export function withTypingClosed(bridge: EditorBridge): EditorBridge {
  return {
    ...bridge,
    replace(start, end, expected, replacement) {
      const el = bridge.element;
      const view = el.ownerDocument.defaultView ?? window;
      for (const type of ['keydown', 'keyup']) {
        el.dispatchEvent(new view.KeyboardEvent(type, { key: 'PageUp', code: 'PageUp', keyCode: 33, which: 33, bubbles: true, cancelable: true } as KeyboardEventInit));
      }
      return bridge.replace(start, end, expected, replacement);
    },
  };
}

/** Registry entry for TinyMCE. */
export const tinymce: BridgeFactory = {
  kind: 'tinymce',
  detect: (el) => closestEditable(el, '.mce-content-body'),
  create: (root) => withFrameFocus(withTypingClosed(createDomBridge(root, {
    kind: 'tinymce',
    insert: 'execCommand+input',
    // TinyMCE's shortcut handler maps a Ctrl+Z keydown to its UndoManager.
    undo: 'keydown',
    read: { skip: isTinymceChrome },
  }))),
};
