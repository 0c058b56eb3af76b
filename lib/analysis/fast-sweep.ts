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

/** Per net: its keys in the order compromise walks them (`Object.keys(hooks)`), and each key's position. */
interface KeyOrder {
  keys: string[];
  rank: Map<string, number>;
}
const keyOrders = new WeakMap<object, KeyOrder>();

function orderOf(hooks: Net['hooks']): KeyOrder {
  let order = keyOrders.get(hooks);
  if (!order) {
    const keys = Object.keys(hooks);
    keyOrders.set(hooks, (order = { keys, rank: new Map(keys.map((k, i) => [k, i])) }));
  }
  return order;
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
    let list = candidates(docCache[n], net.hooks, order).filter((obj) => meetsNeeds(obj, docCache[n]));
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
