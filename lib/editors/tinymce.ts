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
import { withFrameFocus } from './with-frame-focus';
import { pressPageUp } from './synthetic-keys';

const CHROME = '[data-mce-bogus="all"], br[data-mce-bogus], [data-mce-type="bookmark"], .mce-offscreen-selection, .mce-visual-caret, [data-mce-caret]';

/** Is `el` TinyMCE chrome rather than draft content? */
export function isTinymceChrome(el: Element): boolean {
  return el.matches(CHROME);
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
      pressPageUp(bridge.element);
      return bridge.replace(start, end, expected, replacement);
    },
  };
}

/** Registry entry for TinyMCE. */
export const tinymce: BridgeFactory = {
  kind: 'tinymce',
  // TinyMCE's UndoManager has no time window; its open typing level is closed by withTypingClosed.
  mergeWindowMs: 0,
  detect: (el) => closestEditable(el, '.mce-content-body'),
  create: (root) => withFrameFocus(withTypingClosed(createDomBridge(root, {
    kind: 'tinymce',
    insert: 'execCommand+input',
    // TinyMCE's shortcut handler maps a Ctrl+Z keydown to its UndoManager.
    undo: 'keydown',
    read: { skip: isTinymceChrome },
  }))),
};
