/**
 * Gorgias. The reply editor is Draft.js inside `form#ticket-reply-editor`.
 *
 * Evidence (../shared/notes/helpdesks.md): Draft.js inside `form#ticket-reply-editor` (an id, not a class;
 * Gorgias front-end code in the code index). Message class names are hashed CSS modules: no stable selector
 * tells the customer's messages apart, so the customer's message is reported unknown.
 *
 * Manual test: open https://<account>.gorgias.com/app/ticket/<id>, type in the reply box
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import { defineSite } from './define';

export const gorgias = defineSite({
  id: 'gorgias',
  name: 'Gorgias',
  matches: ['https://*.gorgias.com/app/*'],
  exampleUrls: ['https://acme.gorgias.com/app/ticket/5551'],
  composers: ['form#ticket-reply-editor .public-DraftEditor-content[contenteditable="true"]', '.ticket-reply-editor [contenteditable="true"]', '.public-DraftEditor-content[contenteditable="true"]'],
  // Unknown: no public code shows how its thread marks whose message is whose (see Evidence above), so
  // coaching that needs the customer's words stays silent rather than guessing from invented markup.
  customer: 'unknown',
  evidence: "Draft.js inside form#ticket-reply-editor (Gorgias front-end code in the code index); message classes are hashed CSS modules, so the customer's message is unknown.",
  fixture: { url: 'https://acme.gorgias.com/app/ticket/5551', editor: 'contenteditable' },
});
