/**
 * Gorgias. No reliable public source documents its reply editor (it has been Draft.js-based):
 * treated as a contenteditable region, which is how Draft.js presents itself to the page.
 *
 * Manual test: open https://<account>.gorgias.com/app/ticket/<id>, type in the reply box
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastText, queryComposers } from './dom';

export const gorgias: SiteAdapter = {
  id: 'gorgias',
  name: 'Gorgias',
  matches: ['https://*.gorgias.com/app/*'],
  exampleUrls: ['https://acme.gorgias.com/app/ticket/5551'],
  findComposers(root) {
    const found = queryComposers(root, ['.ticket-reply-editor [contenteditable="true"]', '.public-DraftEditor-content[contenteditable="true"]']);
    return found.length ? found : anyEditables(root);
  },
  findCustomerMessage(root) {
    return lastText(root, ['.ticket-message[data-from-agent="false"] .ticket-message__body']);
  },
};
