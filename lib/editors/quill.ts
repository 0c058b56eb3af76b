/**
 * Bridge for Quill 2: `.ql-editor` is the editable root. Quill's MutationObserver turns the
 * execCommand edit into a 'user' delta, which its history module can undo. Chrome to skip: list
 * markers (`.ql-ui`, non-editable) and the cursor blot's U+FEFF filler.
 */
import type { BridgeFactory } from './registry';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';

/** Registry entry for Quill. */
export const quill: BridgeFactory = {
  kind: 'quill',
  // Quill's history module option `delay`, default 1000 ms: any change within it of the group's first change
  // is folded into that undo step (no adjacency check).
  mergeWindowMs: 1000,
  detect: (el) => closestEditable(el, '.ql-editor'),
  create: (root) => createDomBridge(root, {
    kind: 'quill', insert: ['execCommand', 'paste'], undo: 'keydown',
    read: { skip: (el) => el.classList.contains('ql-ui') || el.classList.contains('ql-clipboard') },
  }),
};
