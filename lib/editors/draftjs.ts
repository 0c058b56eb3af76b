/**
 * Bridge for Draft.js (`.public-DraftEditor-content`): execCommand('insertText') reaches Draft's
 * input handling and becomes an undoable EditorState change. Draft restores its own selection on
 * focus, which replace.ts waits out before selecting the span. The placeholder lives outside the root.
 */
import type { BridgeFactory } from './registry';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';

/** Registry entry for Draft.js. */
export const draftjs: BridgeFactory = {
  kind: 'draftjs',
  detect: (el) => closestEditable(el, '.public-DraftEditor-content'),
  create: (root) => createDomBridge(root, { kind: 'draftjs', insert: 'execCommand', undo: 'keydown' }),
};
