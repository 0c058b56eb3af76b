/**
 * Bridge for CKEditor 4 (Salesforce's composer is a customised CKEditor 4): the root is the iframe's
 * `body.cke_editable` (classic mode) or the inline editable div. execCommand('insertText') in the editor's
 * document updates the content (CKEditor 4's data is its DOM), but its UndoManager only snapshots typing it
 * has seen a keydown for: so the insert is wrapped in a synthetic keydown/keyup pair (key code 0, no
 * character), which makes CKEditor 4 save the pre-edit snapshot as one undo step, like a typed key.
 * Chrome to skip: temporary helpers (`data-cke-temp`, hidden selection container, bookmarks, magic line,
 * widget drag handles); the 7×U+200B filling sequence is a default ignored char.
 */
import type { BridgeFactory } from './registry';
import type { EditorBridge } from './types';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';
import { withFrameFocus } from './tinymce';

const CHROME = '[data-cke-temp], [data-cke-hidden-sel], [data-cke-bookmark], [data-cke-magic-line], .cke_widget_drag_handler_container, .cke_image_resizer';

/** Is `el` CKEditor 4 chrome rather than draft content? */
export function isCkeditor4Chrome(el: Element): boolean {
  return el.matches(CHROME);
}

/** A synthetic key event with no key code: CKEditor 4 treats it as a typed character for undo purposes. */
function neutralKey(root: HTMLElement, type: 'keydown' | 'keyup'): void {
  const view = root.ownerDocument.defaultView ?? window;
  root.dispatchEvent(new view.KeyboardEvent(type, { bubbles: true, cancelable: true }));
}

/** Wrap a DOM bridge so each replacement is bracketed by the keydown/keyup CKEditor 4's UndoManager needs. */
export function withUndoSnapshot(bridge: EditorBridge): EditorBridge {
  return {
    ...bridge,
    async replace(start, end, expected, replacement) {
      // The keydown must come before the edit: CKEditor 4 keeps the image taken on keydown as the undo step.
      neutralKey(bridge.element, 'keydown');
      try {
        return await bridge.replace(start, end, expected, replacement);
      } finally {
        neutralKey(bridge.element, 'keyup');
      }
    },
  };
}

/** Registry entry for CKEditor 4. */
export const ckeditor4: BridgeFactory = {
  kind: 'ckeditor4',
  detect: (el) => closestEditable(el, '.cke_editable'),
  create: (root) => withFrameFocus(withUndoSnapshot(createDomBridge(root, {
    kind: 'ckeditor4',
    insert: 'execCommand',
    // CKEditor 4's keystroke handler maps a Ctrl+Z keydown to its undo command.
    undo: 'keydown',
    read: { skip: isCkeditor4Chrome },
  }))),
};
