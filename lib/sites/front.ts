/**
 * Front. The reply composer is a contenteditable region (Front's own editor); messages in the
 * conversation are inbound (customer) or outbound (teammates).
 *
 * Evidence (../shared/notes/helpdesks.md): agent URLs `https://app.frontapp.com/open/cnv_<id>`; composer and
 * thread markup: none found in public code. The composer selectors below are assumptions; the composer is whatever
 * editable field the agent focuses (the generic path).
 *
 * Manual test: open https://app.frontapp.com/open/<conversation>, click Reply, type
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import { defineSite } from './define';

export const front = defineSite({
  id: 'front',
  name: 'Front',
  matches: ['https://app.frontapp.com/*'],
  exampleUrls: ['https://app.frontapp.com/open/cnv_abc123', 'https://app.frontapp.com/inboxes/teams/folders/1'],
  composers: ['[data-testid="composer-editor"] [contenteditable="true"]', '[data-testid="composer-editor"]'],
  // Unknown: no public code shows how its thread marks whose message is whose (see Evidence above), so
  // coaching that needs the customer's words stays silent rather than guessing from invented markup.
  customer: 'unknown',
  evidence: 'Agent URLs only; no public composer or thread markup: the selectors are assumptions and the focused field is the composer (the generic path).',
  fixture: { url: 'https://app.frontapp.com/open/cnv_abc123', editor: 'contenteditable' },
});
