// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyToDraft, DraftChecker } from '../../../entrypoints/popup/DraftChecker';
import { setRuleEnabled, statsItem } from '../../../lib/extension/settings';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Settles until `cond` holds (the engine loads lazily, slower on a busy machine); fails after 15 s. */
async function until(cond: () => boolean): Promise<void> {
  const end = Date.now() + 15_000;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met within 15 s');
    await settle(60);
  }
}
/** Let timers (debounce) and promises run, then flush Preact's effects and renders (act defers effects to its end). */
async function settle(ms = 300): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await wait(ms / 3);
    await act(async () => undefined);
  }
}

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup: check a draft', () => {
  it('applyToDraft makes exactly the fix, and refuses when the draft moved on since it was analysed', () => {
    const fix = { start: 4, end: 13, text: 'I hear you' };
    expect(applyToDraft('Hi. Calm down please.', 'Hi. Calm down please.', fix)).toBe('Hi. I hear you please.');
    expect(applyToDraft('Hello. Calm down please.', 'Hi. Calm down please.', fix)).toBeUndefined();
  });

  it('analyses what is typed, applies a suggestion into the box, and counts the apply (no text stored)', async () => {
    act(() => render(<DraftChecker />, root));
    await settle();
    const box = root.querySelector<HTMLTextAreaElement>('#draft')!;
    act(() => {
      box.value = 'Please calm down, I am looking at it now.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => !!root.querySelector('.draft-report'));
    const finding = root.querySelector('li.finding[data-rule-id="invalidating/calm-down"]');
    expect(finding).not.toBeNull();
    const suggestion = finding!.querySelector('.suggestion-text')!.textContent!;
    const apply = [...finding!.querySelectorAll('button')].find((b) => b.textContent === 'Use in draft')!;
    act(() => apply.click());
    await until(() => !/calm down/i.test(box.value));
    await settle();
    expect(box.value).toContain(suggestion);
    expect(box.value).not.toMatch(/calm down/i);
    // What was applied was shown first (the popup's findings count like the page's): never "133 %".
    const day = Object.values((await statsItem.getValue()).days)[0];
    expect(day.rules['invalidating/calm-down']).toMatchObject({ shown: 1, applied: 1, dismissed: 0 });
    expect(day.drafts).toBe(1);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('looking at it');
  }, 20_000);

  it('a rule turned off in settings is not flagged', async () => {
    await setRuleEnabled('invalidating/calm-down', false);
    act(() => render(<DraftChecker />, root));
    await settle();
    const box = root.querySelector<HTMLTextAreaElement>('#draft')!;
    act(() => {
      box.value = 'Please calm down.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => !!root.querySelector('.draft-report'));
    expect(root.querySelector('.draft-report')).not.toBeNull();
    expect(root.querySelector('li.finding[data-rule-id="invalidating/calm-down"]')).toBeNull();
  }, 20_000);
});
