// @vitest-environment happy-dom
/**
 * The page conductor with a fake `analyze`: focusing a composer starts a session and mounts the overlay, the
 * badge and findings come from the fake's report, Alt+Shift+A opens the card, Escape closes it, a composer
 * that leaves the page ends its session, and the master switch off clears everything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageController } from '../../../entrypoints/content/controller';
import { defineSite } from '../../../lib/sites/define';
import type { Settings } from '../../../lib/extension/settings';
import { fakeServices } from './fake-services';

const site = defineSite({
  id: 'test-desk',
  name: 'Test desk',
  matches: ['https://desk.example/*'],
  exampleUrls: ['https://desk.example/t/1'],
  composers: ['.reply textarea'],
  customer: 'unknown',
  evidence: 'none: a site made up for this test',
  fixture: { url: 'https://desk.example/t/1', editor: 'textarea' },
});

const until = async (check: () => boolean, ms = 2000) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let ctx: ContentScriptContext | undefined;
afterEach(() => {
  ctx?.abort();
  document.body.innerHTML = '';
});

async function start(settings: Partial<Settings> = {}) {
  document.body.innerHTML = '<div class="reply"><textarea style="width:400px;height:100px"></textarea></div>';
  const el = document.querySelector('textarea')!;
  el.value = 'Please calm down, I will look into it.';
  ctx = new ContentScriptContext('content');
  const fake = fakeServices(settings);
  const controller = new PageController(ctx, site, fake.services);
  await controller.start();
  return { el, controller, ...fake };
}

describe('PageController', () => {
  it('starts a session on focus, analyses the draft and mounts its UI', async () => {
    const { el, controller, calls } = await start();
    expect(calls.analyze).toHaveLength(0); // nothing until a composer gets focus
    el.focus();
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await until(() => controller.state.composers[0]?.findings.length === 1);
    expect(calls.analyze.map((c) => c.text)).toEqual(['Please calm down, I will look into it.']);
    expect(controller.state.composers[0].findings[0].finding.text).toBe('calm down');
    expect(document.querySelector('attune-ui')).not.toBeNull();
  });

  it('Alt+Shift+A opens the card on the finding, Escape closes it', async () => {
    const { el, controller } = await start();
    el.focus();
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await until(() => controller.state.composers[0]?.findings.length === 1);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', code: 'KeyA', altKey: true, shiftKey: true, bubbles: true, composed: true }));
    expect(controller.state.card?.key).toBe(controller.state.composers[0].findings[0].key);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(controller.state.card).toBeUndefined();
  });

  it('Alt+Shift+A before the first analysis is back says it is still checking, not that the draft reads kindly', async () => {
    const { el, controller, services } = await start();
    // A cold start: the background has not answered yet (seen on a freshly started browser: about 3 s).
    let answer: () => void = () => {};
    const analyze = services.analyze;
    services.analyze = (req) => new Promise((ok) => { answer = () => ok(analyze(req)); });
    el.focus();
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 20));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', code: 'KeyA', altKey: true, shiftKey: true, bubbles: true, composed: true }));
    expect(controller.state.card).toBeUndefined();
    expect(controller.state.notice).toMatch(/still checking/i);
    answer();
    await until(() => controller.state.composers[0]?.findings.length === 1);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', code: 'KeyA', altKey: true, shiftKey: true, bubbles: true, composed: true }));
    expect(controller.state.card?.key).toBe(controller.state.composers[0].findings[0].key);
  });

  it('Alt+Shift+A on an analysed draft with nothing flagged says so', async () => {
    const { el, controller } = await start();
    el.value = 'Thanks for writing in, I will look into it.';
    el.focus();
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 50));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', code: 'KeyA', altKey: true, shiftKey: true, bubbles: true, composed: true }));
    expect(controller.state.notice).toMatch(/reads kindly/);
  });

  it('ends the session when the composer leaves the page, and tells the background', async () => {
    const { el, controller, calls } = await start();
    el.focus();
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await until(() => controller.state.composers.length === 1);
    const id = controller.state.composers[0].composerId;
    el.closest('.reply')!.remove();
    await until(() => calls.forgotten.includes(id), 3000);
  });

  it('does nothing where the agent switched Attune off', async () => {
    const { el, controller, calls } = await start({ enabled: false });
    el.focus();
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.analyze).toHaveLength(0);
    expect(controller.state.composers).toEqual([]);
  });
});
