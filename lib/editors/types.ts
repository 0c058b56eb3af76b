/**
 * An editor bridge: one per editor family (textarea, contenteditable, ProseMirror, CKEditor 5, …).
 * It reads the draft with an offset map, gives DOM ranges for underlines, and replaces a span
 * through the editor's own input handling, so the model updates and one Ctrl+Z undoes it.
 * A bridge never writes into the editor's DOM directly.
 */
export interface DraftSnapshot {
  /** The draft as plain text; blocks are separated by '\n'. */
  text: string;
  /** Map a [start, end) span of `text` to a DOM Range (null if it cannot be mapped any more). */
  rangeFor(start: number, end: number): Range | null;
}

export type ApplyResult =
  | { ok: true }
  /** The edit did not land or changed more than the span; the editor was restored and the text must be copied instead. */
  | { ok: false; reason: 'stale' | 'rejected' | 'corrupted' | 'unsupported' };

export interface EditorBridge {
  /** e.g. 'textarea', 'contenteditable', 'prosemirror', 'ckeditor5', 'tinymce', 'lexical', 'slate', 'draftjs', 'quill', 'ckeditor4', 'trix' */
  readonly kind: string;
  /** The element the agent types into (for iframe editors, the body inside the iframe). */
  readonly element: HTMLElement;
  read(): DraftSnapshot;
  /**
   * Replace text[start, end) with `replacement`, where `expected` is what the caller believes is there.
   * Refuses (`stale`) when the text moved; verifies afterwards and undoes anything unintended.
   */
  replace(start: number, end: number, expected: string, replacement: string): Promise<ApplyResult>;
  /** Subscribe to draft changes (input events, editor events). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}
