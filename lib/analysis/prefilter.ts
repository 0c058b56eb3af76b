/**
 * A cheap, conservative prefilter: compromise's tagger (≈90% of the cost) only runs on sentences
 * that contain, for every required term of some pattern, at least one of its words.
 * "Conservative" means it may let a sentence through needlessly, never block a possible match.
 */

/** One compromise term as returned by `nlp.parseMatch` (only the fields we read). */
export interface ParsedTerm {
  word?: string;
  fastOr?: Set<string>;
  choices?: ParsedTerm[][];
  optional?: boolean;
  negative?: boolean;
  fuzzy?: boolean;
  min?: number;
  [key: string]: unknown;
}

/** Word groups a pattern needs: each inner array lists alternatives, one of which must appear. */
export type RequiredGroups = string[][];

/** Derives required word groups from a parsed pattern; tag-only or optional terms add no constraint. */
export function requiredGroups(regs: ParsedTerm[]): RequiredGroups {
  const groups: RequiredGroups = [];
  for (const reg of regs) {
    const g = termGroup(reg);
    if (g) groups.push(g);
  }
  return groups;
}

function termGroup(reg: ParsedTerm): string[] | null {
  if (reg.optional || reg.negative || reg.fuzzy || reg.min === 0) return null;
  if (typeof reg.word === 'string' && reg.word) return [reg.word.toLowerCase()];
  if (reg.fastOr instanceof Set && reg.fastOr.size) return [...reg.fastOr].map((w) => String(w).toLowerCase());
  if (Array.isArray(reg.choices)) {
    const union: string[] = [];
    for (const choice of reg.choices) {
      const first = requiredGroups(choice)[0];
      if (!first) return null; // this alternative needs no particular word
      union.push(...first);
    }
    return union.length ? union : null;
  }
  return null;
}

// Long forms compromise gives contractions (over-generating is harmless here).
const SUFFIX_EXPANSIONS: Record<string, string[]> = {
  "'s": ['is', 'has', 'us', 'was', 'does'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'d": ['would', 'had', 'did', 'could'],
  "'m": ['am'],
  "n't": ['not'],
};
const WHOLE_EXPANSIONS: Record<string, string[]> = {
  "can't": ['can', 'cannot'],
  "won't": ['will'],
  "shan't": ['shall'],
  "ain't": ['is', 'are', 'am', 'have', 'has'],
  cannot: ['can', 'not'],
  gonna: ['going', 'to'],
  wanna: ['want', 'to'],
  gotta: ['got', 'to', 'have'],
  "y'all": ['you', 'all'],
  "let's": ['let', 'us'],
  lemme: ['let', 'me'],
  dunno: ['do', 'not', 'know'],
};

const TOKEN_RE = /[^\s]+/g;
const EDGE_PUNCT_RE = /^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu;

/** Lower-cased words of a (normalised) sentence plus contraction expansions and hyphen/slash parts. */
export function wordSet(sentence: string): Set<string> {
  const words = new Set<string>();
  const lower = sentence.toLowerCase();
  for (const m of lower.matchAll(TOKEN_RE)) {
    const token = m[0].replace(EDGE_PUNCT_RE, '').replace(/^'+|'+$/g, '');
    if (!token) continue;
    addWord(words, token);
    const plain = token.normalize('NFD').replace(/\p{M}/gu, '');
    if (plain !== token) addWord(words, plain);
    if (/[^\p{L}\p{N}']/u.test(token)) {
      words.add(token.replace(/[^\p{L}\p{N}']/gu, ''));
      for (const part of token.split(/[^\p{L}\p{N}']+/u)) if (part) addWord(words, part);
    }
  }
  return words;
}

function addWord(words: Set<string>, token: string): void {
  words.add(token);
  const whole = WHOLE_EXPANSIONS[token];
  if (whole) for (const w of whole) words.add(w);
  const apos = token.indexOf("'");
  if (apos > 0) {
    words.add(token.replace(/'/g, ''));
    const nt = token.endsWith("n't") ? token.length - 3 : -1;
    const base = nt > 0 ? token.slice(0, nt) : token.slice(0, apos);
    const suffix = nt > 0 ? "n't" : token.slice(apos);
    words.add(base);
    for (const w of SUFFIX_EXPANSIONS[suffix] ?? []) words.add(w);
  }
}

/** True when every required group has a word in the set. */
export function mayMatch(groups: RequiredGroups, words: Set<string>): boolean {
  outer: for (const group of groups) {
    for (const w of group) if (words.has(w)) continue outer;
    return false;
  }
  return true;
}
