/**
 * Zendesk agent workspace. The reply composer is CKEditor 5 (Zendesk moved from Slate to CKEditor 5
 * in 2023/24), inside the "omnicomposer"; the ticket conversation is a log of comment items.
 * Selectors are the `data-test-id` hooks Zendesk ships in its agent UI; if they change, the
 * fallback (any editable field in the ticket pane) keeps Attune working.
 *
 * Manual test: open https://<subdomain>.zendesk.com/agent/tickets/<id>, click "Public reply",
 * type "Please calm down, as I already said that's our policy." → three underlines and a badge
 * in the composer's corner; click "calm down" → the card; pick a suggestion → text replaced, Ctrl+Z restores.
 */
import type { SiteAdapter } from './types';
import { anyEditables, lastText, queryComposers } from './dom';

export const zendesk: SiteAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*'],
  exampleUrls: ['https://acme.zendesk.com/agent/tickets/1234', 'https://support.zendesk.com/agent/filters/1'],
  findComposers(root) {
    const found = queryComposers(root, [
      '[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable',
      '.ck-editor__editable[role="textbox"]',
      '[data-test-id="omnicomposer-rich-text-ckeditor"]',
      '[data-test-id="ticket-reply-editor"] [data-slate-editor]',
    ]);
    return found.length ? found : anyEditables(root);
  },
  findCustomerMessage(root) {
    return lastText(root, [
      '[data-test-id="omni-log-comment-item"][data-is-end-user="true"] [data-test-id="omni-log-message-content"]',
      '[data-test-id="omni-log-message-content"]',
    ]);
  },
};
