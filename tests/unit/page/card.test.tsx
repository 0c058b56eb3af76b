// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card, cardPosition } from '../../../lib/ui/page/Card';
import { PageUi } from '../../../lib/ui/page/PageUi';
import { findingKey, type PageActions, type ShownFinding } from '../../../lib/ui/page/model';

const draft = 'Hi. Please calm down, it is fine.';
const finding = {
  ruleId: 'invalidating/calm-down',
  category: 'invalidating',
  severity: 'high' as const,
  start: 4,
  end: 20,
  text: 'Please calm down',
  message: 'Tells the customer how to <b>feel</b>.',
  suggestions: ['I can hear <img src=x onerror="window.__pwned=1"> how hard this is.', 'Second idea.'],
  fixes: [{ start: 4, end: 20, text: 'I can hear how hard this is.' }, { start: 4, end: 20, text: 'Second idea.' }],
};
const shown: ShownFinding = { composerId: 'c1', key: findingKey(draft, finding), finding, rects: [{ left: 40, top: 50, width: 100, height: 18 }], overlay: true };

function actions(): PageActions & Record<string, ReturnType<typeof vi.fn>> {
  return { openCard: vi.fn(), closeCard: vi.fn(), apply: vi.fn(), ignoreOnce: vi.fn(), ignorePhrase: vi.fn(), disableRule: vi.fn(), toggleList: vi.fn() } as never;
}

function mount(a: PageActions, via: 'click' | 'keyboard' = 'keyboard') {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.appendChild(container);
  act(() => {
    render(<Card shown={shown} title="Invalidating feelings" card={{ composerId: 'c1', key: shown.key, via }} actions={a} fallback={{ left: 0, top: 0, width: 500, height: 200 }} />, container);
  });
  return { root, dialog: root.querySelector('[role="dialog"]') as HTMLElement };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('suggestion card', () => {
  it('is a labelled dialog showing title, phrase, why and every alternative as plain text', () => {
    const { root, dialog } = mount(actions());
    expect(dialog).toBeTruthy();
    const label = root.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(label?.textContent).toBe('Invalidating feelings');
    expect(dialog.textContent).toContain('Please calm down');
    // Phrasebank text is never parsed as HTML.
    expect(dialog.querySelector('img, b')).toBeNull();
    expect(dialog.textContent).toContain('<img src=x');
    expect(dialog.textContent).toContain('how to <b>feel</b>.');
    expect(dialog.querySelectorAll('[data-action="apply"]')).toHaveLength(2);
  });

  it('opened by keyboard, focus goes to the first alternative; clicking one applies it', () => {
    const a = actions();
    const { root, dialog } = mount(a);
    expect((root.activeElement as HTMLElement).textContent).toBe(finding.suggestions[0]);
    (dialog.querySelectorAll('[data-action="apply"]')[1] as HTMLElement).click();
    expect(a.apply).toHaveBeenCalledWith('c1', shown.key, 1);
  });

  it('opened by a click, it leaves focus where it was (the caret stays in the editor)', () => {
    const outside = document.createElement('input');
    document.body.appendChild(outside);
    outside.focus();
    const { root } = mount(actions(), 'click');
    expect(root.activeElement).toBeNull();
    expect(document.activeElement).toBe(outside);
  });

  it('Escape closes and asks for focus back; Tab cycles inside the dialog', () => {
    const a = actions();
    const { root, dialog } = mount(a);
    const buttons = Array.from(dialog.querySelectorAll('button'));
    buttons[buttons.length - 1].focus();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(root.activeElement).toBe(buttons[0]);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }));
    expect(root.activeElement).toBe(buttons[buttons.length - 1]);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(a.closeCard).toHaveBeenCalledWith(true);
  });

  it('ignore once / ignore phrase / turn off rule call their actions with the finding', () => {
    const a = actions();
    const { dialog } = mount(a);
    for (const [action, fn] of [['ignore-once', a.ignoreOnce], ['ignore-phrase', a.ignorePhrase], ['disable-rule', a.disableRule]] as const) {
      (dialog.querySelector(`[data-action="${action}"]`) as HTMLElement).click();
      expect(fn).toHaveBeenCalledWith('c1', shown.key);
    }
  });
});

describe('card placement', () => {
  const vp = { width: 1000, height: 800 };
  it('goes under the phrase when there is room', () => {
    expect(cardPosition({ left: 100, top: 100, width: 50, height: 20 }, vp, 300)).toEqual({ left: 100, top: 128 });
  });
  it('goes above when there is no room below, and stays inside the viewport horizontally', () => {
    const p = cardPosition({ left: 900, top: 600, width: 50, height: 20 }, vp, 300);
    expect(p.top).toBe(600 - 300 - 8);
    expect(p.left + 340).toBeLessThanOrEqual(vp.width - 8);
  });
  it('clamps a tall card into the viewport when it fits neither above nor below', () => {
    const p = cardPosition({ left: 10, top: 200, width: 50, height: 20 }, vp, 700);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + 700).toBeLessThanOrEqual(vp.height);
  });
});

describe('page UI', () => {
  it('draws overlay underlines only for overlay findings, styled by severity, and a badge with the count', () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const painted: ShownFinding = { ...shown, key: 'k2', overlay: false };
    const low: ShownFinding = { ...shown, key: 'k3', finding: { ...finding, severity: 'low' } };
    act(() => {
      render(
        <PageUi
          state={{ composers: [{ composerId: 'c1', box: { left: 0, top: 0, width: 400, height: 200 }, findings: [shown, painted, low], coaching: [{ kind: 'unacknowledged-emotion', message: 'They sound worried.' }], signalCount: 0 }], titles: {} }}
          actions={actions()}
        />,
        container,
      );
    });
    const lines = Array.from(container.querySelectorAll('.attune-underline'));
    expect(lines.map((l) => l.className)).toEqual(['attune-underline sev-high', 'attune-underline sev-low']);
    const badge = container.querySelector('[data-attune-badge]')!;
    expect(badge.textContent).toBe('3');
    expect(badge.getAttribute('aria-label')).toMatch(/3 suggestions/);
  });
});

describe('findingKey', () => {
  it('survives edits after the phrase and changes when the words before it change', () => {
    const k = findingKey(draft, finding);
    expect(findingKey(draft + ' More words.', finding)).toBe(k);
    const shifted = 'Hello. ' + draft.slice(4);
    expect(findingKey(shifted, { ...finding, start: 7, end: 23 })).not.toBe(k);
  });
});
