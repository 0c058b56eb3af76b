/**
 * Help Scout. No reliable public source documents its reply editor: treated as a contenteditable
 * region (the reply box is rich text), with a textarea fallback; thread items are customer or
 * agent messages, newest last in our fixture (Help Scout can sort either way; we take the last
 * customer item in DOM order, which matches its default oldest-first view).
 *
 * Evidence (../shared/notes/helpdesks.md; code index): the newer UI's reply editor is Slate 0.47
 * (`[data-cy="ConvoEditor"]`, `[role="textbox"][aria-label="Reply Editor"]`), whose slate-react sets
 * `data-gramm="false"` on every editor (not an opt-out: lib/editors/opt-out.ts) and ignores a `beforeinput`
 * without target ranges (lib/editors/replace.ts sends them); the older UI used Redactor
 * (`.redactor_redactor.redactor_editor`). Thread `[data-testid="ThreadContainer"]`, items `li > div[id^="thread-"]`;
 * older `section.messageBody` (Maxr1998/userscripts). No public code marks which thread item is the customer's, so
 * the customer's message is reported unknown.
 *
 * Manual test: open https://secure.helpscout.net/conversation/<id>/<n>/, click Reply, type
 * "Please calm down, as I already said that's our policy." → underlines + badge.
 */
import { defineSite } from './define';

export const helpscout = defineSite({
  id: 'helpscout',
  name: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],
  exampleUrls: ['https://secure.helpscout.net/conversation/123456/789/'],
  composers: [
    '[data-cy="ConvoEditor"] [data-slate-editor]',
    '[role="textbox"][aria-label="Reply Editor"]',
    '.redactor_redactor.redactor_editor',
    '.c-reply-editor [contenteditable="true"]',
    '.c-reply-editor textarea',
  ],
  // Unknown: no public code shows how its thread marks whose message is whose (see Evidence above), so
  // coaching that needs the customer's words stays silent rather than guessing from invented markup.
  customer: 'unknown',
  evidence: "Slate 0.47 reply editor (data-cy ConvoEditor) and the older Redactor (code index, Maxr1998/userscripts); no public code marks the customer's thread items.",
  fixture: { url: 'https://secure.helpscout.net/conversation/123456/789/', editor: 'contenteditable' },
});
