/**
 * Iframe editors (TinyMCE, CKEditor 4): the body is its document's activeElement even while the iframe itself
 * is not focused, so "has focus" checks pass and the edit lands in a frame the keyboard is not in (a following
 * Ctrl+Z would go to the top page). This wrapper focuses the frame first, then lets the editor restore its selection.
 */
import type { EditorBridge } from './types';

export function withFrameFocus(bridge: EditorBridge): EditorBridge {
  return {
    ...bridge,
    async replace(start, end, expected, replacement) {
      const doc = bridge.element.ownerDocument;
      if (!doc.hasFocus()) {
        const frame = doc.defaultView?.frameElement as HTMLElement | null | undefined;
        frame?.focus({ preventScroll: true });
        bridge.element.focus({ preventScroll: true });
        await new Promise((ok) => setTimeout(ok, 0));
      }
      return bridge.replace(start, end, expected, replacement);
    },
  };
}
