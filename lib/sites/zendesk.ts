/**
 * Zendesk agent workspace. The reply composer is CKEditor 5 (Zendesk moved from Slate to CKEditor 5
 * in 2023/24), inside the "omnicomposer"; the ticket conversation is a log of comment items.
 * Selectors are the `data-test-id` hooks Zendesk ships in its agent UI; whatever editable field the agent
 * focuses is the composer even when they change (lib/sites/dom.ts `composerForFocus`).
 *
 * Evidence (../shared/notes/helpdesks.md):
 * - composer `[data-test-id="omnicomposer-rich-text-ckeditor"]`, messaging `omnicomposer-plain-text-ckeditor`,
 *   legacy `ticket-rich-text-editor`: holatuwol/liferay-zendesk-userscript `src/reply.ts` @ 90ee874; code index.
 * - thread: `article[data-test-id="omni-log-comment-item"]` > `div[data-test-id="omni-log-item-message"]` with
 *   `type="end-user"` or `type="agent"`; body `[data-test-id="omni-log-message-content"]`; internal notes carry
 *   `[data-test-id="omni-log-internal-note-tag"]` (several userscripts in the code index).
 * - Zendesk resets the caret on focus (Briskine `src/content/plugins/zendesk.js`, removed 2026-01-19).
 *
 * Manual test: open https://<subdomain>.zendesk.com/agent/tickets/<id>, click "Public reply",
 * type "Please calm down, as I already said that's our policy." → three underlines and a badge
 * in the composer's corner; click "calm down" → the card; pick a suggestion → text replaced, Ctrl+Z restores.
 */
import { defineSite } from './define';
import type { ThreadKind, ThreadSpec } from './dom';

const MESSAGE = '[data-test-id="omni-log-item-message"]';

/** An omni-log item: a note if it carries the internal-note tag, else what its message's `type` says. */
export function zendeskKind(item: Element): ThreadKind | undefined {
  if (item.querySelector('[data-test-id="omni-log-internal-note-tag"]')) return 'note';
  const type = (item.matches(MESSAGE) ? item : item.querySelector(MESSAGE))?.getAttribute('type');
  return type === 'end-user' ? 'customer' : type === 'agent' ? 'agent' : undefined;
}

const THREAD: ThreadSpec = {
  items: 'article[data-test-id="omni-log-comment-item"]',
  kind: zendeskKind,
  body: '[data-test-id="omni-log-message-content"], .zd-comment',
};

export const zendesk = defineSite({
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*'],
  exampleUrls: ['https://acme.zendesk.com/agent/tickets/1234', 'https://support.zendesk.com/agent/filters/1'],
  composers: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable',
    '[data-test-id="omnicomposer-plain-text-ckeditor"]',
    '[data-test-id="ticket-rich-text-editor"]',
    '[data-test-id="omnicomposer-rich-text-ckeditor"]',
    '.ck-editor__editable[role="textbox"]',
  ],
  customer: { thread: THREAD },
  evidence: 'Composer test ids from holatuwol/liferay-zendesk-userscript; omni-log thread items and internal-note tags from several userscripts; the on-focus caret reset from Briskine.',
  fixture: { url: 'https://acme.zendesk.com/agent/tickets/1234', editor: 'ckeditor5', customer: 'four days.*frustrated' },
});
