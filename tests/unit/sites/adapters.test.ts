// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterForUrl, generic } from '../../../lib/sites';
import { queryComposers, isEditableRoot } from '../../../lib/sites/dom';

const FIXTURES = 'tests/fixtures/hosts';
/** `customer: null`: no public code shows how the app marks whose message is whose, so the adapter reports unknown. */
const HOSTS: Record<string, { url: string; customer: RegExp | null; composer?: string }> = {
  'acme.zendesk.com': { url: 'https://acme.zendesk.com/agent/tickets/1234', customer: /four days.*frustrated/ },
  'app.intercom.com': { url: 'https://app.intercom.com/a/inbox/x/inbox/conversation/1', customer: /board meeting.*annoying/ },
  'app.hubspot.com': { url: 'https://app.hubspot.com/live-messages/1/inbox/2', customer: null },
  'acme.lightning.force.com': { url: 'https://acme.lightning.force.com/lightning/r/Case/1/view', customer: null },
  'app.frontapp.com': { url: 'https://app.frontapp.com/open/cnv_1', customer: null, composer: 'contenteditable' },
  'mail.google.com': { url: 'https://mail.google.com/mail/u/0/#inbox/1', customer: /saved projects.*scared/, composer: 'contenteditable' },
  'acme.freshdesk.com': { url: 'https://acme.freshdesk.com/a/tickets/77', customer: /same answer/, composer: 'contenteditable' },
  'secure.helpscout.net': { url: 'https://secure.helpscout.net/conversation/1/2/', customer: null, composer: 'contenteditable' },
  'desk.zoho.com': { url: 'https://desk.zoho.com/agent/acme/support/tickets/details/1000', customer: null, composer: 'textarea' },
  'acme.gorgias.com': { url: 'https://acme.gorgias.com/app/ticket/1', customer: null, composer: 'contenteditable' },
};

function load(host: string): Document {
  // Stylesheet links are dropped: happy-dom would try to fetch them.
  const html = readFileSync(`${FIXTURES}/${host}/index.html`, 'utf8').replace(/<link [^>]*>/g, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('site adapters on their fixture pages', () => {
  for (const [host, want] of Object.entries(HOSTS)) {
    it(want.customer ? `${host}: reads the customer's latest message, not an earlier one, the agent's or a note` : `${host}: reports the customer's message unknown`, () => {
      const doc = load(host);
      const adapter = adapterForUrl(want.url);
      expect(adapter).not.toBe(generic);
      const text = adapter.findCustomerMessage(doc);
      if (want.customer) expect(text).toMatch(want.customer);
      else expect(text).toBeUndefined();
    });
    if (want.composer) {
      it(`${host}: finds the reply composer by its specific selector`, () => {
        const doc = load(host);
        const found = adapterForUrl(want.url).findComposers(doc);
        expect(found).toHaveLength(1);
        expect(found[0].getAttribute('data-editor')).toBe(want.composer);
      });
    }
  }
});

describe('dom helpers', () => {
  it('resolves wrappers to the editable inside, and skips nested editables', () => {
    document.body.innerHTML = `<div class="w"><div contenteditable="true" id="outer"><p contenteditable="true" id="inner">x</p></div></div><textarea id="t" readonly></textarea>`;
    expect(queryComposers(document, ['.w']).map((e) => e.id)).toEqual(['outer']);
    expect(isEditableRoot(document.getElementById('inner')!)).toBe(false);
    expect(isEditableRoot(document.getElementById('t')!)).toBe(false); // read-only textarea is not a composer
  });
  it('generic adapter prefers an explicitly marked customer message', () => {
    document.body.innerHTML = `<article><p>Intro text that is long enough to count as a paragraph here.</p></article><div data-attune-customer>  I am upset   about this. </div>`;
    expect(generic.findCustomerMessage(document)).toBe('I am upset about this.');
  });
});
