/**
 * The one place that touches compromise internals (term lists, pointers, offsets), typed loosely
 * so the rest of the engine stays strictly typed.
 */
import compromise from '../phrasebank/compromise';
import { installFastSweep } from './fast-sweep';

/** A compromise term (the fields the engine reads). */
export interface NlpTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  machine?: string | null;
  implicit?: string | null;
  tags: Set<string>;
  offset?: { start: number; length: number };
}

/** A parsed document: sentences of terms with character offsets. */
export interface NlpDoc {
  view: unknown;
  sentences: NlpTerm[][];
}

/** A match: sentence index and term range [start, end). */
export interface NlpMatch {
  sentence: number;
  start: number;
  end: number;
  meta: Record<string, unknown>;
}

/** A compiled match-net (opaque). */
export type NlpNet = unknown;

export { knownTags, parseMatch, type ParsedPattern } from '../phrasebank/match-syntax';
import type { ParsedPattern } from '../phrasebank/match-syntax';

/* eslint-disable @typescript-eslint/no-explicit-any */
let ready = false;
/** compromise, evaluated on first use in the shipped builds (see compromise.ts), with the faster sweep. */
const api = () => {
  const nlp = compromise() as any;
  if (!ready) {
    installFastSweep(nlp);
    ready = true;
  }
  return nlp;
};

/**
 * Builds one net from many patterns; `meta` is handed back with every match. `parsed` (optional) is
 * compromise's own parse of `match`, done ahead of time (patterns.generated.ts): compromise's buildNet
 * runs unchanged, but is handed those instead of parsing every pattern again (most of its cost).
 */
export function buildNet(patterns: Array<{ match: string; meta: Record<string, unknown>; parsed?: ParsedPattern }>): NlpNet {
  const world = api().world();
  const one = world.methods.one;
  const original = one.parseMatch;
  // nlp.parseMatch (which made `parsed`) strips accents first; buildNet's own parse doesn't: use only the same text.
  const ahead = new Map<string, ParsedPattern>();
  for (const p of patterns) if (p.parsed && one.killUnicode(p.match, world) === p.match) ahead.set(p.match, p.parsed);
  // A copy: the net keeps its own regs, as when compromise parses them itself.
  one.parseMatch = (str: string, opts: unknown, w: unknown) => (ahead.has(str) ? structuredClone(ahead.get(str)) : original(str, opts, w));
  try {
    return api().buildNet(patterns.map((p) => ({ match: p.match, meta: p.meta })));
  } finally {
    one.parseMatch = original;
  }
}

/** The base form of a past participle ("left" → "leave", "picked" → "pick"), or null when compromise has none. */
export function baseForm(participle: string): string | null {
  const out = String(api()(`you should have ${participle}`).verbs().toInfinitive().text()).trim().split(/\s+/)[0];
  return out && /^[a-z]+$/i.test(out) ? out.toLowerCase() : null;
}

/**
 * Tags a sentence and computes term offsets. `chunks: false` leaves out compromise's last step, the chunker
 * (noun and verb phrases, ≈10 % of tagging), for a caller that matches no `<Chunk>` pattern: it sets only
 * each term's `chunk`, after every tag is final.
 */
export function parse(text: string, opts?: { chunks?: boolean }): NlpDoc {
  const nlp = api();
  let view;
  if (opts?.chunks === false) {
    const world = nlp.world();
    const hooks: string[] = world.hooks;
    world.hooks = hooks.filter((h) => h !== 'chunks');
    try {
      view = nlp(text);
    } finally {
      world.hooks = hooks;
    }
  } else view = nlp(text);
  view.compute('offset');
  return { view, sentences: view.document as NlpTerm[][] };
}

/** Runs a net over a parsed text. */
export function sweep(doc: NlpDoc, net: NlpNet): NlpMatch[] {
  const { found } = (doc.view as any).sweep(net, { tagger: false });
  return (found as any[]).map((f) => {
    const [sentence, start, end] = f.view.ptrs[0] as [number, number, number];
    return { sentence, start, end, meta: f.meta as Record<string, unknown> };
  });
}

/** True when a parsed pattern matches anywhere in the parsed text. */
export function matchesParsed(doc: NlpDoc, pattern: ParsedPattern): boolean {
  return (doc.view as any).has(pattern) as boolean;
}

/** True when a parsed pattern matches within the given sentences of the parsed text. */
export function matchesParsedIn(doc: NlpDoc, sentences: number[], pattern: ParsedPattern): boolean {
  if (!sentences.length) return false;
  return ((doc.view as any).update(sentences.map((n) => [n])) as any).has(pattern) as boolean;
}

/** All matches of a parsed pattern (used by example coverage checks). */
export function matchAll(doc: NlpDoc, pattern: ParsedPattern): NlpMatch[] {
  const m = (doc.view as any).match(pattern);
  return (m.ptrs as Array<[number, number, number]>).map(([sentence, start, end]) => ({ sentence, start, end, meta: {} }));
}
/* eslint-enable @typescript-eslint/no-explicit-any */
