// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { SEND_BUTTONS, sendKnowledgeFor } from '../../../lib/sites/send-buttons';
import { accessibleName, composerForButton, sendButtonAt, sendKeyOf } from '../../../lib/sites/send-target';
import { helpdeskAdapters } from '../../../lib/sites';

const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector(sel) as unknown as T;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('send-button knowledge', () => {
  it('has an entry for every helpdesk adapter and the generic one', () => {
    for (const a of helpdeskAdapters) expect(SEND_BUTTONS[a.id], a.id).toBeDefined();
    expect(sendKnowledgeFor('no-such-site')).toBe(SEND_BUTTONS.generic);
  });
});

describe('sendButtonAt', () => {
  it("matches a helpdesk's own selector, on the button or inside it", () => {
    document.body.innerHTML = '<button data-test-id="submit_button-button"><span id="in">Submit as Open</span></button>';
    const hit = sendButtonAt($('#in'), sendKnowledgeFor('zendesk'));
    expect(hit).toEqual({ button: $('button'), known: true });
  });

  it('falls back to a button named Send / Reply / Submit (text, aria-label, labelledby, input value)', () => {
    document.body.innerHTML = `
      <button id="a">Send</button><div role="button" id="b" aria-label="Reply to Dana"><svg></svg></div>
      <span id="lab">Submit reply</span><button id="c" aria-labelledby="lab">→</button><input type="submit" id="d" value="Send now">
      <button id="no1">Save draft</button><button id="no2">Resend invoice</button><button id="no3" disabled>Send</button>`;
    const k = sendKnowledgeFor('generic');
    for (const id of ['a', 'b', 'c', 'd']) expect(sendButtonAt($(`#${id}`), k)?.known, id).toBe(false);
    for (const id of ['no1', 'no2', 'no3']) expect(sendButtonAt($(`#${id}`), k), id).toBeUndefined();
    expect(accessibleName($('#c'))).toBe('Submit reply');
  });

  it('ignores clicks that are not on a button', () => {
    document.body.innerHTML = '<p id="p">Send us a message</p>';
    expect(sendButtonAt($('#p'), sendKnowledgeFor('generic'))).toBeUndefined();
  });
});

describe('composerForButton', () => {
  it("picks the composer whose reply area holds the button, not another composer's", () => {
    document.body.innerHTML = `
      <main>
        <section id="one"><div><textarea id="t1"></textarea></div><div class="bar"><button id="s1">Send</button></div></section>
        <section id="two"><div><textarea id="t2"></textarea></div><div class="bar"><button id="s2">Send</button></div></section>
      </main>`;
    const composers = [$('#t1'), $('#t2')];
    expect(composerForButton({ button: $('#s1'), known: false }, composers)).toBe($('#t1'));
    expect(composerForButton({ button: $('#s2'), known: false }, composers)).toBe($('#t2'));
  });

  it("uses the composer's form", () => {
    document.body.innerHTML = '<form id="f"><div><div><div><div><div><div><div><div><div><textarea id="t"></textarea></div></div></div></div></div></div></div></div></div><button id="s">Send</button></form>';
    expect(composerForButton({ button: $('#s'), known: false }, [$('#t')])).toBe($('#t'));
  });

  it('does not reach far for a button found only by its name; a known send button may sit anywhere in the page', () => {
    const deep = '<div>'.repeat(10) + '<textarea id="t"></textarea>' + '</div>'.repeat(10);
    document.body.innerHTML = `<div id="app">${deep}<footer><button id="s">Send</button></footer></div>`;
    expect(composerForButton({ button: $('#s'), known: false }, [$('#t')])).toBeUndefined();
    expect(composerForButton({ button: $('#s'), known: true }, [$('#t')])).toBe($('#t'));
  });
});

describe('sendKeyOf', () => {
  const key = (o: Partial<KeyboardEvent>) => ({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, ...o });
  const both = ['ctrl-enter', 'meta-enter'] as const;
  it('Ctrl+Enter and Cmd/Meta+Enter, nothing else', () => {
    expect(sendKeyOf(key({ ctrlKey: true }), [...both])).toBe('ctrl-enter');
    expect(sendKeyOf(key({ metaKey: true }), [...both])).toBe('meta-enter');
    expect(sendKeyOf(key({}), [...both])).toBeUndefined();
    expect(sendKeyOf(key({ ctrlKey: true, shiftKey: true }), [...both])).toBeUndefined();
    expect(sendKeyOf(key({ ctrlKey: true, isComposing: true }), [...both])).toBeUndefined();
    expect(sendKeyOf(key({ key: 'a', ctrlKey: true }), [...both])).toBeUndefined();
    expect(sendKeyOf(key({ metaKey: true }), ['ctrl-enter'])).toBeUndefined();
  });
});
