// @vitest-environment happy-dom
/**
 * The bridge contract's selection half: `selection()` turns the document's selection into draft offsets
 * (the inverse of rangeFor), and `saveCaret()` puts a selection back after something else took it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { bridgeFor } from '../../../lib/editors/index';

function editable(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true">${html}</div><button>elsewhere</button>`;
  return document.querySelector<HTMLElement>('[contenteditable]')!;
}

function select(range: Range) {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

afterEach(() => { document.body.innerHTML = ''; });

describe('selection(): the DOM selection as draft offsets', () => {
  const html = '<p>Hi Sam,</p><p>Please <b>calm</b> down.<br>Thanks</p><p>\u200bJo</p>';

  test('every offset that rangeFor maps to a DOM position maps back to itself', () => {
    const bridge = bridgeFor(editable(html))!;
    const snap = bridge.read();
    expect(snap.text).toBe('Hi Sam,\nPlease calm down.\nThanks\nJo');
    for (let i = 0; i <= snap.text.length; i++) {
      select(snap.rangeFor(i, i)!);
      expect(snap.selection(), `offset ${i} (${JSON.stringify(snap.text.slice(i, i + 4))})`).toEqual({ start: i, end: i });
    }
  });

  test('a selected span reads as its start and end', () => {
    const bridge = bridgeFor(editable(html))!;
    const snap = bridge.read();
    const at = snap.text.indexOf('calm down');
    select(snap.rangeFor(at, at + 9)!);
    expect(snap.selection()).toEqual({ start: at, end: at + 9 });
  });

  test('a caret in the editor root between blocks lands at the end of the line before; after all text, at the end', () => {
    const el = editable(html);
    const snap = bridgeFor(el)!.read();
    const range = document.createRange();
    range.setStart(el, 1); // between the first and the second paragraph
    select(range);
    expect(snap.selection()!.start).toBe('Hi Sam,'.length);
    range.setStart(el, el.childNodes.length);
    select(range);
    expect(snap.selection()!.start).toBe(snap.text.length);
  });

  test('null when the selection is outside the editor', () => {
    const bridge = bridgeFor(editable(html))!;
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('button')!);
    select(range);
    expect(bridge.read().selection()).toBeNull();
  });

  test('a textarea reports selectionStart/selectionEnd and has no DOM text', () => {
    document.body.innerHTML = '<textarea>Please calm down.</textarea>';
    const el = document.querySelector('textarea')!;
    const bridge = bridgeFor(el)!;
    el.setSelectionRange(7, 11);
    expect(bridge.textInDom).toBe(false);
    expect(bridge.read().selection()).toEqual({ start: 7, end: 11 });
    expect(bridge.read().rangeFor(7, 11)).toBeNull();
  });
});

describe('saveCaret(): put the agent’s selection back', () => {
  test('contenteditable: the saved range comes back after the selection moved elsewhere', () => {
    const bridge = bridgeFor(editable('<p>Please calm down.</p>'))!;
    expect(bridge.textInDom).toBe(true);
    const snap = bridge.read();
    select(snap.rangeFor(7, 11)!);
    const restore = bridge.saveCaret();
    const away = document.createRange();
    away.selectNodeContents(document.querySelector('button')!);
    select(away);
    expect(bridge.read().selection()).toBeNull();
    restore();
    expect(bridge.read().selection()).toEqual({ start: 7, end: 11 });
  });

  test('contenteditable: nothing to restore when the selection was not in the editor', () => {
    const bridge = bridgeFor(editable('<p>Please calm down.</p>'))!;
    const away = document.createRange();
    away.selectNodeContents(document.querySelector('button')!);
    select(away);
    const restore = bridge.saveCaret();
    restore();
    expect(bridge.read().selection()).toBeNull();
  });

  test('textarea: the saved selection comes back after it moved', () => {
    document.body.innerHTML = '<textarea>Please calm down.</textarea>';
    const el = document.querySelector('textarea')!;
    const bridge = bridgeFor(el)!;
    el.setSelectionRange(7, 11);
    const restore = bridge.saveCaret();
    el.setSelectionRange(0, 0);
    restore();
    expect([el.selectionStart, el.selectionEnd]).toEqual([7, 11]);
  });
});
