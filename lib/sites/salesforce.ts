/**
 * Salesforce Service Cloud (Lightning). The email composer in the case feed is CKEditor 4 inside a
 * same-origin iframe (`iframe.cke_wysiwyg_frame`, body contenteditable); the case feed lists emails.
 * The content script reaches the editor's body through `iframe.contentDocument` from the top frame.
 *
 * Evidence (../shared/notes/helpdesks.md): a customised CKEditor 4 two same-origin iframes deep,
 * `iframe[title="CK Editor Container"]` → `iframe[title="Email Body"]` (pixiebrix issue 8071; a Selenium test and a
 * userscript in the code index); Salesforce rewrites the editor frame with `document.write` after load, dropping
 * listeners (Briskine commit 4f7cbf20); the content script runs in every frame and the top one reaches down
 * (entrypoints/content/documents.ts re-listens on a rewritten frame). Some LWC fields use Quill (Briskine 775adead).
 * Thread markup: none found, so the customer's message is reported unknown.
 *
 * Manual test: open https://<org>.lightning.force.com/lightning/r/Case/<id>/view, open "Email" in the
 * feed publisher, type "Please calm down, as I already said that's our policy." → underlines in the
 * iframe body; the card opens over the page.
 */
import { defineSite } from './define';

export const salesforce = defineSite({
  id: 'salesforce',
  name: 'Salesforce Service Cloud',
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  exampleUrls: ['https://acme.lightning.force.com/lightning/r/Case/5003000000D8cuI/view', 'https://acme.my.salesforce.com/500/o'],
  composers: ['iframe[title="Email Body"]', 'iframe.cke_wysiwyg_frame', '.cke_editable[contenteditable="true"]', '.ql-editor[contenteditable="true"]'],
  // Unknown: no public code shows how its thread marks whose message is whose (see Evidence above), so
  // coaching that needs the customer's words stays silent rather than guessing from invented markup.
  customer: 'unknown',
  evidence: 'CKEditor 4 two same-origin frames deep (pixiebrix issue 8071, a Selenium test, a userscript); the document.write rewrite (Briskine 4f7cbf20); no thread markup found.',
  fixture: { url: 'https://acme.lightning.force.com/lightning/r/Case/5003000000D8cuI/view', editor: 'ckeditor4' },
});
