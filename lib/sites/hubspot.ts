/**
 * HubSpot conversations inbox (help desk). The reply editor is a Tiptap/ProseMirror editor; the
 * thread shows incoming (contact) and outgoing (agent) messages.
 *
 * Evidence (../shared/notes/helpdesks.md): agent URLs `app.hubspot.com/live-messages/<portal>/inbox/<thread>`;
 * portals on `app-eu1`, `app-na2`, `app-na3`.hubspot.com (code index). Composer and thread markup: none found in
 * public code: the selectors below are assumptions, and the composer is whatever editable field the agent
 * focuses (the generic path); the customer's message is reported unknown.
 *
 * Manual test: open https://app.hubspot.com/live-messages/<portal>/inbox/<thread>, type
 * "Please calm down, as I already said that's our policy." in the reply editor → underlines + badge.
 */
import { defineSite } from './define';

export const hubspot = defineSite({
  id: 'hubspot',
  name: 'HubSpot',
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*', 'https://app-na3.hubspot.com/*'],
  exampleUrls: ['https://app.hubspot.com/live-messages/123/inbox/456', 'https://app-eu1.hubspot.com/help-desk/123', 'https://app-na2.hubspot.com/live-messages/9/inbox/1', 'https://app-na3.hubspot.com/help-desk/5'],
  composers: [
    '[data-test-id="reply-editor"] .ProseMirror',
    '.tiptap.ProseMirror[contenteditable="true"]',
    '.ProseMirror[contenteditable="true"]',
  ],
  // Unknown: no public code shows how its thread marks whose message is whose (see Evidence above), so
  // coaching that needs the customer's words stays silent rather than guessing from invented markup.
  customer: 'unknown',
  evidence: 'Agent URLs and the app-eu1 / app-na2 / app-na3 portals (code index); no public composer or thread markup: the selectors are assumptions and the focused field is the composer.',
  fixture: { url: 'https://app.hubspot.com/live-messages/123/inbox/456', editor: 'prosemirror' },
});
