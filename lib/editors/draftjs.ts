/**
 * Bridge for Draft.js (`.public-DraftEditor-content`). Text goes in as a synthetic `textInput` event,
 * which Draft handles itself (React's onBeforeInput): an undoable EditorState change that React then
 * renders. Plain execCommand('insertText') works for most spans but, over a whole block, drops Draft's
 * inline wrappers so the DOM stops following the model (measured: Ctrl+Z then left stale text on
 * screen); it remains the fallback where no `textInput` exists (Firefox). Draft restores its own
 * selection on focus, which replace.ts waits out before selecting the span. The placeholder lives
 * outside the root.
 */
import type { BridgeFactory } from './registry';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';

/** Registry entry for Draft.js. */
export const draftjs: BridgeFactory = {
  kind: 'draftjs',
  // Draft.js (EditorState.push) starts a new undo entry when the selection is not the content's selectionAfter
  // or the change type differs; an apply selects a range first. No time window.
  mergeWindowMs: 0,
  detect: (el) => closestEditable(el, '.public-DraftEditor-content'),
  // A paste next (Briskine's path for Draft.js): Draft's onPaste inserts through its EditorState.
  create: (root) => createDomBridge(root, { kind: 'draftjs', insert: ['textInput', 'paste'], undo: 'keydown' }),
};
