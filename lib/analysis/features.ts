/**
 * Turns one sentence into the sparse features the trained model reads, keeping for each feature the
 * tokens it came from so a finding can point at the words that drove it.
 * Used unchanged by training (training/train.ts) and at run time (model.ts): if the two ever
 * differed, the shipped weights would mean nothing.
 *
 * Features (hashed to 32 bits, no strings kept): word unigrams, bigrams, skip-bigrams (one word in
 * between, so "you really should" still shares "you _ should" with "you should"), trigrams, and a
 * crude stem (so "refunded/refunding/refunds" share a feature). Contractions are expanded first, with
 * or without the apostrophe ("dont", "don't" and "do not" give the same tokens). Character n-grams
 * were tried and dropped: they lowered recall at the same false-alarm rate on the validation split
 * (0.57 against 0.61; docs/design.md).
 */

import { classesOf } from './word-classes';

export interface Token {
  /** Normalised word, e.g. "not" for the second half of "don't". */
  word: string;
  /** Offsets of the source word in the sentence (both halves of "don't" point at the whole word). */
  start: number;
  end: number;
}

export interface SentenceFeatures {
  tokens: Token[];
  /** Feature hashes; `owners[i]` is the first token index covered by hashes[i], `spans[i]` how many tokens. */
  hashes: number[];
  owners: number[];
  spans: number[];
  /** The unigram feature of each token (to tell how much of the sentence the model has seen). */
  unigrams: number[];
}

// Apostrophe-less and slang forms agents type in chat. Only unambiguous words: "ill", "were", "well",
// "its" and "id" are real words too, so they are left alone.
const BARE: Record<string, string[]> = {
  dont: ['do', 'not'], doesnt: ['does', 'not'], didnt: ['did', 'not'], cant: ['can', 'not'], cannot: ['can', 'not'],
  wont: ['will', 'not'], isnt: ['is', 'not'], arent: ['are', 'not'], wasnt: ['was', 'not'], werent: ['were', 'not'],
  havent: ['have', 'not'], hasnt: ['has', 'not'], hadnt: ['had', 'not'], couldnt: ['could', 'not'],
  shouldnt: ['should', 'not'], wouldnt: ['would', 'not'], mustnt: ['must', 'not'], aint: ['is', 'not'],
  im: ['i', 'am'], ive: ['i', 'have'], youre: ['you', 'are'], youve: ['you', 'have'], youll: ['you', 'will'],
  youd: ['you', 'would'], theyre: ['they', 'are'], theyve: ['they', 'have'], thats: ['that', 'is'],
  theres: ['there', 'is'], whats: ['what', 'is'], heres: ['here', 'is'], itll: ['it', 'will'], weve: ['we', 'have'],
  u: ['you'], ur: ['your'], pls: ['please'], plz: ['please'], thx: ['thanks'], ty: ['thank', 'you'],
  gonna: ['going', 'to'], wanna: ['want', 'to'], gotta: ['have', 'to'], dunno: ['do', 'not', 'know'],
  shouldve: ['should', 'have'], couldve: ['could', 'have'], wouldve: ['would', 'have'], mustve: ['must', 'have'],
  cuz: ['because'], coz: ['because'], cos: ['because'], ya: ['you'], thru: ['through'],
};
const NOT_STEM: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };
const CLITIC: Record<string, string> = { re: 'are', m: 'am', ve: 'have', ll: 'will', d: 'would' };
const S_IS = new Set(['that', 'it', 'there', 'what', 'here', 'he', 'she', 'who', 'where', 'how', 'everything', 'nothing', 'this']);

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
// As Maps for the look-ups: own keys only ("constructor" is a word, not Object.prototype's), and a Map's
// `get` is cheaper per word than `hasOwnProperty.call` on an object literal of this size.
const BARE_WORDS = new Map(Object.entries(BARE));
const NOT_STEMS = new Map(Object.entries(NOT_STEM));
const CLITICS = new Map(Object.entries(CLITIC));

/**
 * Splits a sentence into normalised tokens with source offsets.
 * Written without closures or per-word regexes: it runs on every sentence the agent types and on every
 * sentence of a batch, and was the largest part of scoring one.
 */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    let raw = m[0].toLowerCase();
    if (raw.includes('\u2019')) raw = raw.replace(/\u2019/g, "'");
    const apos = raw.indexOf("'");
    if (apos < 0) {
      const bare = BARE_WORDS.get(raw);
      if (bare) for (const word of bare) out.push({ word, start, end });
      else out.push({ word: hasDigit(raw) ? (allDigits(raw) ? '<n>' : '<id>') : raw, start, end });
      continue;
    }
    const head = raw.slice(0, apos);
    const tail = raw.slice(apos + 1);
    if (tail === 't' && head.endsWith('n')) {
      const stem = head.slice(0, -1);
      out.push({ word: NOT_STEMS.get(stem) ?? stem, start, end }, { word: 'not', start, end });
    } else if (CLITICS.has(tail)) {
      out.push({ word: head, start, end }, { word: CLITICS.get(tail)!, start, end });
    } else if (tail === 's') {
      if (head === 'let') out.push({ word: 'let', start, end }, { word: 'us', start, end });
      else {
        out.push({ word: head, start, end });
        if (S_IS.has(head)) out.push({ word: 'is', start, end });
      }
    } else out.push({ word: raw.replace(/'/g, ''), start, end });
  }
  return out;
}

/** Any ASCII digit (what /\d/ tests). */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Only ASCII digits (what /^\d+$/ tests, for a non-empty word). */
function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/**
 * The suffixes `stem` strips, longest first. It removed the first match of
 * /(?:ingly|edly|ing|ed|ies|es|ly|s|ise|ize|ised|ized|isation|ization)$/, i.e. the one starting leftmost,
 * i.e. the longest suffix the word ends with; without a regex per word (featurising runs on every sentence).
 */
const SUFFIXES = ['ingly', 'edly', 'ing', 'ed', 'ies', 'es', 'ly', 's', 'ise', 'ize', 'ised', 'ized', 'isation', 'ization'].sort((a, b) => b.length - a.length);

/** A crude suffix stripper: enough for "refunded/refunding/refunds" to share a feature. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of SUFFIXES) if (word.endsWith(suffix)) return word.slice(0, word.length - suffix.length) || word;
  return word;
}

// 32-bit FNV-1a, and a mixer for combining token hashes into n-gram hashes.
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
function mix(a: number, b: number, kind: number): number {
  let h = Math.imul(a ^ kind, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const K_UNI = 1, K_BI = 2, K_SKIP = 3, K_TRI = 4, K_STEM = 5, K_MARK = 6;
// Word-class features (word-classes.ts): the class alone, and beside the next or previous word.
const K_CLASS = 7, K_CLASS_WORD = 8, K_WORD_CLASS = 9, K_CLASS_CLASS = 10;
const QUESTION = hashString('<?>');

/** The hashes of a word's classes' names (`classesOf`, each name hashed once, not per word). */
const classHashes = new Map<string, readonly number[]>();
function classHashesOf(word: string): readonly number[] {
  const names = classesOf(word);
  if (!names.length) return NO_CLASSES;
  let hashes = classHashes.get(word);
  if (!hashes) classHashes.set(word, (hashes = names.map((c) => hashString(c))));
  return hashes;
}
const NO_CLASSES: readonly number[] = [];
const EXCLAIM = hashString('<!>');

/** The features of one sentence. */
export function featurize(sentence: string): SentenceFeatures {
  const tokens = tokenize(sentence);
  const f: SentenceFeatures = { tokens, hashes: [], owners: [], spans: [], unigrams: [] };
  const n = tokens.length;
  const th = new Array<number>(n);
  for (let i = 0; i < n; i++) th[i] = hashString(tokens[i].word);
  const cls = new Array<readonly number[]>(n);
  for (let i = 0; i < n; i++) {
    const uni = mix(th[i], 0, K_UNI);
    f.unigrams.push(uni);
    add(f, uni, i, 1);
    const word = tokens[i].word;
    const st = stem(word);
    if (st !== word) add(f, mix(hashString(st), 0, K_STEM), i, 1);
    const own = classHashesOf(word);
    cls[i] = own.length ? own : classHashesOf(st);
  }
  for (let i = 0; i < n; i++) {
    for (const c of cls[i]) {
      add(f, mix(c, 0, K_CLASS), i, 1);
      if (i + 1 < n) {
        add(f, mix(c, th[i + 1], K_CLASS_WORD), i, 2);
        for (const d of cls[i + 1]) add(f, mix(c, d, K_CLASS_CLASS), i, 2);
      }
    }
    if (i + 1 < n) for (const d of cls[i + 1]) add(f, mix(th[i], d, K_WORD_CLASS), i, 2);
  }
  // Index -1 is the sentence start and n the end, so "calm down" at the very start differs from mid-sentence.
  for (let i = -1; i < n; i++) {
    if (n === 0) break;
    const from = Math.max(0, Math.min(n - 1, i));
    const a = hashAt(th, i), b = hashAt(th, i + 1);
    add(f, mix(a, b, K_BI), from, i < 0 || i + 1 >= n ? 1 : 2);
    if (i + 2 <= n) {
      const c = hashAt(th, i + 2);
      const span = Math.min(n, i + 3) - from;
      add(f, mix(a, c, K_SKIP), from, span);
      add(f, mix(mix(a, b, K_TRI), c, K_TRI), from, span);
    }
  }
  // Punctuation the words miss: a question ("can you send a photo?") is rarely an order, and "!" marks a register.
  // As a feature of its own and with the sentence's first word ("could …?" differs from "why …?").
  if (n && /\?\s*\W*$/u.test(sentence)) { add(f, mix(QUESTION, 0, K_MARK), n - 1, 1); add(f, mix(QUESTION, th[0], K_MARK), 0, 1); }
  if (n && sentence.includes('!')) add(f, mix(EXCLAIM, 0, K_MARK), n - 1, 1);
  return f;
}

function hashAt(th: number[], i: number): number {
  return i < 0 ? BOS : i >= th.length ? EOS : th[i];
}

function add(f: SentenceFeatures, h: number, owner: number, span: number): void {
  f.hashes.push(h);
  f.owners.push(owner);
  f.spans.push(span);
}

/**
 * A fingerprint of what `featurize` makes of a few awkward sentences. Training records it in the model's
 * meta and a test compares it with today's code, so a change to the features without a retrain fails the build
 * (the weights would otherwise be read against features they were not trained on).
 */
export function featureFingerprint(): string {
  const probes = ["I'm sorry, we can't refund orders after 30 days \u2013 that's our policy.", 'Dont worry, ill sort it out tmrw, order #A12-77 ships in 2 days!',
    'Let\u2019s see what\u2019s going on: could u send a screenshot pls?', 'Refunded, refunding, refunds; the RE-shipping was handled.', '', '\u00c7a marche, merci beaucoup 123',
    'As I said, it is only a tiny scratch, calm down!'];
  return hashString(JSON.stringify(probes.map((p) => featurize(p).hashes))).toString(16);
}

