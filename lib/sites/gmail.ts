/**
 * Gmail. The compose/reply body is a contenteditable `div[role="textbox"]` (classes `Am Al editable`,
 * aria-label "Message Body" in English); message bodies in a thread are `div.a3s`. Gmail's class names
 * are obfuscated but have been stable for years; the aria-label depends on the UI language, so the
 * class selector comes first.
 *
 * Evidence (../shared/notes/helpdesks.md): composer `div.Am.Al.editable`, `div[g_editable="true"]`,
 * `div[role="textbox"][aria-label="Message Body"]` (label localised); message bodies `.ii.gt div.a3s`, skipping a
 * contenteditable `.a3s` (KartikTalwar/gmail.js `src/gmail.js` @ b7dfdab). Gmail's markup does not say which
 * message is the agent's own, so this reads the last message body in the thread.
 *
 * Manual test: open https://mail.google.com/mail/u/0/#inbox/<thread>, click Reply, type
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import { defineSite } from './define';

export const gmail = defineSite({
  id: 'gmail',
  name: 'Gmail',
  matches: ['https://mail.google.com/*'],
  exampleUrls: ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ'],
  composers: ['div.Am.Al.editable[contenteditable="true"]', 'div[g_editable="true"]', 'div[role="textbox"][aria-label="Message Body"]'],
  customer: { lastOf: ['.ii.gt div.a3s:not([contenteditable])', 'div.a3s:not([contenteditable])'] },
  evidence: 'Composer and .a3s message-body selectors from KartikTalwar/gmail.js (src/gmail.js @ b7dfdab).',
  fixture: { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ', editor: 'contenteditable', customer: 'saved projects.*scared' },
});
