/**
 * Bridge for CKEditor 5 (Zendesk's composer): `.ck-editor__editable` is the editable root.
 * Chrome's execCommand edits are reverted by CKEditor's renderer, so text goes in as a synthetic
 * `beforeinput` (insertText), which CKEditor turns into a model change with one undo step (Chrome and Firefox).
 * Chrome to skip: the fake-selection container (a screen-reader label for selected widgets), widget
 * handles and type-around buttons, `<br data-cke-filler>`, and the 7×U+2060 inline filler (default ignored chars).
 */
import type { BridgeFactory } from './registry';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';
import { withDeleteInput } from './with-delete-input';

const CHROME = '.ck-fake-selection-container, .ck-widget__type-around, .ck-widget__selection-handle, .ck-widget__resizer, [data-cke-filler]';

/** Is `el` CKEditor 5 chrome rather than draft content? */
export function isCkeditor5Chrome(el: Element): boolean {
  return el.matches(CHROME);
}

/** Registry entry for CKEditor 5. */
export const ckeditor5: BridgeFactory = {
  kind: 'ckeditor5',
  // CKEditor 5 groups typing by its change buffer (`typing.undoStep`, default 20 characters, reset on a
  // selection change), not by time: an apply selects its span first, or is its own model.change batch.
  mergeWindowMs: 0,
  // Nested editables (table cells, captions) carry the same class: the draft is the root editable.
  detect: (el) => closestEditable(el, '.ck-editor__editable:not(.ck-editor__nested-editable)') ?? closestEditable(el, '.ck-editor__editable'),
  create: (root) => withDeleteInput(createDomBridge(root, {
    kind: 'ckeditor5',
    // The model API from the page world first (pixiebrix), then CKEditor's own beforeinput handling, then a paste.
    insert: ['ckeditor5-model', 'beforeinput', 'paste'],
    // Zendesk's composer moves the caret on focus (Briskine inserted 100 ms later): let it, then select.
    focusSettleMs: 120,
    // CKEditor 5's keystroke handler maps a synthetic Ctrl+Z keydown to its own undo command.
    undo: 'keydown',
    read: { skip: isCkeditor5Chrome },
  })),
};
