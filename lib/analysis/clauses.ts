/**
 * Whether a piece of an agent's sentence can stand as a sentence of its own once the dismissive
 * clause next to it is replaced: it has a verb that is not just a gerund, and it does not open with a
 * word that ties it to the clause it came from ("because…", "before ordering", "which…"), nor ends on one.
 */
import { parse } from './nlp';
import { restoreApostrophes } from './apostrophes';

const DEPENDENT_OPENER = new Set([
  'because', 'since', 'as', 'though', 'although', 'while', 'unless', 'until', 'if', 'when', 'whenever', 'before',
  'after', 'which', 'who', 'whom', 'whose', 'that', 'whether', 'whereas', 'than', 'to', 'for', 'of', 'with',
  'without', 'by', 'from', 'about', 'like', 'into', 'onto', 'through', 'during', 'via', 'per', 'otherwise', 'or', 'where',
]);

// "…the finance team might be able to": the clause it needed went with the dismissive one.
const ENDS_ON_FUNCTION_WORD = /\b(?:the|a|an|to|of|and|or|but|for|with|your|our|my|their|so|because|that|than)\W*$/i;

const known = new Map<string, boolean>();

export function standsAlone(fragment: string): boolean {
  let alone = known.get(fragment);
  if (alone === undefined) {
    if (known.size > 2000) known.clear(); // fragments of the drafts being typed: small, and cheap to recompute
    known.set(fragment, (alone = judge(fragment)));
  }
  return alone;
}

/** True when the fragment opens with a word that ties it to another clause ("which…", "because…"). */
export function opensDependent(fragment: string): boolean {
  const first = /^\s*([\p{L}']+)/u.exec(fragment)?.[1].toLowerCase();
  return !!first && DEPENDENT_OPENER.has(first);
}

/**
 * True when compromise reads the word starting at `at` in `sentence` as a verb in the base form a
 * request needs ("send", "log"), in the sentence as written ("reinstall the app": "app" is not one).
 */
export function isVerbAt(sentence: string, at: number, afterTo = false): boolean {
  const term = parse(sentence).sentences.flat().find((t) => t.offset?.start === at);
  if (!term) return false;
  // After "to" a word in verb position is an infinitive whatever the tagger guesses for forms like "reset",
  // "put" or "cut" (a noun, a past tense); a pronoun, article, number or name there is not ("to the form").
  if (afterTo) return !['Gerund', 'Pronoun', 'Determiner', 'Value', 'ProperNoun', 'Possessive', 'Preposition', 'Adjective', 'Plural'].some((t) => term.tags.has(t));
  return term.tags.has('Verb') && !term.tags.has('Gerund') && !term.tags.has('PastTense');
}

function judge(fragment: string): boolean {
  const words = fragment.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // Two words ("This happened", "it's clear") rarely carry a fact worth a sentence of its own.
  if (words.length < 3) return false;
  if (ENDS_ON_FUNCTION_WORD.test(fragment)) return false;
  if (opensDependent(fragment)) return false;
  // "its arriving today" is "it's arriving today": the verb is in the missing apostrophe.
  // restoreApostrophes does "its" before "only", "not", an article or "been"; a fragment's first "its" before a
  // gerund is "it's" too ("its leaving the depot today"), though mid-sentence it can be a noun ("its packaging").
  const restored = restoreApostrophes(fragment).text.replace(/^(\s*)its(?=\s+(?:\w+ing|gone|here|there)\b)/i, "$1it's");
  const terms = parse(restored).sentences.flat();
  if (terms.length && terms[0].tags.has('Gerund')) return false;
  const verb = terms.findIndex((t) => t.tags.has('Verb') && !t.tags.has('Gerund'));
  // "no reason to fret over it", "nothing to lose sleep over": the only verb is an infinitive, so there is no
  // clause, and what's left is the dismissive point again.
  // ("Glad to see you're back online" has one later, and stays.)
  const finiteLater = terms.slice(verb + 1).some((t, i) => t.tags.has('Copula') || t.tags.has('Modal') || t.tags.has('Auxiliary') || (t.tags.has('Verb') && terms[verb + i].tags.has('Pronoun')));
  if (verb > 0 && terms[verb].tags.has('Infinitive') && /^to$/i.test(terms[verb - 1].text) && !finiteLater) return false;
  // "Please note that under section 4 of the lease": the verb is the "note", and the clause "that" opened
  // lost its own verb to the replaced clause; what is left announces a fact it no longer states.
  // ("The landlord chose that date": a "that" before a last noun is a determiner, and the clause is whole.)
  const that = terms.findIndex((t, i) => i > 0 && /^that$/i.test(t.text) && terms[i - 1].tags.has('Verb') && !(i === terms.length - 2 && terms[i + 1].tags.has('Noun') && !terms[i + 1].tags.has('Pronoun')));
  if (that > 0 && !terms.slice(that + 1).some((t) => t.tags.has('Verb') && !t.tags.has('Gerund'))) return false;
  if (verb >= 0) return true;
  // "the fee stands", "the charge stays": compromise reads the -s verb after a singular noun as a plural
  // noun, and the fact the customer needs (the fee is not waived) went with the dismissive clause.
  return terms.some((t, i) => i >= 2 && /s$/i.test(t.text) && t.tags.has('Plural') && terms[i - 1].tags.has('Singular') && terms[i - 2].tags.has('Determiner'));
}
