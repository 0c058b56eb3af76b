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
import { withDeleteInput } from './with-delete-input';
import type { InsertTechnique } from './replace';

const CHROME = '[data-slate-zero-width], [data-slate-placeholder]';

/** Is `el` Slate chrome rather than draft content? */
export function isSlateChrome(el: Element): boolean {
  return el.matches(CHROME);
}

/**
 * Slate 0.47 (slate-react 0.22, Help Scout's composer): its root carries `data-key` (the document's key);
 * slate-react ≥ 0.50 marks nodes with `data-slate-node` instead.
 */
export function isSlate047(root: HTMLElement): boolean {
  return root.hasAttribute('data-key') && !root.hasAttribute('data-slate-node');
}

/**
 * Paths, in order. Newer Slate first tries `insertBeforeSpan` (replace.ts): a plain Apply starts with a
 * `remove_text` of the span, which slate-history joins to a previous deletion that began at the span's end (a
 * Backspace run, or the last Apply's deletion: one Ctrl+Z undid both, seed 84303 op 35); inserting before the span
 * first, then deleting it forward in the same flush, starts the batch with an `insert_text` instead. A pure deletion
 * inserts a placeholder and deletes it with the span (the same batch opens with an insert_text). It declines
 * (caret at the span's start, a one-letter replacement) and the plain paths follow. Then both
 * families use the beforeinput insertText with its target range. Then Slate 0.47: a paste
 * (its onPaste inserts at its selection; measured to work as well, with the caret after the text). Newer Slate:
 * insertReplacementText with a target range (its onPaste defers to beforeinput in Chrome, so no paste).
 */
export function slatePaths(root: HTMLElement): InsertTechnique[] {
  return isSlate047(root) ? ['beforeinput', 'paste'] : ['insertBeforeSpan', 'beforeinput', 'replacementText'];
}

/** Registry entry for Slate. */
export const slate: BridgeFactory = {
  kind: 'slate',
  // slate-history has no time window: it merges operations of one flush, or contiguous insert_text /
  // remove_text (shouldMerge); an apply's remove_text over a selected span does not continue the edit before it.
  mergeWindowMs: 0,
  detect: (el) => closestEditable(el, '[data-slate-editor]'),
  create: (root) => withDeleteInput(createDomBridge(root, {
    kind: 'slate',
    insert: slatePaths(root),
    // slate-react's keydown handler maps Ctrl+Z to HistoryEditor.undo.
    undo: 'keydown',
    read: { skip: isSlateChrome },
    // Slate 0.47 only: its History saves a selection change as an undo step of its own (slate@0.47.9
    // History `save` skips only a focus/blur-only set_selection, and `deleteAtRange`'s `snapshotSelection`
    // opens a new batch withoutMerging), so selecting the span before the beforeinput left a step that only
    // moves the selection: two applies took three Ctrl+Z. Its onBeforeInput replaces `findRange(targetRange)`
    // whatever the selection is, so the span travels as the target range alone (the caret stays the agent's).
    // The paste fallback still selects (onPaste inserts at the selection). Newer Slate: slate-history never
    // saves set_selection.
    spanAsTargetRangeOnly: isSlate047(root) ? ['beforeinput'] : ['insertBeforeSpan'],
  })),
};
