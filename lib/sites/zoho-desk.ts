/**
 * Zoho Desk. No reliable public source documents its reply editor (Zoho uses its own rich-text
 * editor, sometimes in an iframe): treated as a textarea or contenteditable, including inside a
 * same-origin iframe. Our fixture uses a plain textarea, which exercises the overlay underlines.
 *
 * Manual test: open https://desk.zoho.com/agent/<portal>/<dept>/tickets/details/<id>, click Reply,
 * type "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastText, queryComposers } from './dom';

export const zohoDesk: SiteAdapter = {
  id: 'zoho-desk',
  name: 'Zoho Desk',
  matches: ['https://desk.zoho.com/*', 'https://desk.zoho.eu/*', 'https://desk.zoho.in/*'],
  exampleUrls: ['https://desk.zoho.com/agent/acme/support/tickets/details/1000', 'https://desk.zoho.eu/agent/acme/tickets/1'],
  findComposers(root) {
    const found = queryComposers(root, ['.zd-reply-editor textarea', '.zd-reply-editor [contenteditable="true"]', '.zd-reply-editor iframe']);
    return found.length ? found : anyEditables(root);
  },
  findCustomerMessage(root) {
    return lastText(root, ['.zd-thread[data-from="customer"] .zd-thread__content']);
  },
};
