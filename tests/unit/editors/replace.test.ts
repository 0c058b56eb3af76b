// @vitest-environment happy-dom
/**
 * safeReplace's decisions (stale / ok / rejected / corrupted, undo once) against a scripted fake editor:
 * the "editor" keeps its own model, handles `beforeinput` for the current selection, and renders the
 * model into its element, so every path can be forced deterministically.
 */
import { describe, expect, test } from 'vitest';
import { safeReplace, type ReplaceTarget } from '../../../lib/editors/replace';
import { readText } from '../../../lib/editors/offsets';

type Behaviour = 'correct' | 'ignore' | 'double' | 'wrong-place';

function fakeEditor(initial: string, behaviour: Behaviour, undoRestores = true) {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  document.body.appendChild(el);
  let model = initial;
  const history: string[] = [];
  const render = () => { el.textContent = model; };
  render();
  el.addEventListener('beforeinput', (e) => {
    const ev = e as InputEvent;
    if (behaviour === 'ignore') return;
    // The model is one text node, so the selection's offsets are model offsets.
    const r = document.getSelection()!.getRangeAt(0);
    const a = r.startOffset, b = r.endOffset;
    history.push(model);
    const data = ev.data ?? '';
    if (behaviour === 'correct') model = model.slice(0, a) + data + model.slice(b);
    if (behaviour === 'double') model = model.slice(0, a) + data + data + model.slice(b);
    if (behaviour === 'wrong-place') model = data + model;
    ev.preventDefault();
    render();
  });
  const undo = () => { if (undoRestores && history.length) { model = history.pop()!; render(); } };
  const target: ReplaceTarget = { element: el, read: () => readText(el), insert: 'beforeinput', undo, settleMs: 30 };
  return { el, target, model: () => model, undone: () => history.length === 0 };
}

describe('safeReplace', () => {
  test('applies through the editor and verifies the result', async () => {
    const ed = fakeEditor('Please calm down now.', 'correct');
    const res = await safeReplace(ed.target, 7, 16, 'calm down', 'let me help');
    expect(res).toEqual({ ok: true });
    expect(ed.model()).toBe('Please let me help now.');
  });

  test('stale offsets: nothing is dispatched', async () => {
    const ed = fakeEditor('Please calm down now.', 'correct');
    expect(await safeReplace(ed.target, 6, 15, 'calm down', 'x')).toEqual({ ok: false, reason: 'stale' });
    expect(await safeReplace(ed.target, 7, 16, 'Calm down', 'x')).toEqual({ ok: false, reason: 'stale' });
    expect(await safeReplace(ed.target, 18, 40, 'ow.', 'x')).toEqual({ ok: false, reason: 'stale' });
    expect(await safeReplace(ed.target, 9, 7, '', 'x')).toEqual({ ok: false, reason: 'stale' });
    expect(ed.model()).toBe('Please calm down now.');
  });

  test('the editor ignores the input: rejected, draft untouched', async () => {
    const ed = fakeEditor('Please calm down now.', 'ignore');
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'let me help')).toEqual({ ok: false, reason: 'rejected' });
    expect(ed.model()).toBe('Please calm down now.');
  });

  test('the edit lands wrongly and one undo restores it: rejected, draft back to the original', async () => {
    const ed = fakeEditor('Please calm down now.', 'double');
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'ok')).toEqual({ ok: false, reason: 'rejected' });
    expect(ed.model()).toBe('Please calm down now.');
    expect(ed.undone()).toBe(true);
  });

  test('the edit lands in the wrong place and undo cannot restore it: corrupted', async () => {
    const ed = fakeEditor('Please calm down now.', 'wrong-place', false);
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'ok')).toEqual({ ok: false, reason: 'corrupted' });
  });

  test('two applies at once on the same span: the first lands, the second sees stale offsets', async () => {
    const ed = fakeEditor('Please calm down now.', 'correct');
    const [a, b] = await Promise.all([
      safeReplace(ed.target, 7, 16, 'calm down', 'let me help'),
      safeReplace(ed.target, 7, 16, 'calm down', 'let me help'),
    ]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: false, reason: 'stale' });
    expect(ed.model()).toBe('Please let me help now.');
  });
});
