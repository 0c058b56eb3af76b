/**
 * Synthetic key events that tell an editor something without typing anything: a synthetic key has no
 * default action, so the caret and the text stay as they are; only the editor's own key handlers react.
 * Shared by the bridges (TinyMCE, CKEditor 4) and the safety-net undo (replace.ts).
 */

/** PageUp's key code: a navigation key, which TinyMCE and CKEditor 4 take as "the typing run ended". */
export const PAGE_UP = 33;

/**
 * Dispatch one synthetic key event on `target` (bubbling, cancelable). `keyCode` 0: no key at all. True when a
 * handler called preventDefault (the editor took the key).
 */
export function dispatchKey(target: HTMLElement, type: 'keydown' | 'keyup', init: KeyboardEventInit & { keyCode?: number } = {}): boolean {
  const view = target.ownerDocument.defaultView ?? window;
  const keyCode = init.keyCode ?? 0;
  const ev = new view.KeyboardEvent(type, { ...init, keyCode, which: keyCode, bubbles: true, cancelable: true } as KeyboardEventInit);
  target.dispatchEvent(ev);
  return ev.defaultPrevented;
}

/**
 * A Backspace keydown (no keyup needed): an editor that deletes in its own key handler (Draft.js's
 * keyCommandPlainBackspace removes a selected range from its model) does so; nothing else happens, since a
 * synthetic key has no default action. True when the editor took it.
 */
export function pressBackspace(target: HTMLElement): boolean {
  return dispatchKey(target, 'keydown', { key: 'Backspace', code: 'Backspace', keyCode: 8, composed: true });
}

/** A PageUp keydown and keyup: closes the editor's open typing run (its undo step) without moving anything. */
export function pressPageUp(target: HTMLElement): void {
  for (const type of ['keydown', 'keyup'] as const) dispatchKey(target, type, { key: 'PageUp', code: 'PageUp', keyCode: PAGE_UP });
}

/** Ctrl+Z (Cmd+Z on a Mac) keydown and keyup, which editors with their own history map to undo. */
export function pressUndoKeys(target: HTMLElement): void {
  const view = target.ownerDocument.defaultView ?? window;
  const mac = /Mac|iPhone|iPad/.test(view.navigator.platform);
  // Composed: an editor inside a shadow root listens on its host as well.
  const init = { key: 'z', code: 'KeyZ', keyCode: 90, ctrlKey: !mac, metaKey: mac, composed: true };
  dispatchKey(target, 'keydown', init);
  dispatchKey(target, 'keyup', init);
}
