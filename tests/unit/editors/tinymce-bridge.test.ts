// @vitest-environment happy-dom
/** TinyMCE bridge: bogus helpers are skipped but the format caret's typed text is kept; iframe focus comes first. */
import { afterEach, describe, expect, test } from 'vitest';
import { isTinymceChrome, tinymce, withTypingClosed } from '../../../lib/editors/tinymce';
import { withFrameFocus } from '../../../lib/editors/with-frame-focus';
import type { EditorBridge } from '../../../lib/editors/types';

function mountBody(inner: string): HTMLElement {
  document.body.className = 'mce-content-body ';
  document.body.setAttribute('contenteditable', 'true');
  document.body.innerHTML = inner;
  return document.body;
}

afterEach(() => {
  document.body.removeAttribute('contenteditable');
  document.body.className = '';
  document.body.innerHTML = '';
});

describe('tinymce bridge', () => {
  test('skips bogus <br>s, bogus="all" helpers, bookmarks and the off-screen selection; keeps text typed in the caret span', () => {
    const body = mountBody(
      '<p>Hi Dana,</p><p><br data-mce-bogus="1"></p>' +
      '<p><strong>PS</strong><span id="_mce_caret" data-mce-bogus="1" data-mce-type="format-caret">\ufeff calm down</span><br data-mce-bogus="1"></p>' +
      '<p>That’s our <span data-mce-type="bookmark" id="mce_1_start">\ufeff</span>policy 🙂</p>' +
      '<div data-mce-bogus="all" class="mce-resize-backdrop">resize</div>' +
      '<div class="mce-offscreen-selection" style="position:absolute;left:-9999px">table selected</div>',
    );
    const snap = tinymce.create(body).read();
    expect(snap.text).toBe('Hi Dana,\n\nPS calm down\nThat’s our policy 🙂');
    const at = snap.text.indexOf('calm down');
    expect(snap.rangeFor(at, at + 9)?.toString()).toBe('calm down');
  });

  test('the caret wrapper is content, the bogus <br> is chrome', () => {
    const body = mountBody('<p><span data-mce-bogus="1">x</span><br data-mce-bogus="1"></p>');
    expect(isTinymceChrome(body.querySelector('span')!)).toBe(false);
    expect(isTinymceChrome(body.querySelector('br')!)).toBe(true);
  });

  test('focuses the editable before replacing when its document does not have focus', async () => {
    const body = mountBody('<p>calm down</p>');
    const order: string[] = [];
    body.focus = () => { order.push('focus'); };
    const hasFocus = document.hasFocus;
    document.hasFocus = () => false;
    try {
      const inner: EditorBridge = {
        kind: 'tinymce', element: body, textInDom: true, saveCaret: () => () => {}, read: () => ({ text: 'calm down', rangeFor: () => null, rects: () => [], selection: () => null }), onChange: () => () => {},
        replace: async () => { order.push('replace'); return { ok: true }; },
      };
      await withFrameFocus(inner).replace(0, 4, 'calm', 'take');
      document.hasFocus = () => true;
      await withFrameFocus(inner).replace(0, 4, 'calm', 'take');
    } finally {
      document.hasFocus = hasFocus;
    }
    expect(order).toEqual(['focus', 'replace', 'replace']);
  });

  test('a navigation key closes the open typing level before every replacement', async () => {
    const body = mountBody('<p>calm down</p>');
    const seen: string[] = [];
    const record = (e: Event) => seen.push(`${e.type}:${(e as KeyboardEvent).keyCode}`);
    body.addEventListener('keydown', record);
    body.addEventListener('keyup', record);
    const inner: EditorBridge = {
      kind: 'tinymce', element: body, textInDom: true, saveCaret: () => () => {}, read: () => ({ text: 'calm down', rangeFor: () => null, rects: () => [], selection: () => null }), onChange: () => () => {},
      replace: async () => { seen.push('replace'); return { ok: true }; },
    };
    expect(await withTypingClosed(inner).replace(0, 4, 'calm', 'take')).toEqual({ ok: true });
    expect(seen).toEqual(['keydown:33', 'keyup:33', 'replace']);
  });
});
