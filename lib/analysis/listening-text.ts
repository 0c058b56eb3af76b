/**
 * Small text helpers shared by the listening modules: quotes into the customer's message, phrase
 * lists as one regular expression, and the crude stems used to compare a reply with what was asked.
 */
import { GENERIC_NOUNS, PRODUCTS, SAME_TOPIC, STOPWORDS } from './listening-words';

/** A span of the customer's message: `text === message.slice(start, end)` (UTF-16 offsets). */
export interface Quote {
  start: number;
  end: number;
  text: string;
}

/** "1/2", "2/3": the reply is one part of several (social replies split at the length limit); the rest is elsewhere. */
export const PART_OF_THREAD = /(?<![\p{N}\/])[1-9]\/[2-9](?![\p{N}\/])/u;

/** Lower-cases without changing the length (a few characters grow when lower-cased; they are kept). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
}

/** One global regex for a list of phrase patterns, matched as whole words. */
export function phraseRegex(patterns: readonly string[], flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

const STOP = new Set(STOPWORDS);
// Things named with an "-er" ("charger", "printer") are compared whole: a charger is not a charge.
const WHOLE = new Set(PRODUCTS.filter((p) => /ers?$/.test(p) && p.length > 5).map((p) => p.replace(/s$/, '')));
const GENERIC = new Set(GENERIC_NOUNS.map(stem));
// A stem can be in more than one group ("charg" is money back and billing): it keeps every one.
const GROUPS = new Map<string, string[]>();
SAME_TOPIC.forEach((group, i) => group.forEach((s) => GROUPS.set(s, [...(GROUPS.get(s) ?? []), `#${i}`])));

/**
 * A crude stem: the first five letters ("refunded" and "refund", "delivery" and "deliver" meet).
 * Good enough to tell whether a reply talks about the same thing; never shown to anyone.
 */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 5 && WHOLE.has(w.replace(/s$/, ''))) return w.replace(/s$/, '');
  return w.length > 5 ? w.slice(0, 5) : w;
}

/** The topic words of a text: stems of words that are not stopwords. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of lowerSameLength(text).matchAll(/[\p{L}\p{N}][\p{L}\p{N}']*/gu)) {
    if (STOP.has(m[0]) || m[0].length < 2) continue;
    out.push(stem(m[0]));
  }
  return out;
}

/** A topic key: a stem, or its (first) synonym group ("refun" and "money" are one topic). */
export function topicKey(s: string): string {
  return GROUPS.get(s)?.[0] ?? s;
}

/** Every synonym group a stem is in (none: the stem itself). */
export function topicKeys(s: string): readonly string[] {
  return GROUPS.get(s) ?? [s];
}

/** True when the reply (`replyKeys`) has the stem or a word of one of its groups. */
export function picksUp(t: string, replyKeys: ReadonlySet<string>): boolean {
  return replyKeys.has(t) || topicKeys(t).some((k) => replyKeys.has(k));
}

/** How much of `topics` the reply (`replyKeys`) picks up: a generic noun ("order") counts half. */
export function overlapWeight(topics: string[], replyKeys: ReadonlySet<string>): number {
  let w = 0;
  for (const t of new Set(topics)) {
    if (picksUp(t, replyKeys)) w += GENERIC.has(t) ? 0.5 : 1;
  }
  return w;
}

/** Stems and synonym groups of a reply, for `overlapWeight`. */
export function replyKeys(reply: string): Set<string> {
  const keys = new Set<string>();
  for (const s of contentStems(reply)) {
    keys.add(s);
    for (const k of topicKeys(s)) keys.add(k);
  }
  return keys;
}
