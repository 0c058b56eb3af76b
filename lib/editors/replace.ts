/**
 * The shared safe-apply algorithm: replace one span of a draft through the editor's own input path,
 * then verify, and undo anything unintended. Measured technique per editor in
 * /work/shared/notes/browser-and-editors.md §3. Never writes into the editor's DOM directly.
 */
import type { ApplyResult, DraftSnapshot } from './types';
import { askPageWorld, dispatchPaste } from './page-world';
import { pressBackspace, pressUndoKeys } from './synthetic-keys';
import { noteEdit, waitOutMergeWindow } from './merge-window';

/** How text is inserted once the span is selected. */
export type InsertTechnique =
  /** `document.execCommand('insertText')`: textarea, contenteditable, ProseMirror, Tiptap, Quill, Lexical, Draft.js, Trix. */
  | 'execCommand'
  /** Synthetic `beforeinput` (insertText) the editor handles itself: CKEditor 5, Slate. */
  | 'beforeinput'
  /** execCommand then an `input` event (insertReplacementText) so the editor records an undo level: TinyMCE. */
  | 'execCommand+input'
  /**
   * A synthetic `textInput` event (what React's onBeforeInput listens to in Chrome) so a React editor
   * (Draft.js) changes its model and re-renders; execCommand when nobody handles it (Firefox).
   * Measured: execCommand over a whole Draft block drops Draft's inline wrappers and its DOM stops
   * following the model (undo then leaves the DOM stale).
   */
  | 'textInput'
  /**
   * A synthetic `beforeinput` insertReplacementText (what a spell checker's correction sends) with the text in
   * `data` and `dataTransfer` and the span as its target range (Harper, for Slate and CKEditor 5).
   */
  | 'replacementText'
  /**
   * A synthetic `paste` (text/plain + text/html), in the page world when the page-world helper is there, else
   * from here (Briskine, for ProseMirror, Draft.js, CKEditor 4 and 5, Quill; Slate 0.47's onPaste inserts and
   * moves its own selection after the text). Never for a deletion (an empty paste is ignored).
   */
  | 'paste'
  /** CKEditor 5's model API (`model.change`), reachable only from the page world (pixiebrix). */
  | 'ckeditor5-model'
  /**
   * Newer Slate: the replacement goes in before the span (a beforeinput insertText with a collapsed target range
   * at its start), then one deleteContentForward per grapheme of the span, all in one task (one Slate flush: one
   * undo step). Its first operation is then an `insert_text` at the span's start, which slate-history joins only to
   * typing that ended there; so it is used only when the caret is not at the span's start (there, the plain path,
   * whose first operation is a `remove_text` ending at the span's end, is the safe one). See slate.ts. A pure
   * deletion inserts a placeholder character and deletes it with the span (DELETION_PLACEHOLDER). The span travels as the target range (spanAsTargetRangeOnly): the selection
   * is still the agent's caret when this path looks at it.
   */
  | 'insertBeforeSpan';

/** Paths whose only effect is an event the editor may handle or ignore: "ignored and unchanged" needs no long wait. */
const EVENT_PATHS: ReadonlySet<InsertTechnique> = new Set(['beforeinput', 'replacementText', 'paste', 'ckeditor5-model', 'insertBeforeSpan']);

/** How to undo one step if the result was wrong. */
export type UndoTechnique =
  /** `execCommand('undo')`: the browser's native undo stack (textarea, plain contenteditable). */
  | 'execCommand'
  /** A synthetic Ctrl+Z keydown the editor's keymap handles (editors with their own history). */
  | 'keydown'
  /** A synthetic `beforeinput` historyUndo (editors that listen for it). */
  | 'beforeinput';

/** What replace() needs to know about an editor. */
export interface ReplaceTarget {
  /** The element the agent types into (for iframe editors, the body inside the iframe). */
  element: HTMLElement;
  read(): DraftSnapshot;
  /**
   * How to insert, or several ways in the order to try: a path that leaves the draft unchanged, or changes
   * anything but the span (then undone once), is followed by the next. When all fail the caller copies.
   */
  insert: InsertTechnique | readonly InsertTechnique[];
  undo: UndoTechnique | ((el: HTMLElement) => void);
  /**
   * Paths that get the span only as their event's target range, the document's selection left where the agent
   * had it. Slate 0.47 saves every selection change as an undo step of its own (slate History `save`: only a
   * focus/blur-only set_selection is skipped, and a delete's `snapshotSelection` starts a new batch), so
   * selecting the span first left a step that only moves the selection between two applies' steps.
   */
  spanAsTargetRangeOnly?: readonly InsertTechnique[];
  /** Select [start, end). Default: the DOM range from the snapshot (textarea bridges override). */
  select?(start: number, end: number, snapshot: DraftSnapshot): boolean;
  /** How long to keep re-reading for the editor to settle after inserting (ms). Default 200. */
  settleMs?: number;
  /**
   * How long to let the editor's own focus handling run after Attune gives it the focus back, before
   * selecting the span (ms). Default 0: one task. Zendesk resets the caret on focus (Briskine waited 100 ms).
   */
  focusSettleMs?: number;
}

/** A macrotask: lets the editor's own selection/input handlers run. */
export function nextTask(ms = 0): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

/** The next animation frame, or 50 ms if frames are throttled (background tab). */
export function nextFrame(win: Window): Promise<void> {
  return new Promise((ok) => {
    const timer = setTimeout(ok, 50);
    win.requestAnimationFrame(() => { clearTimeout(timer); ok(); });
  });
}

/** Wait for the document's `selectionchange` (or at most `ms`), then one more macrotask. */
async function selectionSettled(doc: Document, ms = 60): Promise<void> {
  await new Promise<void>((ok) => {
    const done = () => { clearTimeout(timer); doc.removeEventListener('selectionchange', done); ok(); };
    const timer = setTimeout(done, ms);
    doc.addEventListener('selectionchange', done);
  });
  // Some editors (Quill) read the selection in a timer scheduled from their selectionchange handler.
  await nextTask(2);
}

/** Select a span with a DOM Range in the element's own document. */
export function selectRange(element: HTMLElement, range: Range): void {
  const sel = element.ownerDocument.getSelection();
  if (!sel) throw new Error('no selection object');
  sel.removeAllRanges();
  sel.addRange(range);
}

function isTextControl(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** Is the focus (in the element's document) on or inside the element? */
function hasFocus(el: HTMLElement): boolean {
  const active = el.ownerDocument.activeElement;
  return !!active && (active === el || el.contains(active));
}

/**
 * The span as a StaticRange, as a real beforeinput carries it: `span` when given, else the selection (empty when
 * there is none).
 */
function targetRangesOf(doc: Document, span?: Range): StaticRange[] {
  const view = doc.defaultView ?? window;
  const sel = doc.getSelection();
  const StaticRangeCtor = (view as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
  if (!StaticRangeCtor) return [];
  if (span) return [new StaticRangeCtor(span)];
  return sel && sel.rangeCount ? [new StaticRangeCtor(sel.getRangeAt(0))] : [];
}

/**
 * Insert `text` over the span one way; true when the editor (or the browser) took it. The span is the selection,
 * or `span` for an event path that carries it as its target range only.
 */
function insertText(target: ReplaceTarget, path: InsertTechnique, text: string, span?: Range): boolean {
  const el = target.element;
  const doc = el.ownerDocument;
  const view = doc.defaultView ?? window;
  if (path === 'paste') {
    if (!text) return false;
    return askPageWorld(el, { path: 'paste', text }) || dispatchPaste(el, text);
  }
  if (path === 'ckeditor5-model') return askPageWorld(el, { path: 'ckeditor5-model', text });
  if (path === 'replacementText') {
    let dataTransfer: DataTransfer | null = null;
    try {
      dataTransfer = new (view as Window & typeof globalThis).DataTransfer();
      dataTransfer.setData('text/plain', text);
    } catch { dataTransfer = null; }
    const ev = new view.InputEvent('beforeinput', {
      inputType: 'insertReplacementText', data: text, dataTransfer, bubbles: true, cancelable: true, composed: true, targetRanges: targetRangesOf(doc, span),
    });
    el.dispatchEvent(ev);
    return ev.defaultPrevented;
  }
  if (path === 'beforeinput') {
    // With the span as its target range, as a real beforeinput has: Slate 0.47 ignores one without
    // (slate-react after.js: `if (!targetRange) return next()`); newer Slate and CKEditor 5 read it too.
    const ev = new view.InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true, targetRanges: targetRangesOf(doc, span) });
    el.dispatchEvent(ev);
    return ev.defaultPrevented; // the editor handled it
  }
  if (path === 'textInput') {
    // Draft.js ignores an empty textInput (editOnBeforeInput: no data, no change), and the execCommand below
    // then deletes behind its model: over a whole line, Draft cannot map the emptied block back (its text leaf
    // is gone), so the DOM showed the line empty while the model kept it (measured, seed 66963 op 13). A
    // Backspace keydown over the selection is Draft's own deletion (keyCommandPlainBackspace, 'remove-range').
    if (!text) return pressBackspace(el) || doc.execCommand('insertText', false, text);
    type LegacyTextEvent = Event & { initTextEvent?: (...args: unknown[]) => void };
    let ev: LegacyTextEvent | null = null;
    try { ev = doc.createEvent('TextEvent') as unknown as LegacyTextEvent; } catch { ev = null; } // not every browser has TextEvent
    if (ev && typeof ev.initTextEvent === 'function') {
      ev.initTextEvent('textInput', true, true, view, text);
      el.dispatchEvent(ev);
      if (ev.defaultPrevented) return true;
    }
  }
  const ok = doc.execCommand('insertText', false, text);
  if (ok && path === 'execCommand+input') {
    el.dispatchEvent(new view.InputEvent('input', { inputType: 'insertReplacementText', bubbles: true }));
  }
  return ok;
}

// Made on first use: an Intl.Segmenter built at module load cost every page ≈12 ms of main thread (perf.test.ts).
let segmenter: Intl.Segmenter | null | undefined;
function graphemeSegmenter(): Intl.Segmenter | null {
  segmenter ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  return segmenter;
}

/** Is the document's selection a caret at the same place as `point` (no text between them)? */
function caretAt(doc: Document, node: Node, offset: number): boolean {
  const sel = doc.getSelection();
  if (!sel || !sel.rangeCount || !sel.isCollapsed) return false;
  const caret = sel.getRangeAt(0);
  const between = doc.createRange();
  const order = caret.comparePoint(node, offset); // -1: point before the caret
  if (order <= 0) { between.setStart(node, offset); between.setEnd(caret.startContainer, caret.startOffset); } else { between.setStart(caret.startContainer, caret.startOffset); between.setEnd(node, offset); }
  return between.toString().replace(/[\u200b\u2060\ufeff]/g, '') === '';
}

/**
 * What a pure deletion inserts before its span and deletes with it in the same flush (never seen: one render).
 * Not a-z or a space (slate-react leaves those to the browser's native insertion, which a synthetic event does
 * not make), and no character an editor's shortcuts key on ('@' mentions, ':' emoji, '/' commands, '#', '*', '~'
 * markdown).
 */
const DELETION_PLACEHOLDER = '0';

/**
 * See InsertTechnique 'insertBeforeSpan'. False (nothing sent) when the path does not suit this apply: the caret
 * already at the span's start, or a one-letter replacement (Slate leaves a single a-z or space
 * typed at a collapsed selection to the browser, which does nothing for a synthetic event). 'stale' (nothing sent)
 * when the draft changed while the caret was being moved.
 */
async function insertBeforeSpan(el: HTMLElement, text: string, span: Range | undefined, unchanged: () => boolean): Promise<boolean | 'stale'> {
  const doc = el.ownerDocument;
  const view = doc.defaultView ?? window;
  const StaticRangeCtor = (view as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
  const graphemes = span && !span.collapsed ? graphemeSegmenter() : null;
  if (/^[a-z ]$/i.test(text) || !span || span.collapsed || !graphemes || !StaticRangeCtor) return false;
  if (caretAt(doc, span.startContainer, span.startOffset)) return false;
  // A pure deletion inserts a placeholder and deletes it with the span: its batch then also starts with an
  // insert_text, which no earlier deletion joins.
  const inserted = text || DELETION_PLACEHOLDER;
  const count = Array.from(graphemes.segment(span.toString())).length;
  const at = { startContainer: span.startContainer, startOffset: span.startOffset, endContainer: span.startContainer, endOffset: span.startOffset };
  // The caret goes to the span's start first, and Slate reads it: after an insert at a target range elsewhere,
  // Slate puts its selection back where the caret was, and the deletes below would start there.
  const caret = doc.createRange();
  caret.setStart(at.startContainer, at.startOffset);
  selectRange(el, caret);
  await selectionSettled(doc);
  // The agent may have typed meanwhile: the span's DOM points no longer mean the same text.
  if (!unchanged()) return 'stale';
  if (!caretAt(doc, at.startContainer, at.startOffset)) return false;
  const insert = new view.InputEvent('beforeinput', { inputType: 'insertText', data: inserted, bubbles: true, cancelable: true, composed: true, targetRanges: [new StaticRangeCtor(at)] });
  el.dispatchEvent(insert);
  if (!insert.defaultPrevented) return false;
  // In the same task (one Slate flush, so one undo step): Slate's selection is right after the inserted text,
  // before the old span; these carry no target range (Slate's DOM is not rendered yet): one grapheme each.
  for (let i = 0; i < count; i++) {
    el.dispatchEvent(new view.InputEvent('beforeinput', { inputType: 'deleteContentForward', bubbles: true, cancelable: true, composed: true }));
  }
  // The placeholder is just before the caret now.
  if (!text) el.dispatchEvent(new view.InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true, cancelable: true, composed: true }));
  return true;
}

/** Undo one step with the technique the bridge declares. */
export function undoOnce(target: Pick<ReplaceTarget, 'element' | 'undo'>): void {
  const el = target.element;
  const doc = el.ownerDocument;
  const view = doc.defaultView ?? window;
  if (typeof target.undo === 'function') return target.undo(el);
  if (target.undo === 'execCommand') { doc.execCommand('undo'); return; }
  if (target.undo === 'beforeinput') {
    el.dispatchEvent(new view.InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true, composed: true }));
    return;
  }
  pressUndoKeys((doc.activeElement as HTMLElement | null) ?? el);
}

/** Re-read until `check` holds or `ms` passes; returns the last text read. */
async function settle(target: ReplaceTarget, check: (text: string) => boolean, ms: number): Promise<string> {
  const view = target.element.ownerDocument.defaultView ?? window;
  await nextFrame(view);
  const deadline = Date.now() + ms;
  let text = target.read().text;
  while (!check(text) && Date.now() < deadline) {
    await nextTask(15);
    text = target.read().text;
  }
  return text;
}

/**
 * Replace `text[start, end)` with `replacement` if the draft still holds `expected` there.
 * Results: `stale` (offsets no longer match; nothing done), `rejected` (the edit did not land, or landed
 * wrongly and one undo restored the draft), `corrupted` (the draft changed wrongly and could not be restored),
 * `unsupported` (the span cannot be selected). On any failure the caller copies the suggestion instead.
 */
export function safeReplace(target: ReplaceTarget, start: number, end: number, expected: string, replacement: string): Promise<ApplyResult> {
  // One replacement at a time per editor (a double click on Apply): the second then re-checks its offsets.
  const previous = inFlight.get(target.element) ?? Promise.resolve();
  const run = previous.then(() => replaceNow(target, start, end, expected, replacement));
  const settled = run.catch(() => undefined).then(() => undefined);
  inFlight.set(target.element, settled);
  void settled.then(() => { if (inFlight.get(target.element) === settled) inFlight.delete(target.element); });
  return run;
}

const inFlight = new WeakMap<HTMLElement, Promise<void>>();

/** The paths a target declares, in order. */
export function pathsOf(target: Pick<ReplaceTarget, 'insert'>): readonly InsertTechnique[] {
  return typeof target.insert === 'string' ? [target.insert] : target.insert;
}

/** Does the document's selection still cover exactly the span selected (an editor may have moved it meanwhile)? */
function selectionHolds(el: HTMLElement, start: number, end: number, spanText: string): boolean {
  if (isTextControl(el)) return el.selectionStart === start && el.selectionEnd === end;
  const sel = el.ownerDocument.getSelection();
  if (!sel || !sel.rangeCount) return false;
  const got = sel.getRangeAt(0).toString().replace(/[\u200b\u2060\ufeff]/g, '').replace(/\u00a0/g, ' ');
  return got === spanText.replace(/\u00a0/g, ' ');
}

type Selected = 'selected' | 'stale' | 'unsupported';

/** Select [start, end) of a draft whose text must still be `text`; once more if the editor moved the selection. */
async function selectSpan(target: ReplaceTarget, start: number, end: number, text: string): Promise<Selected> {
  const el = target.element;
  for (let attempt = 0; attempt < 2; attempt++) {
    const fresh = target.read();
    if (fresh.text !== text) return 'stale';
    let selected: boolean;
    if (target.select) selected = target.select(start, end, fresh);
    else if (isTextControl(el)) { el.setSelectionRange(start, end); selected = true; }
    else {
      const range = fresh.rangeFor(start, end);
      selected = !!range;
      if (range) selectRange(el, range);
    }
    if (!selected) return 'unsupported';
    await selectionSettled(el.ownerDocument);
    if (target.read().text !== text) return 'stale';
    // A caret reset by the editor's own focus handling (Zendesk) lands after ours: select again, once.
    if (target.select || selectionHolds(el, start, end, text.slice(start, end))) return 'selected';
  }
  return 'selected'; // the selection reads differently but may be equivalent: verification decides
}

async function replaceNow(target: ReplaceTarget, start: number, end: number, expected: string, replacement: string): Promise<ApplyResult> {
  const el = target.element;
  // Let the editor's undo grouping close first (merge-window.ts), then check the offsets against the draft as it is now.
  await waitOutMergeWindow(el);
  const before = target.read();
  if (start < 0 || end < start || end > before.text.length || before.text.slice(start, end) !== expected) {
    return { ok: false, reason: 'stale' };
  }
  const want = before.text.slice(0, start) + replacement + before.text.slice(end);
  const settleMs = target.settleMs ?? 200;

  // The agent may have clicked Apply in our card or the popup: give the editor the focus back first.
  if (!hasFocus(el) || !el.ownerDocument.hasFocus()) {
    el.focus({ preventScroll: true });
    // Editors restore or reset their own selection on focus (Draft.js restores it; Zendesk moves the caret):
    // let that happen before ours.
    await nextTask(target.focusSettleMs ?? 0);
  }

  let unsupported = true;
  for (const path of pathsOf(target)) {
    if (path === 'paste' && !replacement) continue; // an empty paste is ignored: not a way to delete
    let span: Range | undefined;
    if (target.spanAsTargetRangeOnly?.includes(path)) {
      const fresh = target.read();
      if (fresh.text !== before.text) return { ok: false, reason: 'stale' };
      span = fresh.rangeFor(start, end) ?? undefined;
      if (!span) continue;
    } else {
      const selected = await selectSpan(target, start, end, before.text);
      if (selected === 'stale') return { ok: false, reason: 'stale' };
      if (selected === 'unsupported') continue;
    }
    unsupported = false;

    const taken = path === 'insertBeforeSpan'
      ? await insertBeforeSpan(el, replacement, span, () => target.read().text === before.text)
      : insertText(target, path, replacement, span);
    if (taken === 'stale') return { ok: false, reason: 'stale' };
    if (!taken && EVENT_PATHS.has(path)) {
      // Nobody handled the event, and a synthetic event has no default action: unless something changed, next.
      await nextFrame(el.ownerDocument.defaultView ?? window);
      if (target.read().text === before.text) continue;
    }
    const after = await settle(target, (t) => t === want, settleMs);
    if (after === want) {
      noteEdit(el);
      return { ok: true };
    }
    if (after === before.text) continue;

    // Changed, but not only the span: undo that one step, and try the next path only from the original draft.
    undoOnce(target);
    const restored = await settle(target, (t) => t === before.text, settleMs);
    if (restored !== before.text) return { ok: false, reason: 'corrupted' };
  }
  return { ok: false, reason: unsupported ? 'unsupported' : 'rejected' };
}
