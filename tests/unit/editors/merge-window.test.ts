// @vitest-environment happy-dom
/**
 * The merge window (lib/editors/merge-window.ts): an apply waits until the editor's last edit is older than
 * its undo merge window, so it starts its own undo step. Fake timers drive the clock; the "editor" is a
 * contenteditable that records when each insertion reached it, like an editor stamping its history.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MERGE_MARGIN_MS, mergeWaitMs, noteEdit, waitOutMergeWindow, watchMergeWindow } from '../../../lib/editors/merge-window';
import { safeReplace, type ReplaceTarget } from '../../../lib/editors/replace';
import { readText } from '../../../lib/editors/offsets';

beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] }); });
afterEach(() => { vi.useRealTimers(); document.body.replaceChildren(); });

function editable(text = ''): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.textContent = text;
  document.body.appendChild(el);
  return el;
}

/** A fake editor whose beforeinput handler applies the text and records the clock time of each insertion. */
function stampingEditor(initial: string) {
  const el = editable(initial);
  let model = initial;
  const stamps: number[] = [];
  el.addEventListener('beforeinput', (e) => {
    const ev = e as InputEvent;
    const r = document.getSelection()!.getRangeAt(0);
    model = model.slice(0, r.startOffset) + (ev.data ?? '') + model.slice(r.endOffset);
    stamps.push(Date.now());
    ev.preventDefault();
    el.textContent = model;
  });
  const target: ReplaceTarget = { element: el, read: () => readText(el), insert: 'beforeinput', undo: () => {}, settleMs: 30 };
  return { el, target, stamps, model: () => model };
}

/** Resolve `p` while advancing the fake clock in small steps; returns its value and the time it took. */
async function timed<T>(p: Promise<T>, stepMs = 5, maxMs = 10_000): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  let done = false;
  let value!: T;
  void p.then((v) => { value = v; done = true; });
  await vi.advanceTimersByTimeAsync(0);
  while (!done && Date.now() - t0 < maxMs) await vi.advanceTimersByTimeAsync(stepMs);
  expect(done, 'promise settled').toBe(true);
  return { value, ms: Date.now() - t0 };
}

describe('merge window: the wait', () => {
  test('no window declared, or no edit yet: no wait', async () => {
    const el = editable('x');
    expect(mergeWaitMs(el)).toBe(0);
    noteEdit(el); // not recorded: the element has no window
    expect(mergeWaitMs(el)).toBe(0);
    watchMergeWindow({ element: el }, 500);
    expect(mergeWaitMs(el)).toBe(0);
    expect((await timed(waitOutMergeWindow(el))).ms).toBe(0);
  });

  test('a window of 0 never waits, even right after an edit', async () => {
    const el = editable('x');
    watchMergeWindow({ element: el }, 0);
    noteEdit(el);
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(mergeWaitMs(el)).toBe(0);
  });

  test('after an edit: waits out the rest of the window plus the margin', async () => {
    const el = editable('x');
    watchMergeWindow({ element: el }, 500);
    noteEdit(el);
    await vi.advanceTimersByTimeAsync(120);
    expect(mergeWaitMs(el)).toBe(500 + MERGE_MARGIN_MS - 120);
    const { ms } = await timed(waitOutMergeWindow(el), 1);
    expect(ms).toBe(500 + MERGE_MARGIN_MS - 120);
    expect(mergeWaitMs(el)).toBe(0);
  });

  test('typing (input events) counts as an edit, and typing during the wait extends it', async () => {
    const el = editable('x');
    watchMergeWindow({ element: el }, 1000);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'a' }));
    expect(mergeWaitMs(el)).toBe(1000 + MERGE_MARGIN_MS);
    const wait = waitOutMergeWindow(el);
    await vi.advanceTimersByTimeAsync(600);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'b' }));
    const { ms } = await timed(wait, 1);
    // 600 ms in, the agent typed again: the wait ends a full window after that keystroke.
    expect(600 + ms).toBe(600 + 1000 + MERGE_MARGIN_MS);
  });

  test('keys an editor handles without an input event (Enter, Shift+Enter, Backspace, Ctrl+B) count as edits; moving, copying and Alt+Shift+A do not', async () => {
    const el = editable('x');
    watchMergeWindow({ element: el }, 500);
    for (const init of [{ key: 'ArrowLeft' }, { key: 'Shift' }, { key: 'End', shiftKey: true }, { key: 'c', ctrlKey: true }, { key: 'F5' }, { key: 'A', altKey: true, shiftKey: true }, { key: 'Control', ctrlKey: true }]) {
      el.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true }));
      expect(mergeWaitMs(el), JSON.stringify(init)).toBe(0);
    }
    for (const init of [{ key: 'Enter' }, { key: 'Enter', shiftKey: true }, { key: 'Backspace' }, { key: 'Delete' }, { key: 'b', ctrlKey: true }, { key: 'i', metaKey: true }, { key: '*', ctrlKey: true, shiftKey: true }]) {
      await vi.advanceTimersByTimeAsync(1000);
      expect(mergeWaitMs(el)).toBe(0);
      el.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true }));
      expect(mergeWaitMs(el), JSON.stringify(init)).toBe(500 + MERGE_MARGIN_MS);
    }
  });

  test('a watch that starts on the focused editor assumes the agent just typed (its earlier edits went unseen)', () => {
    const focused = editable('typed before the bridge existed');
    focused.focus();
    expect(document.activeElement).toBe(focused);
    watchMergeWindow({ element: focused }, 500);
    expect(mergeWaitMs(focused)).toBe(500 + MERGE_MARGIN_MS);
    const other = editable('never focused');
    watchMergeWindow({ element: other }, 500);
    expect(mergeWaitMs(other)).toBe(0);
  });

  test('an undo or redo forgets the last edit (the editors restart their grouping after one)', () => {
    const el = editable('x');
    watchMergeWindow({ element: el }, 1000);
    noteEdit(el);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', bubbles: true }));
    expect(mergeWaitMs(el), 'not undo keys').toBe(1000 + MERGE_MARGIN_MS);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    expect(mergeWaitMs(el), 'Ctrl+Z').toBe(0);
    noteEdit(el);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Z', metaKey: true, shiftKey: true, bubbles: true }));
    expect(mergeWaitMs(el), 'Cmd+Shift+Z').toBe(0);
    noteEdit(el);
    el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true }));
    expect(mergeWaitMs(el), 'historyUndo').toBe(0);
    el.dispatchEvent(new InputEvent('input', { inputType: 'historyUndo', bubbles: true }));
    expect(mergeWaitMs(el), 'the undo\'s own input event is no edit').toBe(0);
  });

  test('an agent who never stops typing: the wait gives up after four windows', async () => {
    const el = editable('x');
    watchMergeWindow({ element: el }, 100);
    noteEdit(el);
    const typing = setInterval(() => el.dispatchEvent(new InputEvent('input', { bubbles: true })), 20);
    const { ms } = await timed(waitOutMergeWindow(el), 5);
    clearInterval(typing);
    expect(ms).toBeGreaterThanOrEqual(400);
    expect(ms).toBeLessThanOrEqual(410);
  });
});

describe('merge window: safeReplace', () => {
  test('two applies 50 ms apart: the second reaches the editor only after the window since the first', async () => {
    const ed = stampingEditor('Please calm down, as I said.');
    watchMergeWindow({ element: ed.el }, 500);
    const first = await timed(safeReplace(ed.target, 7, 16, 'calm down', 'bear with me'));
    expect(first.value).toEqual({ ok: true });
    expect(ed.stamps).toHaveLength(1);
    const firstDone = Date.now();
    await vi.advanceTimersByTimeAsync(50);
    const text = ed.model();
    const i = text.indexOf('as I said');
    const second = await timed(safeReplace(ed.target, i, i + 9, 'as I said', 'to recap'));
    expect(second.value).toEqual({ ok: true });
    expect(ed.model()).toBe('Please bear with me, to recap.');
    expect(ed.stamps).toHaveLength(2);
    // The first edit was noted when its apply finished (after the editor stamped it): the window runs from there.
    expect(ed.stamps[1] - firstDone).toBeGreaterThanOrEqual(500 + MERGE_MARGIN_MS);
    expect(ed.stamps[1] - ed.stamps[0]).toBeGreaterThan(500);
  });

  test('without a window the second apply goes in at once', async () => {
    const ed = stampingEditor('Please calm down, as I said.');
    watchMergeWindow({ element: ed.el }, 0);
    await timed(safeReplace(ed.target, 7, 16, 'calm down', 'bear with me'));
    await vi.advanceTimersByTimeAsync(50);
    const i = ed.model().indexOf('as I said');
    const t0 = Date.now();
    await timed(safeReplace(ed.target, i, i + 9, 'as I said', 'to recap'));
    expect(ed.stamps[1] - t0).toBeLessThan(200);
  });

  test('the draft changes during the wait: the apply is refused as stale and the agent’s edit is kept', async () => {
    const ed = stampingEditor('Please calm down, as I said.');
    watchMergeWindow({ element: ed.el }, 500);
    await timed(safeReplace(ed.target, 7, 16, 'calm down', 'bear with me'));
    const text = ed.model();
    const i = text.indexOf('as I said');
    const pending = safeReplace(ed.target, i, i + 9, 'as I said', 'to recap');
    await vi.advanceTimersByTimeAsync(100);
    // The agent edits before the span while the apply waits: the offsets no longer hold.
    ed.el.textContent = `Hi, ${text}`;
    ed.el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const { value } = await timed(pending);
    expect(value).toEqual({ ok: false, reason: 'stale' });
    expect(ed.el.textContent).toBe(`Hi, ${text}`);
    expect(ed.stamps).toHaveLength(1);
  });
});
