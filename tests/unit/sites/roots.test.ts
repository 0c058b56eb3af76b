// @vitest-environment happy-dom
/**
 * Every root: queries cross open shadow roots; the composer is the editable the agent focused, whatever
 * the adapter's selectors match elsewhere on the page.
 */
import { describe, expect, it } from 'vitest';
import { composerForFocus, editableRootOf, queryComposers } from '../../../lib/sites/dom';
import { deepActiveElement, deepQueryAll, searchRoots } from '../../../lib/sites/roots';
import { intercom } from '../../../lib/sites/intercom';

function box(el: HTMLElement) {
  // happy-dom has no layout: give the element a visible size.
  el.getBoundingClientRect = () => ({ left: 0, top: 0, width: 400, height: 120, right: 400, bottom: 120, x: 0, y: 0, toJSON() {} }) as DOMRect;
}

describe('search roots', () => {
  it('cross open shadow roots, nested', () => {
    document.body.innerHTML = '<div id="a"></div><p class="x">top</p>';
    const outer = document.getElementById('a')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p class="x">outer</p><span id="b"></span>';
    outer.getElementById('b')!.attachShadow({ mode: 'open' }).innerHTML = '<p class="x">inner</p>';
    expect(searchRoots(document)).toHaveLength(3);
    expect(deepQueryAll(document, 'p.x').map((p) => p.textContent)).toEqual(['top', 'outer', 'inner']);
  });
  it('find a composer inside a shadow root and follow focus into it', () => {
    document.body.innerHTML = '<inbox-app></inbox-app>';
    const root = document.querySelector('inbox-app')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div data-conversation-reply-composer><div class="ProseMirror" contenteditable="true"><p>x</p></div></div>';
    const pm = root.querySelector<HTMLElement>('.ProseMirror')!;
    expect(intercom.findComposers(document)).toEqual([pm]);
    pm.focus();
    expect(deepActiveElement(document.activeElement)).toBe(pm);
  });
});

describe('composerForFocus', () => {
  it('a selector that matches another editor does not hide the one the agent focused', () => {
    // The adapter's generic ProseMirror selector matches a notes editor; the reply box is a plain textarea.
    document.body.innerHTML = '<aside><div class="ProseMirror" contenteditable="true"><p>notes</p></div></aside><div class="reply"><textarea id="reply"></textarea></div>';
    const reply = document.getElementById('reply') as HTMLTextAreaElement;
    box(reply);
    expect(queryComposers(document, ['.ProseMirror[contenteditable="true"]'])).toHaveLength(1);
    expect(composerForFocus((d) => intercom.findComposers(d), document, reply)).toBe(reply);
  });
  it('resolves a focus inside an editor to its editable root', () => {
    document.body.innerHTML = '<div contenteditable="true" id="root"><p><b id="deep">x</b></p></div>';
    expect(editableRootOf(document.getElementById('deep'))?.id).toBe('root');
  });
  it('nothing editable, no composer', () => {
    document.body.innerHTML = '<button id="b">Send</button>';
    expect(composerForFocus(() => [], document, document.getElementById('b')!)).toBeNull();
  });
});
