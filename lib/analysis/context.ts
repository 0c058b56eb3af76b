/**
 * Generic context checks the phrasebank cannot express as word lists, using compromise tags.
 */
import type { NlpTerm } from './nlp';

// Words between a subject and its main verb: "the queue *should* calm down", "traffic *needs to* settle".
const LINKING = new Set(['to', 'need', 'needs', 'needed', 'have', 'has', 'had', 'going', 'start', 'starts', 'begin', 'begins', 'seem', 'seems', 'tend', 'tends', 'usually', 'eventually']);
const THING_PRONOUNS = new Set(['it', 'this', 'that', 'things', 'everything', 'which', 'something', 'nothing', 'anything']);

/**
 * True when a matched phrase that starts with a verb ("calm down") has a non-person subject
 * ("Traffic should calm down", "It will settle down"): then it is not said to the customer.
 */
export function isAboutAThing(terms: NlpTerm[], matchStart: number): boolean {
  const first = terms[matchStart];
  if (!first || !first.tags.has('Verb')) return false;
  if (['Auxiliary', 'Modal', 'Copula', 'PastTense', 'Gerund'].some((t) => first.tags.has(t))) return false;
  for (let k = matchStart - 1; k >= 0; k--) {
    const t = terms[k];
    if (/[,;:!?.\u2014\u2013]/.test(t.post)) return false; // "Sam, calm down" addresses a person
    const word = (t.implicit || t.machine || t.normal || '').toLowerCase();
    if (t.tags.has('Modal') || t.tags.has('Auxiliary') || t.tags.has('Adverb') || t.tags.has('Negative') || LINKING.has(word)) continue;
    if (THING_PRONOUNS.has(word)) return true;
    if (t.tags.has('Pronoun') || t.tags.has('Person') || t.tags.has('ProperNoun')) return false;
    return t.tags.has('Noun') && !t.tags.has('Possessive');
  }
  return false;
}

// Auxiliaries that open a yes/no question: "Do you need to…?", "Would you have to…?"
const QUESTION_OPENERS = new Set(['do', 'does', 'did', 'would', 'could', 'can', 'will', 'shall', 'should', 'are', 'is', 'have', 'has', 'may', 'might', 'must']);

/**
 * True when a match starts right after the auxiliary that opens a yes/no question:
 * "Do you need to change the date?" asks; "You need to change the date." tells.
 * Works on the sentence text alone, so the fast path and the compromise path agree.
 */
export function isInYesNoQuestion(sentence: string, matchStart: number): boolean {
  if (!/\?["')\]]*\s*$/.test(sentence)) return false;
  const head = /^\s*([A-Za-z]+)\s+/.exec(sentence);
  if (!head || !QUESTION_OPENERS.has(head[1].toLowerCase())) return false;
  return matchStart === head[0].length;
}
