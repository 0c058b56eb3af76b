/**
 * Bridge for Trix (`<trix-editor>`, Basecamp/HEY-style composers): the custom element is the editable root.
 * execCommand changes Trix's document but Trix records no undo entry for it, so text goes in as a
 * synthetic `beforeinput` insertText, which Trix's Level 2 input controller applies as one undoable change.
 * Chrome to skip: cursor targets around attachments (U+FEFF, default ignored chars, in
 * `[data-trix-cursor-target]`), attachment captions/toolbars and anything marked not-serialised.
 */
import type { BridgeFactory } from './registry';
import { createDomBridge } from './dom-bridge';
import { withDeleteInput } from './with-delete-input';

const CHROME = '[data-trix-cursor-target], [data-trix-serialize="false"], .attachment__toolbar, figure[data-trix-attachment]';

/** Is `el` Trix chrome rather than draft content? */
export function isTrixChrome(el: Element): boolean {
  return el.matches(CHROME);
}

/** Registry entry for Trix. */
export const trix: BridgeFactory = {
  kind: 'trix',
  // Trix consolidates "Typing" entries with the same context (location, plus a `Trix.config.undo.interval`
  // time bucket, default 5000 ms); an apply's context is its own expanded range, so it is never consolidated.
  mergeWindowMs: 0,
  detect: (el) => {
    const root = el.closest<HTMLElement>('trix-editor');
    return root && root.isContentEditable ? root : null;
  },
  create: (root) => withDeleteInput(createDomBridge(root, {
    kind: 'trix',
    insert: 'beforeinput',
    // Trix handles `historyUndo` input events with its own undo manager.
    undo: 'beforeinput',
    read: { skip: isTrixChrome },
  })),
};
