/**
 * compromise (the NLP library), for the few places that need it: parsing patterns, and tagging the
 * sentences whose patterns need tags. Evaluating compromise takes 150–300 ms, and most drafts never
 * need it, so the shipped builds (the extension and the CLI) replace this module with one that
 * evaluates compromise on the first call (bin/defer-compromise.mjs). In source (tests, tsx) it is a
 * plain import; both give the same compromise.
 */
import nlp from 'compromise';

export default function compromise(): typeof nlp {
  return nlp;
}
