// @vitest-environment happy-dom
/** CKEditor 5 bridge: chrome in the editable (fillers, fake selection, widget UI) never reaches the text. */
import { afterEach, describe, expect, test } from 'vitest';
import { ckeditor5, isCkeditor5Chrome } from '../../../lib/editors/ckeditor5';
import { bridgeFor } from '../../../lib/editors/index';

const FILLER = '\u2060'.repeat(7);

function mount(inner: string): HTMLElement {
  document.body.innerHTML = `<div class="ck ck-content ck-editor__editable ck-editor__editable_inline" contenteditable="true">${inner}</div>`;
  return document.querySelector('.ck-editor__editable') as HTMLElement;
}

/** A range's text as the agent sees it (fillers are invisible). */
const visible = (r: Range | null) => r?.toString().replace(/[\u200b\u2060\ufeff]/g, '') ?? null;

afterEach(() => { document.body.innerHTML = ''; });

describe('ckeditor5 bridge', () => {
  test('skips the inline filler, filler <br>s, the fake-selection container and widget UI', () => {
    const root = mount(
      `<p>Please <strong>calm</strong>${FILLER} down</p>` +
      '<p><br data-cke-filler="true"></p>' +
      '<ul><li data-list-item-id="a1"><span class="ck-list-bogus-paragraph">Check your “Billing” page 🙂</span></li></ul>' +
      '<p>Thanks<br>Sam</p>' +
      '<div class="ck-widget" contenteditable="false"><div class="ck-widget__type-around"><div class="ck-widget__type-around__button">insert paragraph</div></div>quote widget</div>' +
      '<div class="ck-fake-selection-container" style="position: fixed; top: 0; left: -9999px;">quote widget selected</div>',
    );
    const bridge = ckeditor5.create(root);
    const snap = bridge.read();
    expect(snap.text).toBe('Please calm down\n\nCheck your “Billing” page 🙂\nThanks\nSam');
    const at = snap.text.indexOf('calm down');
    expect(visible(snap.rangeFor(at, at + 9))).toBe('calm down');
    const billing = snap.text.indexOf('“Billing”');
    expect(visible(snap.rangeFor(billing, billing + 9))).toBe('“Billing”');
  });

  test('is found from inside the editable, and declines elements outside CKEditor 5', () => {
    const root = mount('<p>Hi <em>there</em></p>');
    const bridge = bridgeFor(root.querySelector('em') as HTMLElement);
    expect(bridge?.kind).toBe('ckeditor5');
    expect(bridge?.element).toBe(root);
    document.body.insertAdjacentHTML('beforeend', '<div class="ck-toolbar"><span>Bold</span></div>');
    expect(ckeditor5.detect(document.querySelector('.ck-toolbar span') as HTMLElement)).toBeNull();
  });

  test('inside a nested editable (a table cell) the bridge still belongs to the root editable', () => {
    const root = mount(
      '<p>Intro</p><figure class="table ck-widget" contenteditable="false"><table><tbody><tr><td class="ck-editor__editable ck-editor__nested-editable" contenteditable="true"><span class="ck-table-bogus-paragraph">cell</span></td></tr></tbody></table></figure>',
    );
    expect(ckeditor5.detect(root.querySelector('td span') as HTMLElement)).toBe(root);
  });

  test('chrome test matches only chrome', () => {
    const root = mount('<p>text</p><div class="ck-fake-selection-container">x</div>');
    expect(isCkeditor5Chrome(root.querySelector('p')!)).toBe(false);
    expect(isCkeditor5Chrome(root.querySelector('.ck-fake-selection-container')!)).toBe(true);
  });
});
