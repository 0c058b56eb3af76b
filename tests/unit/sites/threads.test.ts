// @vitest-environment happy-dom
/**
 * The customer's words, and only theirs: each adapter with thread markup from the evidence returns the
 * customer's latest message whatever comes after it (an agent's reply, an internal note, a bot), and
 * 'unknown' (undefined) where the markup does not say whose message is whose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '../../../lib/sites';
import type { ThreadKind } from '../../../lib/sites/dom';

const CUSTOMER_LAST = 'I sent it yesterday and I am really worried.';
const OTHERS: Record<Exclude<ThreadKind, 'customer'>, string> = {
  agent: 'I can see how frustrating this is, let me check.',
  note: 'Internal: she is furious, refund if needed.',
  bot: 'Sorry you are frustrated! A teammate will reply soon.',
};

/** One thread item in each helpdesk's evidence markup. */
const MARKUP: Record<string, { url: string; item(kind: ThreadKind, text: string): string; kinds: ThreadKind[] }> = {
  zendesk: {
    url: 'https://acme.zendesk.com/agent/tickets/1',
    kinds: ['customer', 'agent', 'note'],
    item: (kind, text) => `<article data-test-id="omni-log-comment-item"><div type="${kind === 'customer' ? 'end-user' : 'agent'}" data-test-id="omni-log-item-message">
      <b>Name</b>${kind === 'note' ? '<span data-test-id="omni-log-internal-note-tag">Internal note</span>' : ''}
      <div data-test-id="omni-log-message-content">${text}</div></div></article>`,
  },
  intercom: {
    url: 'https://app.eu.intercom.com/a/inbox/x/inbox/conversation/1',
    kinds: ['customer', 'agent', 'bot'],
    item: (kind, text) => `<div data-part-group-id="p" data-part-group-category="${{ customer: 1, agent: 3, note: 3, bot: 5 }[kind]}"><b>Name</b><div class="interblocks-html"><p>${text}</p></div></div>`,
  },
  freshdesk: {
    url: 'https://acme.myfreshworks.com/a/tickets/1',
    kinds: ['customer', 'agent', 'note'],
    item: (kind, text) => ({
      customer: `<div class="ticket-details__item ticket-details__requestor"><b>Name</b><div data-test-conversation="conversation-text">${text}</div></div>`,
      agent: `<div class="ticket-details__item" data-test-is-agent="true"><b>Name</b><div data-test-conversation="conversation-text">${text}</div></div>`,
      note: `<div class="ticket-details__item ticket-details__item--privatenote" data-test-is-agent="true"><b>Name</b><div data-test-conversation="conversation-text">${text}</div></div>`,
      bot: '',
    })[kind],
  },
};

describe.each(Object.entries(MARKUP))('%s thread', (_name, m) => {
  const adapter = adapterForUrl(m.url);
  const others = m.kinds.filter((k): k is Exclude<ThreadKind, 'customer'> => k !== 'customer');
  it.each(['customer', ...others] as ThreadKind[])('ending with a %s item: the customer\'s latest message', (last) => {
    const items = [m.item('customer', 'First message.'), m.item('agent', OTHERS.agent), m.item('customer', CUSTOMER_LAST)];
    if (last !== 'customer') items.push(m.item(last, OTHERS[last]));
    document.body.innerHTML = items.join('\n');
    expect(adapter.findCustomerMessage(document)).toBe(CUSTOMER_LAST);
  });
  it('unknown when no item is the customer\'s', () => {
    document.body.innerHTML = others.map((k) => m.item(k, OTHERS[k])).join('\n');
    expect(adapter.findCustomerMessage(document)).toBeUndefined();
  });
});

describe('threads inside open shadow roots (Intercom)', () => {
  it('reads the parts through the shadow root', () => {
    document.body.innerHTML = '<inbox-conversation></inbox-conversation>';
    const root = document.querySelector('inbox-conversation')!.attachShadow({ mode: 'open' });
    root.innerHTML = `${MARKUP.intercom.item('customer', CUSTOMER_LAST)}${MARKUP.intercom.item('bot', OTHERS.bot)}`;
    expect(adapterForUrl(MARKUP.intercom.url).findCustomerMessage(document)).toBe(CUSTOMER_LAST);
  });
});

describe('evidence fixture pages', () => {
  const load = (file: string) => new DOMParser().parseFromString(readFileSync(`tests/fixtures/hosts/${file}`, 'utf8').replace(/<link [^>]*>/g, '').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<iframe[^>]*><\/iframe>/g, ''), 'text/html');
  it.each([
    ['secure.helpscout.net/conversation/2231/5/index.html', 'https://secure.helpscout.net/conversation/2231/5'],
    ['acme.gorgias.com/app/ticket/9001/index.html', 'https://acme.gorgias.com/app/ticket/9001'],
    ['desk.zoho.com.au/index.html', 'https://desk.zoho.com.au/agent/acme/support/tickets/details/1042'],
    ['acme.lightning.force.com/lightning/r/Case/500Nested0000001/view/index.html', 'https://acme.lightning.force.com/lightning/r/Case/500Nested0000001/view'],
  ])('%s: no markup says whose message is whose → unknown', (file, url) => {
    expect(adapterForUrl(url).findCustomerMessage(load(file))).toBeUndefined();
  });
  it('app.eu.intercom.com: the customer\'s latest part, not the note or the bot after it', () => {
    expect(adapterForUrl('https://app.eu.intercom.com/a/inbox/a/inbox/conversation/7').findCustomerMessage(load('app.eu.intercom.com/index.html'))).toMatch(/^I sent it yesterday\. I'm really worried/);
  });
});

describe('regional hosts get their adapter', () => {
  it.each([
    'https://app.eu.intercom.com/a/inbox/1', 'https://app.au.intercom.com/a/inbox/1',
    'https://app-na2.hubspot.com/live-messages/1/inbox/2', 'https://app-na3.hubspot.com/help-desk/1', 'https://app-eu1.hubspot.com/help-desk/1',
    'https://desk.zoho.com.au/agent/a/b/tickets/details/1', 'https://desk.zoho.jp/agent/a', 'https://desk.zoho.com.cn/agent/a',
    'https://desk.zoho.sa/agent/a', 'https://desk.zohocloud.ca/agent/a',
    'https://acme.freshworks.com/a/tickets/1', 'https://acme.myfreshworks.com/a/tickets/1',
  ])('%s', (url) => {
    expect(adapterForUrl(url).id).not.toBe('generic');
  });
  it('the shared Freshworks domains only on agent paths', () => {
    expect(adapterForUrl('https://www.freshworks.com/freshdesk/').id).toBe('generic');
  });
});
