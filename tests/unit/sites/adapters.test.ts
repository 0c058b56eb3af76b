// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterForUrl, generic, sites } from '../../../lib/sites';
import { queryComposers, isEditableRoot } from '../../../lib/sites/dom';

const FIXTURES = 'tests/fixtures/hosts';
/** Where a site's specific selector finds the composer on its fixture's static page (`data-editor` of the element). */
const STATIC_COMPOSER: Record<string, string> = {
  front: 'contenteditable',
  gmail: 'contenteditable',
  freshdesk: 'contenteditable',
  helpscout: 'contenteditable',
  'zoho-desk': 'textarea',
  gorgias: 'contenteditable',
};

function load(host: string): Document {
  // Stylesheet links are dropped: happy-dom would try to fetch them.
  const html = readFileSync(`${FIXTURES}/${host}/index.html`, 'utf8').replace(/<link [^>]*>/g, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('site adapters on their fixture pages', () => {
  for (const site of sites) {
    const host = new URL(site.fixture.url).hostname;
    const customer = site.fixture.customer;
    it(customer ? `${site.id}: reads the customer's latest message, not an earlier one, the agent's or a note` : `${site.id}: reports the customer's message unknown`, () => {
      const doc = load(host);
      expect(adapterForUrl(site.fixture.url)).toBe(site);
      const text = site.findCustomerMessage(doc);
      if (customer) expect(text).toMatch(new RegExp(customer));
      else expect(text).toBeUndefined();
    });
    const composer = STATIC_COMPOSER[site.id];
    if (composer) {
      it(`${site.id}: finds the reply composer by its specific selector`, () => {
        const found = site.findComposers(load(host));
        expect(found).toHaveLength(1);
        expect(found[0].getAttribute('data-editor')).toBe(composer);
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
