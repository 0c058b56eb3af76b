/**
 * Suggestions with "…" keep the agent's own words (docs/design.md, "Fixes"): "…" stands for the sentence from
 * the last flagged word (a verb) to its end, so "Could you …?" turns "You need to send the form by Friday." into
 * "Could you send the form by Friday?". Also from the verb after "need to" in an order flagged whole, from the
 * imperative verb that opens a sentence flagged whole, with a participle's base form after "should have", and,
 * for a refusal ("We can't …"), only from a refused verb.
 */
import type { Span } from './text';
import type { PlannedFix } from './fixes';
import { isVerbAt } from './clauses';
import { baseForm, parse } from './nlp';
import { HANDLES, TERMINAL, capitalise, minimalEdit, startsSentence, uncapitalise } from './fix-text';

export const CONTINUE = '\u2026';

export function continuationFix(text: string, sentence: Span, finding: { start: number; end: number }, suggestion: string): PlannedFix | null {
  const s = sentence.text;
  const terminal = TERMINAL.exec(s);
  const coreEnd = sentence.start + (terminal ? terminal.index : s.length);
  const flagged = text.slice(finding.start, finding.end);
  const lastWord = /[\p{L}'\u2019]+$/u.exec(flagged);
  if (!lastWord || coreEnd <= finding.start) return null;
  // "You're going to have to reset it": the words go on from the verb after "to", not from "to" itself.
  let from = finding.start + lastWord.index;
  const afterTo = /^to$/i.test(lastWord[0]);
  if (afterTo) {
    const next = /^\s+(?=[\p{L}])/u.exec(text.slice(finding.end, coreEnd));
    if (!next) return null;
    from = finding.end + next[0].length;
  }
  let imperativeAt = -1;
  // "You should have labelled the box": a "…" written for a step goes on with its base form ("label the box").
  const base = CONTINUE_HAVE.test(text.slice(finding.start, from)) ? hindsightStep(text.slice(from, coreEnd)) : null;
  if (base !== null) {
    const [head, tail] = suggestion.split(CONTINUE, 2);
    let out = head + beforeTail(base, tail) + (tail || terminal?.[0] || '');
    out = startsSentence(text, finding.start) || /^@/.test(s) ? capitalise(out) : uncapitalise(out);
    return { fix: minimalEdit(finding.start, text.slice(finding.start, sentence.end), out), shown: out };
  }
  let onVerb = isVerbAt(s, from - sentence.start, afterTo);
  if (!onVerb) {
    // "[You will need to sign it by the 9th]", flagged whole: the request goes on from the verb
    // after "need to", so the step and its deadline stay ("Could you sign it by the 9th?").
    const obliged = OBLIGED.exec(flagged);
    const at = obliged ? finding.start + obliged.index + obliged[0].length : -1;
    if (at > 0 && isVerbAt(s, at - sentence.start, true)) [from, onVerb] = [at, true];
  }
  if (!onVerb) {
    // "Post the key back within 3 weeks", flagged whole: the instruction opens the sentence, so the request
    // goes on from its verb and keeps the step and its deadline ("Could you post the key back within 3 weeks?").
    from = imperativeAt = imperativeStart(s, sentence.start, finding.start) ?? -1;
    if (from < 0) return null;
  }
  const [head, tail] = suggestion.split(CONTINUE, 2);
  // "We can't …": the agent's words must be a refusal of that verb ("we don't collect", "rules do not
  // let", "we are unable to print"), not any verb a finding ends on ("can't be swapped", "still counts").
  if (NEGATIVE_HEAD.test(head) && (!NEGATED_BEFORE.test(text.slice(finding.start, from)) || AUXILIARY.test(text.slice(from, coreEnd)))) return null;
  // "…immediately", "…right now": the urgency is the order's tone, not part of the step; said mid-sentence
  // ("return it right away or…") it can't be cut cleanly, and the next suggestion is offered instead.
  const opening = from === imperativeAt;
  // Only a request loses it: in a refusal "now" is when ("We can't cancel it now": it has shipped).
  const refusal = NEGATIVE_HEAD.test(head);
  let rest = text.slice(from, coreEnd);
  if (!refusal) rest = rest.replace(URGENCY, '');
  if (!refusal && URGENT_WORD.test(rest)) return null;
  if (opening) rest = uncapitalise(rest);
  if (refusal) {
    // "…, sorry" would sit before the "but" the suggestion adds; "let us print" is "print" once "I can't" says it.
    rest = rest.replace(TRAILING_REGRET, '').replace(PERMIT_US, '');
    if (!rest) return null;
  }
  let out = head + beforeTail(rest, tail) + (tail || terminal?.[0] || '');
  // "Our [terms don't allow] …": the refusal's subject, determiner and all, goes with the replaced words
  // ("Our I can't allow…" otherwise). Only there: before "you need to send" a noun phrase is the object.
  const det = refusal ? DETERMINER_BEFORE.exec(text.slice(sentence.start, finding.start)) : null;
  const start = det ? finding.start - det[0].length : finding.start;
  out = startsSentence(text, start) || /^@/.test(s) ? capitalise(out) : uncapitalise(out);
  return { fix: minimalEdit(start, text.slice(start, sentence.end), out), shown: out };
}

/** The agent's words before the suggestion's own ending: a closing emoji would sit mid-sentence there. */
function beforeTail(words: string, tail: string | undefined): string {
  return tail && /\p{L}/u.test(tail) ? words.replace(/\s*[\p{Extended_Pictographic}\u200d\uFE0F]+\s*$/u, '') : words;
}

const OBLIGED = /\b(?:need|needs|have|has|got)\s+to\s+(?=[\p{L}])/iu;
const CONTINUE_HAVE = /\b(?:should|could|ought to)(?:\s+(?:\w+ly\s+)?have|['\u2019]?ve)\s+(?:\w+ly\s+)?$/i;

/**
 * "labelled the box" → "label the box": the step, in the base form, when the rest has no
 * verb of its own in a tense ("booked before we closed" would keep a past "closed").
 */
function hindsightStep(rest: string): string | null {
  const verb = /^([\p{L}]+)/u.exec(rest)?.[1];
  if (!verb) return null;
  const terms = parse(rest).sentences.flat();
  let out = rest;
  for (let i = terms.length - 1; i >= 1; i--) {
    const t = terms[i];
    if (!t.tags.has('Verb') || t.tags.has('Gerund') || t.tags.has('Infinitive')) continue;
    // "…if you wanted it gift-wrapped": after "you" a plain past verb moves to the present with the advice
    // ("if you want it"); any other verb in a tense keeps the sentence in the past, and nothing is offered.
    const present = /^you$/i.test(terms[i - 1].text) && t.tags.has('PastTense') && !/^(?:were|was|had|did)$/i.test(t.text) ? baseForm(t.text) : null;
    const at = t.offset?.start;
    if (!present || at === undefined) return null;
    out = out.slice(0, at) + present + out.slice(at + t.text.length);
  }
  const base = baseForm(verb);
  return base ? base + out.slice(verb.length) : null;
}

const DETERMINER_BEFORE = /(?<![\p{L}'\u2019])(?:the|our|my|their|these|those|this|its)(?:\s+[\p{L}&-]+){0,2}\s+$/iu;
const NEGATIVE_HEAD = /(?:n['\u2019]t|\bnot|\bcannot)\s*$/i;
const NEGATED_BEFORE = /(?:n['\u2019]?t|\bcannot|\bnot|\bnever|\bunable to|\bno longer)\s+(?:(?:[\p{L}]+\s+)?to\s+|[\p{L}]+ly\s+)?$/iu;
const AUXILIARY = /^(?:be|is|are|was|were|do|does|did|have|has|had|say|says|apply|applies)\b/i;
const TRAILING_REGRET = /,?\s+(?:sorry|i['\u2019]m afraid|i am afraid|unfortunately)$/i;
const PERMIT_US = /^(?:allow|permit|let)\s+(?:us|me)\s+(?:to\s+)?(?=[\p{L}])/iu;
const URGENCY = /,?\s+(?:immediately|right now|right away|at once|asap|now)$/i;
const URGENT_WORD = /\b(?:immediately|right now|right away|at once|asap)\b/i;
const SOFTENERS = /^(?:(?:please|just|now|first|so|ok|okay)[\s,]+)*/i;

/** Where the imperative verb of a sentence that the finding opens stands (after @handles and "please"), or null. */
function imperativeStart(s: string, base: number, findingStart: number): number | null {
  const lead = HANDLES.exec(s)?.[0].length ?? 0;
  const at = lead + SOFTENERS.exec(s.slice(lead))![0].length;
  if (findingStart - base > at) return null;
  // Tagged from the verb on: after "@kim" compromise reads a capitalised "Upload" as a surname.
  const first = parse(s.slice(at)).sentences.flat()[0];
  return first && first.tags.has('Imperative') && !first.tags.has('Gerund') ? base + at : null;
}
