/**
 * The agent's caret in a composer: kept while the card has focus and put back when it closes, and the draft
 * offset it is at (where Alt+Shift+A looks for the next finding).
 */
import type { ComposerSession } from './session';
import { focusComposer } from './frames';

export type SavedCaret = { el: HTMLElement; range?: Range; start?: number; end?: number };

function isTextField(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

export function saveCaret(session: ComposerSession): SavedCaret {
  const el = session.element;
  if (isTextField(el)) return { el, start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
  const sel = el.ownerDocument.getSelection();
  const range = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : undefined;
  return { el, range: range && el.contains(range.startContainer) ? range : undefined };
}

/** Focus the composer again (its frames first) and put the caret back. */
export function restoreCaret(caret: SavedCaret | undefined): void {
  if (!caret || !caret.el.isConnected) return;
  const doc = caret.el.ownerDocument;
  focusComposer(caret.el);
  if (caret.start !== undefined) (caret.el as HTMLTextAreaElement).setSelectionRange(caret.start, caret.end ?? caret.start);
  else if (caret.range) {
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(caret.range);
  }
}

/** The caret's draft offset; in rich text, the start of the finding at or after it (MAX_SAFE_INTEGER: after all). */
export function caretOffset(session: ComposerSession): number {
  const el = session.element;
  if (isTextField(el)) return el.selectionStart ?? 0;
  const sel = el.ownerDocument.getSelection();
  if (!sel || !sel.rangeCount) return 0;
  const caret = sel.getRangeAt(0);
  const snapshot = session.bridge.read();
  // The first finding whose start is at or after the caret.
  for (const { finding } of session.visibleFindings(snapshot.text)) {
    const r = snapshot.rangeFor(finding.start, finding.end);
    if (r && r.compareBoundaryPoints(Range.END_TO_START, caret) <= 0 && r.compareBoundaryPoints(Range.START_TO_END, caret) >= 0) return finding.start;
    if (r && r.compareBoundaryPoints(Range.START_TO_START, caret) >= 0) return finding.start;
  }
  return Number.MAX_SAFE_INTEGER;
}
