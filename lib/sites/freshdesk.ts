/**
 * Freshdesk. No reliable public source documents the current reply composer: it has been a Froala
 * rich-text editor (`.fr-element.fr-view`, contenteditable) — treated here as a plain contenteditable,
 * with a textarea fallback. Conversation items are customer or agent notes.
 *
 * Manual test: open https://<domain>.freshdesk.com/a/tickets/<id>, click Reply, type
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastText, queryComposers } from './dom';

export const freshdesk: SiteAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/*'],
  exampleUrls: ['https://acme.freshdesk.com/a/tickets/77'],
  findComposers(root) {
    const found = queryComposers(root, ['.fr-element.fr-view[contenteditable="true"]', '#reply-editor textarea']);
    return found.length ? found : anyEditables(root);
  },
  findCustomerMessage(root) {
    return lastText(root, ['.conversation-item.is-customer .conversation-body', '.ticket-description .conversation-body']);
  },
};
