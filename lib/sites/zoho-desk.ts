/**
 * Zoho Desk. No reliable public source documents its reply editor (Zoho uses its own rich-text
 * editor, sometimes in an iframe): treated as a textarea or contenteditable, including inside a
 * same-origin iframe. Our fixture uses a plain textarea, which exercises the overlay underlines.
 *
 * Evidence (../shared/notes/helpdesks.md): agent URLs `desk.zoho.<dc>/agent/<portal>/<dept>/tickets/details/<id>`
 * with dc = com, eu, in, com.au, jp, com.cn, sa, and `desk.zohocloud.ca` (code index). Composer: none found for
 * Desk; Zoho's editor elsewhere renders `iframe.ze_area` (code index), so that is tried; otherwise the composer
 * is whatever editable field the agent focuses (the generic path). Thread markup: none found, so the customer's
 * message is reported unknown.
 *
 * Manual test: open https://desk.zoho.com/agent/<portal>/<dept>/tickets/details/<id>, click Reply,
 * type "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import { defineSite } from './define';

export const zohoDesk = defineSite({
  id: 'zoho-desk',
  name: 'Zoho Desk',
  matches: [
    'https://desk.zoho.com/*', 'https://desk.zoho.eu/*', 'https://desk.zoho.in/*', 'https://desk.zoho.com.au/*',
    'https://desk.zoho.jp/*', 'https://desk.zoho.com.cn/*', 'https://desk.zoho.sa/*', 'https://desk.zohocloud.ca/*',
  ],
  exampleUrls: [
    'https://desk.zoho.com/agent/acme/support/tickets/details/1000', 'https://desk.zoho.eu/agent/acme/tickets/1',
    'https://desk.zoho.com.au/agent/acme/support/tickets/details/42', 'https://desk.zohocloud.ca/agent/acme/support/tickets/details/7',
  ],
  composers: ['.zd-reply-editor textarea', '.zd-reply-editor [contenteditable="true"]', '.zd-reply-editor iframe', 'iframe.ze_area'],
  // Unknown: no public code shows how its thread marks whose message is whose (see Evidence above), so
  // coaching that needs the customer's words stays silent rather than guessing from invented markup.
  customer: 'unknown',
  evidence: "Agent URLs for every data centre (code index); no Desk composer or thread markup: Zoho's editor elsewhere renders iframe.ze_area; the focused field is the composer.",
  fixture: { url: 'https://desk.zoho.com/agent/acme/support/tickets/details/1000', editor: 'textarea' },
});
