/**
 * A site adapter: one file per helpdesk under lib/sites/, registered in lib/sites/index.ts.
 */
export interface SiteAdapter {
  /** kebab-case, e.g. 'zendesk' */
  id: string;
  name: string;
  /** WebExtension match patterns this adapter runs on. */
  matches: string[];
  /** Sample URLs that must match this adapter and no other (tested). */
  exampleUrls: string[];
  /** Reply composers currently on the page (may be inside same-origin iframes). */
  findComposers(root: Document): HTMLElement[];
  /** The customer's latest message in the open ticket thread, if the page shows one. */
  findCustomerMessage(root: Document): string | undefined;
  /** The element that message is read from, so the in-page card can keep clear of it (where the markup says). */
  customerMessageElement?(root: Document): Element | undefined;
}
