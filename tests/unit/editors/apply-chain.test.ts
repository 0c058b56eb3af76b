// @vitest-environment happy-dom
/**
 * The apply chain's decisions (lib/editors/replace.ts): a bridge declares several paths; a path the editor ignores
 * is followed by the next at once, a path that changes more than the span is undone once before the next, a
 * failed undo stops the chain (corrupted), a deletion never pastes, the caret an editor resets on focus is
 * waited out or re-selected. The fake editor keeps its own model and history and renders it into its element;
 * each path's behaviour is scripted. Plus the page-world protocol (lib/editors/page-world.ts).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { safeReplace, type InsertTechnique, type ReplaceTarget } from '../../../lib/editors/replace';
import { readText } from '../../../lib/editors/offsets';
import { askPageWorld, installPageWorld, PAGE_APPLY_EVENT } from '../../../lib/editors/page-world';

type Behaviour = 'correct' | 'ignore' | 'wrong-place' | 'double';

/** How the fake editor treats each kind of synthetic input. */
interface Script { beforeinput?: Behaviour; replacementText?: Behaviour; paste?: Behaviour; undoRestores?: boolean }

function fakeEditor(initial: string, script: Script, insert: InsertTechnique[]) {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  document.body.appendChild(el);
  let model = initial;
  const history: string[] = [];
  const seen: string[] = [];
  const render = () => { el.textContent = model; };
  render();
  const edit = (behaviour: Behaviour | undefined, data: string, event: Event) => {
    if (!behaviour || behaviour === 'ignore') return;
    // One text node: the selection's offsets are model offsets.
    const r = document.getSelection()!.getRangeAt(0);
    const [a, b] = [r.startOffset, r.endOffset];
    history.push(model);
    if (behaviour === 'correct') model = model.slice(0, a) + data + model.slice(b);
    if (behaviour === 'double') model = model.slice(0, a) + data + data + model.slice(b);
    if (behaviour === 'wrong-place') model = data + model;
    event.preventDefault();
    render();
  };
  el.addEventListener('beforeinput', (e) => {
    const ev = e as InputEvent;
    seen.push(ev.inputType);
    edit(ev.inputType === 'insertReplacementText' ? script.replacementText : script.beforeinput, ev.data ?? '', ev);
  });
  el.addEventListener('paste', (e) => {
    seen.push('paste');
    edit(script.paste, (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '', e);
  });
  const undo = () => { seen.push('undo'); if (script.undoRestores !== false && history.length) { model = history.pop()!; render(); } };
  const target: ReplaceTarget = { element: el, read: () => readText(el), insert, undo, settleMs: 30 };
  return { el, target, model: () => model, history, seen };
}

afterEach(() => { document.body.textContent = ''; });

const DRAFT = 'Please calm down now.';

describe('the apply chain', () => {
  test('an ignored path is followed by the next one; the draft changes once, through the path that worked', async () => {
    const ed = fakeEditor(DRAFT, { beforeinput: 'ignore', paste: 'correct' }, ['beforeinput', 'paste']);
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'let me help')).toEqual({ ok: true });
    expect(ed.model()).toBe('Please let me help now.');
    expect(ed.seen).toEqual(['insertText', 'paste']);
    expect(ed.history).toHaveLength(1); // one undo step for the agent's Ctrl+Z
  });

  test('a path that changes more than the span is undone once, then the next path applies', async () => {
    const ed = fakeEditor(DRAFT, { beforeinput: 'wrong-place', replacementText: 'correct' }, ['beforeinput', 'replacementText']);
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'I hear you')).toEqual({ ok: true });
    expect(ed.model()).toBe('Please I hear you now.');
    expect(ed.seen).toEqual(['insertText', 'undo', 'insertReplacementText']);
    expect(ed.history).toEqual([DRAFT]);
  });

  test('every path fails and each wrong one is undone: rejected, draft as it was (the caller copies)', async () => {
    const ed = fakeEditor(DRAFT, { beforeinput: 'double', replacementText: 'ignore', paste: 'wrong-place' }, ['beforeinput', 'replacementText', 'paste']);
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'x')).toEqual({ ok: false, reason: 'rejected' });
    expect(ed.model()).toBe(DRAFT);
    expect(ed.seen).toEqual(['insertText', 'undo', 'insertReplacementText', 'paste', 'undo']);
  });

  test('an undo that does not restore the draft stops the chain: corrupted, no further path is tried', async () => {
    const ed = fakeEditor(DRAFT, { beforeinput: 'double', paste: 'correct', undoRestores: false }, ['beforeinput', 'paste']);
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'x')).toEqual({ ok: false, reason: 'corrupted' });
    expect(ed.seen).toEqual(['insertText', 'undo']);
  });

  test('a deletion never pastes (an empty paste is ignored by editors): only the other paths run', async () => {
    const ed = fakeEditor(DRAFT, { beforeinput: 'ignore', paste: 'correct' }, ['paste', 'beforeinput']);
    expect(await safeReplace(ed.target, 6, 16, ' calm down', '')).toEqual({ ok: false, reason: 'rejected' });
    expect(ed.seen).toEqual(['insertText']);
  });

  test('an ignored event path moves on without waiting out the settle time', async () => {
    const ed = fakeEditor(DRAFT, { beforeinput: 'ignore', replacementText: 'ignore', paste: 'correct' }, ['beforeinput', 'replacementText', 'paste']);
    ed.target.settleMs = 1_000;
    const t0 = Date.now();
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'x')).toEqual({ ok: true });
    expect(Date.now() - t0).toBeLessThan(900);
  });
});

describe('the caret an editor resets on focus (Zendesk)', () => {
  /** An editor that, like Zendesk's composer, moves the caret to the end some time after it gains the focus. */
  function resettingEditor(delayMs: number, focusSettleMs: number) {
    const ed = fakeEditor(DRAFT, { beforeinput: 'correct' }, ['beforeinput']);
    ed.target.focusSettleMs = focusSettleMs;
    ed.el.tabIndex = 0;
    ed.el.addEventListener('focus', () => setTimeout(() => {
      const r = document.createRange();
      r.setStart(ed.el.firstChild!, DRAFT.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    }, delayMs));
    const elsewhere = document.createElement('button');
    document.body.appendChild(elsewhere);
    elsewhere.focus();
    return ed;
  }

  test('waiting focusSettleMs after focusing lets the reset happen before the span is selected (selected once)', async () => {
    const ed = resettingEditor(20, 60);
    const sel = document.getSelection()!;
    const addRange = sel.addRange.bind(sel);
    let selections = 0;
    sel.addRange = (r: Range) => { if (r.startOffset !== DRAFT.length) selections++; addRange(r); };
    try {
      expect(await safeReplace(ed.target, 7, 16, 'calm down', 'I hear you')).toEqual({ ok: true });
    } finally {
      sel.addRange = addRange;
    }
    expect(ed.model()).toBe('Please I hear you now.');
    expect(selections).toBe(1);
  });

  test('a reset that lands after the span was selected is caught, and the span selected again', async () => {
    const ed = resettingEditor(5, 0);
    // The reset fires while the selection settles: between selecting and inserting, without the re-check.
    expect(await safeReplace(ed.target, 7, 16, 'calm down', 'I hear you')).toEqual({ ok: true });
    expect(ed.model()).toBe('Please I hear you now.');
  });
});

describe('the page-world protocol', () => {
  test('nobody listening (Firefox, a rewritten frame): not taken', () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    expect(askPageWorld(el, { path: 'paste', text: 'x' })).toBe(false);
  });

  test('installed: a paste with text/plain and text/html reaches the editor; taken only when it handled it', () => {
    installPageWorld(window);
    const el = document.createElement('div');
    document.body.appendChild(el);
    const got: (string | undefined)[] = [];
    let handle = false;
    el.addEventListener('paste', (e) => {
      const data = (e as ClipboardEvent).clipboardData;
      got.push(data?.getData('text/plain'), data?.getData('text/html'));
      if (handle) e.preventDefault();
    });
    expect(askPageWorld(el, { path: 'paste', text: 'a <b> & c' })).toBe(false);
    handle = true;
    expect(askPageWorld(el, { path: 'paste', text: 'a <b> & c' })).toBe(true);
    expect(got).toEqual(['a <b> & c', 'a &lt;b&gt; &amp; c', 'a <b> & c', 'a &lt;b&gt; &amp; c']);
  });

  test("CKEditor 5's model: the DOM selection mapped to a model range and replaced in one change", () => {
    installPageWorld(window);
    const el = document.createElement('div');
    el.textContent = DRAFT;
    document.body.appendChild(el);
    const r = document.createRange();
    r.setStart(el.firstChild!, 7);
    r.setEnd(el.firstChild!, 16);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(r);
    const calls: string[] = [];
    (el as unknown as { ckeditorInstance: unknown }).ckeditorInstance = {
      editing: {
        view: { domConverter: { domRangeToView: (range: Range) => `view(${range.toString()})` } },
        mapper: { toModelRange: (v: string) => `model(${v})` },
      },
      model: {
        document: { selection: { getAttributes: () => [['bold', true]], isCollapsed: false } },
        change: (fn: (w: unknown) => void) => { calls.push('change'); fn({ setSelection: (s: string) => calls.push(`select ${s}`), createText: (t: string, a: object) => `text(${t},${JSON.stringify(a)})` }); },
        insertContent: (c: string) => calls.push(`insert ${c}`),
        deleteContent: () => calls.push('delete'),
      },
    };
    expect(askPageWorld(el, { path: 'ckeditor5-model', text: 'I hear you' })).toBe(true);
    expect(calls).toEqual(['change', 'select model(view(calm down))', 'insert text(I hear you,{"bold":true})']);
    calls.length = 0;
    expect(askPageWorld(el, { path: 'ckeditor5-model', text: '' })).toBe(true);
    expect(calls).toEqual(['change', 'select model(view(calm down))', 'delete']);
  });

  test('no editor instance, or a request that is not ours: not taken', () => {
    installPageWorld(window);
    const el = document.createElement('div');
    document.body.appendChild(el);
    expect(askPageWorld(el, { path: 'ckeditor5-model', text: 'x' })).toBe(false);
    const junk = new CustomEvent(PAGE_APPLY_EVENT, { detail: { path: 'paste', text: 'x' }, bubbles: true, cancelable: true });
    el.dispatchEvent(junk);
    expect(junk.defaultPrevented).toBe(false);
  });
});
