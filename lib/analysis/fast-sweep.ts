/**
 * compromise's `bulkMatch` (what `view.sweep(net)` runs: our rule net, and compromise's own post-tagger
 * on every sentence it tags) with a faster first step. compromise finds a sentence's candidate matches by
 * walking *every* key of the net (≈1,300 for our net, thousands for its post-tagger) and asking whether
 * the sentence has it; here the sentence's few words and tags are looked up in the net instead, and put
 * back in the net's key order, so the candidates, their order and so the results are exactly the same
 * (tests/unit/analysis/fast-sweep.test.ts). The other steps are compromise's own, copied from
 * compromise/src/1-one/sweep/methods/sweep/ (14.x).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

interface NetMatch {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}
interface Net {
  hooks: Record<string, NetMatch[]>;
  always: NetMatch[];
}

/**
 * Per net: its keys in the order compromise walks them (`Object.keys(hooks)`), and an index built once:
 * - `entries`: per match, where it sits in each key's list, as (rank, position) pairs by rank;
 * - `lookup`: where to look a match up. A match whose needs are not all present is dropped anyway, so one
 *   need is enough (the one with the shortest list); a match with no needs under each key it is in.
 * compromise's candidate list is the matches hooked on a key the sentence has, in order of their first
 * such (rank, position), de-duplicated by `match`, then trimmed to those whose needs are met. The same
 * list comes from looking up the sentence's keys in `lookup`, keeping those whose needs are met, and
 * sorting them by their first present (rank, position), without walking the long lists of common words
 * and tags (every "#Noun" match for every sentence with a noun), which made up most of a sweep.
 * De-duplicating by object is the same as by `match` when no two objects share a `match` (compromise's
 * buildNet keeps only the first per key); `exact` is false otherwise, and the plain walk is used.
 */
interface KeyOrder {
  keys: string[];
  rank: Map<string, number>;
  entries: Map<NetMatch, number[]>;
  lookup: Map<string, NetMatch[]>;
  exact: boolean;
}
const keyOrders = new WeakMap<object, KeyOrder>();

function orderOf(hooks: Net['hooks']): KeyOrder {
  let order = keyOrders.get(hooks);
  if (!order) {
    const keys = Object.keys(hooks);
    const entries = new Map<NetMatch, number[]>();
    keys.forEach((k, r) => hooks[k].forEach((m, p) => {
      let e = entries.get(m);
      if (!e) entries.set(m, (e = []));
      e.push(r, p);
    }));
    const lookup = new Map<string, NetMatch[]>();
    const put = (k: string, m: NetMatch) => {
      const list = lookup.get(k);
      if (list) list.push(m);
      else lookup.set(k, [m]);
    };
    const strings = new Set<string>();
    let exact = true;
    for (const [m, e] of entries) {
      if (strings.has(m.match)) exact = false;
      strings.add(m.match);
      if (m.needs.length) {
        let best = m.needs[0];
        for (const need of m.needs) if ((hooks[need]?.length ?? 0) < (hooks[best]?.length ?? 0)) best = need;
        put(best, m);
      } else for (let j = 0; j < e.length; j += 2) put(keys[e[j]], m);
    }
    keyOrders.set(hooks, (order = { keys, rank: new Map(keys.map((k, i) => [k, i])), entries, lookup, exact }));
  }
  return order;
}

/** compromise's getHooks then trimDown, through the index (see KeyOrder): the same matches in the same order. */
function metCandidates(has: Set<string>, order: KeyOrder): NetMatch[] {
  const { keys, entries, lookup } = order;
  const found: Array<{ m: NetMatch; r: number; p: number }> = [];
  let seen: Set<NetMatch> | undefined;
  for (const k of has) {
    const list = lookup.get(k);
    if (!list) continue;
    for (const m of list) {
      if (!m.needs.length) {
        // filed under several keys: once
        seen ??= new Set();
        if (seen.has(m)) continue;
        seen.add(m);
      }
      if (!meetsNeeds(m, has)) continue;
      const e = entries.get(m)!;
      for (let j = 0; j < e.length; j += 2) {
        if (has.has(keys[e[j]])) {
          found.push({ m, r: e[j], p: e[j + 1] });
          break;
        }
      }
    }
  }
  found.sort((a, b) => a.r - b.r || a.p - b.p);
  return found.map((f) => f.m);
}

/** compromise's getHooks: the net's matches hooked on anything the sentence has, de-duplicated, in key order. */
function candidates(has: Set<string>, hooks: Net['hooks'], { keys, rank }: KeyOrder): NetMatch[] {
  const ranks: number[] = [];
  for (const k of has) {
    const r = rank.get(k);
    if (r !== undefined) ranks.push(r);
  }
  ranks.sort((a, b) => a - b);
  const already = new Set<string>();
  const maybe: NetMatch[] = [];
  for (const r of ranks) {
    for (const m of hooks[keys[r]]) {
      if (already.has(m.match)) continue;
      already.add(m.match);
      maybe.push(m);
    }
  }
  return maybe;
}

/** compromise's trimDown: every need present, no `ifNo`, and enough of the wants. */
function meetsNeeds(obj: NetMatch, haves: Set<string>): boolean {
  if (!obj.needs.every((need) => haves.has(need))) return false;
  if (obj.ifNo !== undefined && obj.ifNo.some((no) => haves.has(no))) return false;
  if (obj.wants.length === 0) return true;
  return obj.wants.filter((str) => haves.has(str)).length >= obj.minWant;
}

export function fastBulkMatch(sentences: any[][], net: Net, methods: any, opts: { matchOne?: boolean } = {}): any[] {
  const docCache: Set<string>[] = methods.one.cacheDoc(sentences);
  const order = orderOf(net.hooks);
  const results: any[] = [];
  for (let n = 0; n < sentences.length; n++) {
    let list = order.exact ? metCandidates(docCache[n], order) : candidates(docCache[n], net.hooks, order).filter((obj) => meetsNeeds(obj, docCache[n]));
    if (net.always.length > 0) list = list.concat(net.always);
    const termCount = sentences[n].length;
    list = list.filter((o) => termCount >= o.minWords);
    // compromise's runMatch
    for (const m of list) {
      const res = methods.one.match([sentences[n]], m);
      if (res.ptrs.length > 0) {
        res.ptrs.forEach((ptr: any) => {
          ptr[0] = n;
          const todo = Object.assign({}, m, { pointer: ptr });
          if (m.unTag !== undefined) todo.unTag = m.unTag;
          results.push(todo);
        });
        if (opts.matchOne === true) return [results[0]];
      }
    }
  }
  return results;
}

const installed = new WeakSet<object>();

/** Puts the faster bulkMatch into compromise's shared methods (once; every view's sweep reads it from there). */
export function installFastSweep(nlp: any): void {
  const one = nlp.world().methods.one;
  if (installed.has(one)) return;
  installed.add(one);
  one.bulkMatch = fastBulkMatch;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
