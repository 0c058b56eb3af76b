/**
 * For `beforeinput` editors (Slate, CKEditor 5, Trix), a pure deletion (empty replacement) must be a delete
 * input: they ignore an `insertText` whose data is empty. The shared algorithm (replace.ts) sends insertText,
 * so while a deletion runs, a capturing listener swaps that one synthetic event for a `deleteContentBackward`
 * on the same element, with the span as its target range (the editor deletes exactly it).
 */
import type { EditorBridge } from './types';

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
        // With the span as its target range, as a real one has (Slate 0.47 ignores a beforeinput without): the
        // insertText's own (Slate 0.47 gets the span there only, not selected), else the selection.
        const sel = el.ownerDocument.getSelection();
        const StaticRangeCtor = (view as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
        const own = typeof input.getTargetRanges === 'function' ? input.getTargetRanges() : [];
        const targetRanges = own.length ? own : sel && sel.rangeCount && StaticRangeCtor ? [new StaticRangeCtor(sel.getRangeAt(0))] : [];
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
