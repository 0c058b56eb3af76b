/**
 * Bridge for Slate (slate-react): `[data-slate-editor]` is the editable root.
 * Never execCommand (Chrome changes the DOM behind Slate's model: corruption) and never touch the DOM:
 * a synthetic `beforeinput` insertText goes through Slate's own input handling (Chrome and Firefox),
 * and slate-history records it as one undo step.
 * Chrome to skip: zero-width placeholders (`[data-slate-zero-width]`: U+FEFF plus a `<br>` in empty
 * lines), placeholder text, non-editable voids.
 */
import type { BridgeFactory } from './registry';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';

const CHROME = '[data-slate-zero-width], [data-slate-placeholder]';

/** Is `el` Slate chrome rather than draft content? */
export function isSlateChrome(el: Element): boolean {
  return el.matches(CHROME);
}

/** Registry entry for Slate. */
export const slate: BridgeFactory = {
  kind: 'slate',
  detect: (el) => closestEditable(el, '[data-slate-editor]'),
  create: (root) => createDomBridge(root, {
    kind: 'slate',
    insert: 'beforeinput',
    // slate-react's keydown handler maps Ctrl+Z to HistoryEditor.undo.
    undo: 'keydown',
    read: { skip: isSlateChrome },
  }),
};
