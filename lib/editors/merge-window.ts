/**
 * The merge window: editors fold edits that come quickly after one another into one undo step
 * (prosemirror-history's newGroupDelay, Quill's history delay). Two applies 50 ms apart, or an apply just
 * after typing, would then be undone together by one Ctrl+Z. Each registry entry declares its editor's
 * window (BridgeFactory.mergeWindowMs); bridgeFor registers it for the editable root, and safeReplace waits
 * until the last edit is older than the window (plus a margin) before it inserts, so the apply starts its
 * own undo group. Waiting is the generic fallback: it needs no page object, so it works from the isolated world.
 *
 * "Last edit" is an apply of ours or the agent's own input: `input` events, and the keys an editor handles in
 * its keydown without any `input` event (ProseMirror's and Quill's Enter and Shift+Enter, Backspace at a block
 * edge, Ctrl+B: measured, the typed run " Thanks", Shift+Enter, "Sam", Enter, Enter, bold "PS" then merged with
 * the next apply). A watch that starts late (the bridge is made after the agent typed) has seen none of the
 * edits before it: when the editor has the focus at that moment, one edit is assumed there and then. Changes made through the
 * editor's API (a loaded draft) are not counted: a helpdesk usually keeps them out of the history. An undo or
 * redo (Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z, or a historyUndo/historyRedo beforeinput) forgets the last edit: it
 * resets the editors' own clocks (prosemirror-history's undo/redo transaction sets prevTime to 0, Quill's
 * History.change sets lastRecorded to 0), so the next apply is a new step anyway and need not wait.
 */
import type { EditorBridge } from './types';

/** Added to the window: the editor stamps its edit a little before we see it, and timers fire late. */
export const MERGE_MARGIN_MS = 50;
/** Never wait more than this many windows in total (the agent keeps typing): then apply anyway, merged at worst. */
const MAX_WINDOWS = 4;

const windows = new WeakMap<HTMLElement, number>();
const lastEdits = new WeakMap<HTMLElement, number>();
const watched = new WeakSet<HTMLElement>();

/** Events the agent's own edits fire on the editable root. */
const USER_EDIT_EVENTS = ['input', 'compositionend', 'cut', 'paste', 'drop'];

/** Declare `ms` as the merge window of `bridge`'s editor, and watch its root for the agent's edits. */
export function watchMergeWindow(bridge: Pick<EditorBridge, 'element'>, ms: number): void {
  const el = bridge.element;
  windows.set(el, ms);
  if (ms <= 0 || watched.has(el)) return;
  watched.add(el);
  const forget = () => lastEdits.delete(el);
  const isHistoryInput = (e: Event) => {
    const type = (e as InputEvent).inputType;
    return type === 'historyUndo' || type === 'historyRedo';
  };
  // A native undo's own `input` event is not an edit to wait for.
  const note = (e: Event) => { if (!isHistoryInput(e)) noteEdit(el); };
  for (const type of USER_EDIT_EVENTS) el.addEventListener(type, note, true);
  el.addEventListener('keydown', (e) => {
    if (isHistoryKey(e)) forget();
    else if (mayEdit(e)) noteEdit(el);
  }, true);
  el.addEventListener('beforeinput', (e) => { if (isHistoryInput(e)) forget(); }, true);
  // The agent may have typed just before this bridge was made (its edits are already in the editor's group).
  if (hasFocus(el)) noteEdit(el);
}

function hasFocus(el: HTMLElement): boolean {
  const active = el.ownerDocument.activeElement;
  return !!active && (active === el || el.contains(active)) && el.ownerDocument.hasFocus();
}

/** Keys an editor turns into an edit in its own keydown handler (split a block, a hard break, delete, indent). */
const EDIT_KEYS = new Set(['Enter', 'Backspace', 'Delete', 'Tab']);
/** Ctrl/Cmd shortcuts that do not change the draft: select all, copy, find, find next, print, save. */
const NON_EDIT_SHORTCUTS = new Set(['a', 'c', 'f', 'g', 'p', 's']);

/**
 * Could this keydown change the draft without an `input` event? Enter, Backspace, Delete, Tab, and Ctrl/Cmd
 * shortcuts (Ctrl+B, Ctrl+Shift+8, a paste by key) other than the few that only read. A key that types text
 * fires `input` anyway, and Alt+Shift+A (Attune's own shortcut) is no edit. Broad on purpose: a key counted
 * wrongly only makes the next apply wait, a key missed can merge the agent's edit into the apply's undo step.
 */
function mayEdit(e: KeyboardEvent): boolean {
  const key = e.key ?? '';
  if (EDIT_KEYS.has(key)) return true;
  return (e.ctrlKey || e.metaKey) && !e.altKey && key.length === 1 && !NON_EDIT_SHORTCUTS.has(key.toLowerCase());
}

/** Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl/Cmd+Y: the undo and redo shortcuts. */
function isHistoryKey(e: KeyboardEvent): boolean {
  const key = (e.key ?? '').toLowerCase();
  return (e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y');
}

/** The merge window declared for `el` (0: none). */
export function mergeWindowOf(el: HTMLElement): number {
  return windows.get(el) ?? 0;
}

/** Record an edit of `el` at `now` (an apply that landed, or the agent's input). */
export function noteEdit(el: HTMLElement, now = Date.now()): void {
  if (mergeWindowOf(el) > 0) lastEdits.set(el, now);
}

/** How long to wait at `now` before an edit of `el` starts its own undo step (0: at once). */
export function mergeWaitMs(el: HTMLElement, now = Date.now()): number {
  const windowMs = mergeWindowOf(el);
  const last = lastEdits.get(el);
  if (windowMs <= 0 || last === undefined) return 0;
  return Math.max(0, last + windowMs + MERGE_MARGIN_MS - now);
}

/**
 * Resolve once the last edit of `el` is outside its merge window. Edits during the wait (the agent types on)
 * extend it, up to {@link MAX_WINDOWS} windows in all. The caller re-reads the draft afterwards: an apply
 * whose span moved meanwhile is refused as stale by its offset checks.
 */
export async function waitOutMergeWindow(el: HTMLElement): Promise<void> {
  const windowMs = mergeWindowOf(el);
  if (windowMs <= 0) return;
  const giveUpAt = Date.now() + windowMs * MAX_WINDOWS;
  for (let wait = mergeWaitMs(el); wait > 0 && Date.now() < giveUpAt; wait = mergeWaitMs(el)) {
    await new Promise((ok) => setTimeout(ok, Math.min(wait, giveUpAt - Date.now())));
  }
}
