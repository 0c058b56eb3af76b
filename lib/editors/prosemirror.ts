/**
 * Bridge for ProseMirror and Tiptap (Intercom, HubSpot): `.ProseMirror` is the editable root.
 * execCommand('insertText') is read back by ProseMirror's DOM observer into a transaction, so the
 * model and its history (one Ctrl+Z) stay right. Chrome to skip: widget decorations and
 * `ProseMirror-separator` images (non-editable), trailing `<br class="ProseMirror-trailingBreak">`.
 */
import type { BridgeFactory } from './registry';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';

/** Registry entry for ProseMirror-based editors (Tiptap included). */
export const prosemirror: BridgeFactory = {
  kind: 'prosemirror',
  // prosemirror-history's `history({ newGroupDelay })`, default 500 ms: an edit within it that touches the
  // previous one's range joins its undo group (Tiptap's History/UndoRedo extension passes the same option).
  mergeWindowMs: 500,
  detect: (el) => closestEditable(el, '.ProseMirror'),
  create: (root) => createDomBridge(root, {
    kind: 'prosemirror', insert: ['execCommand', 'paste'], undo: 'keydown',
    read: { skip: (el) => el.classList.contains('ProseMirror-widget') },
  }),
};
