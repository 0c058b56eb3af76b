/** A composer's place among same-origin frames: the frames above it, whether it is still on the page, focusing it. */

/** The frames between the page and `el`, outermost first (same-origin, any depth). */
export function framesOf(el: HTMLElement): HTMLElement[] {
  const frames: HTMLElement[] = [];
  for (let doc = el.ownerDocument; doc !== document; ) {
    const frame = doc.defaultView?.frameElement as HTMLElement | null | undefined;
    if (!frame) break;
    frames.unshift(frame);
    doc = frame.ownerDocument;
  }
  return frames;
}

/** Still on the page: connected, and so is every frame on the way to it. */
export function isAttached(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  const frames = framesOf(el);
  return frames.every((f) => f.isConnected) && (frames[0]?.ownerDocument ?? el.ownerDocument) === document;
}

/** Focus an editor, including one inside same-origin iframes (focus each frame first, or keys stay in the page above). */
export function focusComposer(el: HTMLElement): void {
  // Whether each frame's document has the focus, not only whether it is its parent's active element: with focus in
  // Attune's card or prompt (top document), a middle frame's document still names the inner frame as its active
  // element, so that test skipped the inner frame and the keys stayed in the outer one (Salesforce, two frames deep).
  for (const frame of framesOf(el)) {
    const inner = (frame as HTMLIFrameElement).contentDocument;
    if (frame.ownerDocument.activeElement !== frame || !inner?.hasFocus()) frame.focus();
  }
  if (el.ownerDocument.activeElement !== el || !el.ownerDocument.hasFocus()) el.focus({ preventScroll: true });
}
