/**
 * The listening lexicon (`phrasebank/lexicon/listening.yml`): the words and phrases the listening
 * coaching looks for, kept as data a team lead can read and change. Validated here and compiled into
 * `listening.generated.ts` by build.ts, so the extension ships no YAML parser and a broken pattern
 * fails the build, not an agent's screen.
 */

/** Every key the file must have; each is a list of words or phrase patterns, except `same-topic` (a list of lists). */
export const LISTENING_KEYS = [
  'weekdays', 'months', 'relative-dates', 'deadline-cues', 'details-asks', 'details-nouns', 'events', 'finding-out', 'generic-nouns', 'how-answer', 'intensifiers', 'looked-into',
  'not-after-please', 'not-requests', 'not-shouting', 'options', 'order-words', 'products', 'repeat-contact', 'request-openers',
  'rhetorical', 'same-topic', 'follow-up-openers', 'stopwords', 'thanks-or-praise', 'they-can', 'ticket-words', 'time-answer', 'waited', 'wait-acknowledged', 'whereabouts-answer',
] as const;

export type ListeningKey = (typeof LISTENING_KEYS)[number];

/**
 * `examples:` in the file, like a rule's: customer messages in which a question or request must be heard
 * (`flag`), and look-alikes in which none may be (`pass`: "please note…", a rhetorical question). They are
 * checked by the tests against the real listener (tests/unit/phrasebank/lexicon.test.ts) and not compiled.
 */
export interface LexiconExamples {
  flag: string[];
  pass: string[];
}

/** The examples of a parsed lexicon file, or the problems with them. */
export function lexiconExamples(doc: unknown): { examples: LexiconExamples; errors: string[] } {
  const errors: string[] = [];
  const raw = (doc as Record<string, unknown> | null)?.examples as Record<string, unknown> | undefined;
  const list = (key: 'flag' | 'pass') => {
    const v = raw?.[key];
    if (!Array.isArray(v) || !v.length || v.some((x) => typeof x !== 'string' || !x.trim())) {
      errors.push(`examples.${key}: must be a list of customer messages, like ["Can I keep the old one?"]`);
      return [];
    }
    return v as string[];
  };
  return { examples: { flag: list('flag'), pass: list('pass') }, errors };
}
export type ListeningLexicon = { [K in ListeningKey]: K extends 'same-topic' ? string[][] : string[] };

/** Checks a parsed YAML document; returns the lexicon or readable problems ("products: item 3 is not text"). */
export function validateListeningLexicon(doc: unknown): { lexicon?: ListeningLexicon; errors: string[] } {
  const errors: string[] = [];
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { errors: ['the file must be a list of keys like "products: [phone, laptop]"'] };
  const obj = doc as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (key !== 'examples' && !(LISTENING_KEYS as readonly string[]).includes(key)) errors.push(`${key}: not a key Attune knows (known: ${LISTENING_KEYS.join(', ')}, examples)`);
  errors.push(...lexiconExamples(obj).errors);
  const strings = (key: string, v: unknown, where = key) => {
    if (!Array.isArray(v)) return errors.push(`${where}: must be a list, like [one, two]`);
    v.forEach((item, i) => {
      if (typeof item !== 'string' || !item.trim()) return errors.push(`${where}: item ${i + 1} must be a word or phrase`);
      try {
        new RegExp(item, 'u');
      } catch (e) {
        errors.push(`${where}: "${item}" is not a valid pattern (${(e as Error).message})`);
      }
    });
  };
  for (const key of LISTENING_KEYS) {
    const v = obj[key];
    if (v === undefined) errors.push(`${key}: missing`);
    else if (key === 'same-topic') {
      if (!Array.isArray(v)) errors.push('same-topic: must be a list of lists of stems');
      else v.forEach((group, i) => strings(key, group, `same-topic group ${i + 1}`));
    } else strings(key, v);
  }
  const lexicon = Object.fromEntries(LISTENING_KEYS.map((k) => [k, obj[k]])) as ListeningLexicon;
  return errors.length ? { errors } : { lexicon, errors };
}
