// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SendPrompt, sendPromptPosition } from '../../../lib/ui/page/SendPrompt';
import type { PageActions, SendCheckView } from '../../../lib/ui/page/model';

const view: SendCheckView = {
  composerId: 'c1',
  items: [
    { kind: 'finding', text: 'calm <b>down</b>', detail: 'Invalidating feelings' },
    { kind: 'coaching', text: 'They asked whether they can <i>keep</i> the old one; the draft doesn\u2019t say.' },
  ],
};

function mount(actions: Partial<PageActions>) {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.appendChild(container);
  act(() => render(<SendPrompt view={view} box={{ left: 100, top: 100, width: 500, height: 200 }} actions={actions as PageActions} />, container));
  return { root, dialog: root.querySelector('[role="alertdialog"]') as HTMLElement };
}

const key = (el: Element, k: string, o: KeyboardEventInit = {}) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...o }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SendPrompt', () => {
  it('is a labelled alertdialog listing every item as text, with focus on Send anyway', async () => {
    const { root, dialog } = mount({});
    await act(async () => {});
    expect(dialog.getAttribute('aria-labelledby')).toBe('attune-send-check-title');
    expect(root.getElementById('attune-send-check-title')?.textContent).toBe('Send this reply as it is?');
    const items = Array.from(dialog.querySelectorAll('li'));
    expect(items.map((li) => li.getAttribute('data-kind'))).toEqual(['finding', 'coaching']);
    expect(items[0].textContent).toContain('“calm <b>down</b>”');
    expect(dialog.querySelector('b, i')).toBeNull(); // text, never markup
    expect((root.activeElement as HTMLElement | null)?.getAttribute('data-action')).toBe('send-anyway');
  });

  it('Enter sends, Escape reviews; a held key (auto-repeat) answers nothing', () => {
    const sendCheck = vi.fn();
    const { root, dialog } = mount({ sendCheck });
    const send = root.querySelector('[data-action="send-anyway"]') as HTMLElement;
    key(send, 'Enter', { repeat: true });
    expect(sendCheck).not.toHaveBeenCalled();
    key(send, 'Enter');
    expect(sendCheck).toHaveBeenLastCalledWith('send');
    key(dialog, 'Escape');
    expect(sendCheck).toHaveBeenLastCalledWith('review');
    (root.querySelector('[data-action="review"]') as HTMLElement).click();
    expect(sendCheck).toHaveBeenLastCalledWith('review');
    expect(sendCheck).toHaveBeenCalledTimes(3);
  });

  it('Tab stays between its two buttons; Enter on Review reviews', () => {
    const sendCheck = vi.fn();
    const { root } = mount({ sendCheck });
    const send = root.querySelector('[data-action="send-anyway"]') as HTMLElement;
    send.focus();
    key(send, 'Tab');
    expect((root.activeElement as HTMLElement).getAttribute('data-action')).toBe('review');
    key(root.activeElement!, 'Tab');
    expect((root.activeElement as HTMLElement).getAttribute('data-action')).toBe('send-anyway');
    key(root.activeElement!, 'Tab', { shiftKey: true });
    key(root.activeElement!, 'Enter');
    expect(sendCheck).toHaveBeenLastCalledWith('review');
  });

  it('sits above the composer\u2019s lower right corner, inside the viewport', () => {
    expect(sendPromptPosition({ left: 100, top: 100, width: 500, height: 200 }, { width: 1000, height: 800 }, 150)).toEqual({ left: 240, top: 142 });
    expect(sendPromptPosition({ left: 900, top: 700, width: 500, height: 200 }, { width: 1000, height: 800 }, 150)).toEqual({ left: 632, top: 642 });
  });
});
