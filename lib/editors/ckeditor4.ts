/**
 * Bridge for CKEditor 4 (Salesforce's composer is a customised CKEditor 4): the root is the iframe's
 * `body.cke_editable` (classic mode) or the inline editable div. execCommand('insertText') in the editor's
 * document updates the content (CKEditor 4's data is its DOM), but its UndoManager only records typing it
 * has seen key events for: so the insert is bracketed by synthetic key events (see {@link withUndoSnapshot})
 * that make CKEditor 4 keep the pre-edit image as exactly one undo step, like a typed word.
 * Chrome to skip: temporary helpers (`data-cke-temp`, hidden selection container, bookmarks, magic line,
 * widget drag handles); the 7×U+200B filling sequence is a default ignored char.
 */
import type { BridgeFactory } from './registry';
import type { EditorBridge } from './types';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';
import { withFrameFocus } from './with-frame-focus';
import { dispatchKey, pressPageUp, pressUndoKeys } from './synthetic-keys';

const CHROME = '[data-cke-temp], [data-cke-hidden-sel], [data-cke-bookmark], [data-cke-magic-line], .cke_widget_drag_handler_container, .cke_image_resizer';

/** Is `el` CKEditor 4 chrome rather than draft content? */
export function isCkeditor4Chrome(el: Element): boolean {
  return el.matches(CHROME);
}

/**
 * Wrap a DOM bridge so each replacement is one CKEditor 4 undo step of its own:
 * - a navigation key (PageUp) first closes any typing run in progress (so the agent's typing and the replacement
 *   don't merge into one step);
 * - a keydown/keyup pair with key code 0 brackets the edit: the image taken on keydown becomes the undo
 *   image, and the `input` that execCommand fires counts as a typed key;
 * - a navigation key after closes the run again (so typing after the replacement is a separate step).
 * Synthetic key events have no default action, so the caret and the text are untouched by them.
 */
export function withUndoSnapshot(bridge: EditorBridge): EditorBridge {
  return {
    ...bridge,
    async replace(start, end, expected, replacement) {
      const el = bridge.element;
      pressPageUp(el);
      dispatchKey(el, 'keydown');
      try {
        return await bridge.replace(start, end, expected, replacement);
      } finally {
        dispatchKey(el, 'keyup');
        pressPageUp(el);
      }
    },
  };
}

/**
 * The safety-net undo (replace.ts calls it when an edit landed wrongly, while the keydown of
 * {@link withUndoSnapshot} is still open): close the typing run first (keyup, then a navigation key, so
 * CKEditor 4 records the current state as a step), then Ctrl+Z, which its keystroke handler maps to undo.
 */
export function ckeditor4Undo(root: HTMLElement): void {
  dispatchKey(root, 'keyup');
  pressPageUp(root);
  pressUndoKeys(root);
}

/** Registry entry for CKEditor 4. */
export const ckeditor4: BridgeFactory = {
  kind: 'ckeditor4',
  // CKEditor 4's UndoManager groups typing by key strokes, not time; withUndoSnapshot closes the run.
  mergeWindowMs: 0,
  detect: (el) => closestEditable(el, '.cke_editable'),
  create: (root) => withFrameFocus(withUndoSnapshot(createDomBridge(root, {
    kind: 'ckeditor4',
    // A paste next: Briskine pastes into Salesforce's editor frames.
    insert: ['execCommand', 'paste'],
    undo: ckeditor4Undo,
    read: { skip: isCkeditor4Chrome },
  }))),
};
