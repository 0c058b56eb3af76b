// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card } from '../../../lib/ui/page/Card';
import { cardPlacement, CARD_WIDTH } from '../../../lib/ui/page/placement';
import { badgePosition } from '../../../lib/ui/page/Badge';
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
  return { openCard: vi.fn(), nextFinding: vi.fn(), closeCard: vi.fn(), apply: vi.fn(), ignoreOnce: vi.fn(), ignorePhrase: vi.fn(), disableRule: vi.fn(), toggleList: vi.fn() } as never;
}

function mount(a: PageActions, via: 'click' | 'keyboard' = 'keyboard', applying?: number) {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.appendChild(container);
  act(() => {
    render(<Card shown={shown} title="Invalidating feelings" card={{ composerId: 'c1', key: shown.key, via, applying }} actions={a} fallback={{ left: 0, top: 0, width: 500, height: 200 }} />, container);
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

  it('while a suggestion is applied: aria-busy, a status saying which, and no button acts (Close still does)', () => {
    const idle = mount(actions());
    const idleStatus = idle.dialog.querySelector('[role="status"]')!;
    // The live region is there before it has anything to say (one added with its text is often not announced).
    expect(idleStatus).toBeTruthy();
    expect(idleStatus.textContent).toBe('');
    expect(idle.dialog.hasAttribute('aria-busy')).toBe(false);
    document.body.innerHTML = '';

    const a = actions();
    const { dialog } = mount(a, 'click', 1);
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(dialog.querySelector('[role="status"]')!.textContent).toBe(`Applying “${finding.suggestions[1]}”…`);
    const alts = Array.from(dialog.querySelectorAll<HTMLElement>('[data-action="apply"]'));
    expect(alts.map((b) => b.hasAttribute('data-applying'))).toEqual([false, true]);
    for (const action of ['apply', 'ignore-once', 'ignore-phrase', 'disable-rule', 'dismiss']) {
      const buttons = Array.from(dialog.querySelectorAll<HTMLElement>(`[data-action="${action}"]`));
      expect(buttons.length, action).toBeGreaterThan(0);
      for (const b of buttons) {
        expect(b.getAttribute('aria-disabled'), action).toBe('true');
        b.click();
      }
    }
    expect(a.apply).not.toHaveBeenCalled();
    expect(a.ignoreOnce).not.toHaveBeenCalled();
    expect(a.ignorePhrase).not.toHaveBeenCalled();
    expect(a.disableRule).not.toHaveBeenCalled();
    (dialog.querySelector('[data-action="close"]') as HTMLElement).click();
    expect(a.closeCard).toHaveBeenCalledWith(true);
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

  it('Tab order is reading order: the alternatives, why it was dismissed, the footer links, then Close, which is last on screen too', () => {
    const { dialog } = mount(actions());
    const order = Array.from(dialog.querySelectorAll('button')).map((b) => b.getAttribute('data-action'));
    expect(order).toEqual(['apply', 'apply', 'dismiss', 'dismiss', 'dismiss', 'ignore-once', 'ignore-phrase', 'disable-rule', 'close']);
    (dialog.querySelector('[data-action="close"]') as HTMLElement).click();
  });

  it('Alt+Shift+A in the card asks for the next finding (the shortcut works wherever focus is)', () => {
    const a = actions();
    const { dialog } = mount(a);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', code: 'KeyA', altKey: true, shiftKey: true, bubbles: true }));
    expect(a.nextFinding).toHaveBeenCalledWith('c1');
    expect(a.closeCard).not.toHaveBeenCalled();
  });

  it('says the severity in words beside its mark, not by colour alone', () => {
    const { dialog } = mount(actions());
    expect(dialog.querySelector('.attune-card__sev')?.textContent).toBe('Likely to hurt');
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
  const wide = { left: 20, top: 80, width: 960, height: 120 };
  const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
    a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
  const cardBox = (p: { left: number; top: number; maxHeight?: number }, height: number) => ({ left: p.left, top: p.top, width: CARD_WIDTH, height: p.maxHeight ?? height });

  it('goes under the phrase when there is room', () => {
    expect(cardPlacement({ phrase: [{ left: 100, top: 100, width: 50, height: 20 }], composer: wide, viewport: vp, height: 300 })).toEqual({ left: 100, top: 128 });
  });
  it('goes beside the composer when the window has room there (covering nothing of the draft)', () => {
    const composer = { left: 20, top: 500, width: 500, height: 200 };
    const p = cardPlacement({ phrase: [{ left: 40, top: 520, width: 80, height: 20 }], composer, viewport: vp, height: 300 });
    expect(p.left).toBeGreaterThanOrEqual(composer.left + composer.width);
  });
  it('goes above the phrase and the first line when there is no room below, inside the viewport', () => {
    const firstLine = { left: 20, top: 560, width: 960, height: 20 };
    const phrase = [{ left: 900, top: 600, width: 50, height: 20 }];
    const p = cardPlacement({ phrase, composer: { ...wide, top: 550, height: 200 }, firstLine, viewport: vp, height: 300 });
    expect(p.top + 300).toBeLessThanOrEqual(firstLine.top - 8);
    expect(p.left + CARD_WIDTH).toBeLessThanOrEqual(vp.width - 8);
  });
  it("keeps clear of the customer's message when a whole card fits elsewhere: the wide one under the phrase", () => {
    const customer = { left: 20, top: 300, width: 960, height: 90 };
    const phrase = [{ left: 40, top: 420, width: 90, height: 20 }];
    const firstLine = { ...wide, top: 420, height: 20 };
    // Narrow (400 tall): 352 under the phrase, and above it covers the customer; wide (300 tall) fits under it.
    const p = cardPlacement({ phrase, composer: { ...wide, top: 410, height: 60 }, firstLine, customer, viewport: vp, height: 400, wide: { width: 640, height: 300 } });
    const box = { left: p.left, top: p.top, width: p.width ?? CARD_WIDTH, height: 300 };
    expect(p.width).toBe(640);
    expect(p.maxHeight).toBeUndefined();
    expect(overlaps(box, customer)).toBe(false);
    expect(overlaps(box, phrase[0])).toBe(false);
    expect(box.top + box.height).toBeLessThanOrEqual(vp.height - 8);
  });
  it("a whole card over the customer's message beats one whose buttons scroll out of view", () => {
    const customer = { left: 20, top: 300, width: 960, height: 90 };
    const phrase = [{ left: 40, top: 580, width: 90, height: 20 }];
    const p = cardPlacement({ phrase, composer: { ...wide, top: 570, height: 60 }, firstLine: { ...wide, top: 580, height: 20 }, customer, viewport: vp, height: 400 });
    const box = cardBox(p, 400);
    expect(p.maxHeight).toBeUndefined();
    expect(box.top + 400).toBeLessThanOrEqual(580 - 8);
    expect(overlaps(box, phrase[0])).toBe(false);
  });
  it('on a short window the wide card fits above the first line where the narrow one would scroll (Intercom, 900×520)', () => {
    const small = { width: 900, height: 520 };
    const firstLine = { left: 257, top: 322, width: 606, height: 20 };
    const phrase = [{ left: 267, top: 322, width: 114, height: 20 }];
    const p = cardPlacement({ phrase, composer: { left: 249, top: 255, width: 622, height: 207 }, firstLine, viewport: small, height: 471, wide: { width: 640, height: 290 } });
    expect(p).toEqual({ left: 252, top: 322 - 8 - 290, width: 640 });
  });
  it('when no place fits it whole, it scrolls where it hides least, still clear of the phrase and the first line', () => {
    const small = { width: 900, height: 400 };
    const firstLine = { left: 257, top: 200, width: 606, height: 20 };
    const phrase = [{ left: 267, top: 200, width: 114, height: 20 }];
    const p = cardPlacement({ phrase, composer: { left: 249, top: 150, width: 622, height: 200 }, firstLine, viewport: small, height: 471, wide: { width: 640, height: 290 } });
    // Wide above has 184 of its 290; narrow above 184 of 471; below, 164.
    expect(p.width).toBe(640);
    expect(p.maxHeight).toBe(184);
    expect(p.top).toBe(8);
  });
  it('on a short window never covers the phrase or the first line, even if it must cover the thread and scroll', () => {
    const small = { width: 900, height: 520 };
    const firstLine = { left: 258, top: 415, width: 600, height: 20 };
    const phrase = [{ left: 268, top: 415, width: 120, height: 20 }];
    const customer = { left: 248, top: 113, width: 620, height: 90 };
    const p = cardPlacement({ phrase, composer: { left: 258, top: 400, width: 604, height: 54 }, firstLine, customer, viewport: small, height: 420 });
    const box = cardBox(p, 420);
    expect(overlaps(box, firstLine)).toBe(false);
    expect(overlaps(box, phrase[0])).toBe(false);
    expect(box.top).toBeGreaterThanOrEqual(8);
    expect(box.top + box.height).toBeLessThanOrEqual(small.height);
  });
});

describe('badge placement', () => {
  const box = { left: 100, top: 100, width: 400, height: 200 };
  it("sits in the composer's lower right corner while the text stays clear of it", () => {
    expect(badgePosition(box, false)).toEqual({ left: 466, top: 270 });
  });
  it('moves just outside the composer when the text reaches the corner: right if the window has room, else below', () => {
    const right = badgePosition(box, true, { width: 1000, height: 800 });
    expect(right.left).toBeGreaterThanOrEqual(box.left + box.width);
    const below = badgePosition(box, true, { width: 510, height: 800 });
    expect(below.top).toBeGreaterThanOrEqual(box.top + box.height);
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
