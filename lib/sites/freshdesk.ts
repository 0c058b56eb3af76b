/**
 * Freshdesk. No public source documents the current agent-view reply composer ("Freshdesk updated their
 * editor", adam-p/markdown-here issue 227): it has been a Froala editor (`.fr-element.fr-view`), and any
 * editable field the agent focuses is taken (the generic path). The thread's markup is documented.
 *
 * Evidence (../shared/notes/helpdesks.md):
 * - hosts `<domain>.freshdesk.com`, and accounts on `*.freshworks.com` / `*.myfreshworks.com` (code index);
 *   on those shared Freshworks domains only the agent paths (`/a/…`) are matched.
 * - thread items `.ticket-details__item`; customer: a class containing `requestor`; agent: `[data-test-is-agent]`;
 *   private note: a class containing `privatenote`; body `[data-test-conversation="conversation-text"]` (code index);
 *   `[data-test-id="conversation-content"]` (Ankushjha/freshdesk-ai-summarizer @ 170526c).
 *
 * Manual test: open https://<domain>.freshdesk.com/a/tickets/<id>, click Reply, type
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import { defineSite } from './define';
import type { ThreadKind, ThreadSpec } from './dom';

/** A conversation item's kind: private note, agent, or requestor (the customer), by Freshdesk's own markers. */
export function freshdeskKind(item: Element): ThreadKind | undefined {
  const cls = item.getAttribute('class') ?? '';
  if (/privatenote/i.test(cls) || item.querySelector('[class*="privatenote"]')) return 'note';
  const marked = item.hasAttribute('data-test-is-agent') ? item : item.querySelector('[data-test-is-agent]');
  const agent = marked?.getAttribute('data-test-is-agent');
  if (marked && agent !== 'false') return 'agent';
  if (/requestor/i.test(cls) || item.querySelector('[class*="requestor"]') || agent === 'false') return 'customer';
  return undefined;
}

const THREAD: ThreadSpec = {
  items: '.ticket-details__item',
  kind: freshdeskKind,
  body: '[data-test-conversation="conversation-text"], [data-test-id="conversation-content"]',
};

export const freshdesk = defineSite({
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/*', 'https://*.freshworks.com/a/*', 'https://*.myfreshworks.com/a/*'],
  exampleUrls: ['https://acme.freshdesk.com/a/tickets/77', 'https://acme.freshworks.com/a/tickets/12', 'https://acme.myfreshworks.com/a/tickets/3'],
  composers: ['.fr-element.fr-view[contenteditable="true"]', '#reply-editor textarea'],
  customer: { thread: THREAD },
  evidence: 'Hosts incl. *.freshworks.com / *.myfreshworks.com, .ticket-details__item thread items with requestor / data-test-is-agent / privatenote markers (code index).',
  fixture: { url: 'https://acme.freshdesk.com/a/tickets/77', editor: 'contenteditable', customer: 'same answer' },
});
