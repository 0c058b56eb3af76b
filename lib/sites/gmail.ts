/**
 * Gmail. The compose/reply body is a contenteditable `div[role="textbox"]` (classes `Am Al editable`,
 * aria-label "Message Body" in English); message bodies in a thread are `div.a3s`. Gmail's class names
 * are obfuscated but have been stable for years; the aria-label depends on the UI language, so the
 * class selector comes first.
 *
 * Manual test: open https://mail.google.com/mail/u/0/#inbox/<thread>, click Reply, type
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastText, queryComposers } from './dom';

export const gmail: SiteAdapter = {
  id: 'gmail',
  name: 'Gmail',
  matches: ['https://mail.google.com/*'],
  exampleUrls: ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ'],
  findComposers(root) {
    const found = queryComposers(root, ['div.Am.Al.editable[contenteditable="true"]', 'div[role="textbox"][aria-label="Message Body"]']);
    return found.length ? found : anyEditables(root);
  },
  findCustomerMessage(root) {
    return lastText(root, ['div.a3s']);
  },
};
