/**
 * Help Scout. No reliable public source documents its reply editor: treated as a contenteditable
 * region (the reply box is rich text), with a textarea fallback; thread items are customer or
 * agent messages, newest last in our fixture (Help Scout can sort either way; we take the last
 * customer item in DOM order, which matches its default oldest-first view).
 *
 * Manual test: open https://secure.helpscout.net/conversation/<id>/<n>/, click Reply, type
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastText, queryComposers } from './dom';

export const helpscout: SiteAdapter = {
  id: 'helpscout',
  name: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],
  exampleUrls: ['https://secure.helpscout.net/conversation/123456/789/'],
  findComposers(root) {
    const found = queryComposers(root, ['.c-reply-editor [contenteditable="true"]', '.c-reply-editor textarea']);
    return found.length ? found : anyEditables(root);
  },
  findCustomerMessage(root) {
    return lastText(root, ['.c-thread-item.is-customer .c-thread-item__body']);
  },
};
