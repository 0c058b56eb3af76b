/**
 * What "Send" looks like in each helpdesk: the reply's send button(s) and the key combinations that send
 * from the composer. Data only (the soft check before sending reads it: entrypoints/content/send-check.ts).
 * Evidence is from ../shared/notes/helpdesks.md's sources and the public code index where there is some;
 * elsewhere the generic fallback (`GENERIC_SEND_NAME` on a button in the composer's reply area) applies,
 * and every adapter gets it after its own selectors.
 */

/** A key combination that sends from the composer. */
export type SendKey = 'ctrl-enter' | 'meta-enter';

export interface SendKnowledge {
  /** Selectors for the send button(s), most specific first (matched on the clicked element or an ancestor). */
  buttons: string[];
  /** Key combinations that send from the composer. */
  keys: SendKey[];
}

/** Ctrl+Enter (Windows, Linux) and Cmd+Enter (macOS): the common convention in web helpdesks. */
const BOTH: SendKey[] = ['ctrl-enter', 'meta-enter'];

export const SEND_BUTTONS: Record<string, SendKnowledge> = {
  // `[data-test-id="submit_button-button"]` ("Submit as …") and its menu button: several public Zendesk
  // userscripts and automation scripts in the code index (a ticket-submit confirmation extension, Playwright
  // and Selenium scripts) click or guard exactly this selector.
  zendesk: { buttons: ['[data-test-id="submit_button-button"]'], keys: BOTH },
  // `div[role="button"][data-tooltip^="Send"]`: FaultWorks/MailCrypt `inyector.js`, marron-sojo/GmailGPT
  // `script.js` (the tooltip reads "Send (Ctrl-Enter)" in English; localised elsewhere, hence the fallback).
  // Gmail sends with Ctrl+Enter / Cmd+Enter.
  gmail: { buttons: ['div[role="button"][data-tooltip^="Send"]', 'div[role="button"].aoO'], keys: BOTH },
  // No public source documents these apps' send buttons: the generic fallback finds them by name.
  intercom: { buttons: [], keys: BOTH },
  hubspot: { buttons: [], keys: BOTH },
  salesforce: { buttons: [], keys: BOTH },
  front: { buttons: [], keys: BOTH },
  freshdesk: { buttons: [], keys: BOTH },
  helpscout: { buttons: [], keys: BOTH },
  'zoho-desk': { buttons: [], keys: BOTH },
  gorgias: { buttons: [], keys: BOTH },
  generic: { buttons: [], keys: BOTH },
};

/** The generic fallback: a button whose accessible name starts with one of these words. */
export const GENERIC_SEND_NAME = /^\s*(send|reply|submit)\b/i;

/** What a button-like element is, for the generic fallback. */
export const BUTTON_LIKE = 'button, [role="button"], input[type="submit"], input[type="button"]';

/** How far up from the composer the "reply area" may reach when looking for its send button. */
export const REPLY_AREA_DEPTH = 8;

export function sendKnowledgeFor(adapterId: string): SendKnowledge {
  return SEND_BUTTONS[adapterId] ?? SEND_BUTTONS.generic;
}
