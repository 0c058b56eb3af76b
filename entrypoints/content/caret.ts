/**
 * The agent's caret in a composer: kept while the card has focus and put back when it closes, and the draft
 * offset it is at (where Alt+Shift+A looks for the next finding). The editor bridge knows how its editor
 * keeps a selection (a textarea's selectionStart, a DOM range); this file only adds the focus.
 */
import type { RestoreCaret } from '@/lib/editors/types';
import type { ComposerSession } from './session';
import { focusComposer } from './frames';

export type SavedCaret = { el: HTMLElement; restore: RestoreCaret };

export function saveCaret(session: ComposerSession): SavedCaret {
  return { el: session.element, restore: session.bridge.saveCaret() };
}

/** Focus the composer again (its frames first) and put the caret back. */
export function restoreCaret(caret: SavedCaret | undefined): void {
  if (!caret || !caret.el.isConnected) return;
  focusComposer(caret.el);
  caret.restore();
}

/** The caret's draft offset (the start of the selection; 0 when the selection is elsewhere). */
export function caretOffset(session: ComposerSession): number {
  return session.bridge.read().selection()?.start ?? 0;
}
