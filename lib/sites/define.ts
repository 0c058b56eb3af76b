/**
 * A helpdesk as data: `defineSite` turns what a helpdesk file says (where it runs, its composer selectors, how
 * its thread marks the customer's messages, the evidence for those, its fixture page) into the SiteAdapter the
 * page layer uses. Every site is listed once, in lib/sites/index.ts; the unit and e2e tables and the
 * conventions test (tests/unit/sites/conventions.test.ts) iterate that list.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastCustomerElement, lastCustomerMessage, lastText, queryComposers, type ThreadSpec } from './dom';

/** How the customer's latest message is read. */
export type CustomerSource =
  /** A thread whose items say whose message each is (customer, agent, note, bot). */
  | { thread: ThreadSpec }
  /** The last element matching one of these selectors (the app shows only the other side's messages so). */
  | { lastOf: string[] }
  /** No public code shows how the thread marks whose message is whose: coaching that needs it stays silent. */
  | 'unknown';

export interface SiteDefinition {
  /** kebab-case, e.g. 'zendesk' */
  id: string;
  name: string;
  /** WebExtension match patterns (the content script's static `matches`). */
  matches: string[];
  /** Sample URLs that must match this site and no other (tested). */
  exampleUrls: string[];
  /** Reply composer selectors, most specific first; with none on the page, any visible editable field. */
  composers: string[];
  customer: CustomerSource;
  /** The public sources the selectors and thread markers come from (details in the file's Evidence block), or why there are none. */
  evidence: string;
  /** The fixture page built from that evidence (tests/fixtures/hosts/<host>/), as the tests open it. */
  fixture: {
    /** Its URL on the test server (the host is the fixture folder). */
    url: string;
    /** The editor family the page layer should find there (EditorBridge.kind). */
    editor: string;
    /** Words in the fixture thread's latest customer message (absent: the site reports it unknown). */
    customer?: string;
  };
}

export type Site = SiteAdapter & Pick<SiteDefinition, 'evidence' | 'fixture' | 'customer'>;

export function defineSite(def: SiteDefinition): Site {
  const { composers, customer } = def;
  const reads =
    customer === 'unknown'
      ? { findCustomerMessage: () => undefined }
      : 'thread' in customer
        ? { findCustomerMessage: (root: Document) => lastCustomerMessage(root, customer.thread), customerMessageElement: (root: Document) => lastCustomerElement(root, customer.thread) }
        : { findCustomerMessage: (root: Document) => lastText(root, customer.lastOf) };
  return {
    ...def,
    findComposers(root) {
      const found = queryComposers(root, composers);
      return found.length ? found : anyEditables(root);
    },
    ...reads,
  };
}
