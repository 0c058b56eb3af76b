/**
 * Intercom Inbox. The reply composer is a ProseMirror editor at the foot of the conversation; the
 * conversation is a list of part groups marked by category. The inbox may render inside open shadow
 * roots: every query here crosses them (lib/sites/roots.ts).
 *
 * Evidence (../shared/notes/helpdesks.md; code index, repositories not named):
 * - hosts `app.intercom.com`, `app.eu.intercom.com`, `app.au.intercom.com` (a region mapping, a test URL).
 * - composer `.ProseMirror.embercom-prosemirror-composer-editor`,
 *   `[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]`; note tab `[data-intercom-target=note-tab]`.
 * - parts `[data-part-group-id]` with `data-part-group-category` (1 customer, 3 agent, 5 bot); bodies `.interblocks-html`.
 * - one 2026 content script walks shadow roots ("uses shadow DOM extensively"); an older userscript does not.
 *
 * Manual test: open https://app.intercom.com/a/inbox/<workspace>/inbox/conversation/<id> (or app.eu. / app.au.),
 * type in the reply box "Please calm down, as I already said that's our policy." → underlines + badge;
 * Alt+Shift+A opens the card.
 */
import { defineSite } from './define';
import type { ThreadKind, ThreadSpec } from './dom';

const CATEGORIES: Record<string, ThreadKind> = { '1': 'customer', '3': 'agent', '5': 'bot' };

/** A part group's kind by its `data-part-group-category` (other categories: unknown). */
export function intercomKind(item: Element): ThreadKind | undefined {
  return CATEGORIES[item.getAttribute('data-part-group-category') ?? ''];
}

const THREAD: ThreadSpec = { items: '[data-part-group-id][data-part-group-category]', kind: intercomKind, body: '.interblocks-html' };

export const intercom = defineSite({
  id: 'intercom',
  name: 'Intercom',
  matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  exampleUrls: ['https://app.intercom.com/a/inbox/abc123/inbox/conversation/42', 'https://app.eu.intercom.com/a/inbox/abc/inbox/conversation/7', 'https://app.au.intercom.com/a/inbox/abc/inbox/shared/all/conversation/9'],
  composers: [
    '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
    '.ProseMirror.embercom-prosemirror-composer-editor',
    '.ProseMirror[contenteditable="true"]',
  ],
  customer: { thread: THREAD },
  evidence: 'Regional hosts (a region mapping, a test URL), the ProseMirror composer and data-part-group-category thread items from public extensions in the code index.',
  fixture: { url: 'https://app.intercom.com/a/inbox/acme/inbox/conversation/42', editor: 'prosemirror', customer: 'board meeting.*annoying' },
});
