/**
 * The editor-bridge registry: `bridgeFor(el)` finds the editor family that owns an element and
 * returns a bridge for its editable root (cached per root). Plus `isEditable` and `isOptedOut`.
 * DOM-only (no page objects), so it works from the extension's isolated world and inside iframes.
 */
import type { EditorBridge } from './types';
import type { BridgeFactory } from './registry';
// Bridges owned by the second editor engineer (one file each):
import { ckeditor5 } from './ckeditor5';
import { ckeditor4 } from './ckeditor4';
import { tinymce } from './tinymce';
import { slate } from './slate';
import { trix } from './trix';
// Bridges owned by the harness engineer:
import { prosemirror } from './prosemirror';
import { lexical } from './lexical';
import { draftjs } from './draftjs';
import { quill } from './quill';
import { contenteditable } from './contenteditable';
import { textarea, isTextControl } from './textarea';
import { watchMergeWindow } from './merge-window';

export type { EditorBridge, DraftSnapshot, ApplyResult } from './types';
export type { BridgeFactory } from './registry';
export { readText } from './offsets';
export { safeReplace } from './replace';
export { installPageWorld } from './page-world';
export { rectsForTextareaSpan } from './textarea-geometry';

/** Detection order: specific editors first (their roots are also contenteditable), then the generic ones. */
export const BRIDGE_FACTORIES: readonly BridgeFactory[] = [
  ckeditor5, prosemirror, lexical, slate, draftjs, quill, trix, tinymce, ckeditor4, contenteditable, textarea,
];

const cache = new WeakMap<HTMLElement, EditorBridge>();

/** The bridge for the editor that owns `el` (el may be the editable root or inside it), or null. */
export function bridgeFor(el: HTMLElement): EditorBridge | null {
  for (const factory of BRIDGE_FACTORIES) {
    const root = factory.detect(el);
    if (!root) continue;
    const known = cache.get(root);
    if (known && known.kind === factory.kind) return known;
    const bridge = factory.create(root);
    watchMergeWindow(bridge, factory.mergeWindowMs);
    cache.set(root, bridge);
    return bridge;
  }
  return null;
}

/** Can the agent type into `el` (textarea/text input that is not read-only, or contenteditable)? */
export function isEditable(el: Element): boolean {
  if (isTextControl(el)) return !el.readOnly && !el.disabled;
  return (el as HTMLElement).isContentEditable === true;
}

export { isOptedOut } from './opt-out';
