/**
 * Bridge for Slate (slate-react): `[data-slate-editor]` is the editable root.
 * Never execCommand (Chrome changes the DOM behind Slate's model: corruption) and never touch the DOM:
 * a synthetic `beforeinput` insertText goes through Slate's own input handling (Chrome and Firefox),
 * and slate-history records it as one undo step.
 * Chrome to skip: zero-width placeholders (`[data-slate-zero-width]`: U+FEFF plus a `<br>` in empty
 * lines), placeholder text, non-editable voids.
 */
import type { BridgeFactory } from './registry';
import type { EditorBridge } from './types';
import { closestEditable } from './registry';
import { createDomBridge } from './dom-bridge';
import type { InsertTechnique } from './replace';

const CHROME = '[data-slate-zero-width], [data-slate-placeholder]';

/** Is `el` Slate chrome rather than draft content? */
export function isSlateChrome(el: Element): boolean {
  return el.matches(CHROME);
}

/**
 * For `beforeinput` editors, a pure deletion (empty replacement) must be a delete input: Slate and others
 * ignore an `insertText` whose data is empty. The shared algorithm sends insertText, so while a deletion
 * runs, a capturing listener swaps that one synthetic event for a `deleteContentBackward` on the same
 * element (the selection is already the span, so the editor deletes exactly it).
 */
export function withDeleteInput(bridge: EditorBridge): EditorBridge {
  return {
    ...bridge,
    async replace(start, end, expected, replacement) {
      if (replacement !== '') return bridge.replace(start, end, expected, replacement);
      const el = bridge.element;
      const view = el.ownerDocument.defaultView ?? window;
      const translate = (event: Event) => {
        const input = event as InputEvent;
        if (event.isTrusted || event.target !== el || input.inputType !== 'insertText' || input.data !== '') return;
        event.stopImmediatePropagation();
        event.preventDefault();
        // With the span as its target range, as a real one has (Slate 0.47 ignores a beforeinput without).
        const sel = el.ownerDocument.getSelection();
        const StaticRangeCtor = (view as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
        const targetRanges = sel && sel.rangeCount && StaticRangeCtor ? [new StaticRangeCtor(sel.getRangeAt(0))] : [];
        el.dispatchEvent(new view.InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true, cancelable: true, composed: true, targetRanges }));
      };
      view.addEventListener('beforeinput', translate, true);
      try {
        return await bridge.replace(start, end, expected, replacement);
      } finally {
        view.removeEventListener('beforeinput', translate, true);
      }
    },
  };
}

/**
 * Slate 0.47 (slate-react 0.22, Help Scout's composer): its root carries `data-key` (the document's key);
 * slate-react ≥ 0.50 marks nodes with `data-slate-node` instead.
 */
export function isSlate047(root: HTMLElement): boolean {
  return root.hasAttribute('data-key') && !root.hasAttribute('data-slate-node');
}

/**
 * Paths, in order. Both start with the beforeinput insertText with its target range. Then Slate 0.47: a paste
 * (its onPaste inserts at its selection; measured to work as well, with the caret after the text). Newer Slate:
 * insertReplacementText with a target range (its onPaste defers to beforeinput in Chrome, so no paste).
 */
export function slatePaths(root: HTMLElement): InsertTechnique[] {
  return isSlate047(root) ? ['beforeinput', 'paste'] : ['beforeinput', 'replacementText'];
}

/** Registry entry for Slate. */
export const slate: BridgeFactory = {
  kind: 'slate',
  detect: (el) => closestEditable(el, '[data-slate-editor]'),
  create: (root) => withDeleteInput(createDomBridge(root, {
    kind: 'slate',
    insert: slatePaths(root),
    // slate-react's keydown handler maps Ctrl+Z to HistoryEditor.undo.
    undo: 'keydown',
    read: { skip: isSlateChrome },
  })),
};
