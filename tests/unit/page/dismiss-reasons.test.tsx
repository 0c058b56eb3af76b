// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card } from '../../../lib/ui/page/Card';
import { findingKey, type PageActions, type ShownFinding } from '../../../lib/ui/page/model';

const draft = 'Hi. Please calm down, it is fine.';
const finding = {
  ruleId: 'invalidating/calm-down',
  category: 'invalidating',
  severity: 'high' as const,
  start: 4,
  end: 20,
  text: 'Please calm down',
  message: 'Tells the customer how to feel.',
  suggestions: ['I can hear how hard this is.'],
  fixes: [{ start: 4, end: 20, text: 'I can hear how hard this is.' }],
};
const shown: ShownFinding = { composerId: 'c1', key: findingKey(draft, finding), finding, rects: [{ left: 40, top: 50, width: 100, height: 18 }], overlay: true };

function mount() {
  const a = { openCard: vi.fn(), closeCard: vi.fn(), apply: vi.fn(), ignoreOnce: vi.fn(), ignorePhrase: vi.fn(), disableRule: vi.fn(), toggleList: vi.fn(), sendCheck: vi.fn(), nextFinding: vi.fn() };
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.appendChild(container);
  act(() => {
    render(<Card shown={shown} title="Invalidating feelings" card={{ composerId: 'c1', key: shown.key, via: 'keyboard' }} actions={a as PageActions} fallback={{ left: 0, top: 0, width: 500, height: 200 }} />, container);
  });
  return { root, a };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the card asks why a finding is dismissed', () => {
  it('offers the three reasons as a labelled group of buttons inside the dialog', () => {
    const { root } = mount();
    const group = root.querySelector('[role="dialog"] [role="group"].attune-card__dismiss')!;
    expect(root.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Dismiss:');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Not dismissive here', 'Not now', 'Not our tone']);
  });

  it('each reason hides the finding this once and passes its reason on (to be counted)', () => {
    const { root, a } = mount();
    for (const reason of ['not-dismissive', 'not-now', 'not-our-tone']) {
      act(() => root.querySelector<HTMLButtonElement>(`[data-reason="${reason}"]`)!.click());
      expect(a.ignoreOnce).toHaveBeenLastCalledWith('c1', shown.key, reason);
    }
    expect(a.ignoreOnce).toHaveBeenCalledTimes(3);
  });

  it('Tab reaches the reasons (focus stays in the card)', () => {
    const { root } = mount();
    const dialog = root.querySelector('[role="dialog"]') as HTMLElement;
    const reached = new Set<string>();
    for (let i = 0; i < 10; i++) {
      act(() => {
        dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
      });
      reached.add((root.activeElement as HTMLElement | null)?.dataset.reason ?? '');
    }
    expect([...reached]).toEqual(expect.arrayContaining(['not-dismissive', 'not-now', 'not-our-tone']));
  });
});
