/**
 * Bridge for a plain contenteditable (Front, Gmail, many in-house composers): the DOM is the model,
 * the browser's native undo stack undoes execCommand edits.
 */
import type { BridgeFactory } from './registry';
import { createDomBridge } from './dom-bridge';

/** The outermost contenteditable host that contains `el` (nested editables belong to it). */
export function editableHost(el: HTMLElement): HTMLElement | null {
  if (!el.isContentEditable) return null;
  let host = el;
  for (let p = el.parentElement; p && p.isContentEditable; p = p.parentElement) host = p;
  return host;
}

/** Registry entry: any contenteditable not claimed by a specific editor family. */
export const contenteditable: BridgeFactory = {
  kind: 'contenteditable',
  // The browser's native undo: a script-set selection ends the typing run, so each execCommand is one step.
  mergeWindowMs: 0,
  detect: editableHost,
  create: (root) => createDomBridge(root, { kind: 'contenteditable', insert: 'execCommand', undo: 'execCommand' }),
};
