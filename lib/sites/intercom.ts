/**
 * Intercom Inbox. The reply composer is a ProseMirror editor at the foot of the conversation;
 * customer ("user") parts of the conversation are marked separately from teammate parts.
 * Intercom's class names are not a published API: selectors target ProseMirror's own class,
 * which survives redesigns, and fall back to any editable field.
 *
 * Manual test: open https://app.intercom.com/a/inbox/<workspace>/inbox/conversation/<id>, type in the
 * reply box "Please calm down, as I already said that's our policy." → underlines + badge; Alt+Shift+A opens the card.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastText, queryComposers } from './dom';

export const intercom: SiteAdapter = {
  id: 'intercom',
  name: 'Intercom',
  matches: ['https://app.intercom.com/*'],
  exampleUrls: ['https://app.intercom.com/a/inbox/abc123/inbox/conversation/42'],
  findComposers(root) {
    const found = queryComposers(root, [
      '[data-intercom-target="inbox-composer"] .ProseMirror',
      '.inbox__conversation-composer .ProseMirror',
      '.ProseMirror[contenteditable="true"]',
    ]);
    return found.length ? found : anyEditables(root);
  },
  findCustomerMessage(root) {
    return lastText(root, ['[data-part-author="user"] .conversation__part-body', '.conversation__part--user .conversation__part-body']);
  },
};
