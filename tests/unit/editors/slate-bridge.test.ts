// @vitest-environment happy-dom
/** Slate bridge: zero-width placeholders are skipped; a deletion reaches Slate as a delete input, not an empty insertText. */
import { afterEach, describe, expect, test } from 'vitest';
import { slate } from '../../../lib/editors/slate';
import { withDeleteInput } from '../../../lib/editors/with-delete-input';
import type { EditorBridge } from '../../../lib/editors/types';

const text = (s: string) => `<span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">${s}</span></span></span>`;
const empty = '<span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-zero-width="n" data-slate-length="0">\ufeff<br></span></span></span>';

function mount(inner: string): HTMLElement {
  document.body.innerHTML = `<div data-slate-editor="true" contenteditable="true" role="textbox">${inner}</div>`;
  return document.querySelector('[data-slate-editor]') as HTMLElement;
}

afterEach(() => { document.body.innerHTML = ''; });

/** A stand-in for the shared algorithm: it sends insertText with the replacement, as replace.ts does. */
function fakeInner(el: HTMLElement): EditorBridge {
  return {
    kind: 'slate', element: el, textInDom: true, saveCaret: () => () => {}, read: () => ({ text: '', rangeFor: () => null, rects: () => [], selection: () => null }), onChange: () => () => {},
    replace: async (_s, _e, _x, replacement) => {
      el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: replacement, bubbles: true, cancelable: true }));
      return { ok: true };
    },
  };
}

describe('slate bridge', () => {
  test('reads blocks and list items, skipping zero-width line placeholders and the placeholder text', () => {
    const root = mount(
      `<p data-slate-node="element">${text('Please calm down')}</p>` +
      `<p data-slate-node="element">${empty}</p>` +
      `<ul data-slate-node="element"><li data-slate-node="element">${text('There’s nothing I can do')}</li><li data-slate-node="element">${text('🙂 ok')}</li></ul>`,
    );
    const snap = slate.create(root).read();
    expect(snap.text).toBe('Please calm down\n\nThere’s nothing I can do\n🙂 ok');
    const at = snap.text.indexOf('nothing');
    expect(snap.rangeFor(at, at + 7)?.toString()).toBe('nothing');
  });

  test('skips the placeholder of an empty editor', () => {
    const root = mount(`<p data-slate-node="element"><span data-slate-placeholder="true" contenteditable="false">Write a reply…</span>${empty}</p>`);
    expect(slate.create(root).read().text).toBe('');
  });

  test('a deletion is delivered as deleteContentBackward; other replacements pass through unchanged', async () => {
    const root = mount(`<p data-slate-node="element">${text('calm down')}</p>`);
    const seen: string[] = [];
    root.addEventListener('beforeinput', (e) => seen.push(`${(e as InputEvent).inputType}:${(e as InputEvent).data ?? ''}`));
    const bridge = withDeleteInput(fakeInner(root));
    await bridge.replace(0, 4, 'calm', '');
    await bridge.replace(0, 4, 'calm', 'take');
    expect(seen).toEqual(['deleteContentBackward:', 'insertText:take']);
  });

  test('outside a deletion, an empty insertText from elsewhere is left alone', async () => {
    const root = mount(`<p data-slate-node="element">${text('x')}</p>`);
    const seen: string[] = [];
    root.addEventListener('beforeinput', (e) => seen.push((e as InputEvent).inputType));
    await withDeleteInput(fakeInner(root)).replace(0, 1, 'x', '');
    root.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: '', bubbles: true }));
    expect(seen).toEqual(['deleteContentBackward', 'insertText']);
  });
});
