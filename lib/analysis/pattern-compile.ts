/**
 * One phrasebank pattern as the matcher needs it: its expansions (expand.ts), each parsed by
 * compromise, compiled for the fast matcher and indexed by its required words. Parsing is most of
 * the cost of building a matcher (≈4,400 expansions in the bundled phrasebank, ≈0.1 ms each when
 * cold), so `npm run -s phrasebank:build` compiles the bundled patterns ahead of time
 * (build-patterns.ts → patterns.generated.ts) and pattern-cache.ts looks them up by their text.
 */
import { parseMatch, type ParsedPattern } from './nlp';
import { compileFast, type FastPattern } from './fastmatch';
import { requiredGroups, type ParsedTerm, type RequiredGroups } from './prefilter';
import { expandPattern } from '../phrasebank/expand';

export interface CompiledAlternative {
  parsed: ParsedPattern;
  fast: FastPattern;
  groups: RequiredGroups;
}

/** The expansions of a pattern (compromise's net is built from these texts). */
export const expansionsOf = expandPattern;

/** compromise's parse of each expansion of a pattern as written in the phrasebank. */
export function parseAlternatives(pattern: string): ParsedPattern[] {
  return expandPattern(pattern).map(parseMatch);
}

/** What the generated table keeps per pattern: compromise's parse of each expansion (the rest is quick to derive). */
export type PrecompiledTable = Record<string, ParsedPattern[]>;

/** The matcher's form of one parsed expansion. */
export function fromParsed(parsed: ParsedPattern): CompiledAlternative {
  return { parsed, fast: compileFast(parsed as ParsedTerm[]), groups: requiredGroups(parsed as ParsedTerm[]) };
}

/*
 * The table as JSON with shared subtrees: expansions of one pattern repeat the same word lists, so every
 * distinct value is stored once, in `nodes`, and containers refer to their members by index.
 * A node is [kind, ...]: 'n' number, 'a' array, 's' Set, 'o' object (key, member pairs). A member is a
 * string, boolean or null as it is, or the index of its node (numbers too, so an index is never ambiguous).
 */
type Node = [string, ...unknown[]];

export function serialise(table: PrecompiledTable): string {
  const nodes: Node[] = [];
  const ids = new Map<string, number>();
  const intern = (node: Node): number => {
    const key = JSON.stringify(node);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = nodes.push(node) - 1));
    return id;
  };
  const ref = (value: unknown): unknown => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return intern(['n', String(value)]); // as text: Infinity survives JSON
    if (value instanceof Set) return intern(['s', ...[...value].map(ref)]);
    if (Array.isArray(value)) return intern(['a', ...value.map(ref)]);
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return intern(['o', ...Object.entries(value).filter(([, v]) => v !== undefined).flatMap(([k, v]) => [k, ref(v)])]);
    }
    throw new Error(`cannot store a ${typeof value} in a compiled pattern`);
  };
  const root = ref(table);
  return JSON.stringify({ root, nodes });
}

/**
 * The table decoded on demand: one pattern's expansions are decoded the first time they are asked for
 * (memoised per node, so shared subtrees stay shared as in `deserialise`). A cold start then decodes only
 * the patterns a first draft makes candidates, not all ≈900 of them (≈16 ms).
 */
export function lazyTable(json: string): (pattern: string) => ParsedPattern[] | undefined {
  let decoded: { byPattern: Map<string, unknown>; member: (m: unknown) => unknown } | undefined;
  const open = () => {
    const { root, nodes } = JSON.parse(json) as { root: number; nodes: Node[] };
    const values: unknown[] = new Array(nodes.length);
    const member = (m: unknown): unknown => (typeof m === 'number' ? decode(m) : m);
    const decode = (i: number): unknown => {
      if (values[i] !== undefined) return values[i];
      const node = nodes[i];
      const [kind] = node;
      let value: unknown;
      if (kind === 'n') value = Number(node[1]);
      else if (kind === 'a') value = node.slice(1).map(member);
      else if (kind === 's') value = new Set(node.slice(1).map(member));
      else {
        const o: Record<string, unknown> = {};
        for (let k = 1; k < node.length; k += 2) o[node[k] as string] = member(node[k + 1]);
        value = o;
      }
      return (values[i] = value);
    };
    const top = nodes[root];
    const byPattern = new Map<string, unknown>();
    for (let k = 1; k < top.length; k += 2) byPattern.set(top[k] as string, top[k + 1]);
    return { byPattern, member };
  };
  return (pattern) => {
    decoded ??= open();
    return decoded.byPattern.has(pattern) ? (decoded.member(decoded.byPattern.get(pattern)) as ParsedPattern[]) : undefined;
  };
}

/**
 * The matcher's index of a pattern without its parse: per expansion, its required word groups, or null
 * when compromise parsed it to nothing (the matcher skips those). Stored beside the table
 * (patterns.generated.ts), so that building a matcher decodes and compiles no pattern up front.
 */
export type GroupsTable = Record<string, Array<RequiredGroups | null>>;

export function groupsOf(alternatives: CompiledAlternative[]): Array<RequiredGroups | null> {
  return alternatives.map((a) => (a.parsed.length ? a.groups : null));
}

/**
 * GroupsTable as stored: each distinct group once (its words joined by spaces: no word has one), and per
 * pattern, per expansion, the indices of its groups, or null (≈130 KB instead of ≈460 KB as plain JSON).
 * Decoded groups are shared between expansions: callers must not mutate them.
 */
export function serialiseGroups(table: GroupsTable): string {
  const groups: string[] = [];
  const ids = new Map<string, number>();
  const id = (g: string[]) => {
    if (g.some((w) => /\s/.test(w) || !w)) throw new Error(`a required word with a space: ${JSON.stringify(g)}`);
    const key = g.join(' ');
    let n = ids.get(key);
    if (n === undefined) ids.set(key, (n = groups.push(key) - 1));
    return n;
  };
  const patterns = Object.fromEntries(Object.entries(table).map(([p, alts]) => [p, alts.map((a) => (a ? a.map(id) : null))]));
  return JSON.stringify({ groups, patterns });
}

export function deserialiseGroups(json: string): Map<string, Array<RequiredGroups | null>> {
  const { groups, patterns } = JSON.parse(json) as { groups: string[]; patterns: Record<string, Array<number[] | null>> };
  const decoded = groups.map((g) => g.split(' '));
  const out = new Map<string, Array<RequiredGroups | null>>();
  for (const p in patterns) out.set(p, patterns[p].map((a) => (a ? a.map((i) => decoded[i]) : null)));
  return out;
}

export function deserialise(json: string): PrecompiledTable {
  const { root, nodes } = JSON.parse(json) as { root: number; nodes: Node[] };
  // Children always precede their container, so one pass in order decodes everything.
  const values: unknown[] = new Array(nodes.length);
  const member = (m: unknown) => (typeof m === 'number' ? values[m] : m);
  nodes.forEach((node, i) => {
    const [kind] = node;
    if (kind === 'n') values[i] = Number(node[1]);
    else if (kind === 'a') values[i] = node.slice(1).map(member);
    else if (kind === 's') values[i] = new Set(node.slice(1).map(member));
    else {
      const o: Record<string, unknown> = {};
      for (let k = 1; k < node.length; k += 2) o[node[k] as string] = member(node[k + 1]);
      values[i] = o;
    }
  });
  return values[root] as PrecompiledTable;
}
