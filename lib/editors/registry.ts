/**
 * The shape every editor family exports for the `bridgeFor` registry in index.ts.
 */
import type { EditorBridge } from './types';

/** One editor family: how to recognise its editable root, and how to make a bridge for it. */
export interface BridgeFactory {
  /** Same as the bridge's `kind`. */
  readonly kind: string;
  /** The editor's editable root for `el` (el itself or an ancestor), or null if this family does not own `el`. */
  detect(el: HTMLElement): HTMLElement | null;
  /**
   * The editor's undo merge window (ms): edits closer together than this may land in one undo step, so an
   * apply waits until the last edit is this old (merge-window.ts). 0 when the editor never merges an apply
   * (a replacement over a selection) with the edit before it. Cite the library option and its default.
   */
  readonly mergeWindowMs: number;
  /** A bridge for a root returned by `detect`. */
  create(root: HTMLElement): EditorBridge;
}

/** `el.closest(selector)` limited to editable roots (the editor's content element, contenteditable). */
export function closestEditable(el: HTMLElement, selector: string): HTMLElement | null {
  const root = el.closest<HTMLElement>(selector);
  return root && root.isContentEditable ? root : null;
}
