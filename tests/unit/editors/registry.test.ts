// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { bridgeFor, isEditable, isOptedOut } from '../../../lib/editors/index';

function make(html: string): HTMLElement {
  const wrap = document.createElement('div');
  wrap.innerHTML = html;
  document.body.appendChild(wrap);
  return wrap.firstElementChild as HTMLElement;
}

describe('bridgeFor detects the editor family from the DOM alone', () => {
  test.each([
    ['<div class="ProseMirror" contenteditable="true"><p>x</p></div>', 'prosemirror'],
    ['<div class="tiptap ProseMirror" contenteditable="true"><p>x</p></div>', 'prosemirror'],
    ['<div class="ql-editor" contenteditable="true"><p>x</p></div>', 'quill'],
    ['<div contenteditable="true" data-lexical-editor="true"><p>x</p></div>', 'lexical'],
    ['<div class="public-DraftEditor-content" contenteditable="true"><div>x</div></div>', 'draftjs'],
    ['<div class="ck ck-editor__editable" contenteditable="true"><p>x</p></div>', 'ckeditor5'],
    ['<div data-slate-editor="true" contenteditable="true"><p>x</p></div>', 'slate'],
    ['<div contenteditable="true"><div>x</div></div>', 'contenteditable'],
    ['<textarea>x</textarea>', 'textarea'],
  ])('%s → %s', (html, kind) => {
    const el = make(html);
    const bridge = bridgeFor(el);
    expect(bridge?.kind).toBe(kind);
    expect(bridge?.element).toBe(el);
    expect(bridge?.read().text).toBe('x');
  });

  test('an element inside an editor resolves to the editor root, and the bridge is reused', () => {
    const root = make('<div class="ProseMirror" contenteditable="true"><p><b>bold</b> text</p></div>');
    const inner = root.querySelector('b') as HTMLElement;
    const a = bridgeFor(inner);
    expect(a?.element).toBe(root);
    expect(bridgeFor(root)).toBe(a);
  });

  test('nested contenteditables belong to the outermost host', () => {
    const outer = make('<div contenteditable="true"><div contenteditable="true"><span>in</span></div></div>');
    expect(bridgeFor(outer.querySelector('span') as HTMLElement)?.element).toBe(outer);
  });

  test('a ProseMirror view that is not editable is not a composer; plain elements have no bridge', () => {
    expect(bridgeFor(make('<div class="ProseMirror" contenteditable="false"><p>x</p></div>'))).toBeNull();
    expect(bridgeFor(make('<div><p>x</p></div>'))).toBeNull();
  });
});

describe('isEditable and isOptedOut', () => {
  test('editable fields', () => {
    expect(isEditable(make('<textarea></textarea>'))).toBe(true);
    expect(isEditable(make('<textarea readonly></textarea>'))).toBe(false);
    expect(isEditable(make('<textarea disabled></textarea>'))).toBe(false);
    expect(isEditable(make('<div contenteditable="true"></div>'))).toBe(true);
    expect(isEditable(make('<div></div>'))).toBe(false);
  });

  test.each([
    ['<textarea data-gramm="false"></textarea>', true],
    ['<textarea data-lt-active="false"></textarea>', true],
    ['<textarea data-attune="off"></textarea>', true],
    ['<textarea data-enable-grammarly="false"></textarea>', true],
    ['<input type="password">', true],
    ['<input type="search">', true],
    ['<input type="text">', true],
    ['<textarea></textarea>', false],
    ['<textarea data-gramm="true"></textarea>', false],
    ['<div contenteditable="true"></div>', false],
  ])('%s → %s', (html, out) => {
    expect(isOptedOut(make(html))).toBe(out);
  });

  test("slate-react's own data-gramm=\"false\" on every Slate editor is not an opt-out; the page author's is", () => {
    // slate-react 0.22 (Slate 0.47, Help Scout) renders every editor root like this.
    const slate047 = make('<div data-slate-editor="true" contenteditable="true" data-gramm="false" role="textbox"><div data-slate-object="block">x</div></div>');
    expect(isOptedOut(slate047)).toBe(false);
    // The same attribute on a wrapper, or any other opt-out on the root, is the page asking.
    const wrapped = make('<div data-gramm="false"><div data-slate-editor="true" contenteditable="true" data-gramm="false"></div></div>');
    expect(isOptedOut(wrapped.querySelector('[data-slate-editor]')!)).toBe(true);
    expect(isOptedOut(make('<div data-slate-editor="true" contenteditable="true" data-gramm="false" data-attune="off"></div>'))).toBe(true);
    expect(isOptedOut(make('<div data-slate-editor="true" contenteditable="true" data-enable-grammarly="false"></div>'))).toBe(true);
    // Not a Slate root: data-gramm="false" is the page author's.
    expect(isOptedOut(make('<div class="ProseMirror" contenteditable="true" data-gramm="false"></div>'))).toBe(true);
  });

  test('an opt-out on a shadow host covers the editor in its shadow tree', () => {
    const host = make('<div data-attune="off"></div>');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div contenteditable="true"></div>';
    expect(isOptedOut(shadow.querySelector('div')!)).toBe(true);
  });

  test('an opt-out on an ancestor covers the editor inside it', () => {
    const wrap = make('<section data-attune="off"><div class="ProseMirror" contenteditable="true"><p>x</p></div></section>');
    expect(isOptedOut(wrap.querySelector('.ProseMirror')!)).toBe(true);
  });
});
