/**
 * What Attune listens for in the customer's message and in a reply. The lists are data, in
 * phrasebank/lexicon/listening.yml (what each one is for is written there), compiled at build time;
 * this module only gives them the names the listening code uses.
 */
import lexicon from '../phrasebank/listening.generated';

const L = lexicon;
export const INTENSIFIERS = L.intensifiers;
export const NOT_SHOUTING = L['not-shouting'];
export const REPEAT_CONTACT = L['repeat-contact'];
export const WAITED = L.waited;
export const WAIT_ACKNOWLEDGED = L['wait-acknowledged'];
export const RHETORICAL = L.rhetorical;
export const REQUEST_OPENERS = L['request-openers'];
export const NOT_REQUESTS = L['not-requests'];
export const NOT_AFTER_PLEASE = L['not-after-please'];
export const STOPWORDS = L.stopwords;
export const GENERIC_NOUNS = L['generic-nouns'];
export const SAME_TOPIC = L['same-topic'];
export const FINDING_OUT = L['finding-out'];
export const DETAILS_ASKS = L['details-asks'];
export const DETAILS_NOUNS = L['details-nouns'];
export const THEY_CAN = L['they-can'];
export const LOOKED_INTO = L['looked-into'];
export const WHEREABOUTS_ANSWER = L['whereabouts-answer'];
export const HOW_ANSWER = L['how-answer'];
export const TIME_ANSWER = L['time-answer'];
export const DATE_WORDS = { weekdays: L.weekdays, months: L.months, relative: L['relative-dates'] };
export const DEADLINE_CUES = L['deadline-cues'];
export const EVENTS = L.events;
export const PRODUCTS = L.products;
export const OPTIONS = L.options;
export const ORDER_WORDS = L['order-words'];
export const TICKET_WORDS = L['ticket-words'];
export const THANKS_OR_PRAISE = L['thanks-or-praise'];
export const FOLLOW_UP_OPENERS = L['follow-up-openers'];
