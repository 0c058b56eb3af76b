/**
 * The pattern help the rule studio shows beside "Words to match": the same sentences as "How matching works"
 * in phrasebank/README.md (tests/unit/ui/match-help.test.ts fails when the two drift apart).
 */
export const MATCH_HELP: readonly string[] = [
  'words match case-insensitively, `(a|b)` is a choice, `[x]?` is optional, `#Verb`/`#Pronoun` are part-of-speech tags, `{be}` matches any form of a verb, `.` is any one word, `*` any words, `^` the start of the sentence. Contractions match their long form: `do not` matches "don\'t".',
  'The draft is split into sentences; a pattern matches within one sentence.',
  'Write contractions in their long form (`do not` also matches "don\'t"); write "cannot" as `can not`. Don\'t nest groups (`((a|b) c|d)`): compromise never matches them, and the validator says so.',
  'An `unless` pattern is checked against the whole sentence, so don\'t reuse the trigger words in it (`unless: we can` also matches "we can\'t").',
];
