/**
 * Bridge for Lexical (`[data-lexical-editor]`): execCommand('insertText') is handled by Lexical's
 * input listeners and lands in its history. Never follow it with an extra `input` event (measured:
 * Lexical then inserts the text twice).
 */
import type { BridgeFactory } from './registry';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';

/** Registry entry for Lexical. */
export const lexical: BridgeFactory = {
  kind: 'lexical',
  // @lexical/history's `delay` (HistoryPlugin / registerHistory, 300 ms in the history extension) only merges
  // same-kind single-character typing with a collapsed selection; a replacement over a selection is OTHER,
  // always a new history entry.
  mergeWindowMs: 0,
  detect: (el) => closestEditable(el, '[data-lexical-editor="true"], [data-lexical-editor]'),
  create: (root) => createDomBridge(root, { kind: 'lexical', insert: 'execCommand', undo: 'keydown' }),
};
