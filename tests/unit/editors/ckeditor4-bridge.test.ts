// @vitest-environment happy-dom
/** CKEditor 4 bridge: its temporary helpers are skipped, and each replacement is bracketed by the key events its UndoManager needs. */
import { afterEach, describe, expect, test } from 'vitest';
import { ckeditor4, ckeditor4Undo, withUndoSnapshot } from '../../../lib/editors/ckeditor4';
import type { EditorBridge } from '../../../lib/editors/types';

const FILLING = '\u200b'.repeat(7);

/** CKEditor 4 classic mode edits an iframe body; here the test document's body plays that part. */
function mountBody(inner: string): HTMLElement {
  document.body.className = 'cke_editable cke_editable_themed cke_contents_ltr';
  document.body.setAttribute('contenteditable', 'true');
  document.body.innerHTML = inner;
  return document.body;
}

afterEach(() => {
  document.body.removeAttribute('contenteditable');
  document.body.className = '';
  document.body.innerHTML = '';
});

describe('ckeditor4 bridge', () => {
  test('reads the body without filler <br>s, the filling sequence, hidden selection or bookmarks', () => {
    const body = mountBody(
      '<p>Thanks<br>Sam<br></p><p><br></p>' +
      `<p><strong>PS</strong>${FILLING} as I already said<br></p>` +
      '<ul><li>Check “Billing”</li></ul>' +
      '<div data-cke-hidden-sel="1" data-cke-temp="1" style="position:fixed;top:0;left:-1000px">selected</div>' +
      '<span data-cke-bookmark="1" style="display:none">&nbsp;</span>',
    );
    const bridge = ckeditor4.create(body);
    const snap = bridge.read();
    expect(snap.text).toBe('Thanks\nSam\n\nPS as I already said\nCheck “Billing”');
    const at = snap.text.indexOf('already said');
    expect(snap.rangeFor(at, at + 12)?.toString()).toBe('already said');
    expect(ckeditor4.detect(body.querySelector('strong') as HTMLElement)).toBe(body);
  });

  test('brackets each replacement with key events: navigation, keydown, the edit, keyup, navigation', async () => {
    const body = mountBody('<p>calm down</p>');
    const seen: string[] = [];
    const record = (e: Event) => seen.push(`${e.type}:${(e as KeyboardEvent).keyCode}`);
    body.addEventListener('keydown', record);
    body.addEventListener('keyup', record);
    const inner: EditorBridge = {
      kind: 'ckeditor4', element: body, textInDom: true, saveCaret: () => () => {}, read: () => ({ text: 'calm down', rangeFor: () => null, rects: () => [], selection: () => null }), onChange: () => () => {},
      replace: async () => { seen.push('edit'); return { ok: true }; },
    };
    const result = await withUndoSnapshot(inner).replace(0, 4, 'calm', 'take');
    expect(result).toEqual({ ok: true });
    expect(seen).toEqual(['keydown:33', 'keyup:33', 'keydown:0', 'edit', 'keyup:0', 'keydown:33', 'keyup:33']);
  });

  test('the closing key events are sent even when the edit is refused', async () => {
    const body = mountBody('<p>calm down</p>');
    const seen: string[] = [];
    body.addEventListener('keyup', (e) => seen.push(`keyup:${e.keyCode}`));
    const inner: EditorBridge = {
      kind: 'ckeditor4', element: body, textInDom: true, saveCaret: () => () => {}, read: () => ({ text: 'x', rangeFor: () => null, rects: () => [], selection: () => null }), onChange: () => () => {},
      replace: async () => ({ ok: false, reason: 'stale' }),
    };
    expect(await withUndoSnapshot(inner).replace(0, 1, 'y', 'z')).toEqual({ ok: false, reason: 'stale' });
    expect(seen).toEqual(['keyup:33', 'keyup:0', 'keyup:33']);
  });

  test('the safety-net undo closes the open typing run before pressing Ctrl+Z', () => {
    const body = mountBody('<p>calm down</p>');
    const seen: string[] = [];
    const record = (e: Event) => { const k = e as KeyboardEvent; seen.push(`${e.type}:${k.keyCode}${k.ctrlKey || k.metaKey ? '+mod' : ''}`); };
    body.addEventListener('keydown', record);
    body.addEventListener('keyup', record);
    ckeditor4Undo(body);
    expect(seen).toEqual(['keyup:0', 'keydown:33', 'keyup:33', 'keydown:90+mod', 'keyup:90+mod']);
  });
});
