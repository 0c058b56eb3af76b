/**
 * The concrete particulars of the customer's message, with offsets: order and ticket numbers,
 * products, amounts, dates, places, and the options they ask about ("a refund or a replacement").
 * Another part of Attune fills suggestion slots like `{order}` from these, so the shape is a contract.
 */
import type { SLOT_KINDS } from '../phrasebank/types';
import type { NlpDoc } from './nlp';
import { DATE_WORDS, DEADLINE_CUES, EVENTS, OPTIONS, ORDER_WORDS, PRODUCTS, TICKET_WORDS } from './listening-words';
import { phraseRegex, type Quote } from './listening-text';

/** The kinds of particular are the phrasebank's slot names: each can fill a `{slot}` in a suggestion. */
export type ParticularKind = (typeof SLOT_KINDS)[number];

export interface Particular {
  kind: ParticularKind;
  start: number;
  end: number;
  text: string;
}

const WEEKDAY = DATE_WORDS.weekdays.join('|');
const MONTH = DATE_WORDS.months.join('|');
const DAY = '(?:\\d{1,2}(?:st|nd|rd|th)?)';
const DATE_PATTERNS = [
  `(?:(?:this|next|last) )?(?:${WEEKDAY})(?: (?:the )?${DAY}(?: of (?:${MONTH}))?)?`,
  `${DAY} (?:of )?(?:${MONTH})(?: \\d{4})?`,
  `(?:${MONTH}) ${DAY}(?:,? \\d{4})?`,
  `(?:the )?\\d{1,2}(?:st|nd|rd|th)`,
  '\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?',
  '\\d{4}-\\d{2}-\\d{2}',
  ...DATE_WORDS.relative,
];
const DATE_RE = phraseRegex(DATE_PATTERNS);
const DEADLINE_RE = new RegExp(`(?<![\\p{L}])(?:${DEADLINE_CUES.join('|')}) (?:${DATE_PATTERNS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const EVENT_RE = new RegExp(`(?<![\\p{L}])(?:my|our|the|a) (?:\\p{L}+ )?(?:${EVENTS.join('|')})(?: (?:is |was )?(?:on |this |next |in )?(?:${DATE_PATTERNS.join('|')}))?(?![\\p{L}\\p{N}])`, 'gu');
// An identifier: letters, digits, dashes, with at least one digit and three characters.
const ID = '#?(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{2,}';
const idAfter = (nouns: string[]) =>
  new RegExp(`(?<![\\p{L}])(?:${nouns.join('|')})(?: (?:number|no\\.?|num|id|ref|reference|code))?(?: is| was)?[:#\\s]*(${ID})`, 'giu');
const ORDER_RE = idAfter(ORDER_WORDS);
const TICKET_RE = idAfter(TICKET_WORDS);
const BARE_ID_RE = /(?<![\p{L}\p{N}#])#(\d{3,}(?:-\d+)*)(?![\p{L}\p{N}])/gu;
const AMOUNT_RE = /(?:[$£€¥]\s?\d[\d,]*(?:\.\d{1,2})?(?:\s?(?:k|m))?|\d[\d,]*(?:\.\d{1,2})?\s?(?:dollars|pounds|euros|bucks|quid|usd|gbp|eur|cad|aud)(?![\p{L}]))/giu;
const PRODUCT_RE = new RegExp(`(?<![\\p{L}])(?:my|the|this|that|a|an|our|new|both|two) ((?:[\\p{L}\\p{N}-]+ ){0,2}(?:${PRODUCTS.join('|')})s?)(?![\\p{L}])`, 'gu');
// A model name: a capitalised brand word followed by a code, or a camel-cased name ("iPhone 14", "Galaxy S23", "AirPods").
const MODEL_RE = /(?<![\p{L}\p{N}])(?:[A-Z][a-z]+ (?=[A-Za-z]*\d)[A-Za-z0-9]{1,6}|[a-z]+[A-Z][A-Za-z]+(?: \d{1,3}(?: Pro| Max| Plus)?)?|[A-Z][a-z]+[A-Z][A-Za-z]+(?: \d{1,3})?)(?![\p{L}\p{N}])/gu;
const OPTION = `(?:(?:a|an|the|my|full|partial|store) )?(?:${OPTIONS.join('|')})`;
const OPTION_PAIR_RE = new RegExp(`(?<![\\p{L}])(${OPTION})(?:,? or (?:maybe |just |even )?|,? and not |, )(${OPTION})(?:(?:,? or (?:maybe |just )?)(${OPTION}))?(?![\\p{L}])`, 'gu');
const NOT_PRODUCT_LEAD = new Set(['order', 'the', 'a', 'my', 'this', 'that', 'of', 'for', 'to', 'and', 'or', 'is', 'was', 'it', 'in', 'on']);

/** Dates and times that matter to the customer: a deadline ("by Friday") or an event with a date. */
export function findDeadlines(message: string, lower: string): Quote[] {
  const out: Quote[] = [];
  for (const re of [DEADLINE_RE, EVENT_RE]) {
    for (const m of lower.matchAll(re)) {
      if (re === EVENT_RE && !DATE_RE.test(m[0])) continue; // "my wedding" alone has no date
      DATE_RE.lastIndex = 0;
      addQuote(out, message, m.index!, m.index! + m[0].length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Every particular, in order; a span found twice (an order number that is also a bare id) is kept once. */
export function findParticulars(message: string, norm: string, lower: string, doc: NlpDoc): Particular[] {
  const out: Particular[] = [];
  const add = (kind: ParticularKind, start: number, end: number) => {
    if (start >= end || out.some((p) => p.start < end && start < p.end)) return;
    out.push({ kind, start, end, text: message.slice(start, end) });
  };
  const group1 = (kind: ParticularKind, re: RegExp, text: string) => {
    for (const m of text.matchAll(re)) {
      const start = m.index! + m[0].length - m[1].length;
      add(kind, start, start + m[1].length);
    }
  };
  group1('order', ORDER_RE, norm);
  group1('ticket', TICKET_RE, norm);
  group1('order', BARE_ID_RE, norm);
  for (const m of norm.matchAll(AMOUNT_RE)) add('amount', m.index!, m.index! + m[0].length);
  for (const m of lower.matchAll(OPTION_PAIR_RE)) {
    let at = m.index!;
    for (const part of [m[1], m[2], m[3]]) {
      if (!part) continue;
      const start = lower.indexOf(part, at);
      add('option', start, start + part.length);
      at = start + part.length;
    }
  }
  for (const m of lower.matchAll(DATE_RE)) {
    if (/^(?:may|sun|sat|wed|mar|jan|jun|aug|oct|dec|nov|sep|apr|feb|jul|mon|fri|tue|thu)$/.test(m[0]) && !/[A-Z]/.test(norm[m.index!])) continue; // "may", "sun"
    if (/^(?:may|sun|sat|wed|mar|jun|aug|oct|dec|nov|sep|apr|feb|jul|mon|fri|tue|thu|jan)$/.test(m[0]) && m.index === 0) continue;
    add('date', m.index!, m.index! + m[0].length);
  }
  for (const m of norm.matchAll(MODEL_RE)) add('product', m.index!, m.index! + m[0].length);
  for (const m of lower.matchAll(PRODUCT_RE)) {
    let start = m.index! + m[0].length - m[1].length;
    // Leave out a leading function word the optional modifiers picked up ("the order of my jacket").
    let phrase = m[1];
    for (let lead = phrase.split(' ')[0]; phrase.includes(' ') && NOT_PRODUCT_LEAD.has(lead); lead = phrase.split(' ')[0]) {
      start += lead.length + 1;
      phrase = phrase.slice(lead.length + 1);
    }
    if (/\bon $/.test(lower.slice(Math.max(0, m.index! - 3), m.index!)) && /^(?:phone|app|chat|couch|sofa|bed)$/.test(phrase)) continue; // "on the phone", "on my couch"
    if (/^orders?$/.test(phrase)) continue; // "my order" is not a product (an order number is its own particular)
    add('product', start, start + phrase.length);
  }
  for (const p of placesIn(doc)) add('place', p.start, p.end);
  return out.sort((a, b) => a.start - b.start);
}

/** Places compromise recognises (cities, countries), with offsets; trailing punctuation left out. */
function placesIn(doc: NlpDoc): Array<{ start: number; end: number }> {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const found = (doc.view as any).places().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  return found.map((p) => {
    const trimmed = p.text.replace(/[\s.,;:!?'"]+$/u, '');
    return { start: p.offset.start, end: p.offset.start + trimmed.length };
  }).filter((p) => p.end > p.start);
}

function addQuote(out: Quote[], message: string, start: number, end: number): void {
  if (out.some((q) => q.start < end && start < q.end)) return;
  out.push({ start, end, text: message.slice(start, end) });
}
