/**
 * A suggestion states no fact the conversation does not contain (docs/design.md, "Fixes"):
 * - slots (`{order}`, `{product}`, `{amount}`, `{date}`, `{place}`, `{ticket}`, `{option}`) are filled from
 *   the particulars of the customer's message and the draft; a part in square brackets is left out when
 *   its slot can't be filled, and a suggestion with a bare slot that can't be filled is not offered;
 * - a suggestion that names a particular (a number, a day or time, money, or one of the concrete things
 *   below) is offered only when the draft or the customer's message mentions it too.
 * Phrasebank authors write generic wording; this is the guard for what slips through, and for team packs.
 */

import type { Particular as Heard } from './listening-particulars';

/** Something concrete the customer mentions (an order number, a product, a date…): what fills a slot. */
export type Particular = Pick<Heard, 'kind' | 'text'>;

const SLOT = /\{([a-z]+)\}/g;
const OPTIONAL_PART = /\[([^[\]]*)\]/g;

/** The suggestion with its slots filled, or null when a bare slot can't be. */
export function fillSlots(suggestion: string, particulars: readonly Particular[]): string | null {
  const used = new Map<string, number>();
  const take = (kind: string): string | undefined => {
    const all = particulars.filter((p) => p.kind === kind);
    const i = used.get(kind) ?? 0;
    used.set(kind, i + 1);
    return all[i]?.text;
  };
  let missing = false;
  const withOptional = suggestion.replace(OPTIONAL_PART, (_, inner: string) => {
    let gap = false;
    const filled = inner.replace(SLOT, (_m, kind: string) => take(kind) ?? ((gap = true), ''));
    return gap ? '' : filled;
  });
  const out = withOptional.replace(SLOT, (_m, kind: string) => take(kind) ?? ((missing = true), ''));
  return missing ? null : out.replace(/\s{2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim();
}

// Particulars a generic suggestion must not invent: promised outcomes, documents and things, times.
const CONCRETE = [
  'refund', 'replacement', 'voucher', 'discount', 'coupon', 'credit', 'exchange', 'parcel', 'package', 'courier',
  'receipt', 'invoice', 'bank', 'label', 'warehouse', 'airline', 'flight', 'manual', 'guide', 'upgrade', 'callback',
  'photo', 'screenshot', 'trial', 'subscription', 'booking', 'fare', 'ticket', 'plan', 'cache', 'router', 'browser',
  'app', 'password', 'manager', 'supervisor', 'engineer', 'express', 'prepaid',
];
const TIMES = [
  'today', 'tonight', 'tomorrow', 'yesterday', 'morning', 'afternoon', 'evening', 'noon', 'midnight', 'hour', 'minute',
  'week', 'weekend', 'month', 'year', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'percent', 'dollars', 'pounds', 'euros',
];
const PARTICULAR_WORD = new RegExp(`\\b(${[...CONCRETE, ...TIMES].join('|')})(?:e?s)?\\b`, 'gi');
const NUMBER_OR_MONEY = /[$£€¥%]|\b\d[\d.,:/-]*\b/g;

/** The particulars a suggestion names (lower case): what the conversation must mention for it to be offered. */
export function particularsNamed(suggestion: string): string[] {
  const plain = suggestion.replace(SLOT, ' ');
  const words = [...plain.matchAll(PARTICULAR_WORD)].map((m) => m[1].toLowerCase());
  const numbers = [...plain.matchAll(NUMBER_OR_MONEY)].map((m) => m[0].toLowerCase());
  return [...new Set([...words, ...numbers])];
}

/** True when every particular the suggestion names occurs in the conversation (already lower-cased). */
export function isGrounded(suggestion: string, conversation: string): boolean {
  return particularsNamed(suggestion).every((p) => (/^[a-z]/.test(p) ? new RegExp(`\\b${p}`).test(conversation) : conversation.includes(p)));
}
