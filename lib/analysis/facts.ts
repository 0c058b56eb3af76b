/**
 * The parts of a flagged sentence that carry what the customer needs, recognised by shape, so that an
 * applied alternative does not drop them (docs/design.md, "Fixes"; issue 8 §1):
 * - `carriesFact`: a number, amount, time or date, weekday or month, link, code, quoted name, or a menu
 *   path ("Settings > Billing");
 * - `reportedContent`: what was said or would be known ("I told you [the spare key is under the mat]", "you would
 *   know [the gate opens at 7]"): the object of a verb of saying or knowing is the information itself;
 * - `restatedDependent`: a dependent clause the flagged one leaves behind, made a sentence when it carries
 *   a fact (", which lasts 6 weeks" → "This lasts 6 weeks"; ", because the depot closes at
 *   6pm" → "That's because the depot closes at 6pm"). A reason that blames ("because you never…") is
 *   flagged by a finding of its own, and the planner keeps no flagged part.
 * Nothing here writes a fact: each returns the agent's own words, or null.
 */
import { parse } from './nlp';
import { standsAlone } from './clauses';

const FACT_SHAPES = [
  /\p{N}/u, // 10 days, £3, 8-12, 4pm, #4411
  /[$£€¥%]/,
  /\bhttps?:\/\/|\bwww\.|\b[\w-]+\.(?:com|org|net|io|co)\b|@[\w-]+\.\w/i,
  /\s[>›»→]\s/, // Settings > Billing
  /["\u201C][^"\u201D]{2,}["\u201D]/, // a quoted name or label
  /\b[A-Z]{2,}[-_]?[A-Z0-9]*\d[A-Z0-9]*\b/, // a code: SAVE10, AB-123
  /\b(?:today|tonight|tomorrow|yesterday|noon|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)\b/i,
];

/** True when `text` holds a concrete particular the customer may need (by shape only). */
export function carriesFact(text: string): boolean {
  return FACT_SHAPES.some((re) => re.test(text));
}

// A verb of saying or knowing whose object is the information: "told you", "would know", "can see", "be aware".
const REPORTING =
  /\b(?:told you|said|explained|mentioned|advised|informed you|stated|know|knew|known|see|seen|saw|notice|noticed|realise|realised|realize|realized|remember|aware)\s+(?:(?:already|before|earlier|again|above|twice)\s+)?(?:that\s+)?/gi;

/**
 * [start, end) within s of what a verb of saying or knowing in s[from, to) reports, when it can stand as a
 * sentence ("the gate opens at 7"); null otherwise. The verb may be flagged ("I already told you"); the part
 * kept starts after `flaggedEnd`, so the dismissive words themselves never are.
 */
export function reportedContent(s: string, from: number, flaggedEnd: number, to: number): [number, number] | null {
  REPORTING.lastIndex = from;
  for (let m = REPORTING.exec(s); m && m.index < to; m = REPORTING.exec(s)) {
    const start = m.index + m[0].length;
    if (start < flaggedEnd) continue;
    const content = s.slice(start, to).trim();
    // "you'd know if you'd read it": the reported part is itself a condition, not a fact.
    // "explained why the lid won't close": an indirect question names the fact without stating it.
    if (/^(?:why|how|what|when|where|who|which|whether|if)\b/i.test(content)) continue;
    if (content && standsAlone(content) && !/^(?:you|it|this|that)\b[^.]{0,12}$/i.test(content)) return [start, start + s.slice(start, to).indexOf(content) + content.length];
  }
  return null;
}

/** A dependent clause made a sentence of its own when it carries a fact; null when it can't be. */
export function restatedDependent(fragment: string): string | null {
  const f = fragment.trim();
  if (!carriesFact(f)) return null;
  const which = /^which\s+(.+)$/is.exec(f);
  if (which) {
    const first = parse(which[1]).sentences.flat()[0];
    // "which lasts 6 weeks": "which" is the subject; "which you'd know" has a subject of its own.
    if (!first || !first.tags.has('Verb') || first.tags.has('Gerund')) return null;
    return `This ${which[1]}`;
  }
  const because = /^because\s+(.+)$/is.exec(f);
  if (because && standsAlone(because[1])) return `That's because ${because[1]}`;
  return null;
}
