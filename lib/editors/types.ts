/**
 * An editor bridge: one per editor family (textarea, contenteditable, ProseMirror, CKEditor 5, …).
 * It reads the draft with an offset map, gives DOM ranges for underlines, and replaces a span
 * through the editor's own input handling, so the model updates and one Ctrl+Z undoes it.
 * A bridge also owns the editor's geometry and selection (where a span is on screen, where the caret is, how
 * to put it back), so code outside lib/editors never asks what kind of element the editor is.
 * A bridge never writes into the editor's DOM directly.
 */
export interface DraftSnapshot {
  /** The draft as plain text; blocks are separated by '\n'. */
  text: string;
  /**
   * Map a [start, end) span of `text` to a DOM Range (null if it cannot be mapped any more, and always null
   * when the draft is not DOM text: textarea and input, see {@link EditorBridge.textInDom}).
   */
  rangeFor(start: number, end: number): Range | null;
  /**
   * Client rectangles covering text[start, end), one or more per visual line, in the viewport of the element's
   * own document (like `Range.getClientRects()`; not clipped to the editor's box). [] when it cannot be measured.
   */
  rects(start: number, end: number): DOMRect[];
  /** The document's selection as offsets into `text`, or null when the selection is not in this editor. */
  selection(): { start: number; end: number } | null;
}

/** Puts back a selection kept by {@link EditorBridge.saveCaret} (no-op when the editor lost it). */
export type RestoreCaret = () => void;

export type ApplyResult =
  | { ok: true }
  /** The edit did not land or changed more than the span; the editor was restored and the text must be copied instead. */
  | { ok: false; reason: 'stale' | 'rejected' | 'corrupted' | 'unsupported' };

export interface EditorBridge {
  /** e.g. 'textarea', 'contenteditable', 'prosemirror', 'ckeditor5', 'tinymce', 'lexical', 'slate', 'draftjs', 'quill', 'ckeditor4', 'trix' */
  readonly kind: string;
  /** The element the agent types into (for iframe editors, the body inside the iframe). */
  readonly element: HTMLElement;
  /**
   * True when the draft is DOM text (`rangeFor` gives Ranges, so CSS highlights can paint it); false for a
   * textarea or input, whose text is a value that only an overlay can underline.
   */
  readonly textInDom: boolean;
  read(): DraftSnapshot;
  /**
   * Keep the agent's selection in this editor (before something else takes the focus); the result puts it
   * back. It does not focus the editor: the caller focuses it (its frames first) and then restores.
   */
  saveCaret(): RestoreCaret;
  /**
   * Replace text[start, end) with `replacement`, where `expected` is what the caller believes is there.
   * Refuses (`stale`) when the text moved; verifies afterwards and undoes anything unintended.
   */
  replace(start: number, end: number, expected: string, replacement: string): Promise<ApplyResult>;
  /** Subscribe to draft changes (input events, editor events). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}
